"""State changes of requested one-to-one meetings: requests, answers, scheduling, hand moves.

A request changes the counts of two people, so both participant rows are locked (in id order,
so two requests of the same two people never deadlock) before anything is counted: two
people accepting at once, or one person sending two requests at once, cannot go past a cap.
Scheduling and moves lock the session row, like every seating change of the rotation.
Placed meetings are Seat rows (a slot is a round, two people at one table), so the phone
page, the big screen, table cards and agendas show them as they show rotations.
"""
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.networking import meeting_plan
from mosty.networking.clock import clock_state
from mosty.networking.models import (
    MeetingRequest, NetworkingSession, OPEN_REQUESTS, OptimiserState, Participant,
    RequestState, Seat, Status)
from mosty.networking.services import NetworkingError, _bump, _locked

MAX_MESSAGE = 500
SCHEDULE_SECONDS = 3.0


@dataclass(frozen=True)
class RequestData:
    """What a person writes when asking for a meeting."""

    message: str = ""


@dataclass(frozen=True)
class MoveData:
    """Where the organiser puts a meeting by hand."""

    slot: int
    table: int
    expected_version: int | None = None


def free_slots(session: NetworkingSession, person: Participant) -> set[int]:
    """The slots `person` is available in (all but those marked absent)."""
    return set(range(1, session.rounds + 1)) - set(person.absent_rounds or [])


def requests_open(session: NetworkingSession) -> bool:
    return session.is_requested and session.wishes_open and session.status != Status.FINISHED


def _lock_people(*ids: int) -> dict[int, Participant]:
    people = Participant.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    return {p.pk: p for p in people}


def _accepted_count(person: Participant) -> int:
    return MeetingRequest.objects.filter(Q(sender=person) | Q(receiver=person),
                                         state=RequestState.ACCEPTED).count()


def _check_time(session: NetworkingSession, people: Iterable[Participant]) -> None:
    """Nobody gets more accepted meetings than slots they are free in."""
    for person in people:
        if _accepted_count(person) >= len(free_slots(session, person)):
            raise NetworkingError(_("%(name)s has no free time slot left for another meeting.")
                                  % {"name": person.name})


def _touch(*people: Participant) -> None:
    """The phone pages of these people changed (their ETag includes the version)."""
    Participant.objects.filter(pk__in=[p.pk for p in people]).update(version=F("version") + 1)


@transaction.atomic
def send_request(actor: User | None, sender: Participant, receiver: Participant,
                 data: RequestData) -> MeetingRequest:
    """Ask `receiver` for a meeting. If they asked first, this accepts their request."""
    session = NetworkingSession.objects.get(pk=sender.session_id)
    if not requests_open(session):
        raise NetworkingError(_("Meeting requests are closed for this session."))
    if receiver.session_id != session.pk or receiver.pk == sender.pk:
        raise NetworkingError(_("Choose another participant of this session."))
    message = " ".join(data.message.split())
    if len(message) > MAX_MESSAGE:
        raise NetworkingError(_("The message is too long (at most %(count)s characters).")
                              % {"count": MAX_MESSAGE})
    people = _lock_people(sender.pk, receiver.pk)
    me, them = people[sender.pk], people[receiver.pk]
    existing = {(r.sender_id, r.receiver_id): r for r in MeetingRequest.objects
                .select_for_update().filter(Q(sender=me, receiver=them)
                                            | Q(sender=them, receiver=me))}
    theirs = existing.get((them.pk, me.pk))
    if theirs is not None and theirs.state == RequestState.PENDING:
        return _accept(actor, session, theirs, me, them, mutual=True)
    if theirs is not None and theirs.state == RequestState.ACCEPTED:
        raise NetworkingError(_("You already have a meeting with %(name)s.")
                              % {"name": them.name})
    mine = existing.get((me.pk, them.pk))
    if mine is not None and mine.state in OPEN_REQUESTS:
        raise NetworkingError(_("You have already asked %(name)s for a meeting.")
                              % {"name": them.name})
    if mine is not None and mine.state == RequestState.DECLINED:
        raise NetworkingError(_("%(name)s has declined your request.") % {"name": them.name})
    sent = MeetingRequest.objects.filter(sender=me, state__in=OPEN_REQUESTS).count()
    if sent >= session.request_cap:
        raise NetworkingError(_("You can have at most %(count)s requests open or accepted at a "
                                "time.") % {"count": session.request_cap})
    state = RequestState.PENDING
    if not session.requests_need_acceptance:
        _check_time(session, (me, them))
        state = RequestState.ACCEPTED
    request = mine or MeetingRequest(session=session, sender=me, receiver=them)
    request.message, request.state = message, state
    request.mutual = False
    request.answered_at = timezone.now() if state == RequestState.ACCEPTED else None
    request.save()
    _touch(me, them)
    log_action(actor, "networking.request.sent", request, session=session.pk, state=state)
    return request


