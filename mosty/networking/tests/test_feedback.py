"""Meeting feedback services: who may rate what and when, changing and closing, the link to
the continue marks and the relationship map, statistics, the follow-up list and its XLSX;
for rotation rounds and requested-meeting slots alike."""
import io

import pytest
from openpyxl import load_workbook

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import OrganisationFactory
from mosty.matching.models import Relation
from mosty.networking import analytics, feedback, meeting_services, services
from mosty.networking.feedback import FeedbackData
from mosty.networking.models import ContinueMark, MeetingFeedback, Participant
from mosty.networking.tests.meeting_support import agree, requested_session
from mosty.networking.tests.test_web_support import make_session, people_of, tablemates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


def rate(rater, other, round_number, outcome, note=None):
    return feedback.rate_meeting(None, rater, FeedbackData(other.pk, round_number, outcome,
                                                           note))


def started_rotation(coordinator, people=8, rounds=3):
    session = make_session(people=people, rounds=rounds, publish=True, user=coordinator)
    return services.control_clock(coordinator, session, "start")


def with_organisations(*people):
    for person in people:
        Participant.objects.filter(pk=person.pk).update(organisation=OrganisationFactory())
        person.refresh_from_db()


def test_only_meetings_held_at_a_table_can_be_rated(coordinator):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    with pytest.raises(services.NetworkingError):
        rate(me, mate, 1, "informative")           # the evening has not started
    services.control_clock(coordinator, session, "start")
    stranger = next(p for p in people_of(session)
                    if p != me and p not in tablemates(session, me, 1))
    for other, round_number in ((stranger, 1), (mate, 2), (mate, 0), (me, 1)):
        with pytest.raises(services.NetworkingError):
            rate(me, other, round_number, "informative")
    with pytest.raises(services.NetworkingError):
        rate(me, mate, 1, "great")                  # not one of the answers
    with pytest.raises(services.NetworkingError):
        rate(me, mate, 1, "informative", "x" * 501)
    other_session = make_session(people=4, rounds=1, publish=True, user=coordinator)
    with pytest.raises(services.NetworkingError):
        rate(me, people_of(other_session)[0], 1, "informative")
    assert not MeetingFeedback.objects.exists()
    rated = rate(me, mate, 1, "informative", "  Ciekawa rozmowa  ")
    assert (rated.feedback.outcome, rated.feedback.note, rated.changed) == \
        ("informative", "Ciekawa rozmowa", False)
    entry = AuditEntry.objects.get(action="networking.feedback.given")
    assert entry.data["note"] is True
    assert "Ciekawa" not in str(entry.data)


def test_a_rating_can_be_changed_until_the_feedback_is_closed(coordinator):
    session = started_rotation(coordinator)
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    rate(me, mate, 1, "no_interest", "Nie nasza branża")
    again = rate(me, mate, 1, "informative")            # no note given: the note stays
    assert again.changed
    assert MeetingFeedback.objects.count() == 1
    assert (again.feedback.outcome, again.feedback.note) == ("informative", "Nie nasza branża")
    assert rate(me, mate, 1, "informative", "").feedback.note == ""
    assert AuditEntry.objects.filter(action="networking.feedback.changed").count() == 2
    feedback.close_feedback(coordinator, session, True)
    with pytest.raises(services.NetworkingError):
        rate(me, mate, 1, "cooperation")
    assert MeetingFeedback.objects.get().outcome == "informative"
    feedback.close_feedback(coordinator, session, False)
    assert rate(me, mate, 1, "cooperation").feedback.outcome == "cooperation"
    assert AuditEntry.objects.filter(action__in=["networking.feedback.closed",
                                                 "networking.feedback.reopened"]).count() == 2


