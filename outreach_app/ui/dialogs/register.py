"""Registering a walk-in with only what is known: a first name, perhaps a last name,
a phone number, a CPR number.

The CPR number is checked while it is typed (form, real date) and again by the
service on save. A CPR number that is already registered offers to open that
citizen instead. An error never loses what was typed.
"""

from __future__ import annotations

import calendar
import itertools
import logging
import re
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.cpr import looks_like_cpr, parse_cpr
from outreach_app.domain.errors import DuplicateCpr, InvalidCpr, ValidationError
from outreach_app.domain.people import Citizen
from outreach_app.domain.phone import looks_like_phone, normalise_phone
from outreach_app.domain.rules import NAME_MAX
from outreach_app.ui.errors import describe
from outreach_app.ui.models import alive, now_of
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import ErrorLabel, heading, muted

log = logging.getLogger(__name__)

_CPR_CHARS = re.compile(r"^[0-9\s-]*$")
_PHONE_CHARS = re.compile(r"^[0-9+\s\-./()]+$")
_CPR_IN_TEXT = re.compile(r"(?<!\d)\d{6}[-\s]?\d{4}(?!\d)")
_PHONE_IN_TEXT = re.compile(r"(?:\+|00)?\d[\d\s\-./()]{6,}\d")


def split_text(text: str) -> dict[str, str]:
    """Where a text typed in the search field belongs in the form: a CPR number and
    a phone number are taken out wherever they stand, the words left are the name
    (the first word the first name, the rest the last name)."""
    parts: dict[str, str] = {}
    rest = text.strip()
    for field, pattern, looks_like in (
        ("cpr", _CPR_IN_TEXT, looks_like_cpr),
        ("phone", _PHONE_IN_TEXT, looks_like_phone),
    ):
        found = pattern.search(rest)
        if found and looks_like(found.group(0)):
            parts[field] = found.group(0).strip()
            rest = (rest[: found.start()] + " " + rest[found.end() :]).strip()
    if rest and _PHONE_CHARS.match(rest) and "phone" not in parts:
        parts["phone"] = rest  # a number being typed, not yet a whole one
    elif rest:
        first, _, last = rest.partition(" ")
        parts.update(first=first, last=last.strip())
    return parts


