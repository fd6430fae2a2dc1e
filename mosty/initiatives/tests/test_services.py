"""Services: effects in the database, audit entries, translated errors."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from mosty.core import uploads
from mosty.core.models import AuditEntry
from mosty.initiatives import services, workshop
from mosty.initiatives.models import (
    FundingSource, OfferStatus, Partner, PartnerOffer, Revision, Section)
from mosty.initiatives.tests.conftest import person
from mosty.matching.models import Relation

pytestmark = pytest.mark.django_db


def test_a_team_of_one_organisation_is_warned_and_cannot_move_on(programme, author, library):
    idea = services.create_idea(author, services.IdeaData("Sam", programme=programme), library)
    warnings = services.team_warnings(idea)
    assert any("jednej organizacji" in w for w in warnings)
    with pytest.raises(services.InitiativeError, match="co najmniej dwóch"):
        services.set_status(author, idea, "developed")


def test_one_sector_team_is_warned(programme, author, library):
    idea = services.create_idea(author, services.IdeaData("Publiczny", programme=programme),
                                library)
    other = person(library.__class__.objects.create(
        name="Centrum Kultury", slug="ck", sector="public_institution", kind="culture_centre"))
    services.add_member(author, idea, other, other.memberships.get().organisation)
    warnings = services.team_warnings(idea)
    assert len(warnings) == 1
    assert "jednego sektora" in warnings[0]
    services.set_status(author, idea, "developed")
    idea.refresh_from_db()
    assert idea.status == "developed"


def test_a_stranger_cannot_edit(idea, osp_member):
    with pytest.raises(services.InitiativeError):
        services.save_section(osp_member, idea, "needs", "x")


def test_concurrent_edits_of_a_section_conflict(idea, author, teammate):
    opened = services.section(idea, "goals").version
    services.save_section(teammate, idea, "goals", "Cel KGW", expected_version=opened)
    with pytest.raises(services.SectionConflict) as caught:
        services.save_section(author, idea, "goals", "Cel biblioteki", expected_version=opened)
    assert caught.value.current.text == "Cel KGW"
    assert "Someone else" not in caught.value.message  # translated
    assert Section.objects.get(idea=idea, key="goals").text == "Cel KGW"
    # Other sections are versioned on their own: no conflict there.
    services.save_section(author, idea, "risks", "Deszcz", expected_version=0)


def test_history_compares_and_restores(idea, author):
    services.save_section(author, idea, "problem", "Seniorzy nie przychodzą.\nBrak transportu.")
    section = Section.objects.get(idea=idea, key="problem")
    first, second = (Revision.objects.get(section=section, version=v) for v in (1, 2))
    diff = services.compare("problem", first, second)
    assert ("+", "Brak transportu.") in diff
    restored = services.restore_revision(author, idea, first)
    assert restored.version == 3
    assert restored.text == first.text
    assert Revision.objects.get(section=section, version=3).restored_from == 1
    assert AuditEntry.objects.filter(action="initiatives.section.saved").count() == 3


def test_budget_rows_and_totals(idea, author):
    services.save_section(author, idea, "budget", rows=[
        {"item": "Książki", "own_cash": "100", "own_in_kind": "", "requested": "1 500,50"},
        {"item": "Sala", "own_in_kind": "400", "requested": ""},
        {"item": "", "own_cash": "", "own_in_kind": "", "requested": ""}])
    rows = Section.objects.get(idea=idea, key="budget").rows
    assert len(rows) == 2
    assert rows[0]["requested"] == "1500.50"
    totals = services.budget_totals(rows)
    assert (totals.own, totals.requested, totals.total) == (
        Decimal("500.00"), Decimal("1500.50"), Decimal("2000.50"))
    with pytest.raises(services.InitiativeError, match="nie jest kwotą"):
        services.save_section(author, idea, "budget", rows=[{"item": "X", "requested": "dużo"}])


def test_invitation_accepted_adds_a_partner_and_a_codesign_relation(idea, author, osp,
                                                                    osp_member, library, kgw):
    offer = services.invite(author, idea, osp, "sala na 40 osób")
    with pytest.raises(services.InitiativeError):
        services.answer(author, offer, True)  # the team cannot answer for the OSP
    services.answer(osp_member, offer, True)
    partner = Partner.objects.get(idea=idea, organisation=osp)
    assert partner.origin == "invitation"
    assert partner.contribution == "sala na 40 osób"
    relations = Relation.objects.filter(kind="codesign", origin="initiative")
    assert {frozenset((r.org_a_id, r.org_b_id)) for r in relations} == {
        frozenset((library.pk, osp.pk)), frozenset((kgw.pk, osp.pk))}
    assert relations.first().programme == idea.programme


def test_partner_contribution_links_only_offered_resources(idea, author, kgw, osp):
    resource = kgw.resources.get()
    partner = services.save_partner(author, idea, kgw, "ciasta", (resource.pk,))
    assert list(partner.resources.all()) == [resource]
    with pytest.raises(services.InitiativeError):
        services.save_partner(author, idea, kgw, "sala", (osp.resources.get().pk,))


def test_attachments_are_checked_by_content(idea, author):
    with pytest.raises(services.InitiativeError) as refused:
        services.add_attachment(author, idea, services.Upload(
            ContentFile(b"MZ\x90\x00 not a pdf"), "wniosek.pdf"))
    assert refused.value.message == uploads.wrong_type("wniosek.pdf", None, services.FILE_TYPES)
    with pytest.raises(services.InitiativeError) as refused:
        services.add_attachment(author, idea, services.Upload(
            ContentFile(b"0" * (services.MAX_FILE_BYTES + 1)), "duzy.pdf"))
    assert refused.value.message == uploads.too_large("duzy.pdf", services.MAX_FILE_BYTES + 1,
                                                      services.MAX_FILE_BYTES)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    attachment = services.add_attachment(author, idea, services.Upload(
        ContentFile(pdf), "ankieta.pdf", "Wyniki ankiety"))
    assert attachment.file_type == "pdf"
    assert attachment.size == len(pdf)


def test_feedback_offer_is_accepted_by_the_team(idea, programme, author, facilitator, osp,
                                                osp_member):
    session = workshop.create_session(facilitator, workshop.SessionData(
        "Prezentacje", programme, (idea,), ("odpowiada na potrzebę",)))
    with pytest.raises(services.InitiativeError):  # not a participant of the session yet
        workshop.give_feedback(osp_member, idea, workshop.FeedbackData(strengths="x"), session)
    other = services.create_idea(osp_member, services.IdeaData("Remiza", programme=programme),
                                 osp)
    session.presentations.create(idea=other, position=2)
    feedback = workshop.give_feedback(osp_member, idea, workshop.FeedbackData(
        strengths="Dobry pomysł", can_help="użyczymy sali", organisation=osp,
        ratings=(("odpowiada na potrzebę", 5),)), session)
    assert feedback.ratings == {"odpowiada na potrzebę": 5}
    offer = PartnerOffer.objects.get(idea=idea, organisation=osp, direction="offer")
    with pytest.raises(services.InitiativeError):
        services.answer(osp_member, offer, True)  # the offering side cannot accept
    services.answer(author, offer, True)
    assert offer.__class__.objects.get(pk=offer.pk).status == OfferStatus.ACCEPTED
    assert Partner.objects.get(idea=idea, organisation=osp).origin == "offer"
    summary = workshop.summary(session)[0]
    assert summary.count == 1
    assert summary.averages == (("odpowiada na potrzebę", 5.0),)
    with pytest.raises(services.InitiativeError):  # a team does not rate its own idea
        workshop.give_feedback(author, idea, workshop.FeedbackData(strengths="x"), session)


def test_the_clock_runs_pauses_and_moves_on(idea, programme, facilitator, author):
    session = workshop.create_session(facilitator, workshop.SessionData(
        "Prezentacje", programme, (idea,), minutes_per_idea=5))
    assert workshop.clock(session, timezone.now()).position == 0
    workshop.move_clock(facilitator, session, "next")
    session.refresh_from_db()
    assert session.started_at is not None
    later = session.started_at + timedelta(seconds=70)
    state = workshop.clock(session, later)
    assert (state.position, state.remaining, state.remaining_text) == (1, 230, "03:50")
    workshop.move_clock(facilitator, session, "next")
    session.refresh_from_db()
    assert session.finished
    with pytest.raises(services.InitiativeError):
        workshop.move_clock(author, session, "next")


def test_advice_and_next_steps(idea, facilitator, author, osp_member):
    record = workshop.record_advice(facilitator, idea, date(2023, 11, 8), "Zróbcie ankietę.", (
        workshop.StepData("Ankieta wśród seniorów", "KGW", date(2023, 11, 30)),))
    step = record.steps.get()
    workshop.mark_step(author, step, True)
    step.refresh_from_db()
    assert step.done
    with pytest.raises(services.InitiativeError):
        workshop.record_advice(author, idea, date(2023, 11, 8), "Sam sobie radzę.")


def test_funding_sources_match_the_team_and_the_budget(idea, author, programme_coordinator):
    services.save_section(author, idea, "budget", rows=[
        {"item": "Książki", "own_in_kind": "1000", "requested": "9000"}])
    fits = workshop.save_source(None, workshop.SourceData(
        "Działaj Lokalnie", "PAFW", "local_fund", ("ngo", "informal"), Decimal("1000"),
        Decimal("10000"), 5, timezone.localdate() + timedelta(days=30)))
    too_big = workshop.save_source(None, workshop.SourceData(
        "Duży program", "MKiDN", "ministry", ("culture",), Decimal("50000"), None, 25))
    with pytest.raises(services.InitiativeError):
        workshop.save_source(programme_coordinator, workshop.SourceData(
            "X", "Y", "ministry"))  # a participant who coordinates one programme
    matches = workshop.matching_sources(idea)
    assert [m.source for m in matches] == [fits, too_big]
    assert matches[0].fits
    assert any("Działaj" not in r for r in matches[0].reasons)
    assert not matches[1].fits
    assert len(matches[1].problems) == 2
    assert FundingSource.objects.get(pk=fits.pk).slug == "dzialaj-lokalnie"


def test_deadline_reminders_go_once_to_the_team_of_fitting_ideas(idea, author, teammate,
                                                                 mailoutbox):
    from mosty.initiatives.tasks import enqueue_funding_reminders

    today = timezone.localdate()
    workshop.save_source(None, workshop.SourceData(
        "Działaj Lokalnie", "PAFW", "local_fund", ("ngo",),
        deadline=today + timedelta(days=10)))
    workshop.save_source(None, workshop.SourceData(
        "Za późno", "X", "ministry", ("ngo",), deadline=today + timedelta(days=40)))
    workshop.save_source(None, workshop.SourceData(
        "Tylko dla firm", "Y", "foundation", ("business",), deadline=today + timedelta(days=5)))
    assert enqueue_funding_reminders(today) == 1
    assert sorted(m.to[0] for m in mailoutbox) == sorted([author.email, teammate.email])
    assert "Działaj Lokalnie" in mailoutbox[0].subject
    assert idea.title in mailoutbox[0].body
    assert enqueue_funding_reminders(today) == 0
    assert len(mailoutbox) == 2


def test_the_running_order_can_be_changed(idea, programme, facilitator, osp, osp_member,
                                          author):
    other = services.create_idea(osp_member, services.IdeaData("Remiza", programme=programme),
                                 osp)
    session = workshop.create_session(facilitator, workshop.SessionData(
        "Prezentacje", programme, (idea, other)))
    workshop.move_presentation(facilitator, session, other, -1)
    assert [p.idea for p in session.presentations.all()] == [other, idea]
    workshop.move_presentation(facilitator, session, other, -1)  # already first
    assert [p.position for p in session.presentations.all()] == [1, 2]
    with pytest.raises(services.InitiativeError):
        workshop.move_presentation(author, session, idea, -1)