def test_cooperation_on_both_sides_is_a_match_and_a_relation_on_the_map(coordinator):
    session = started_rotation(coordinator)
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    with_organisations(me, mate)
    first = rate(me, mate, 1, "cooperation")
    assert not first.mutual
    assert not Relation.objects.exists()
    assert ContinueMark.objects.filter(from_participant=me, to_participant=mate).exists()
    second = rate(mate, me, 1, "cooperation")
    assert second.mutual
    relation = Relation.objects.get()
    assert {relation.org_a_id, relation.org_b_id} == {me.organisation_id, mate.organisation_id}
    assert (relation.kind, relation.origin) == ("met", "networking")
    # Withdrawing one's cooperation takes the mark back (the relation recorded stays).
    rate(me, mate, 1, "informative")
    assert not ContinueMark.objects.filter(from_participant=me, to_participant=mate).exists()
    assert analytics.session_statistics(session).matches == 0
    assert Relation.objects.count() == 1


def test_a_mark_set_by_hand_stays_whatever_the_rating(coordinator):
    session = started_rotation(coordinator)
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    services.set_mark(me, mate, True)
    rate(me, mate, 1, "no_interest")
    assert ContinueMark.objects.filter(from_participant=me, to_participant=mate).exists()


def test_requested_meetings_are_rated_by_slot(coordinator):
    session = requested_session(people=6, slots=3, tables=2, cap=3, user=coordinator)
    a, b, c = people_of(session)[:3]
    agree(a, b)
    meeting_services.schedule_meetings(coordinator, session)
    session = services.set_status(coordinator, session, "published")
    session = services.control_clock(coordinator, session, "start")
    services.control_clock(coordinator, session, "finish")
    slot = a.seats.get().round
    with pytest.raises(services.NetworkingError):
        rate(a, c, slot, "cooperation")                   # never met
    with_organisations(a, b)
    rate(a, b, slot, "cooperation", "Wspólny projekt wolontariatu")
    assert rate(b, a, slot, "cooperation").mutual
    assert Relation.objects.filter(kind="met").count() == 1
    rows = feedback.follow_ups(session)
    assert [(r.first.pk, r.second.pk, r.both, r.rounds) for r in rows] == \
        [(a.pk, b.pk, True, {slot})]


def test_statistics_by_sector_and_the_follow_up_list(coordinator):
    session = started_rotation(coordinator, people=8, rounds=2)
    people = people_of(session)
    me = people[0]
    business = [p for p in tablemates(session, me, 1) if p.sector == "business"]
    ngo = [p for p in tablemates(session, me, 1) if p.sector == "ngo"]
    rate(me, ngo[0], 1, "cooperation", "Chcą wolontariuszy na festyn")
    rate(ngo[0], me, 1, "cooperation")
    rate(me, business[0], 1, "not_held")
    result = analytics.session_statistics(session)
    assert result.ratings == 3
    assert result.cooperation_both == 1
    assert (result.outcomes["cooperation"], result.outcomes["not_held"]) == (2, 1)
    mixed = next(r for r in result.by_sector if r.outcomes["cooperation"])
    assert (mixed.outcomes["cooperation"], mixed.cooperation_both) == (2, 1)
    assert sum(r.outcomes["not_held"] for r in result.by_sector) == 1
    # One person does not share contacts: the list and the file leave theirs out.
    Participant.objects.filter(pk=ngo[0].pk).update(share_contact=False)
    Participant.objects.filter(pk=me.pk).update(share_contact=True)
    rows = feedback.follow_ups(session)
    assert len(rows) == 1
    assert rows[0].both
    notes = [n.text for n in rows[0].notes]
    assert notes == ["Chcą wolontariuszy na festyn"]
    book = load_workbook(io.BytesIO(feedback.follow_ups_xlsx(session, rows)))
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    assert len(values) == 2
    line = values[1]
    assert {line[0], line[4]} == {me.name, ngo[0].name}
    contacts = {line[0]: line[3], line[4]: line[7]}
    assert me.email in contacts[me.name]
    assert contacts[ngo[0].name] in (None, "")
    assert "festyn" in line[10]


def test_a_formula_in_a_note_stays_text_in_the_file(coordinator):
    session = started_rotation(coordinator)
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    rate(me, mate, 1, "cooperation", "=HYPERLINK(\"http://zlo.example\")")
    book = load_workbook(io.BytesIO(feedback.follow_ups_xlsx(session,
                                                             feedback.follow_ups(session))))
    cell = book.active.cell(row=2, column=11)
    assert cell.data_type == "s"
