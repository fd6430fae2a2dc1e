"""The plain placement of requested meetings into slots and tables (no database)."""
import random
from itertools import product

import pytest

from mosty.networking.meeting_plan import Meeting, Place, PlanError, Problem, check, greedy, plan


def brute_force_best(problem: Problem) -> tuple[int, int]:
    """(mutual placed, placed) of the best assignment, by trying every slot choice."""
    best = (0, 0)
    choices = [range(0, problem.slots + 1)] * len(problem.meetings)
    for assignment in product(*choices):
        used: dict[int, int] = {}
        people: set[tuple[str, int]] = set()
        ok = True
        for meeting, slot in zip(problem.meetings, assignment, strict=True):
            if slot == 0:
                continue
            free_a = problem.free.get(meeting.a, set(range(1, problem.slots + 1)))
            free_b = problem.free.get(meeting.b, set(range(1, problem.slots + 1)))
            if slot not in free_a or slot not in free_b or (meeting.a, slot) in people \
                    or (meeting.b, slot) in people:
                ok = False
                break
            people |= {(meeting.a, slot), (meeting.b, slot)}
            used[slot] = used.get(slot, 0) + 1
            if used[slot] > problem.tables:
                ok = False
                break
        if ok:
            placed = [m for m, s in zip(problem.meetings, assignment, strict=True) if s]
            best = max(best, (sum(m.mutual for m in placed), len(placed)))
    return best


def random_problem(seed: int, people: int = 6, meetings: int = 7, slots: int = 3,
                   tables: int = 2) -> Problem:
    rng = random.Random(seed)
    names = [f"p{i}" for i in range(people)]
    pairs: set[tuple[str, ...]] = set()
    while len(pairs) < meetings:
        a, b = rng.sample(names, 2)
        pairs.add(tuple(sorted((a, b))))
    found = [Meeting(i, a, b, mutual=rng.random() < 0.3, score=rng.random())
             for i, (a, b) in enumerate(sorted(pairs), start=1)]
    free = {n: {s for s in range(1, slots + 1) if rng.random() < 0.8} for n in names}
    return Problem(slots=slots, tables=tables, meetings=found, free=free)


@pytest.mark.parametrize("seed", range(12))
def test_the_plan_is_valid_and_as_good_as_the_best_possible(seed):
    problem = random_problem(seed)
    result = plan(problem, time_limit=2)
    assert check(problem, result.placed) == []
    mutual = sum(1 for m in problem.meetings if m.mutual and m.id in result.placed)
    assert (mutual, result.count) == brute_force_best(problem)
    assert sorted([*result.placed, *result.unplaced]) == [m.id for m in problem.meetings]


@pytest.mark.parametrize("seed", range(6))
def test_the_greedy_with_repair_alone_is_valid(seed):
    problem = random_problem(seed, people=10, meetings=20, slots=4, tables=3)
    result = plan(problem, use_cp_sat=False)
    assert result.solver == "greedy"
    assert check(problem, result.placed) == []
    assert result.count >= 1


def test_mutual_interest_comes_first_when_not_everything_fits():
    # One slot, one table: only one of the two meetings can take place.
    problem = Problem(slots=1, tables=1, meetings=[
        Meeting(1, "a", "b", mutual=False, score=5.0), Meeting(2, "c", "d", mutual=True)])
    result = plan(problem)
    assert list(result.placed) == [2]
    assert result.unplaced == [1]


def test_a_higher_matching_score_wins_among_equals():
    problem = Problem(slots=1, tables=1, meetings=[
        Meeting(1, "a", "b", score=0.2), Meeting(2, "c", "d", score=0.9)])
    assert list(plan(problem).placed) == [2]


def test_people_meet_only_when_both_are_free_and_once_per_slot():
    problem = Problem(slots=3, tables=5, meetings=[
        Meeting(1, "a", "b"), Meeting(2, "a", "c"), Meeting(3, "a", "d")],
        free={"a": {1, 2, 3}, "b": {2}, "c": {2, 3}, "d": {1, 2}})
    result = plan(problem)
    assert result.count == 3
    assert [result.placed[i].slot for i in (1, 2, 3)] == [2, 3, 1]


def test_tables_limit_the_meetings_of_a_slot():
    problem = Problem(slots=2, tables=2, meetings=[
        Meeting(i, f"a{i}", f"b{i}") for i in range(1, 6)])
    result = plan(problem)
    assert result.count == 4
    assert check(problem, result.placed) == []
    assert {p.table for p in result.placed.values()} == {1, 2}


def test_fixed_meetings_stay_and_previous_places_are_kept_when_possible():
    meetings = [Meeting(1, "a", "b"), Meeting(2, "c", "d"), Meeting(3, "a", "e"),
                 Meeting(4, "f", "g")]
    problem = Problem(slots=2, tables=2, meetings=meetings,
                      fixed={1: Place(1, 2)}, previous={2: Place(2, 1)})
    for use_cp_sat in (True, False):
        result = plan(problem, use_cp_sat=use_cp_sat)
        assert result.placed[1] == Place(1, 2)
        assert result.placed[2] == Place(2, 1)
        assert result.placed[3].slot == 2  # a is busy in slot 1
        assert check(problem, result.placed) == []


def test_contradicting_fixed_meetings_are_refused():
    meetings = [Meeting(1, "a", "b"), Meeting(2, "a", "c")]
    with pytest.raises(PlanError):
        plan(Problem(slots=2, tables=2, meetings=meetings,
                     fixed={1: Place(1, 1), 2: Place(1, 2)}))
    with pytest.raises(PlanError):
        plan(Problem(slots=2, tables=2, meetings=[Meeting(1, "a", "b"), Meeting(2, "c", "d")],
                     fixed={1: Place(1, 1), 2: Place(1, 1)}))


def test_repair_moves_a_blocking_meeting_to_make_room():
    # Greedy puts a-b (mutual, first) in slot 1; c-a can only be in slot 1, so a-b moves.
    problem = Problem(slots=2, tables=1, meetings=[
        Meeting(1, "a", "b", mutual=True), Meeting(2, "c", "a")],
        free={"c": {1}})
    slots = greedy(problem)
    assert slots == {1: 2, 2: 1}


def test_two_hundred_people_are_placed_quickly():
    rng = random.Random(5)
    names = [f"p{i}" for i in range(200)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < 600:
        a, b = rng.sample(names, 2)
        pairs.add((min(a, b), max(a, b)))
    problem = Problem(slots=12, tables=60, meetings=[
        Meeting(i, a, b, mutual=rng.random() < 0.2, score=rng.random())
        for i, (a, b) in enumerate(sorted(pairs))])
    result = plan(problem, time_limit=5)
    assert check(problem, result.placed) == []
    assert result.count >= 590