def _accept(actor: User | None, session: NetworkingSession, request: MeetingRequest,
            receiver: Participant, sender: Participant, mutual: bool = False) -> MeetingRequest:
    _check_time(session, (receiver, sender))
    request.state, request.answered_at = RequestState.ACCEPTED, timezone.now()
    request.mutual = request.mutual or mutual
    request.save(update_fields=["state", "answered_at", "mutual"])
    _touch(receiver, sender)
    log_action(actor, "networking.request.accepted", request, session=session.pk,
               mutual=request.mutual)
    return request


def _locked_request(participant: Participant, request_id: int, lock_session: bool = False
                    ) -> tuple[NetworkingSession, MeetingRequest, dict[int, Participant]]:
    """The request (of `participant`'s session, sent or received by them) and its two people,
    locked; someone else's request is answered as unknown. The session row, when it is
    needed, is locked first (the order of the organiser's changes)."""
    found = MeetingRequest.objects.filter(
        Q(sender=participant) | Q(receiver=participant), pk=request_id).first()
    if found is None:
        raise NetworkingError(_("This request does not exist (any more)."))
    session = NetworkingSession.objects.get(pk=found.session_id)
    if lock_session:
        session = _locked(session)
    people = _lock_people(found.sender_id, found.receiver_id)
    request = MeetingRequest.objects.select_for_update().get(pk=found.pk)
    return session, request, people


@transaction.atomic
def answer_request(actor: User | None, participant: Participant, request_id: int,
                   accept: bool) -> MeetingRequest:
    """The receiver accepts or declines a request waiting for their answer."""
    session, request, people = _locked_request(participant, request_id)
    if request.receiver_id != participant.pk:
        raise NetworkingError(_("Only the person asked can answer this request."))
    if request.state != RequestState.PENDING:
        raise NetworkingError(_("This request has already been answered or withdrawn."))
    if session.status == Status.FINISHED:
        raise NetworkingError(_("Meeting requests are closed for this session."))
    receiver, sender = people[request.receiver_id], people[request.sender_id]
    if accept:
        return _accept(actor, session, request, receiver, sender)
    request.state, request.answered_at = RequestState.DECLINED, timezone.now()
    request.save(update_fields=["state", "answered_at"])
    _touch(receiver, sender)
    log_action(actor, "networking.request.declined", request, session=session.pk)
    return request


@transaction.atomic
def cancel_request(actor: User | None, participant: Participant,
                   request_id: int) -> MeetingRequest:
    """The sender withdraws a request, or either person calls off an accepted meeting that
    has not taken place; its seats are freed."""
    session, request, people = _locked_request(participant, request_id, lock_session=True)
    if request.state not in OPEN_REQUESTS or (
            request.state == RequestState.PENDING and request.sender_id != participant.pk):
        raise NetworkingError(_("This request cannot be withdrawn."))
    seats = Seat.objects.filter(session=session, participant__in=list(people))
    place = _place_of(seats, request)
    if place is not None:
        if place.slot <= _held(session):
            raise NetworkingError(_("This meeting has already taken place."))
        Seat.objects.filter(session=session, round=place.slot, table=place.table).delete()
        _bump(session, "schedule_version")
    request.state, request.answered_at = RequestState.CANCELLED, timezone.now()
    request.save(update_fields=["state", "answered_at"])
    _touch(*people.values())
    log_action(actor, "networking.request.cancelled", request, session=session.pk)
    return request


