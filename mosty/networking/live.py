"""What a participant's phone shows, built with a fixed number of queries.

The phone polls every few seconds. Its ETag is made of counters stored on the session and
the participant, so an unchanged state answers 304 after one narrow query of those counters
(`live_key`); a changed one loads the participant and the marks, one more query with mutual
matches, whatever the number of participants. The session's seating is loaded once per
process and change.
"""
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils import translation

from mosty.networking import access
from mosty.networking.clock import BEFORE, FINISHED, MOVE, ClockState, clock_state
from mosty.networking.models import (
    ContinueMark, MeetingFeedback, NetworkingSession, Outcome, Participant, Seat)


@dataclass
class Assignment:
    round: int
    table: int | None          # None: resting
    people: list[Participant] = field(default_factory=list)

    @property
    def resting(self) -> bool:
        return self.table is None


@dataclass
class PhoneView:
    participant: Participant
    session: NetworkingSession
    clock: ClockState
    agenda: list[Assignment | None]          # index = round - 1; None = absent
    current: Assignment | None = None        # the round under way (or being moved to)
    met: list[Participant] = field(default_factory=list)
    marked: set[int] = field(default_factory=set)
    matches: list[Participant] = field(default_factory=list)
    ratings: dict[tuple[int, int], MeetingFeedback] = field(default_factory=dict)

    @property
    def upcoming(self) -> Assignment | None:
        """Before the start: the first round this person sits in."""
        return next((a for a in self.agenda if a is not None), None)

    def contact_visible(self, other: Participant) -> bool:
        return access.may_see_contact(other, other.pk in {m.pk for m in self.matches})

    @property
    def match_rows(self) -> list[tuple[Participant, bool]]:
        """Each mutual match, with whether their contact details may be shown."""
        return [(p, self.contact_visible(p)) for p in self.matches]

    @property
    def feedback_open(self) -> bool:
        return self.session.feedback_open

    @property
    def meetings_to_rate(self) -> list["MeetingToRate"]:
        """Every meeting held so far, the latest round first, with my rating of it."""
        rows = []
        for assignment in reversed(self.agenda[:self.clock.rounds_held]):
            if assignment is None:
                continue
            for person in assignment.people:
                rows.append(MeetingToRate(assignment.round, person,
                                          self.ratings.get((assignment.round, person.pk))))
        return rows

    @property
    def next_assignment(self) -> Assignment | None:
        """During a round: where this person goes next (None after the last round)."""
        if self.clock.phase == "talk" and self.clock.round < len(self.agenda):
            return self.agenda[self.clock.round]
        return None


OUTCOMES = [(value, label) for value, label in Outcome.choices]


@dataclass
class MeetingToRate:
    round: int
    person: Participant
    rating: MeetingFeedback | None

    @property
    def outcome(self) -> str:
        return self.rating.outcome if self.rating else ""

    @property
    def choices(self) -> list[tuple[str, str, bool]]:
        return [(value, str(label), value == self.outcome) for value, label in OUTCOMES]


@dataclass
class LiveKey:
    """What a phone's ETag is made of: the session's counters and clock fields and the
    participant's version (a ClockFields, so the clock can be read from it)."""
    session_id: int
    status: str
    live_version: int
    schedule_version: int
    participant_version: int
    rounds: int
    minutes_per_round: int
    changeover_seconds: int
    clock_round: int
    clock_started_at: datetime | None
    clock_paused_at: datetime | None

    def etag(self, clock: ClockState) -> str:
        parts = (self.session_id, self.status, self.live_version, self.schedule_version,
                 self.participant_version, clock.phase, clock.round, int(clock.paused),
                 translation.get_language())
        return 'W/"' + ".".join(str(p) for p in parts) + '"'


# LiveKey's fields, in order, as columns of a Participant query.
LIVE_KEY_COLUMNS = ("session_id", "session__status", "session__live_version",
                    "session__schedule_version", "version", "session__rounds",
                    "session__minutes_per_round", "session__changeover_seconds",
                    "session__clock_round", "session__clock_started_at",
                    "session__clock_paused_at")


def live_key(token: str) -> LiveKey | None:
    """The ETag's parts for a personal link in one narrow query (None: no such link), so
    that a phone whose state has not changed gets its 304 before anything is loaded."""
    if not access.is_link_shaped(token):
        return None
    rows = list(Participant.objects.filter(token=token).values_list(*LIVE_KEY_COLUMNS)[:1])
    return LiveKey(*rows[0]) if rows else None


def etag(participant: Participant, clock: ClockState) -> str:
    session = participant.session
    return LiveKey(session.pk, session.status, session.live_version, session.schedule_version,
                   participant.version, session.rounds, session.minutes_per_round,
                   session.changeover_seconds, session.clock_round, session.clock_started_at,
                   session.clock_paused_at).etag(clock)


# Per-process cache of a session's seating and the people's public lines, keyed by the
# counters every change bumps: a stale entry can never be used, and 100 phones of one
# session share one load per process instead of a seating query each.
_SNAPSHOTS: "OrderedDict[tuple, Snapshot]" = OrderedDict()
SNAPSHOTS_KEPT = 32
PUBLIC_FIELDS = ("id", "session_id", "name", "organisation_name", "sector", "about", "host")


