"""Combinatorial constructions, bounds and the hand-rotation baseline."""

from __future__ import annotations

from itertools import combinations

import pytest

from mosty.networking.scheduler import parse_problem, upper_bound_pairs
from mosty.networking.scheduler.baseline import baseline_schedule
from mosty.networking.scheduler.constructions import circle_rounds, hosts_pair_rounds
from mosty.networking.scheduler.designs import (
    Ring,
    coset_rounds,
    prime_power,
    projective_triple_rounds,
    transversal_rounds,
)
from mosty.networking.tests.test_scheduler import check_schedule, make


def assert_repeat_free(rounds: list[list[list[int]]], people: int, size: int) -> None:
    """Every round partitions ``range(people)`` into groups of ``size``; no pair twice."""
    seen: set[tuple[int, int]] = set()
    for groups in rounds:
        assert sorted(x for g in groups for x in g) == list(range(people))
        for group in groups:
            assert len(group) == size
            for pair in combinations(sorted(group), 2):
                assert pair not in seen
                seen.add(pair)


def test_prime_power() -> None:
    assert prime_power(32) == (2, 5)
    assert prime_power(81) == (3, 4)
    assert prime_power(12) is None
    assert prime_power(1) is None


@pytest.mark.parametrize("q", [4, 8, 9, 16, 25, 27])
def test_extension_fields_have_no_zero_divisors(q: int) -> None:
    ring = Ring(q)
    assert ring.units == frozenset(range(1, q))
    assert ring.difference_set(q) is not None


@pytest.mark.parametrize(
    ("people", "size", "rounds", "expected"),
    [(32, 4, 9, 9), (16, 4, 7, 5), (27, 3, 13, 13), (64, 4, 21, 21), (25, 5, 9, 6), (12, 3, 3, 0)],
)
def test_coset_designs(people: int, size: int, rounds: int, expected: int) -> None:
    design = coset_rounds(people, size, rounds)
    assert len(design) == expected
    assert_repeat_free(design, people, size)


def test_kirkman_packing_of_pg32() -> None:
    design = projective_triple_rounds(15, 7)
    assert len(design) == 7
    assert_repeat_free(design, 15, 3)


@pytest.mark.parametrize(("groups", "q"), [(5, 8), (4, 9), (3, 7), (3, 5), (2, 6)])
def test_transversal_designs(groups: int, q: int) -> None:
    blocks = [list(range(j * q, (j + 1) * q)) for j in range(groups)]
    design = transversal_rounds(blocks, q + 3)
    assert len(design) == q
    assert_repeat_free(design, groups * q, groups)


def test_transversal_needs_unit_differences() -> None:
    # Z_6 has no three elements with pairwise invertible differences.
    assert transversal_rounds([list(range(j * 6, j * 6 + 6)) for j in range(3)], 6) == []


@pytest.mark.parametrize("n", [2, 7, 10, 11])
def test_circle_method(n: int) -> None:
    rounds = circle_rounds(list(range(n)), n)
    met = [tuple(sorted(t)) for tables, _ in rounds[: n - 1 + n % 2] for t in tables]
    assert len(met) == len(set(met)) == n * (n - 1) // 2
    assert all(len(resting) == n % 2 for _, resting in rounds)


def test_hosts_pair_rotation_spreads_rests() -> None:
    rounds = hosts_pair_rounds(list(range(3)), list(range(3, 10)), 4)
    rests = [p for _, resting in rounds for p in resting]
    counts = [rests.count(g) for g in range(3, 10)]
    assert max(counts) - min(counts) <= 1
    met = [tuple(t) for tables, _ in rounds for t in tables]
    assert len(met) == len(set(met))


@pytest.mark.parametrize(
    ("problem", "bound"),
    [
        (make(15, 3, 7), 105),
        (make(15, 3, 9), 105),  # capped by C(15, 2)
        (make(32, 4, 9), 432),
        (make(10, 3, 2), 2 * (3 + 3 + 1 + 1)),  # tables 3,3,2,2
        (make(40, 2, 20, hosts=20), 400),
        (make(40, 2, 25, hosts=20), 400),
        (make(28, 4, 7, hosts=7), 7 * 21 + 7 * 7 * 3),
        (make(9, 3, 5, hosts=3), 3 * 6 + 3 * 5 * 1),  # guest pairs: 1 per table-round
    ],
)
def test_upper_bounds(problem: dict, bound: int) -> None:
    assert upper_bound_pairs(parse_problem(problem)) == bound


def test_upper_bound_respects_absences() -> None:
    problem = make(4, 2, 3)
    problem["participants"][0]["absent_rounds"] = [1, 2, 3]
    # p0 never attends: only the 3 pairs among p1..p3 can meet (one pair per round).
    assert upper_bound_pairs(parse_problem(problem)) == 3


@pytest.mark.parametrize(
    "problem",
    [make(15, 3, 7), make(11, 2, 6), make(40, 2, 20, hosts=20), make(28, 4, 7, hosts=7)],
)
def test_baseline_is_a_valid_schedule(problem: dict) -> None:
    check_schedule(problem, baseline_schedule(problem))