# ---- placing the meetings -------------------------------------------------------------------

def _held(session: NetworkingSession) -> int:
    if session.status == Status.FINISHED:
        return session.rounds
    if session.status != Status.RUNNING:
        return 0
    return clock_state(session, timezone.now()).rounds_held


def _place_of(seats: Iterable[Seat], request: MeetingRequest) -> meeting_plan.Place | None:
    where: dict[int, set[tuple[int, int]]] = {request.sender_id: set(),
                                              request.receiver_id: set()}
    for seat in seats:
        if seat.participant_id in where and seat.table is not None:
            where[seat.participant_id].add((seat.round, seat.table))
    both = where[request.sender_id] & where[request.receiver_id]
    if not both:
        return None
    slot, table = min(both)
    return meeting_plan.Place(slot, table)


def placements(session: NetworkingSession, accepted: list[MeetingRequest]
               ) -> tuple[dict[int, meeting_plan.Place], set[int]]:
    """Where each accepted meeting sits now (from the seats), and which of them are locked."""
    by_pair = {frozenset((r.sender_id, r.receiver_id)): r.pk for r in accepted}
    cells: dict[tuple[int, int], list[Seat]] = {}
    for seat in Seat.objects.filter(session=session, table__isnull=False):
        assert seat.table is not None
        cells.setdefault((seat.round, seat.table), []).append(seat)
    placed: dict[int, meeting_plan.Place] = {}
    locked: set[int] = set()
    for (slot, table), seats in cells.items():
        request_id = by_pair.get(frozenset(s.participant_id for s in seats))
        if len(seats) == 2 and request_id is not None and request_id not in placed:
            placed[request_id] = meeting_plan.Place(slot, table)
            if any(s.locked for s in seats):
                locked.add(request_id)
    return placed, locked


def build_plan_problem(session: NetworkingSession, accepted: list[MeetingRequest],
                       people: list[Participant], scores: dict[frozenset[int], float]
                       ) -> meeting_plan.Problem:
    placed, locked = placements(session, accepted)
    held = _held(session)
    keep_all = session.status in (Status.PUBLISHED, Status.RUNNING)
    fixed = {pk: place for pk, place in placed.items()
             if pk in locked or place.slot <= held or keep_all}
    meetings = [meeting_plan.Meeting(
        r.pk, f"p{r.sender_id}", f"p{r.receiver_id}", mutual=r.mutual,
        score=scores.get(frozenset((r.sender_id, r.receiver_id)), 0.0)) for r in accepted]
    free = {f"p{p.pk}": {s for s in free_slots(session, p) if s > held} for p in people}
    for pk in fixed:  # a fixed meeting's people count as free where it sits
        meeting = next(m for m in meetings if m.id == pk)
        for person in (meeting.a, meeting.b):
            free.setdefault(person, set()).add(fixed[pk].slot)
    return meeting_plan.Problem(slots=session.rounds, tables=session.tables or 1,
                                meetings=meetings, free=free, fixed=fixed, previous=placed)


