"""The case-work dialogs: consent, referral, appointment and partner, driven through
their widgets against a real vault."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from outreach_app.domain.clock import DANISH_TIME
from outreach_app.domain.contacts import ContactKind
from outreach_app.domain.partners import PartnerKind
from outreach_app.services.workspace import Workspace
from outreach_app.ui.dialogs.appointment import AppointmentDialog
from outreach_app.ui.dialogs.consent import ConsentDialog
from outreach_app.ui.dialogs.partner import PartnerDialog
from outreach_app.ui.dialogs.referral import ReferralDialog, covering_consents
from outreach_app.ui.session import Session
from tests.gui.conftest import settle

TODAY = date(2026, 3, 2)


@pytest.fixture
def host(qtbot: QtBot, session: Session) -> QWidget:
    """A parent for the dialogs (they delete themselves when closed)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def without_consent(ws: Workspace) -> tuple[str, str]:
    """A citizen and an active partner the citizen has given no covering consent for.
    The citizen's name has plain letters only, so QTest can type it."""
    partners = ws.partners.list()
    for hit in ws.citizens.mine():
        if ws.consents.for_citizen(hit.id) or not hit.display_name.isascii():
            continue
        return hit.id, partners[0].id
    raise AssertionError("the demo has no citizen without consents")


