"""Unlocking: the passphrase panel (used at start and on the lock screen), the
profile chooser and the first-run profile creation."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.storage.profile import Profile, ProfileInfo, profiles_root
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading, muted

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 8


def strength(passphrase: str) -> tuple[int, str]:
    """A rough strength (0-4) and a hint in words, for the new-profile form."""
    length = len(passphrase)
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    score = (
        0
        if length < MIN_PASSPHRASE
        else min(4, 1 + (length >= 14) + (length >= 20) + (kinds >= 3 or words >= 4))
    )
    hints = {
        0: QCoreApplication.translate("Passphrase", "For kort: mindst %d tegn.") % MIN_PASSPHRASE,
        1: QCoreApplication.translate("Passphrase", "Svag: brug flere ord."),
        2: QCoreApplication.translate("Passphrase", "Rimelig: et ord mere gør den stærk."),
        3: QCoreApplication.translate("Passphrase", "Stærk."),
        4: QCoreApplication.translate("Passphrase", "Meget stærk."),
    }
    return score, hints[score]


class UnlockPanel(QWidget):
    """Passphrase field and button; opens the session's vault off the GUI thread."""

    unlocked = Signal()

    def __init__(self, session: Session, label: str, *, others: bool = False) -> None:
        super().__init__()
        self.session = session
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Adgangsfrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(self.tr("Lås op"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        self.message = ErrorLabel()
        self.busy = QProgressBar(maximum=0, textVisible=False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        self._wait = QTimer(self, interval=1000)
        self._wait.timeout.connect(self._tick)
        self._seconds = 0
        self._layout(label)

    def _layout(self, label: str) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Lås op")))
        layout.addWidget(QLabel(self.tr("Profil: %s") % label))
        form = QFormLayout()
        form.addRow(self.tr("Adgangsfrase:"), self.passphrase)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        layout.addStretch(1)

    def focus(self) -> None:
        self.passphrase.clear()
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        if self._seconds > 0 or not self.passphrase.text():
            return
        self._set_busy(True)
        self.message.clear()
        self.session.unlock(self.passphrase.text(), done=self._opened, error=self._refused)

    def _opened(self) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit()

    def _refused(self, error: BaseException) -> None:
        from outreach_app.storage.errors import (  # noqa: PLC0415
            UnlockThrottled,
            WrongPassphraseError,
        )

        self._set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(error, WrongPassphraseError):
            self.message.show_error(self.tr("Forkert adgangsfrase."))
            self._countdown(error.retry_after)
        elif isinstance(error, UnlockThrottled):
            self._countdown(error.retry_after)
        else:
            self.message.show_error(self.tr("Profilen kunne ikke åbnes: %s") % error)

    def _countdown(self, seconds: int) -> None:
        self._seconds = seconds
        if seconds > 0:
            self.button.setEnabled(False)
            self._tick_text()
            self._wait.start()

    def _tick(self) -> None:
        self._seconds -= 1
        if self._seconds <= 0:
            self._wait.stop()
            self.button.setEnabled(True)
            self.message.show_error(self.tr("Forkert adgangsfrase. Prøv igen."))
            return
        self._tick_text()

    def _tick_text(self) -> None:
        self.message.show_error(
            self.tr("Forkert adgangsfrase. Vent %n sekund(er) før næste forsøg.", "", self._seconds)
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)


class NewProfileForm(QWidget):
    """First run: the consultant's name, the office, a passphrase twice."""

    requested = Signal(object, str)  # NewProfile details, passphrase
    cancelled = Signal()

    def __init__(self, recovery_key: Callable[[], object | None]) -> None:
        super().__init__()
        self._recovery_key = recovery_key
        self.name = QLineEdit()
        self.office = QLineEdit()
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("OUTREACH1. … (valgfri)"))
        self.hint = QLabel(wordWrap=True)
        self.message = ErrorLabel()
        self.button = QPushButton(self.tr("Opret profil"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.passphrase.textChanged.connect(self._show_strength)
        for field, name in (
            (self.name, self.tr("Dit navn")),
            (self.office, self.tr("Kontor")),
            (self.passphrase, self.tr("Adgangsfrase")),
            (self.repeat, self.tr("Gentag adgangsfrase")),
            (self.code, self.tr("Tilmeldingskode fra hovedkontoret")),
        ):
            field.setAccessibleName(name)
        self._layout()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Ny profil")))
        form = QFormLayout()
        form.addRow(self.tr("Dit navn:"), self.name)
        form.addRow(self.tr("Kontor:"), self.office)
        form.addRow(self.tr("Adgangsfrase:"), self.passphrase)
        form.addRow("", self.hint)
        form.addRow(self.tr("Gentag:"), self.repeat)
        form.addRow(self.tr("Tilmeldingskode:"), self.code)
        form.addRow(
            "",
            muted(self.tr("Koden fra hovedkontoret tilmelder bærbaren til centralen.")),
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        back = QPushButton(self.tr("Tilbage"))
        back.clicked.connect(self.cancelled)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        layout.addStretch(1)

    def _show_strength(self, text: str) -> None:
        self.hint.setText(strength(text)[1] if text else "")

    def problem(self) -> str | None:
        """What is wrong with the form, in words, or None."""
        if not self.name.text().strip():
            return self.tr("Skriv dit navn.")
        if not self.office.text().strip():
            return self.tr("Skriv kontorets navn.")
        if strength(self.passphrase.text())[0] == 0:
            return self.tr("Adgangsfrasen skal have mindst %d tegn.") % MIN_PASSPHRASE
        if self.passphrase.text() != self.repeat.text():
            return self.tr("De to adgangsfraser er forskellige.")
        # with an enrolment code, the organisation's recovery key comes from the service
        if not self.code.text().strip() and self._recovery_key() is None:
            return self.tr(
                "Organisationens gendannelsesnøgle mangler. Bed IT om filen recovery-public.pem."
            )
        return None

    def submit(self) -> None:
        problem = self.problem()
        if problem:
            self.message.show_error(problem)
            return
        from outreach_app.services.workspace import NewProfile  # noqa: PLC0415

        self.message.clear()
        self.button.setEnabled(False)
        details = NewProfile(
            consultant_name=self.name.text().strip(), office_name=self.office.text().strip()
        )
        self.requested.emit(details, self.passphrase.text())

    def failed(self, error: BaseException) -> None:
        from outreach_app.ui.sync_status import ERRORS, error_words  # noqa: PLC0415

        self.button.setEnabled(True)
        name = type(error).__name__
        words = error_words(name) if name in ERRORS else str(error)
        self.message.show_error(self.tr("Profilen kunne ikke oprettes: %s") % words)


def _create_enrolled(profile: Profile, passphrase: str, details: Any, code: str) -> object:
    """On the worker: enrol with the central service, then make the profile with the
    ids and the organisation's recovery key it gave, and keep the enrolment in it."""
    from outreach_app.crypto.recovery import RecoveryPublicKey  # noqa: PLC0415
    from outreach_app.services.workspace import Workspace  # noqa: PLC0415
    from outreach_app.sync.enrol import enrol_device, remember  # noqa: PLC0415

    enrolment = enrol_device(code)
    answer = enrolment.response
    workspace = Workspace.create(
        profile,
        passphrase,
        details,
        recovery=RecoveryPublicKey.from_pem(answer.recovery_public_key.encode()),
        issued=(answer.consultant_id, answer.office_id),  # type: ignore[arg-type]
    )
    remember(workspace, enrolment)
    return workspace


def new_profile_folder() -> Profile:
    """A folder name that is not the consultant's name: 'profil-1', 'profil-2', ..."""
    root = profiles_root()
    number = 1
    while (root / f"profil-{number}").exists():
        number += 1
    return Profile(root / f"profil-{number}")


class StartDialog(QDialog):
    """Choose a profile and unlock it, or make the first one."""

    session_changed = Signal()  # another profile was chosen: ``session`` is a new one

    def __init__(
        self,
        profiles: list[ProfileInfo],
        *,
        preferred: str = "",
        recovery_key: Callable[[], object | None],
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Outreach"))
        self.setMinimumWidth(460)
        self.session: Session | None = None
        self._profiles = profiles
        self.pages = QStackedWidget()
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Profil"))
        for info in profiles:
            self.chooser.addItem(info.label, str(info.profile.root))
        index = self.chooser.findData(preferred)
        self.chooser.setCurrentIndex(max(index, 0))
        self.chooser.currentIndexChanged.connect(self._chosen)
        self._recovery_key = recovery_key
        self.form = NewProfileForm(recovery_key)
        self.form.requested.connect(self._create)
        self.form.cancelled.connect(self._back)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profil:")))
        top.addWidget(self.chooser, 1)
        new = QPushButton(self.tr("Ny profil …"))
        new.clicked.connect(lambda: self.pages.setCurrentWidget(self.form))
        top.addWidget(new)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        self.pages.addWidget(self.form)
        self._chosen(self.chooser.currentIndex()) if profiles else self.pages.setCurrentWidget(
            self.form
        )

    def _chosen(self, index: int) -> None:
        if index < 0:
            return
        info = self._profiles[index]
        self.session = Session(info.profile)
        panel = UnlockPanel(self.session, info.label)
        panel.unlocked.connect(self.accept)
        self.pages.addWidget(panel)
        self.pages.setCurrentWidget(panel)
        panel.focus()
        self.session_changed.emit()

    def chosen_label(self) -> str:
        if self.session is None:
            return ""
        for info in self._profiles:
            if info.profile.root == self.session.profile.root:
                return info.label
        return self.form.office.text().strip()

    def _back(self) -> None:
        if self._profiles:
            self._chosen(self.chooser.currentIndex())

    def _create(self, details: Any, passphrase: str) -> None:
        """Make the vault off the GUI thread (calibrating the KDF takes a moment)."""
        from outreach_app.services.workspace import Workspace  # noqa: PLC0415

        profile = new_profile_folder()
        session = Session(profile)
        recovery: Any = self._recovery_key()
        code = self.form.code.text().strip()

        def make() -> object:
            if code:
                return _create_enrolled(profile, passphrase, details, code)
            return Workspace.create(profile, passphrase, details, recovery=recovery)

        def made(workspace: object) -> None:
            self.session = session
            session.resume(workspace)
            self.accept()

        session.submit(make, done=made, error=self.form.failed)
