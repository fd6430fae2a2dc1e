"""Requests, answers, caps, scheduling and hand moves of requested one-to-one meetings."""
import pytest
from django.utils import translation

from mosty.core.models import AuditEntry
from mosty.networking import meeting_services as ms
from mosty.networking import services
from mosty.networking.models import MeetingRequest, Seat
from mosty.networking.tests.meeting_support import agree, ask, people_of, requested_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages are matched in English (the source language)."""
    with translation.override("en"):
        yield


def meeting_cells(session) -> dict[tuple[int, int], set[int]]:
    cells: dict[tuple[int, int], set[int]] = {}
    for seat in Seat.objects.filter(session=session, table__isnull=False):
        assert seat.table is not None
        cells.setdefault((seat.round, seat.table), set()).add(seat.participant_id)
    return cells


def test_a_request_waits_for_acceptance_and_carries_a_message():
    session = requested_session()
    a, b = people_of(session)[:2]
    request = ask(a, b, "  Porozmawiajmy   o laptopach ")
    assert request.state == "pending"
    assert request.message == "Porozmawiajmy o laptopach"
    b.refresh_from_db()
    assert b.version == 2  # the receiver's phone changes
    with pytest.raises(ms.NetworkingError):
        ms.answer_request(None, a, request.pk, True)  # only the receiver answers
    done = ms.answer_request(None, b, request.pk, True)
    assert done.state == "accepted"
    assert done.answered_at is not None
    assert AuditEntry.objects.filter(action="networking.request.accepted").exists()
    with pytest.raises(ms.NetworkingError):
        ms.answer_request(None, b, request.pk, False)


def test_asking_back_accepts_the_first_request_as_mutual():
    session = requested_session()
    a, b = people_of(session)[:2]
    first = ask(a, b)
    second = ask(b, a, "Ja też!")
    assert second.pk == first.pk
    assert second.state == "accepted"
    assert second.mutual
    assert MeetingRequest.objects.count() == 1
    with pytest.raises(ms.NetworkingError, match="already"):
        ask(a, b)


def test_a_declined_request_cannot_be_repeated_and_other_sessions_are_out_of_reach():
    session = requested_session()
    a, b = people_of(session)[:2]
    request = ask(a, b)
    ms.answer_request(None, b, request.pk, False)
    with pytest.raises(ms.NetworkingError):
        ask(a, b)
    stranger = people_of(requested_session())[0]
    with pytest.raises(ms.NetworkingError):
        ask(a, stranger)
    with pytest.raises(ms.NetworkingError):
        ask(a, a)
    with pytest.raises(ms.NetworkingError):  # a request of someone else is unknown
        ms.answer_request(None, stranger, request.pk, True)


def test_the_request_cap_counts_open_and_accepted_requests():
    session = requested_session(people=6, cap=2)
    a, b, c, d = people_of(session)[:4]
    first = ask(a, b)
    agree(a, c)
    with pytest.raises(ms.NetworkingError, match="2"):
        ask(a, d)
    ms.cancel_request(None, a, first.pk)  # withdrawing frees a place
    assert ask(a, d).state == "pending"


def test_nobody_gets_more_meetings_than_free_slots():
    session = requested_session(people=6, slots=3, cap=5)
    a, b, c, d, e, _f = people_of(session)
    services.update_participant(None, a, {"absent_rounds": [3]})  # free in 2 slots
    agree(b, a)
    agree(c, a)
    request = ask(d, a)
    with pytest.raises(ms.NetworkingError, match="free time slot"):
        ms.answer_request(None, a, request.pk, True)
    assert MeetingRequest.objects.get(pk=request.pk).state == "pending"
    with pytest.raises(ms.NetworkingError):
        agree(a, e)  # a's own asking is blocked the same way once accepted


def test_without_acceptance_a_request_is_a_meeting_at_once():
    session = requested_session(acceptance=False)
    a, b = people_of(session)[:2]
    assert ask(a, b).state == "accepted"


def test_requests_are_closed_when_the_organiser_closes_them_or_in_rotations():
    session = requested_session(wishes_open=False)
    a, b = people_of(session)[:2]
    with pytest.raises(ms.NetworkingError, match="closed"):
        ask(a, b)
    from mosty.networking.tests.test_web_support import make_session
    rotation = make_session(people=4)
    x, y = people_of(rotation)[:2]
    with pytest.raises(ms.NetworkingError):
        ask(x, y)


def test_scheduling_places_accepted_meetings_without_conflicts(coordinator):
    session = requested_session(people=8, slots=3, tables=2, cap=5, user=coordinator)
    people = people_of(session)
    a, b, c, d, e, f, g, h = people
    for sender, receiver in [(a, b), (a, c), (a, d), (b, c), (e, f), (g, h), (e, g)]:
        agree(sender, receiver)
    pending = ask(h, a)
    plan = ms.schedule_meetings(coordinator, session)
    session.refresh_from_db()
    assert plan.count == 6  # 3 slots x 2 tables
    assert len(plan.unplaced) == 1
    cells = meeting_cells(session)
    assert len(cells) == 6
    assert all(len(p) == 2 for p in cells.values())
    assert max(t for _s, t in cells) <= 2
    for slot in range(1, 4):
        busy = [p for (s, _t), pair in cells.items() if s == slot for p in pair]
        assert len(busy) == len(set(busy))
    assert pending.pk not in plan.placed
    assert session.status == "scheduled"
    assert session.has_schedule
    assert session.stats["meetings_placed"] == 6
    services.set_status(coordinator, session, "published")


def test_published_placements_stay_when_new_meetings_are_placed(coordinator):
    session = requested_session(people=6, slots=3, tables=3, cap=5, user=coordinator)
    a, b, c, d, e, f = people_of(session)
    agree(a, b)
    agree(c, d)
    ms.schedule_meetings(coordinator, session)
    session = services.set_status(coordinator, session, "published")
    before = meeting_cells(session)
    agree(e, f)
    agree(a, c)
    ms.schedule_meetings(coordinator, session)
    after = meeting_cells(session)
    assert all(after[cell] == pair for cell, pair in before.items())
    assert len(after) == 4


def test_a_hand_move_is_locked_and_conflicts_are_refused(coordinator):
    session = requested_session(people=6, slots=3, tables=2, cap=5, user=coordinator)
    a, b, c, d, e, f = people_of(session)
    ab, cd, ae = agree(a, b), agree(c, d), agree(a, e)
    services.update_participant(None, f, {"absent_rounds": [2]})
    ef = agree(e, f)
    ms.schedule_meetings(coordinator, session)
    session.refresh_from_db()
    version = session.schedule_version
    place = ms.placements(session, [ab, cd, ae, ef])[0]
    # A taken table is refused.
    other = place[cd.pk]
    with pytest.raises(ms.NetworkingError, match="taken"):
        ms.move_meeting(coordinator, session, ab.pk, ms.MoveData(other.slot, other.table))
    # A person busy in the slot is refused (a meets e somewhere else).
    slot_ae = place[ae.pk].slot
    free_table = next(t for t in (1, 2) if (slot_ae, t) not in meeting_cells(session))
    with pytest.raises(ms.NetworkingError, match="another meeting"):
        ms.move_meeting(coordinator, session, ab.pk, ms.MoveData(slot_ae, free_table))
    with pytest.raises(ms.NetworkingError, match="not available"):
        ms.move_meeting(coordinator, session, ef.pk, ms.MoveData(2, 1))
    with pytest.raises(ms.NetworkingError, match="changed"):
        ms.move_meeting(coordinator, session, ab.pk, ms.MoveData(1, 1, version - 1))
    # Into an empty cell where both are free: moved and locked; re-planning keeps it.
    cells = meeting_cells(session)
    target = next((s, t) for s in (1, 2, 3) for t in (1, 2) if (s, t) not in cells
                  and s != slot_ae)
    ms.move_meeting(coordinator, session, ab.pk, ms.MoveData(*target, version))
    seats = Seat.objects.filter(session=session, round=target[0], table=target[1])
    assert {s.participant_id for s in seats} == {a.pk, b.pk}
    assert all(s.locked for s in seats)
    ms.schedule_meetings(coordinator, session)
    assert meeting_cells(session)[target] == {a.pk, b.pk}


def test_calling_off_a_placed_meeting_frees_its_table(coordinator):
    session = requested_session(people=4, user=coordinator)
    a, b = people_of(session)[:2]
    request = agree(a, b)
    ms.schedule_meetings(coordinator, session)
    session.refresh_from_db()
    version = session.schedule_version
    ms.cancel_request(None, b, request.pk)
    session.refresh_from_db()
    assert not Seat.objects.filter(session=session).exists()
    assert session.schedule_version == version + 1