@transaction.atomic
def schedule_meetings(user: User | None, session: NetworkingSession,
                      time_limit: float = SCHEDULE_SECONDS) -> meeting_plan.Plan:
    """Place every accepted meeting the optimiser can; locked (moved by hand) meetings,
    meetings already held and, once published, every placed meeting stay where they are."""
    from mosty.networking.suggestions import pair_scores

    current = _locked(session)
    if not current.is_requested:
        raise NetworkingError(_("This session runs in rotations: plan its seating instead."))
    if current.status == Status.FINISHED:
        raise NetworkingError(_("The evening is over: its seating stays as it was."))
    if not current.tables:
        raise NetworkingError(_("Set the number of tables first."))
    accepted = list(current.meeting_requests.filter(state=RequestState.ACCEPTED)
                    .order_by("id"))
    people = list(current.participants.all())
    problem = build_plan_problem(current, accepted, people, pair_scores(current))
    try:
        plan = meeting_plan.plan(problem, time_limit=time_limit)
    except meeting_plan.PlanError as error:
        raise NetworkingError(_("Meetings fixed in place contradict each other (%(detail)s): "
                                "move one of them by hand.") % {"detail": error}) from None
    by_id = {r.pk: r for r in accepted}
    keep_locked = {pk for pk in plan.placed if pk in problem.fixed}
    locked = placements(current, accepted)[1]
    seats = []
    for pk, place in plan.placed.items():
        request = by_id[pk]
        lock = pk in locked and pk in keep_locked
        seats += [Seat(session=current, round=place.slot, table=place.table,
                       participant_id=person, locked=lock)
                  for person in (request.sender_id, request.receiver_id)]
    Seat.objects.filter(session=current).delete()
    Seat.objects.bulk_create(seats)
    stats = {"meetings_placed": plan.count, "meetings_unplaced": len(plan.unplaced),
             "meetings_mutual": sum(1 for pk in plan.placed if by_id[pk].mutual),
             "solver": plan.solver, "optimal": plan.optimal}
    status = Status.SCHEDULED if current.status == Status.DRAFT else current.status
    NetworkingSession.objects.filter(pk=current.pk).update(
        stats=stats, status=status, scheduled_setup_version=F("setup_version"),
        schedule_version=F("schedule_version") + 1, optimiser_state=OptimiserState.DONE,
        optimiser_message="", optimiser_stage="")
    current.refresh_from_db()
    log_action(user, "networking.meetings.scheduled", current, **stats)
    return plan


@transaction.atomic
def move_meeting(user: User, session: NetworkingSession, request_id: int,
                 data: MoveData) -> None:
    """Put an accepted meeting into a slot and table by hand (it is locked there);
    refused when the table is taken or one of the two is busy or away in that slot."""
    current = _locked(session)
    if data.expected_version is not None and data.expected_version != current.schedule_version:
        raise NetworkingError(_("The meetings changed since you opened this page. Nothing was "
                                "changed; check the current grid and try again."))
    request = current.meeting_requests.filter(pk=request_id,
                                              state=RequestState.ACCEPTED).first()
    if request is None:
        raise NetworkingError(_("This meeting does not exist (any more)."))
    if not 1 <= data.slot <= current.rounds:
        raise NetworkingError(_("There is no slot %(slot)s.") % {"slot": data.slot})
    if not 1 <= data.table <= (current.tables or 1):
        raise NetworkingError(_("There is no table %(table)s.") % {"table": data.table})
    held = _held(current)
    if data.slot <= held:
        raise NetworkingError(_("Slot %(slot)s has already begun.") % {"slot": data.slot})
    pair = [request.sender_id, request.receiver_id]
    people = {p.pk: p for p in current.participants.filter(pk__in=pair)}
    for person in people.values():
        if data.slot not in free_slots(current, person):
            raise NetworkingError(_("%(name)s is not available in slot %(slot)s.")
                                  % {"name": person.name, "slot": data.slot})
    seats = list(Seat.objects.filter(session=current).filter(
        Q(participant__in=pair) | Q(round=data.slot, table=data.table)))
    place = _place_of(seats, request)
    if place is not None and place.slot <= held:
        raise NetworkingError(_("This meeting has already taken place."))
    for seat in seats:
        mine = place is not None and (seat.round, seat.table) == (place.slot, place.table)
        if mine:
            continue
        if (seat.round, seat.table) == (data.slot, data.table):
            raise NetworkingError(_("Table %(table)s is taken in slot %(slot)s.")
                                  % {"table": data.table, "slot": data.slot})
        if seat.round == data.slot and seat.participant_id in people:
            raise NetworkingError(_("%(name)s has another meeting in slot %(slot)s.")
                                  % {"name": people[seat.participant_id].name,
                                     "slot": data.slot})
    if place is not None:
        Seat.objects.filter(session=current, round=place.slot, table=place.table).delete()
    Seat.objects.bulk_create([Seat(session=current, round=data.slot, table=data.table,
                                   participant_id=pk, locked=True) for pk in pair])
    _bump(current, "schedule_version")  # every phone's ETag includes it
    log_action(user, "networking.meetings.moved", current, request=request.pk,
               slot=data.slot, table=data.table)