class RegisterDialog(QDialog):
    """One small form; Enter saves, Esc closes."""

    registered = Signal(str)  # the new citizen's id
    open_existing = Signal(str)  # the id of the citizen who has this CPR number

    def __init__(self, session: Session, *, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.existing_id: str | None = None
        self.saving = False
        self.setWindowTitle(self.tr("Registrér borger"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._fields()
        self._buttons()
        self._layout()
        self._prefill(text)
        session.locked.connect(self._locked)

    # -- building ------------------------------------------------------------------------

    def _fields(self) -> None:
        self.first = self._line(self.tr("Fornavn"), self.tr("Påkrævet"))
        self.last = self._line(self.tr("Efternavn"), self.tr("Hvis borgeren siger det"))
        self.phone = self._line(self.tr("Telefon"), self.tr("Fx 20 12 34 56"))
        self.phone.setMaxLength(40)
        self.cpr = self._line(self.tr("CPR-nummer"), self.tr("DDMMÅÅ-XXXX (valgfrit)"))
        self.cpr.setMaxLength(20)
        self.first_error = ErrorLabel()
        self.phone_error = ErrorLabel()
        self.cpr_error = ErrorLabel()
        self.error = ErrorLabel()
        for label in (self.first_error, self.phone_error, self.cpr_error, self.error):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.first.textEdited.connect(lambda _t: self.first_error.clear())
        self.phone.textEdited.connect(lambda _t: self.phone_error.clear())
        self.cpr.textChanged.connect(self._check_cpr_typing)
        self.cpr.editingFinished.connect(self._check_cpr_done)

    def _line(self, name: str, hint: str) -> QLineEdit:
        line = QLineEdit()
        line.setAccessibleName(name)
        line.setPlaceholderText(hint)
        line.setMaxLength(NAME_MAX)
        line.setClearButtonEnabled(True)
        return line

    def _buttons(self) -> None:
        self.save_button = QPushButton(self.tr("Registrér og åbn"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Annullér"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.open_button = QPushButton(self.tr("Åbn borgeren"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open_existing)
        self.duplicate = QWidget()
        row = QHBoxLayout(self.duplicate)
        row.setContentsMargins(0, 0, 0, 0)
        message = QLabel(self.tr("Der findes allerede en borger med dette CPR-nummer."))
        message.setObjectName("warning")
        message.setWordWrap(True)
        row.addWidget(message, 1)
        row.addWidget(self.open_button)
        self.duplicate.hide()

    def _layout(self) -> None:
        layout = self.main_layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Registrér ny borger")))
        layout.addWidget(muted(self.tr("Skriv det, du ved nu. Resten kan tilføjes senere.")))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Fornavn *"), self.first)
        form.addRow("", self.first_error)
        form.addRow(self.tr("Efternavn"), self.last)
        form.addRow(self.tr("Telefon"), self.phone)
        form.addRow("", self.phone_error)
        form.addRow(self.tr("CPR-nummer"), self.cpr)
        form.addRow("", self.cpr_error)
        layout.addLayout(form)
        layout.addWidget(self.duplicate)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumWidth(42 * em)
        order = (self.first, self.last, self.phone, self.cpr, self.save_button, self.cancel_button)
        for before, after in itertools.pairwise(order):
            self.setTabOrder(before, after)

    def _prefill(self, text: str) -> None:
        parts = split_text(text)
        self.first.setText(parts.get("first", ""))
        self.last.setText(parts.get("last", ""))
        self.phone.setText(parts.get("phone", ""))
        self.cpr.setText(parts.get("cpr", ""))
        empty = [f for f in (self.first, self.last, self.phone, self.cpr) if not f.text()]
        (empty[0] if empty else self.first).setFocus()

    def _say(self, label: ErrorLabel, text: str) -> None:
        label.show_error(text)
        self._fit()

    def _fit(self) -> None:
        """Grow to show a message that appeared (wrapped lines are never cut off)."""
        layout = self.main_layout
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- checking while typing ----------------------------------------------------------------

    def _check_cpr_typing(self, text: str) -> None:
        """Say at once what can already be seen to be wrong; stay quiet while the
        number is simply not complete yet."""
        self._forget_duplicate()
        problem = self._cpr_problem(text, complete=False)
        if problem:
            self._say(self.cpr_error, problem)
        else:
            self.cpr_error.clear()

    def _check_cpr_done(self) -> None:
        problem = self._cpr_problem(self.cpr.text(), complete=True)
        if problem:
            self._say(self.cpr_error, problem)

    def _cpr_problem(self, text: str, *, complete: bool) -> str:
        today = now_of(self.session).astimezone(DANISH_TIME).date()
        problem = cpr_problem(text, complete=complete, today=today)
        messages = {
            "chars": self.tr("CPR-nummeret må kun indeholde cifre (og evt. en bindestreg)."),
            "long": self.tr("CPR-nummeret har for mange cifre: det skal være 10."),
            "short": self.tr("CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX)."),
            "form": self.tr("Skriv CPR-nummeret som DDMMÅÅ-XXXX."),
            "date": self.tr("De første seks cifre skal være en rigtig dato (DDMMÅÅ)."),
            "future": self.tr("Fødselsdatoen i CPR-nummeret ligger i fremtiden."),
        }
        return messages.get(problem, "")

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return
        if not self._valid():
            return
        self.error.clear()
        self.saving = True
        self.save_button.setEnabled(False)
        first, last = self.first.text().strip(), self.last.text().strip()
        phone, cpr = self.phone.text().strip() or None, self.cpr.text().strip() or None

        def work(ws):
            return ws.citizens.register(first_name=first, last_name=last, phone=phone, cpr=cpr)

        self.session.run(
            work,
            done=alive(self, self._saved),
            error=alive(self, self._refused),
            changes="citizens",
        )

    def _valid(self) -> bool:
        """Check what can be checked here; the first field in doubt gets the focus."""
        problems: list[tuple[QLineEdit, ErrorLabel, str]] = []
        if not self.first.text().strip():
            problems.append((self.first, self.first_error, self.tr("Skriv mindst et fornavn.")))
        phone = self.phone.text().strip()
        if phone and not _phone_ok(phone):
            text = self.tr("Telefonnummeret skal have 3 til 15 cifre, evt. med +45 foran.")
            problems.append((self.phone, self.phone_error, text))
        cpr_problem = self._cpr_problem(self.cpr.text(), complete=True)
        if cpr_problem:
            problems.append((self.cpr, self.cpr_error, cpr_problem))
        for _field, label, text in problems:
            self._say(label, text)
        if problems:
            problems[0][0].setFocus()
        return not problems

    def _saved(self, citizen: Citizen) -> None:
        self.saving = False
        log.info("walk-in %s registered from the dialog", citizen.id)
        self.registered.emit(str(citizen.id))
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, DuplicateCpr):
            self._show_duplicate(error.existing_id)
            return
        field = {"first name": self.first, "last name": self.last, "phone": self.phone}
        target = field.get(error.field, self.first) if isinstance(error, ValidationError) else None
        if isinstance(error, InvalidCpr):
            self._say(self.cpr_error, describe(error))
            target = self.cpr
        else:
            self._say(self.error, describe(error))
        if target is not None:
            target.setFocus()

    def _show_duplicate(self, existing_id: str) -> None:
        self.existing_id = existing_id
        self.duplicate.show()
        self._fit()
        self.save_button.setDefault(False)
        self.open_button.setDefault(True)
        self.open_button.setFocus()

    def _forget_duplicate(self) -> None:
        if self.existing_id is None:
            return
        self.existing_id = None
        self.duplicate.hide()
        self.open_button.setDefault(False)
        self.save_button.setDefault(True)

    def _open_existing(self) -> None:
        if self.existing_id is not None:
            self.open_existing.emit(self.existing_id)
            self.accept()

    # -- privacy ---------------------------------------------------------------------------

    def _locked(self) -> None:
        """The session locked: forget what was typed and close."""
        for line in (self.first, self.last, self.phone, self.cpr):
            line.clear()
        self.reject()


def cpr_problem(text: str, *, complete: bool, today: date) -> str:
    """What is wrong with a CPR number being typed, as a key ('' when nothing is, or
    when it is merely not complete yet and ``complete`` is false)."""
    if not text.strip():
        return ""
    if not _CPR_CHARS.match(text):
        return "chars"
    digits = re.sub(r"\D", "", text)
    if len(digits) > 10:
        return "long"
    if len(digits) >= 4 and not _plausible_day(digits):
        return "date"
    if len(digits) < 10:
        return "short" if complete else ""
    return _complete_cpr_problem(text, today)


def _complete_cpr_problem(text: str, today: date) -> str:
    if not looks_like_cpr(text):
        return "form"
    try:
        born = parse_cpr(text).birth_date
    except InvalidCpr:
        return "date"
    return "future" if born > today else ""


def _plausible_day(digits: str) -> bool:
    """Whether DDMM can be a day of a year (29 February counts: the year comes later)."""
    day, month = int(digits[0:2]), int(digits[2:4])
    if not 1 <= month <= 12:
        return False
    leap_possible = len(digits) < 6 or int(digits[4:6]) % 4 == 0
    return 1 <= day <= calendar.monthrange(2000 if leap_possible else 2001, month)[1]


def _phone_ok(text: str) -> bool:
    try:
        normalise_phone(text)
    except ValidationError:
        return False
    return True
