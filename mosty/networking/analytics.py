"""Read-only views of a session's seating: rounds, warnings, statistics (constant queries)."""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.directory.choices import Sector
from mosty.networking.clock import clock_state
from mosty.networking.models import (
    ContinueMark, MeetingFeedback, NetworkingSession, Outcome, Participant, Seat)
from mosty.networking.scheduler import compute_stats, parse_problem

Rounds = dict[int, dict[int | None, list[int]]]  # round -> table (None = resting) -> people


def seating(session: NetworkingSession, up_to_round: int | None = None) -> Rounds:
    """Participant ids by round and table, from one query."""
    seats = Seat.objects.filter(session=session)
    if up_to_round is not None:
        seats = seats.filter(round__lte=up_to_round)
    rounds: Rounds = defaultdict(lambda: defaultdict(list))
    for round_number, table, participant_id in seats.order_by("round", "table", "id") \
            .values_list("round", "table", "participant_id"):
        rounds[round_number][table].append(participant_id)
    return rounds


def stats_from_seats(session: NetworkingSession) -> dict[str, Any]:
    """The optimiser's statistics recomputed for the seats as they are now (after swaps)."""
    from mosty.networking.optimiser import build_problem

    people = list(session.participants.prefetch_related("wishes_made").order_by("id"))
    problem = build_problem(session, people)
    rounds = seating(session)
    rendered = []
    for number in range(1, session.rounds + 1):
        tables = rounds.get(number, {})
        count = max((t for t in tables if t is not None), default=0)
        rendered.append({
            "tables": [[f"p{pk}" for pk in tables.get(t, [])] for t in range(1, count + 1)],
            "resting": [f"p{pk}" for pk in tables.get(None, [])]})
    stats = compute_stats(parse_problem(problem), rendered, 0)
    stats.pop("seconds", None)
    return stats


def _org_key(person: Participant) -> str:
    return person.organisation_key


def table_warnings(session: NetworkingSession, round_number: int, tables: list[int | None],
                   rounds: Rounds | None = None,
                   people: dict[int, Participant] | None = None) -> list[str]:
    """What is wrong at the given tables of a round: repeated meetings, colleagues together,
    one sector only."""
    rounds = rounds if rounds is not None else seating(session)
    if people is None:
        people = {p.pk: p for p in session.participants.all()}
    where: dict[int, dict[int, int]] = defaultdict(dict)
    for number, by_table in rounds.items():
        for table, members in by_table.items():
            if table is not None:
                for member in members:
                    where[member][number] = table
    warnings = []
    for table in tables:
        if table is None:
            continue
        members = rounds.get(round_number, {}).get(table, [])
        for a, b in combinations(members, 2):
            other = sorted(r for r, t in where[a].items()
                           if r != round_number and where[b].get(r) == t)
            if other:
                warnings.append(_("%(first)s and %(second)s also meet in round %(round)s.")
                                % {"first": people[a].name, "second": people[b].name,
                                   "round": other[0]})
            key = _org_key(people[a])
            if key and key == _org_key(people[b]):
                warnings.append(_("%(first)s and %(second)s come from the same organisation.")
                                % {"first": people[a].name, "second": people[b].name})
        sectors = {people[m].sector for m in members}
        if session.cross_sector and len(members) > 1 and len(sectors) == 1 and "" not in sectors:
            warnings.append(_("Table %(table)s in round %(round)s is from one sector only.")
                            % {"table": table, "round": round_number})
    return warnings


@dataclass
class SectorPairRow:
    label: str
    meetings: int = 0
    marks: int = 0
    matches: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)   # one per side's rating
    cooperation_both: int = 0    # pairs where both sides said "cooperation possible"

    @property
    def outcome_counts(self) -> list[int]:
        return [self.outcomes[value] for value in Outcome.values]

    @property
    def match_rate(self) -> int:
        return round(100 * self.matches / self.meetings) if self.meetings else 0


@dataclass
class SessionStatistics:
    rounds_held: int
    participants: int
    conversations: int = 0     # pair-meetings at tables, a pair meeting twice counts twice
    pairs_met: int = 0         # distinct pairs
    marks: int = 0
    matches: int = 0           # pairs who marked each other
    people_with_match: int = 0
    by_sector: list[SectorPairRow] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    cooperation_both: int = 0

    @property
    def outcome_totals(self) -> list[tuple[str, str, int]]:
        return [(value, str(label), self.outcomes[value]) for value, label in Outcome.choices]

    @property
    def ratings(self) -> int:
        return sum(self.outcomes.values())


def _sector_label(value: str) -> str:
    return str(dict(Sector.choices).get(value, _("sector not given")))


def session_statistics(session: NetworkingSession) -> SessionStatistics:
    """Meetings held so far, marks and mutual matches, in total and by pair of sectors."""
    held = clock_state(session, timezone.now()).rounds_held
    sectors = dict(session.participants.values_list("pk", "sector"))
    result = SessionStatistics(rounds_held=held, participants=len(sectors))
    rows: dict[tuple[str, str], SectorPairRow] = {}

    def row(a: int, b: int) -> SectorPairRow:
        low, high = sorted((sectors.get(a, ""), sectors.get(b, "")))
        key = (low, high)
        if key not in rows:
            rows[key] = SectorPairRow(" – ".join(_sector_label(s) for s in key))
        return rows[key]

    met: Counter[tuple[int, int]] = Counter()
    for by_table in seating(session, up_to_round=held).values():
        for table, members in by_table.items():
            if table is not None:
                met.update((min(a, b), max(a, b)) for a, b in combinations(members, 2))
    for pair in met:
        row(*pair).meetings += 1
    result.conversations = sum(met.values())
    result.pairs_met = len(met)
    marks = set(ContinueMark.objects.filter(session=session)
                .values_list("from_participant_id", "to_participant_id"))
    matched: set[int] = set()
    for a, b in marks:
        row(a, b).marks += 1
        if a < b and (b, a) in marks:
            row(a, b).matches += 1
            result.matches += 1
            matched |= {a, b}
    result.marks = len(marks)
    cooperation: set[tuple[int, int]] = set()
    for rater, other, outcome in MeetingFeedback.objects.filter(session=session).values_list(
            "rater_id", "other_id", "outcome"):
        row(rater, other).outcomes[outcome] += 1
        result.outcomes[outcome] += 1
        if outcome == Outcome.COOPERATION:
            cooperation.add((rater, other))
    for a, b in cooperation:
        if a < b and (b, a) in cooperation:
            row(a, b).cooperation_both += 1
            result.cooperation_both += 1
    result.people_with_match = len(matched)
    result.by_sector = sorted(rows.values(), key=lambda r: (-r.meetings, r.label))
    return result
