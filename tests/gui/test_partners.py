"""The Partnere page: the directory, its filter, adding, correcting and deactivating a
partner, and referring a citizen from it."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from outreach_app.domain.partners import CLOSED_REFERRAL, PartnerKind
from outreach_app.services.workspace import Workspace
from outreach_app.ui.dialogs.partner import PartnerDialog
from outreach_app.ui.dialogs.referral import ReferralDialog
from outreach_app.ui.main_window import MainWindow
from outreach_app.ui.pages.partners import PartnerModel, PartnersPage
from outreach_app.ui.session import Session
from tests.gui.conftest import settle


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot, session: Session) -> PartnersPage:
    window.show_page("partners")
    settle(qtbot, session)
    partners = window.pages["partners"]
    assert isinstance(partners, PartnersPage)
    return partners


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def column(page: PartnersPage, col: int) -> list[str]:
    model = page.model
    return [model.index(row, col).data() for row in range(model.rowCount())]


def row_of(page: PartnersPage, partner_id: str) -> int:
    return next(i for i, e in enumerate(page.model.entries) if e.partner.id == partner_id)


def open_counts(ws: Workspace) -> Counter[str]:
    return Counter(r.partner_id for r in ws.referrals.all() if r.status not in CLOSED_REFERRAL)


def test_directory_lists_active_partners_with_open_referrals_and_filters(
    page: PartnersPage, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    active = demo_workspace.partners.list()
    assert column(page, PartnerModel.NAME) == [p.name for p in active]
    counts = open_counts(demo_workspace)
    shown = dict(zip(column(page, PartnerModel.NAME), column(page, PartnerModel.OPEN), strict=True))
    for partner in active:
        assert shown[partner.name] == (str(counts[partner.id]) if counts[partner.id] else "")
    kinds = set(column(page, PartnerModel.KIND))
    assert kinds <= {
        "Civilsamfund", "Boligsocial indsats", "Sundhed", "Gældsrådgivning",
        "Sprogskole", "Virksomhed", "Uddannelse", "Andet",
    }  # fmt: skip
    assert page.summary.text().startswith(f"Partnere: {len(active)}")
    assert page.detail_name.text() == active[0].name

    qtbot.keyClicks(page.filter, "gælds")
    names = column(page, PartnerModel.NAME)
    assert names
    assert all(
        "gælds" in (n + page.model.entries[i].partner.note).lower()
        or page.model.entries[i].partner.kind is PartnerKind.DEBT_COUNSELLING
        for i, n in enumerate(names)
    )
    assert len(names) < len(active)
    page.filter.clear()
    qtbot.keyClicks(page.filter, "virksomhed")  # the kind in Danish is searchable
    assert set(column(page, PartnerModel.KIND)) == {"Virksomhed"}
    page.filter.clear()
    qtbot.keyClicks(page.filter, "xyzzy")
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text() == "Ingen partnere passer på filteret."
    assert not page.edit_button.isEnabled()
    page.filter.clear()
    assert page.model.rowCount() == len(active)


def test_new_partner_is_added_and_edited(
    page: PartnersPage, qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert isinstance(dialog, PartnerDialog) and dialog.isVisible()
    click(qtbot, dialog.save)
    assert dialog.error.text() == "Skriv partnerens navn."
    qtbot.keyClicks(dialog.name, "Jobcafeen Toftevangen")
    dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerKind.CIVIL_SOCIETY.value))
    qtbot.keyClicks(dialog.contact_person, "Lise Holm")
    qtbot.keyClicks(dialog.phone, "70 10 20 30")
    qtbot.keyClicks(dialog.note, "Jobcafe med CV-hjælp tirsdag")
    with qtbot.waitSignal(dialog.saved) as saved:
        click(qtbot, dialog.save)
    settle(qtbot, session)
    partner_id = saved.args[0]
    assert "Jobcafeen Toftevangen" in column(page, PartnerModel.NAME)
    assert page.detail_name.text() == "Jobcafeen Toftevangen"
    assert "Lise Holm" in page.detail_contact.text()
    stored = demo_workspace.partners.get(partner_id)
    assert (stored.kind, stored.phone, stored.note) == (
        PartnerKind.CIVIL_SOCIETY,
        "70 10 20 30",
        "Jobcafe med CV-hjælp tirsdag",
    )

    page.table.selectRow(row_of(page, partner_id))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens it for editing
    dialog = page.dialog
    assert isinstance(dialog, PartnerDialog) and dialog.partner is not None
    assert dialog.name.text() == "Jobcafeen Toftevangen"
    dialog.contact_person.clear()
    qtbot.keyClicks(dialog.contact_person, "Sara Nielsen")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save)
    settle(qtbot, session)
    assert demo_workspace.partners.get(partner_id).contact_person == "Sara Nielsen"
    assert column(page, PartnerModel.CONTACT)[row_of(page, partner_id)] == "Sara Nielsen"


def test_deactivated_partner_leaves_the_list_and_takes_no_referrals(
    page: PartnersPage, qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    target = demo_workspace.partners.list()[2]
    page.select(target.id)
    click(qtbot, page.edit_button)
    dialog = page.dialog
    assert isinstance(dialog, PartnerDialog)
    click(qtbot, dialog.active)
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save)
    settle(qtbot, session)
    assert not demo_workspace.partners.get(target.id).active
    assert target.name not in column(page, PartnerModel.NAME)
    click(qtbot, page.show_inactive)
    assert f"{target.name} (inaktiv)" in column(page, PartnerModel.NAME)
    page.select(target.id)
    assert page.edit_button.isEnabled()
    assert not page.refer_button.isEnabled()
    assert page.detail_note.text().startswith("Inaktiv")


def test_refer_a_citizen_from_the_directory(
    page: PartnersPage, qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    """Henvis borger: the partner is given; without consent the referral is refused,
    after consent is given in the dialog it is sent and the open count goes up."""
    partner = demo_workspace.partners.list()[0]
    citizen = next(
        h
        for h in demo_workspace.citizens.mine()
        if h.display_name.isascii() and not demo_workspace.consents.for_citizen(h.id)
    )
    before = open_counts(demo_workspace)[partner.id]
    page.select(partner.id)
    click(qtbot, page.refer_button)
    dialog = page.dialog
    assert isinstance(dialog, ReferralDialog) and dialog.isVisible()
    settle(qtbot, session)
    assert dialog.partner_name.text() == partner.name
    picker = dialog.citizen.picker
    assert picker is not None
    qtbot.keyClicks(picker.search, citizen.display_name)
    settle(qtbot, session)
    for row in range(picker.results.count()):
        if picker.results.item(row).data(Qt.ItemDataRole.UserRole) == citizen.id:
            picker.results.setCurrentRow(row)
    settle(qtbot, session)
    qtbot.keyClicks(dialog.purpose, "Afklaring af arbejdstid")
    click(qtbot, dialog.send)
    assert "kræver borgerens samtykke" in dialog.error.text()
    click(qtbot, dialog.give_consent)
    consent: Any = dialog.consent_dialog
    settle(qtbot, session)
    qtbot.keyClicks(consent.scope, "Arbejdstider og helbred")
    with qtbot.waitSignal(consent.given):
        click(qtbot, consent.save)
    settle(qtbot, session)
    with qtbot.waitSignal(dialog.referred):
        click(qtbot, dialog.send)
    settle(qtbot, session)
    assert open_counts(demo_workspace)[partner.id] == before + 1
    assert column(page, PartnerModel.OPEN)[row_of(page, partner.id)] == str(before + 1)


def test_lock_empties_the_directory(page: PartnersPage, qtbot: QtBot, session: Session) -> None:
    assert page.model.rowCount() > 0
    session.lock()
    settle(qtbot, session)
    assert page.model.rowCount() == 0
    assert page.entries == []
    assert page.detail_contact.text() == ""