def test_consent_needs_a_scope_and_saves_with_an_expiry(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    """A consent without its scope is refused inline; with 6 months it expires then."""
    citizen_id, partner_id = without_consent(demo_workspace)
    dialog = ConsentDialog(session, citizen_id, partner_id=partner_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    assert dialog.partner.currentData() == partner_id
    qtbot.keyClicks(dialog.details, "Givet mundtligt")
    click(qtbot, dialog.save)
    assert dialog.error.isVisible()
    assert "hvilke oplysninger" in dialog.error.text()
    assert dialog.details.toPlainText() == "Givet mundtligt"

    qtbot.keyClicks(dialog.scope, "Helbred og økonomi, til budgetrådgivning")
    assert not dialog.error.isVisible()
    dialog.expiry.setCurrentIndex(1)  # "Om 6 måneder"
    assert dialog.expires_on.date() == QDate(2026, 9, 2)
    with qtbot.waitSignal(dialog.given) as given:
        click(qtbot, dialog.save)
    settle(qtbot, session)
    [consent] = demo_workspace.consents.for_citizen(citizen_id)
    assert consent.id == given.args[0]
    assert consent.partner_id == partner_id
    assert consent.given_on == TODAY
    assert consent.expires_on == date(2026, 9, 2)
    assert consent.details == "Givet mundtligt"


def test_consent_without_expiry_and_without_partner_is_general(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    dialog = ConsentDialog(session, citizen_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    assert dialog.partner.currentData() is None
    dialog.expiry.setCurrentIndex(0)
    assert not dialog.expires_on.isEnabled()
    qtbot.keyClicks(dialog.scope, "Ledighed og sprog")
    with qtbot.waitSignal(dialog.given):
        click(qtbot, dialog.save)
    settle(qtbot, session)
    [consent] = demo_workspace.consents.for_citizen(citizen_id)
    assert consent.partner_id is None
    assert consent.expires_on is None


def test_referral_is_refused_without_consent_and_sent_after_consent_is_given(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    """Without a covering consent the referral is refused inline and nothing typed is
    lost; giving consent in the dialog selects it and the referral goes through."""
    citizen_id, partner_id = without_consent(demo_workspace)
    dialog = ReferralDialog(session, citizen_id=citizen_id, partner_id=partner_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    assert dialog.partner.currentData() == partner_id
    assert dialog.consent.count() == 0
    assert dialog.consent_state.isVisible()

    qtbot.keyClicks(dialog.purpose, "Praktik i køkkenet tre dage om ugen")
    click(qtbot, dialog.send)
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith(
        "Henvisningen kræver borgerens samtykke til at dele oplysninger med denne partner"
    )
    assert dialog.purpose.toPlainText() == "Praktik i køkkenet tre dage om ugen"
    assert demo_workspace.referrals.for_citizen(citizen_id) == []

    click(qtbot, dialog.give_consent)
    consent_dialog = dialog.consent_dialog
    assert consent_dialog is not None
    settle(qtbot, session)
    assert consent_dialog.partner.currentData() == partner_id
    qtbot.keyClicks(consent_dialog.scope, "Oplysninger om arbejdstider og helbred")
    with qtbot.waitSignal(consent_dialog.given) as given:
        click(qtbot, consent_dialog.save)
    settle(qtbot, session)
    assert dialog.consent.currentData() == given.args[0]
    assert not dialog.consent_state.isVisible()
    assert dialog.purpose.toPlainText() == "Praktik i køkkenet tre dage om ugen"

    with qtbot.waitSignal(dialog.referred) as referred:
        click(qtbot, dialog.send)
    settle(qtbot, session)
    [referral] = demo_workspace.referrals.for_citizen(citizen_id)
    assert referral.id == referred.args[0]
    assert referral.consent_id == given.args[0]
    assert referral.partner_id == partner_id
    assert referral.purpose == "Praktik i køkkenet tre dage om ugen"


def test_referral_refused_by_the_vault_keeps_the_text(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    """A consent withdrawn after the dialog listed it: the service refuses
    (ConsentMissing) and the dialog says so inline."""
    citizen_id, partner_id = without_consent(demo_workspace)
    consent = demo_workspace.consents.give(citizen_id, "Alt om praktik", partner_id=partner_id)
    dialog = ReferralDialog(session, citizen_id=citizen_id, partner_id=partner_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    assert dialog.consent.currentData() == consent.id
    demo_workspace.consents.withdraw(consent.id)
    qtbot.keyClicks(dialog.purpose, "Praktik")
    click(qtbot, dialog.send)
    settle(qtbot, session)
    assert "kræver borgerens samtykke" in dialog.error.text()
    assert dialog.purpose.toPlainText() == "Praktik"
    assert dialog.consent.count() == 0
    assert demo_workspace.referrals.for_citizen(citizen_id) == []


def test_referral_with_a_picked_citizen_and_partner(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    """Without citizen and partner given, both are chosen in the dialog; the citizen's
    general consent covers any partner."""
    citizen_id, _ = without_consent(demo_workspace)
    hit = demo_workspace.citizens.hit(citizen_id)
    assert hit is not None
    demo_workspace.consents.give(citizen_id, "Generelt samtykke til partnere")
    dialog = ReferralDialog(session, parent=host)
    dialog.show()
    settle(qtbot, session)
    picker = dialog.citizen.picker
    assert picker is not None
    qtbot.keyClicks(picker.search, hit.display_name)
    settle(qtbot, session)
    assert picker.results.count() >= 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert dialog.citizen_id() == picker.results.item(0).data(Qt.ItemDataRole.UserRole)
    picker.results.setCurrentRow(
        next(
            i
            for i in range(picker.results.count())
            if picker.results.item(i).data(Qt.ItemDataRole.UserRole) == citizen_id
        )
    )
    dialog.partner.setCurrentIndex(2)
    settle(qtbot, session)
    assert dialog.consent.count() == 1
    qtbot.keyClicks(dialog.purpose, "Sprogskole om eftermiddagen")
    with qtbot.waitSignal(dialog.referred):
        click(qtbot, dialog.send)
    settle(qtbot, session)
    [referral] = demo_workspace.referrals.for_citizen(citizen_id)
    assert referral.partner_id == dialog.partner.currentData()


def test_covering_consents_respect_partner_and_expiry(demo_workspace: Workspace) -> None:
    citizen_id, partner_id = without_consent(demo_workspace)
    other = demo_workspace.partners.list()[1].id
    demo_workspace.consents.give(citizen_id, "Kun den anden partner", partner_id=other)
    demo_workspace.consents.give(
        citizen_id,
        "Udløbet",
        partner_id=partner_id,
        given_on=date(2025, 1, 1),
        expires_on=date(2025, 12, 31),
    )
    assert covering_consents(demo_workspace, citizen_id, partner_id) == []
    assert len(covering_consents(demo_workspace, citizen_id, other)) == 1


# -- appointments ------------------------------------------------------------------------


def test_new_appointment_defaults_to_the_next_whole_hour(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    dialog = AppointmentDialog(session, citizen_id=citizen_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    assert dialog.day.date() == QDate(2026, 3, 2)
    assert dialog.start.time() == QTime(10, 0)
    assert dialog.starts_at() == datetime(2026, 3, 2, 10, 0, tzinfo=DANISH_TIME)
    assert dialog.citizen.name is not None
    assert dialog.citizen.name.text() == demo_workspace.citizens.hit(citizen_id).display_name


def test_appointment_in_the_past_is_refused_inline_and_keeps_what_was_typed(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    before = len(demo_workspace.agenda.for_citizen(citizen_id))
    dialog = AppointmentDialog(session, citizen_id=citizen_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    dialog.day.setDate(QDate(2026, 2, 27))
    qtbot.keyClicks(dialog.place, "Kontoret i beboerhuset")
    qtbot.keyClicks(dialog.note, "Tolk bestilt")
    click(qtbot, dialog.save)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("Et nyt møde kan ikke ligge i fortiden")
    assert dialog.place.text() == "Kontoret i beboerhuset"
    assert dialog.note.toPlainText() == "Tolk bestilt"
    assert dialog.day.date() == QDate(2026, 2, 27)
    assert len(demo_workspace.agenda.for_citizen(citizen_id)) == before

    dialog.day.setDate(QDate(2026, 3, 4))
    assert not dialog.error.isVisible()
    with qtbot.waitSignal(dialog.saved) as saved:
        click(qtbot, dialog.save)
    settle(qtbot, session)
    booked = next(a for a in demo_workspace.agenda.for_citizen(citizen_id) if a.id == saved.args[0])
    assert booked.starts_at == datetime(2026, 3, 4, 10, 0, tzinfo=DANISH_TIME)
    assert booked.place == "Kontoret i beboerhuset"
    assert booked.note == "Tolk bestilt"


def test_network_meeting_needs_a_partner_and_is_booked_with_a_picked_citizen(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    hit = demo_workspace.citizens.hit(citizen_id)
    assert hit is not None
    dialog = AppointmentDialog(session, parent=host)
    dialog.show()
    settle(qtbot, session)
    click(qtbot, dialog.save)
    assert "Vælg borgeren" in dialog.error.text()
    picker = dialog.citizen.picker
    assert picker is not None
    qtbot.keyClicks(picker.search, hit.display_name)
    settle(qtbot, session)
    for row in range(picker.results.count()):
        if picker.results.item(row).data(Qt.ItemDataRole.UserRole) == citizen_id:
            picker.results.setCurrentRow(row)
    assert dialog.citizen.citizen_id == citizen_id
    dialog.kind.setCurrentIndex(dialog.kind.findData(ContactKind.NETWORK_MEETING.value))
    assert dialog.partner.isVisible()
    click(qtbot, dialog.save)
    assert "Vælg partneren" in dialog.error.text()
    dialog.partner.setCurrentIndex(0)
    dialog.start.setTime(QTime(13, 30))
    dialog.duration.setValue(60)
    with qtbot.waitSignal(dialog.saved) as saved:
        click(qtbot, dialog.save)
    settle(qtbot, session)
    [booked] = [a for a in demo_workspace.agenda.for_citizen(citizen_id) if a.id == saved.args[0]]
    assert booked.kind is ContactKind.NETWORK_MEETING
    assert booked.partner_id == dialog.partner.itemData(0)
    assert booked.duration_min == 60
    assert booked.starts_at == datetime(2026, 3, 2, 13, 30, tzinfo=DANISH_TIME)


def test_phone_call_suggests_the_place_without_overwriting_typed_text(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    dialog = AppointmentDialog(session, citizen_id=citizen_id, parent=host)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ContactKind.PHONE.value))
    assert dialog.place.text() == "Telefon"
    dialog.place.clear()
    qtbot.keyClicks(dialog.place, "Mødelokalet")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ContactKind.HOME_VISIT.value))
    assert dialog.place.text() == "Mødelokalet"
    dialog.close()


def test_editing_an_appointment_moves_it_and_changes_the_rest(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    booked = demo_workspace.agenda.book(
        citizen_id,
        kind=ContactKind.FOLLOW_UP,
        starts_at=datetime(2026, 3, 3, 9, 0, tzinfo=DANISH_TIME),
        place="Kontoret",
    )
    dialog = AppointmentDialog(session, appointment=booked, parent=host)
    dialog.show()
    settle(qtbot, session)
    assert dialog.save.text() == "Gem ændringer"
    assert dialog.start.time() == QTime(9, 0)
    assert dialog.place.text() == "Kontoret"
    dialog.day.setDate(QDate(2026, 3, 5))
    dialog.start.setTime(QTime(14, 15))
    dialog.place.clear()
    qtbot.keyClicks(dialog.place, "Lokalet over vaskeriet")
    dialog.duration.setValue(45)
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save)
    settle(qtbot, session)
    [after] = [a for a in demo_workspace.agenda.for_citizen(citizen_id) if a.id == booked.id]
    assert after.starts_at == datetime(2026, 3, 5, 14, 15, tzinfo=DANISH_TIME)
    assert after.place == "Lokalet over vaskeriet"
    assert after.duration_min == 45


def test_moving_into_the_past_is_refused(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    booked = demo_workspace.agenda.book(
        citizen_id,
        kind=ContactKind.PHONE,
        starts_at=datetime(2026, 3, 3, 9, 0, tzinfo=DANISH_TIME),
    )
    dialog = AppointmentDialog(session, appointment=booked, parent=host)
    dialog.show()
    settle(qtbot, session)
    dialog.day.setDate(QDate(2026, 3, 1))
    click(qtbot, dialog.save)
    assert dialog.error.text().startswith("Mødet kan ikke flyttes til fortiden")
    settle(qtbot, session)
    [after] = [a for a in demo_workspace.agenda.for_citizen(citizen_id) if a.id == booked.id]
    assert after.starts_at == booked.starts_at


def test_dialogs_show_initials_in_discreet_mode_and_close_on_lock(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    citizen_id, _ = without_consent(demo_workspace)
    hit = demo_workspace.citizens.hit(citizen_id)
    assert hit is not None
    dialog = AppointmentDialog(session, citizen_id=citizen_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    name = dialog.citizen.name
    assert name is not None
    assert name.text() == hit.display_name
    session.set_discreet(True)
    assert name.text() == hit.initials
    with qtbot.waitSignal(dialog.finished):
        session.lock()
    settle(qtbot, session)


# -- partners ------------------------------------------------------------------------------


def test_partner_needs_a_name_and_is_added(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    dialog = PartnerDialog(session, parent=host)
    dialog.show()
    qtbot.keyClicks(dialog.contact_person, "Lise Holm")
    qtbot.keyClicks(dialog.email, "lise-ved-cafeen")
    click(qtbot, dialog.save)
    assert dialog.error.text() == "Skriv partnerens navn."
    qtbot.keyClicks(dialog.name, "Kaffestuen Solsiden")
    click(qtbot, dialog.save)
    assert "E-mailadressen" in dialog.error.text()
    qtbot.keyClicks(dialog.email, "@solsiden.dk")
    dialog.kind.setCurrentIndex(dialog.kind.findData(PartnerKind.CIVIL_SOCIETY.value))
    with qtbot.waitSignal(dialog.saved) as saved:
        click(qtbot, dialog.save)
    settle(qtbot, session)
    partner = demo_workspace.partners.get(saved.args[0])
    assert partner.name == "Kaffestuen Solsiden"
    assert partner.kind is PartnerKind.CIVIL_SOCIETY
    assert partner.contact_person == "Lise Holm"
    assert partner.email == "lise-ved-cafeen@solsiden.dk"
    assert partner.active


def test_booking_a_follow_up_soon_after_the_hour(
    qtbot: QtBot, session: Session, demo_workspace: Workspace, host: QWidget
) -> None:
    """A meeting booked as it begins (within the grace period) is not refused."""
    citizen_id, _ = without_consent(demo_workspace)
    dialog = AppointmentDialog(session, citizen_id=citizen_id, parent=host)
    dialog.show()
    settle(qtbot, session)
    dialog.start.setTime(QTime(8, 50))
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save)
    settle(qtbot, session)
    starts = [a.starts_at for a in demo_workspace.agenda.for_citizen(citizen_id)]
    assert datetime(2026, 3, 2, 8, 50, tzinfo=DANISH_TIME) in starts