@dataclass
class Snapshot:
    people: dict[int, Participant]
    where: dict[int, dict[int, int | None]]          # person -> round -> table (None: rest)
    tables: dict[tuple[int, int], list[Participant]]  # (round, table) -> people by name


def snapshot(session: NetworkingSession) -> Snapshot:
    key = (session.pk, session.created_at, session.schedule_version, session.live_version)
    found = _SNAPSHOTS.get(key)
    if found is not None:
        _SNAPSHOTS.move_to_end(key)
        return found
    people = {p.pk: p for p in Participant.objects.filter(session=session)
              .only(*PUBLIC_FIELDS).order_by("name", "id")}
    where: dict[int, dict[int, int | None]] = {}
    tables: dict[tuple[int, int], list[Participant]] = {}
    for round_number, table, person in Seat.objects.filter(session=session).values_list(
            "round", "table", "participant_id"):
        where.setdefault(person, {})[round_number] = table
        if table is not None:
            tables.setdefault((round_number, table), []).append(people[person])
    for members in tables.values():
        members.sort(key=lambda p: (p.name, p.pk))
    found = Snapshot(people, where, tables)
    _SNAPSHOTS[key] = found
    while len(_SNAPSHOTS) > SNAPSHOTS_KEPT:
        _SNAPSHOTS.popitem(last=False)
    return found


def _agenda(session: NetworkingSession, participant: Participant,
            seating: Snapshot) -> list[Assignment | None]:
    """Every round: my table and the other people at it."""
    agenda: list[Assignment | None] = [None] * session.rounds
    for round_number, table in seating.where.get(participant.pk, {}).items():
        if not 1 <= round_number <= session.rounds:
            continue
        assignment = Assignment(round_number, table)
        if table is not None:
            assignment.people = [p for p in seating.tables[(round_number, table)]
                                 if p.pk != participant.pk]
        agenda[round_number - 1] = assignment
    return agenda


def phone_view(participant: Participant, now: datetime) -> PhoneView:
    session = participant.session
    clock = clock_state(session, now)
    view = PhoneView(participant, session, clock, agenda=[None] * session.rounds)
    if not session.is_visible_to_participants:
        return view
    view.agenda = _agenda(session, participant, snapshot(session))
    if clock.phase not in (BEFORE, FINISHED) and 1 <= clock.round <= session.rounds:
        view.current = view.agenda[clock.round - 1]
    held = clock.rounds_held
    seen: dict[int, Participant] = {}
    for assignment in view.agenda[:held]:
        for person in assignment.people if assignment else []:
            seen.setdefault(person.pk, person)
    view.met = sorted(seen.values(), key=lambda p: (p.name, p.pk))
    made, received = set(), set()
    for source, target in ContinueMark.objects.filter(
            Q(from_participant=participant) | Q(to_participant=participant)).values_list(
            "from_participant_id", "to_participant_id"):
        if source == participant.pk:
            made.add(target)
        else:
            received.add(source)
    view.marked = made
    if held:
        view.ratings = {(r.round, r.other_id): r for r in MeetingFeedback.objects.filter(
            rater=participant).only("id", "round", "other_id", "outcome", "note")}
    mutual = [p.pk for p in view.met if p.pk in made & received]
    if mutual:
        # Contact details and consent are read fresh, never from the cached snapshot.
        view.matches = list(Participant.objects.filter(pk__in=mutual).order_by("name", "id"))
    return view


def _person(person: Participant) -> dict:
    return {"id": person.pk, "name": person.name, "organisation": person.organisation_name,
            "sector": person.sector, "sector_label": person.get_sector_display(),
            "about": person.about}


def _assignment(assignment: Assignment | None) -> dict | None:
    if assignment is None:
        return None
    return {"round": assignment.round, "table": assignment.table,
            "resting": assignment.resting,
            "people": [_person(p) for p in assignment.people]}


def payload(view: PhoneView, agenda: bool = True) -> dict:
    """The phone's data: the clock, where I sit now (and, with `agenda`, every round), whom
    I marked and my mutual matches, with contact details only where shared."""
    clock = view.clock
    data: dict[str, object] = {
        "session": {"id": view.session.pk, "title": view.session.title,
                    "status": view.session.status, "rounds": view.session.rounds},
        "clock": {"phase": clock.phase, "round": clock.round, "remaining": clock.remaining,
                  "paused": clock.paused, "moving": clock.phase == MOVE},
        "now": _assignment(view.current),
        "met": [p.pk for p in view.met],
        "marked": sorted(view.marked),
        # My own ratings; the notes stay with the organisers.
        "ratings": [{"round": r.round, "other": r.other_id, "outcome": r.outcome}
                    for r in sorted(view.ratings.values(), key=lambda r: (r.round, r.other_id))],
        "feedback_open": view.feedback_open,
        "matches": [_person(p) | ({"email": p.email, "phone": p.phone}
                                  if view.contact_visible(p) else {})
                    for p in view.matches],
    }
    if agenda:
        data["agenda"] = [_assignment(a) for a in view.agenda]
    return data
