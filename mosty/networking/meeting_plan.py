"""Placing accepted one-to-one meetings into time slots and tables. Plain Python, no Django.

Input: the number of slots and tables, the slots each person is free in, the meetings (two
people and a priority) and meetings already fixed in place (moved by hand, or held).
Output: a slot and a table for as many meetings as possible such that both people are free,
nobody has two meetings in one slot and no slot uses more tables than there are.

The objective is lexicographic: first as many meetings of mutual interest as possible, then
as many meetings as possible, then the higher matching scores. OR-Tools CP-SAT solves it
(seeded with a greedy placement); without OR-Tools, or if it finds nothing in time, the
greedy placement with a repair step (moving one blocking meeting to another slot) is used.

Tables are interchangeable within a slot, so the model chooses slots only; tables are handed
out afterwards: fixed meetings keep theirs, a meeting placed before keeps its table if free.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

SCORE_SCALE = 100          # matching scores (0..~10) become integer points
PLACED_WEIGHT = 10_000     # one meeting more beats any sum of score points


@dataclass(frozen=True)
class Meeting:
    id: int
    a: str
    b: str
    mutual: bool = False   # both people asked to meet (or the matching says both ways)
    score: float = 0.0     # the matching module's score, higher first


@dataclass(frozen=True)
class Place:
    slot: int              # 1-based
    table: int             # 1-based


@dataclass
class Problem:
    slots: int
    tables: int
    meetings: list[Meeting]
    # person -> slots (1-based) they are free in; a person missing here is free in all
    free: dict[str, set[int]] = field(default_factory=dict)
    fixed: dict[int, Place] = field(default_factory=dict)       # kept exactly
    previous: dict[int, Place] = field(default_factory=dict)    # kept if still possible


@dataclass
class Plan:
    placed: dict[int, Place]
    unplaced: list[int]
    solver: str            # "cp-sat", "greedy"
    optimal: bool = False

    @property
    def count(self) -> int:
        return len(self.placed)


class PlanError(ValueError):
    """The fixed meetings contradict each other (two at one table, a person twice...)."""


def _free(problem: Problem, person: str) -> set[int]:
    slots = set(range(1, problem.slots + 1))
    return problem.free.get(person, slots) & slots


def _options(problem: Problem, meeting: Meeting, busy: dict[str, set[int]]) -> list[int]:
    both = _free(problem, meeting.a) & _free(problem, meeting.b)
    return sorted(both - busy.get(meeting.a, set()) - busy.get(meeting.b, set()))


def _check_fixed(problem: Problem) -> tuple[dict[str, set[int]], dict[int, int]]:
    """People busy per slot and tables used per slot by the fixed meetings."""
    busy: dict[str, set[int]] = {}
    used: dict[int, int] = {}
    cells: set[tuple[int, int]] = set()
    by_id = {m.id: m for m in problem.meetings}
    for meeting_id, place in problem.fixed.items():
        meeting = by_id.get(meeting_id)
        if meeting is None:
            raise PlanError(f"fixed meeting {meeting_id} is not among the meetings")
        if not (1 <= place.slot <= problem.slots and 1 <= place.table <= problem.tables):
            raise PlanError(f"meeting {meeting_id}: slot or table out of range")
        if (place.slot, place.table) in cells:
            raise PlanError(f"two fixed meetings at table {place.table} in slot {place.slot}")
        cells.add((place.slot, place.table))
        for person in (meeting.a, meeting.b):
            if place.slot in busy.setdefault(person, set()):
                raise PlanError(f"{person} has two fixed meetings in slot {place.slot}")
            busy[person].add(place.slot)
        used[place.slot] = used.get(place.slot, 0) + 1
    return busy, used


def _order(meetings: Iterable[Meeting]) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (not m.mutual, -m.score, m.id))


def greedy(problem: Problem) -> dict[int, int]:
    """Meeting -> slot: mutual and high-score first, each into its least loaded free slot;
    then a repair pass moves one blocking meeting elsewhere to make room."""
    busy, used = _check_fixed(problem)
    busy = {person: set(slots) for person, slots in busy.items()}
    slot_of: dict[int, int] = {m: p.slot for m, p in problem.fixed.items()}
    by_id = {m.id: m for m in problem.meetings}
    free_meetings = [m for m in problem.meetings if m.id not in problem.fixed]

    def put(meeting: Meeting, slot: int) -> None:
        slot_of[meeting.id] = slot
        busy.setdefault(meeting.a, set()).add(slot)
        busy.setdefault(meeting.b, set()).add(slot)
        used[slot] = used.get(slot, 0) + 1

    def take(meeting: Meeting) -> int:
        slot = slot_of.pop(meeting.id)
        busy[meeting.a].discard(slot)
        busy[meeting.b].discard(slot)
        used[slot] -= 1
        return slot

    left = []
    for meeting in _order(free_meetings):
        options = [s for s in _options(problem, meeting, busy)
                   if used.get(s, 0) < problem.tables]
        previous = problem.previous.get(meeting.id)
        if previous and previous.slot in options:
            put(meeting, previous.slot)
        elif options:
            put(meeting, min(options, key=lambda s: (used.get(s, 0), s)))
        else:
            left.append(meeting)
    # Repair: for a meeting left out, move one meeting that blocks a slot to another slot.
    for meeting in left:
        for slot in sorted(_free(problem, meeting.a) & _free(problem, meeting.b)):
            if _repair(problem, meeting, slot, slot_of, by_id, busy, used, put, take):
                break
    return slot_of


def _repair(problem: Problem, meeting: Meeting, slot: int, slot_of: dict[int, int],
            by_id: dict[int, Meeting], busy: dict[str, set[int]], used: dict[int, int],
            put: Callable[[Meeting, int], None], take: Callable[[Meeting], int]) -> bool:
    """Put `meeting` into `slot` by moving the one movable meeting in its way elsewhere."""
    movable = [by_id[i] for i, s in slot_of.items() if s == slot and i not in problem.fixed]
    blockers = [m for m in movable if {m.a, m.b} & {meeting.a, meeting.b}]
    if not blockers and used.get(slot, 0) >= problem.tables:
        blockers = movable[:1]  # the slot is full: free one table
    if len(blockers) != 1:
        return False
    blocker = blockers[0]
    old = take(blocker)
    if slot in _options(problem, meeting, busy) and used.get(slot, 0) < problem.tables:
        put(meeting, slot)
        others = [s for s in _options(problem, blocker, busy) if used.get(s, 0) < problem.tables]
        if others:
            put(blocker, others[0])
            return True
        take(meeting)
    put(blocker, old)
    return False


def _cp_sat(problem: Problem, hint: dict[int, int],
            time_limit: float) -> tuple[dict[int, int], bool] | None:
    try:
        from ortools.sat.python import cp_model
    except ImportError:  # pragma: no cover - ortools is a dependency, but stay usable
        return None
    busy, used = _check_fixed(problem)
    model = cp_model.CpModel()
    choice: dict[tuple[int, int], cp_model.IntVar] = {}
    per_person: dict[tuple[str, int], list[cp_model.IntVar]] = {}
    per_slot: dict[int, list[cp_model.IntVar]] = {}
    movable = [m for m in problem.meetings if m.id not in problem.fixed]
    mutual_weight = PLACED_WEIGHT * (len(movable) + 1)
    objective = []
    for meeting in movable:
        options = _options(problem, meeting, busy)
        here = []
        for slot in options:
            var = model.new_bool_var(f"m{meeting.id}s{slot}")
            choice[(meeting.id, slot)] = var
            here.append(var)
            per_person.setdefault((meeting.a, slot), []).append(var)
            per_person.setdefault((meeting.b, slot), []).append(var)
            per_slot.setdefault(slot, []).append(var)
            weight = PLACED_WEIGHT + int(round(meeting.score * SCORE_SCALE))
            if meeting.mutual:
                weight += mutual_weight
            previous = problem.previous.get(meeting.id)
            if previous is not None and previous.slot == slot:
                weight += 1  # stay where it was, other things equal
            objective.append(weight * var)
            model.add_hint(var, hint.get(meeting.id) == slot)
        if len(here) > 1:
            model.add_at_most_one(here)
    for variables in per_person.values():
        if len(variables) > 1:
            model.add_at_most_one(variables)
    for slot, variables in per_slot.items():
        model.add(sum(variables) <= problem.tables - used.get(slot, 0))
    model.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 7
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    slot_of = {m: p.slot for m, p in problem.fixed.items()}
    for (meeting_id, slot), var in choice.items():
        if solver.value(var):
            slot_of[meeting_id] = slot
    return slot_of, status == cp_model.OPTIMAL


def _value(problem: Problem, slot_of: dict[int, int]) -> tuple[int, int, int]:
    by_id = {m.id: m for m in problem.meetings}
    placed = [by_id[m] for m in slot_of]
    return (sum(m.mutual for m in placed), len(placed),
            sum(int(round(m.score * SCORE_SCALE)) for m in placed))


def _tables(problem: Problem, slot_of: dict[int, int]) -> dict[int, Place]:
    """Hand out tables: fixed first, then the previous table if free, then the lowest."""
    placed: dict[int, Place] = dict(problem.fixed)
    taken: dict[int, set[int]] = {}
    for place in placed.values():
        taken.setdefault(place.slot, set()).add(place.table)
    rest = sorted((m for m in slot_of if m not in placed), key=lambda m: (slot_of[m], m))
    later = []
    for meeting_id in rest:
        slot = slot_of[meeting_id]
        previous = problem.previous.get(meeting_id)
        if previous and previous.slot == slot and previous.table not in taken.get(slot, set()) \
                and previous.table <= problem.tables:
            placed[meeting_id] = previous
            taken.setdefault(slot, set()).add(previous.table)
        else:
            later.append(meeting_id)
    for meeting_id in later:
        slot = slot_of[meeting_id]
        table = next(t for t in range(1, problem.tables + 1) if t not in taken.get(slot, set()))
        placed[meeting_id] = Place(slot, table)
        taken.setdefault(slot, set()).add(table)
    return placed


def plan(problem: Problem, time_limit: float = 2.0, use_cp_sat: bool = True) -> Plan:
    """Place the meetings; raises PlanError when the fixed meetings contradict each other."""
    if problem.slots < 1 or problem.tables < 1:
        raise PlanError("at least one slot and one table are needed")
    ids = [m.id for m in problem.meetings]
    if len(set(ids)) != len(ids):
        raise PlanError("meeting ids repeat")
    if any(m.a == m.b for m in problem.meetings):
        raise PlanError("a meeting needs two different people")
    start = greedy(problem)
    slot_of, solver, optimal = start, "greedy", False
    if use_cp_sat and len(start) < len(problem.meetings):
        found = _cp_sat(problem, start, time_limit)
        if found is not None and _value(problem, found[0]) >= _value(problem, start):
            slot_of, solver, optimal = found[0], "cp-sat", found[1]
    elif len(start) == len(problem.meetings):
        optimal = True  # everything placed: nothing better exists
    placed = _tables(problem, slot_of)
    unplaced = [m.id for m in _order(problem.meetings) if m.id not in placed]
    return Plan(placed, unplaced, solver, optimal)


def check(problem: Problem, placed: dict[int, Place]) -> list[str]:
    """What breaks the rules in a placement (empty when it is valid); used by tests and the
    hand moves."""
    problems = []
    by_id = {m.id: m for m in problem.meetings}
    cells: set[tuple[int, int]] = set()
    people: set[tuple[str, int]] = set()
    for meeting_id, place in placed.items():
        meeting = by_id[meeting_id]
        if not (1 <= place.slot <= problem.slots and 1 <= place.table <= problem.tables):
            problems.append(f"{meeting_id}: out of range")
        if (place.slot, place.table) in cells:
            problems.append(f"{meeting_id}: table {place.table} taken in slot {place.slot}")
        cells.add((place.slot, place.table))
        for person in (meeting.a, meeting.b):
            if place.slot not in _free(problem, person):
                problems.append(f"{meeting_id}: {person} is not free in slot {place.slot}")
            if (person, place.slot) in people:
                problems.append(f"{meeting_id}: {person} has two meetings in slot {place.slot}")
            people.add((person, place.slot))
    return problems
