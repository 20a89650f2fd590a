"""The Partnere page: the office's directory of local partners.

Civil-society organisations, the housing association's social team, health services,
debt counselling, language schools, employers offering internships and wage-subsidy
jobs, education. The list is loaded once (inactive partners too) and filtered in
Python; the model is reset on every change of the filter. Each partner shows how
many of its referrals are still open.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
)

from outreach_app.domain.partners import CLOSED_REFERRAL
from outreach_app.services.search import fold
from outreach_app.ui import style
from outreach_app.ui.base import Navigator, Page
from outreach_app.ui.dialogs.partner import PartnerDialog, partner_kind_label
from outreach_app.ui.dialogs.referral import ReferralDialog
from outreach_app.ui.session import Session
from outreach_app.ui.widgets import heading, muted

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Entry:
    """A partner with the number of its open referrals and its text to filter on."""

    partner: Any
    open_referrals: int
    haystack: str


def load_directory(ws: Any) -> list[Entry]:
    """Every partner, inactive ones too, with open referral counts (worker thread)."""
    partners = ws.partners.list(active_only=False)
    open_counts = Counter(
        r.partner_id for r in ws.referrals.all() if r.status not in CLOSED_REFERRAL
    )
    return [Entry(p, open_counts[p.id], _haystack(p)) for p in partners]


def _haystack(partner: Any) -> str:
    fields = (
        partner.name,
        partner_kind_label(partner.kind),
        partner.contact_person,
        partner.phone,
        partner.email,
        partner.address,
        partner.note,
    )
    return fold(" ".join(fields))


def matches(entry: Entry, words: list[str]) -> bool:
    return all(word in entry.haystack for word in words)


class PartnerModel(QAbstractTableModel):
    """The partners shown, over a plain list (reset, never proxied)."""

    NAME, KIND, CONTACT, PHONE, EMAIL, OPEN = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.OPEN:
            return self.tr("Henvisninger, der endnu ikke er afsluttet")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Navn"),
            self.tr("Type"),
            self.tr("Kontaktperson"),
            self.tr("Telefon"),
            self.tr("E-mail"),
            self.tr("Åbne henv."),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not entry.partner.active:
            return QBrush(QColor(style.MUTED))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.OPEN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return entry.partner.id
        return None

    def _text(self, entry: Entry, column: int) -> str:
        partner = entry.partner
        if column == self.NAME:
            return partner.name if partner.active else self.tr("%s (inaktiv)") % partner.name
        if column == self.OPEN:
            return str(entry.open_referrals) if entry.open_referrals else ""
        values = {
            self.KIND: partner_kind_label(partner.kind),
            self.CONTACT: partner.contact_person,
            self.PHONE: partner.phone,
            self.EMAIL: partner.email,
        }
        return values[column]


class PartnersPage(Page):
    """The directory of local partners: find, add, correct, refer a citizen."""

    name = "partners"
    kinds = frozenset({"all", "partners", "referrals"})

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session, nav)
        self.entries: list[Entry] = []
        self._loaded = False
        self._stale = True
        self._selected: str | None = None
        self.dialog: PartnerDialog | ReferralDialog | None = None
        self.model = PartnerModel(self)
        self._build()
        self._wire()

    def title(self) -> str:
        return self.tr("Partnere")

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(
            self.tr("Filtrér på navn, type, kontaktperson eller hvad partneren tilbyder")
        )
        self.filter.setAccessibleName(self.tr("Filtrér partnere"))
        self.filter.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(self.tr("Vis inaktive"))
        self.new_button = QPushButton(self.tr("&Ny partner"))
        self.summary = muted("")
        self.table = self._table()
        self.empty = muted("")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.detail_name = heading("", level=2)
        self.detail_kind = QLabel()
        self.detail_kind.setObjectName("badge")
        self.detail_contact = QLabel()
        self.detail_note = QLabel()
        for label in (self.detail_contact, self.detail_note):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("&Redigér"))
        self.refer_button = QPushButton(self.tr("&Henvis borger"))
        self.refer_button.setDefault(True)
        self._lay_out()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Partnere"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PartnerModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PartnerModel.EMAIL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PartnerModel.EMAIL, table.fontMetrics().averageCharWidth() * 24)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setHighlightSections(False)
        return table

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.show_inactive)
        bar.addSpacing(12)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 12)
        layout.addWidget(heading(self.title()))
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self._detail_card())
        self.setTabOrder(self.filter, self.show_inactive)
        self.setTabOrder(self.show_inactive, self.new_button)
        self.setTabOrder(self.new_button, self.table)
        self.setTabOrder(self.table, self.edit_button)
        self.setTabOrder(self.edit_button, self.refer_button)

    def _detail_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        title = QHBoxLayout()
        title.addWidget(self.detail_name)
        title.addWidget(self.detail_kind)
        title.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.refer_button)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.addLayout(title)
        layout.addWidget(self.detail_contact)
        layout.addWidget(self.detail_note)
        layout.addLayout(buttons)
        return card

    def _wire(self) -> None:
        self.filter.textChanged.connect(lambda _t: self._apply_filter())
        self.filter.installEventFilter(self)
        self.show_inactive.toggled.connect(lambda _on: self._apply_filter())
        self.new_button.clicked.connect(self.new_partner)
        self.edit_button.clicked.connect(self.edit_selected)
        self.refer_button.clicked.connect(self.refer_citizen)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.isVisible():
            self._load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        self.session.run(load_directory, done=self._loaded_entries, key="partners")

    def _loaded_entries(self, entries: list[Entry]) -> None:
        self.entries, self._loaded = entries, True
        self._apply_filter()

    # -- showing --------------------------------------------------------------------------

    def visible_entries(self) -> list[Entry]:
        words = fold(self.filter.text()).split()
        inactive = self.show_inactive.isChecked()
        return [e for e in self.entries if (inactive or e.partner.active) and matches(e, words)]

    def _apply_filter(self) -> None:
        shown = self.visible_entries()
        self.model.set_entries(shown)
        self.stack.setCurrentWidget(self.table if shown else self.empty)
        self.empty.setText(self._empty_text())
        self.summary.setText(self._summary(shown))
        self._reselect()

    def _empty_text(self) -> str:
        if not self._loaded:
            return self.tr("Henter partnere …")
        if not self.entries:
            return self.tr(
                "Der er ingen partnere endnu. Tilføj de lokale samarbejdspartnere med «Ny partner»."
            )
        return self.tr("Ingen partnere passer på filteret.")

    def _summary(self, shown: list[Entry]) -> str:
        if not self._loaded:
            return ""
        referrals = sum(e.open_referrals for e in shown)
        return self.tr("Partnere: %d  ·  Åbne henvisninger: %d") % (len(shown), referrals)

    def redraw(self) -> None:
        """Partners are not citizens: discreet mode changes nothing here."""

    def clear(self) -> None:
        self.entries, self._loaded, self._stale = [], False, True
        self._selected = None
        self.model.set_entries([])
        self.summary.clear()
        self._show_detail(None)

    # -- selection ----------------------------------------------------------------------------

    def selected(self) -> Any:
        entry = next((e for e in self.model.entries if e.partner.id == self._selected), None)
        return entry.partner if entry else None

    def select(self, partner_id: str) -> bool:
        for row, entry in enumerate(self.model.entries):
            if entry.partner.id == partner_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected = self.model.entries[current.row()].partner.id
        self._show_detail(self.selected())

    def _reselect(self) -> None:
        if not (self._selected and self.select(self._selected)):
            if self.model.entries:
                self.select(self.model.entries[0].partner.id)
            else:
                self._show_detail(None)

    def _show_detail(self, partner: Any) -> None:
        self.edit_button.setEnabled(partner is not None)
        self.refer_button.setEnabled(partner is not None and partner.active)
        self.detail_kind.setVisible(partner is not None)
        if partner is None:
            self.detail_name.setText(self.tr("Ingen partner valgt"))
            self.detail_contact.setText("")
            self.detail_note.setText("")
            return
        self.detail_name.setText(partner.name)
        self.detail_kind.setText(partner_kind_label(partner.kind))
        contact = [partner.contact_person, partner.phone, partner.email, partner.address]
        self.detail_contact.setText("  ·  ".join(c for c in contact if c))
        note = partner.note or self.tr("Ingen beskrivelse af samarbejdet endnu.")
        if not partner.active:
            note = self.tr("Inaktiv: vises ikke, når der henvises.") + "\n" + note
        self.detail_note.setText(note)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Down in the filter field moves to the list."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.entries:
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- actions ------------------------------------------------------------------------------

    def new_partner(self) -> None:
        self._open(PartnerDialog(self.session, parent=self))

    def edit_selected(self) -> None:
        partner = self.selected()
        if partner is not None:
            self._open(PartnerDialog(self.session, partner=partner, parent=self))

    def refer_citizen(self) -> None:
        partner = self.selected()
        if partner is not None and partner.active:
            dialog = ReferralDialog(self.session, partner_id=partner.id, parent=self)
            dialog.referred.connect(lambda _id: self.nav.say(self.tr("Borgeren er henvist.")))
            self.dialog = dialog
            dialog.open()

    def _open(self, dialog: PartnerDialog) -> None:
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()

    def _saved(self, partner_id: str) -> None:
        self._selected = partner_id
        self.nav.say(self.tr("Partneren er gemt."))
