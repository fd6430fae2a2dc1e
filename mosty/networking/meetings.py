"""What pages show of requested one-to-one meetings, each in a fixed number of queries.

- A participant's requests (sent and received) with the other person, and where and when
  each accepted meeting takes place: one query, plus the phone's cached seating.
- The people to browse: everybody else with what their organisation offers and seeks in
  the directory, ordered by the matching module's suggestion (mutual interest first).
- The organiser's grid: slots × tables, free tables, accepted meetings not placed yet.
Messages are shown only to the two people of a request.
"""
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q

from mosty.directory.models import Resource
from mosty.networking.documents import round_start
from mosty.networking.live import Assignment, PhoneView
from mosty.networking.meeting_services import free_slots, placements, requests_open
from mosty.networking.models import (
    MeetingRequest, NetworkingSession, Participant, RequestState)
from mosty.networking.suggestions import PairScore, organisation_scores, score_of

PUBLIC_FIELDS = ("id", "session_id", "name", "organisation_id", "organisation_name", "sector",
                 "about", "absent_rounds")


@dataclass
class RequestRow:
    request: MeetingRequest
    other: Participant
    incoming: bool
    place: Assignment | None = None
    start: datetime | None = None

    @property
    def message(self) -> str:
        return self.request.message


@dataclass
class MyRequests:
    received: list[RequestRow] = field(default_factory=list)     # waiting for my answer
    sent: list[RequestRow] = field(default_factory=list)         # waiting for theirs
    meetings: list[RequestRow] = field(default_factory=list)     # accepted, by time
    closed: list[RequestRow] = field(default_factory=list)       # declined or withdrawn
    sent_open: int = 0
    cap: int = 0
    open: bool = False

    @property
    def states(self) -> dict[int, tuple[str, bool]]:
        """Other person -> (state, whether they asked me), for the people list."""
        rows = [*self.closed, *self.sent, *self.received, *self.meetings]
        return {row.other.pk: (row.request.state, row.incoming) for row in rows}

    @property
    def can_send(self) -> bool:
        return self.open and self.sent_open < self.cap


def my_requests(participant: Participant, view: PhoneView | None = None) -> MyRequests:
    """The requests of `participant` (one query); with the phone's view, the placed
    meetings get their slot, table and start time."""
    session = participant.session
    result = MyRequests(cap=session.request_cap, open=requests_open(session))
    placed: dict[int, Assignment] = {}
    if view is not None:
        for assignment in view.agenda:
            if assignment is not None and not assignment.resting:
                for person in assignment.people:
                    placed.setdefault(person.pk, assignment)
    rows = MeetingRequest.objects.filter(
        Q(sender=participant) | Q(receiver=participant)).select_related(
        "sender", "receiver").order_by("-created_at", "-id")
    for request in rows:
        incoming = request.receiver_id == participant.pk
        other = request.sender if incoming else request.receiver
        row = RequestRow(request, other, incoming)
        if request.state == RequestState.ACCEPTED:
            row.place = placed.get(other.pk)
            if row.place is not None:
                row.start = round_start(session, row.place.round)
            result.meetings.append(row)
        elif request.state == RequestState.PENDING:
            (result.received if incoming else result.sent).append(row)
        else:
            result.closed.append(row)
        if not incoming and request.state in (RequestState.PENDING, RequestState.ACCEPTED):
            result.sent_open += 1
    result.meetings.sort(key=lambda r: (r.place is None, r.place.round if r.place else 0,
                                        r.other.name))
    return result


@dataclass
class Profile:
    person: Participant
    offers: list[Resource]
    seeks: list[Resource]
    suggestion: PairScore
    state: str = ""          # of a request between us: pending, accepted, declined...
    asked_me: bool = False

    @property
    def suggested(self) -> bool:
        return self.suggestion.score > 0


def profiles(participant: Participant, requests: MyRequests | None = None,
             only: int | None = None) -> list[Profile]:
    """Everybody else in the session (or the one person `only`): who asked me first, then
    the matching's suggestions (mutual interest first, higher score first), then the
    others by name."""
    session = participant.session
    others_qs = Participant.objects.filter(session=session).exclude(pk=participant.pk)
    if only is not None:
        others_qs = others_qs.filter(pk=only)
    others = list(others_qs.only(*PUBLIC_FIELDS).order_by("name", "id"))
    org_ids = {p.organisation_id for p in others if p.organisation_id}
    resources: dict[int, list[Resource]] = {}
    for resource in Resource.objects.filter(organisation__in=org_ids).order_by(
            "organisation_id", "kind", "category", "id"):
        resources.setdefault(resource.organisation_id, []).append(resource)
    scores = organisation_scores(session)
    states = requests.states if requests else {}
    rows = []
    for person in others:
        items = resources.get(person.organisation_id or 0, [])
        state, asked_me = states.get(person.pk, ("", False))
        rows.append(Profile(person, [r for r in items if r.kind == "offer"],
                            [r for r in items if r.kind == "need"],
                            score_of(scores, participant.organisation_id, person.organisation_id),
                            state, asked_me and state == RequestState.PENDING))
    rows.sort(key=lambda p: (not p.asked_me, not p.suggestion.mutual, -p.suggestion.score,
                             p.person.name, p.person.pk))
    return rows


# ---- the organiser's grid -------------------------------------------------------------------

@dataclass
class Cell:
    table: int
    request: MeetingRequest | None = None
    people: tuple[Participant, ...] = ()
    locked: bool = False


@dataclass
class SlotRow:
    slot: int
    start: datetime | None
    cells: list[Cell]

    @property
    def free_tables(self) -> int:
        return sum(1 for cell in self.cells if cell.request is None)


@dataclass
class Grid:
    slots: list[SlotRow]
    unplaced: list[MeetingRequest]
    pending: int
    accepted: list[MeetingRequest]
    tables: int

    @property
    def placed(self) -> int:
        return len(self.accepted) - len(self.unplaced)


def grid(session: NetworkingSession) -> Grid:
    """Slots × tables with the meeting at each table (three queries, whatever the size)."""
    tables = session.tables or 1
    requests = list(session.meeting_requests.filter(
        state__in=[RequestState.ACCEPTED, RequestState.PENDING]).select_related(
        "sender", "receiver").order_by("id"))
    accepted = [r for r in requests if r.state == RequestState.ACCEPTED]
    by_id = {r.pk: r for r in accepted}
    placed, locked = placements(session, accepted)
    where = {(place.slot, place.table): by_id[pk] for pk, place in placed.items()}
    rows = []
    for slot in range(1, session.rounds + 1):
        cells = []
        for table in range(1, tables + 1):
            request = where.get((slot, table))
            cells.append(Cell(table, request, (request.sender, request.receiver)
                              if request else (), request is not None and request.pk in locked))
        rows.append(SlotRow(slot, round_start(session, slot), cells))
    unplaced = [r for r in accepted if r.pk not in placed]
    return Grid(rows, unplaced, len(requests) - len(accepted), accepted, tables)


def availability_text(session: NetworkingSession, person: Participant) -> str:
    """“1–3, 5” for the slots a person is free in."""
    free = sorted(free_slots(session, person))
    parts: list[str] = []
    for slot in free:
        if parts and parts[-1].split("–")[-1] == str(slot - 1):
            parts[-1] = parts[-1].split("–")[0] + f"–{slot}"
        else:
            parts.append(str(slot))
    return ", ".join(parts)

