"""Tests of the speed-networking scheduler: required results and hard rules.

``check_schedule`` re-verifies every hard rule and recomputes every statistic
from the printed tables, independently of the scheduler's own code.  Run with
``pytest -p no:django``: nothing here needs Django or a database.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from itertools import combinations
from math import comb
from typing import Any

import pytest

from mosty.networking.scheduler import schedule

FAST = 0.3  # seconds: enough for every small instance below


# --------------------------------------------------------------- checker
def _expected_seated(problem: dict[str, Any], present: list[dict[str, Any]]) -> int:
    """Seats that must be filled in a round: rest only when unavoidable."""
    k = problem["table_size"]
    if problem.get("mode", "mixed") == "hosts":
        hosts = [p for p in present if p.get("host")]
        guests = len(present) - len(hosts)
        active = min(len(hosts), guests)
        return active + min(guests, active * (k - 1))
    m = len(present)
    tables = min(-(-m // k), m // 2)
    if problem.get("tables") is not None:
        tables = min(tables, problem["tables"])
    return min(m, tables * k)


def check_schedule(problem: dict[str, Any], out: dict[str, Any]) -> None:
    """Assert every hard rule for ``out`` and that its stats match the tables."""
    people = {p["id"]: p for p in problem["participants"]}
    k = problem["table_size"]
    hosts_mode = problem.get("mode", "mixed") == "hosts"
    host_ids = [p["id"] for p in problem["participants"] if p.get("host")] if hosts_mode else []
    assert len(out["rounds"]) == problem["rounds"]
    rests: Counter[str] = Counter()
    meetings: Counter[frozenset[str]] = Counter()
    single_sector = 0
    for r, rnd in enumerate(out["rounds"], start=1):
        tables, resting = rnd["tables"], rnd["resting"]
        present = [p for p in problem["participants"] if r not in p.get("absent_rounds", [])]
        present_ids = {p["id"] for p in present}
        everyone = [x for t in tables for x in t] + list(resting)
        assert len(everyone) == len(set(everyone)), f"round {r}: someone appears twice"
        assert set(everyone) == present_ids, f"round {r}: absent seated or present person missing"
        used = [t for t in tables if t]
        sizes = [len(t) for t in used]
        if sizes:
            assert min(sizes) >= 2, f"round {r}: sizes {sizes}"
            assert max(sizes) <= k, f"round {r}: sizes {sizes}"
            assert max(sizes) - min(sizes) <= 1, f"round {r}: sizes {sizes}"
        assert sum(sizes) == _expected_seated(problem, present), f"round {r}: avoidable rest"
        if hosts_mode:
            assert len(tables) == len(host_ids)
            for host, table in zip(host_ids, tables, strict=True):
                if table:
                    assert table[0] == host, f"round {r}: table of {host} starts with {table[0]}"
                    assert not any(people[x].get("host") for x in table[1:])
        else:
            assert not any(not t for t in tables), "mixed mode lists only used tables"
        rests.update(resting)
        for table in used:
            meetings.update(frozenset(pair) for pair in combinations(table, 2))
            sectors = {people[x].get("sector") for x in table}
            if len(sectors) == 1 and None not in sectors:
                single_sector += 1
    always = [
        p["id"] for p in problem["participants"] if not p.get("absent_rounds") and not p.get("host")
    ]
    if always:
        counts = [rests[x] for x in always]
        assert max(counts) - min(counts) <= 1, f"rests not spread evenly: {counts}"
    stats = out["stats"]
    wishes = [(p["id"], q) for p in problem["participants"] for q in p.get("wishes", [])]
    org_pairs = {
        key
        for key in meetings
        if (o := {people[x].get("organisation") for x in key}) and len(o) == 1 and None not in o
    }
    avoid_pairs = {
        key
        for key in meetings
        if any(y in people[x].get("avoid", []) for x in key for y in key if x != y)
    }
    assert stats["pairs_met"] == len(meetings)
    assert stats["repeated_pairs"] == sum(m - 1 for m in meetings.values())
    assert stats["wishes_total"] == len(wishes)
    assert stats["wishes_met"] == sum(frozenset(w) in meetings for w in wishes)
    assert stats["same_organisation_pairs"] == len(org_pairs)
    assert stats["avoid_pairs_met"] == len(avoid_pairs)
    assert stats["single_sector_tables"] == single_sector
    assert stats["pairs_met"] <= stats["upper_bound_pairs"] <= comb(len(people), 2)
    assert stats["seconds"] >= 0


# --------------------------------------------------------------- helpers
def make(
    n: int,
    table_size: int,
    rounds: int,
    *,
    hosts: int = 0,
    sectors: list[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Instance with participants p0..p{n-1}; the first ``hosts`` are hosts."""
    participants = []
    for i in range(n):
        p: dict[str, Any] = {"id": f"p{i}"}
        if i < hosts:
            p["host"] = True
        if sectors:
            p["sector"] = sectors[i % len(sectors)]
        participants.append(p)
    problem = {"rounds": rounds, "table_size": table_size, "participants": participants}
    if hosts:
        problem["mode"] = "hosts"
    problem.update(extra)
    return problem


def random_problem(rng: random.Random) -> dict[str, Any]:
    """A small random instance exercising every feature."""
    hosts_mode = rng.random() < 0.3
    k = rng.choice([2, 2, 3, 4, 5])
    rounds = rng.randint(1, 6)
    n = rng.randint(2, 22)
    hosts = 0
    if hosts_mode:
        hosts = rng.randint(1, max(1, n // 2))
        n = max(n, 2 * hosts)
    problem = make(
        n, k, rounds, hosts=hosts, sectors=rng.choice([None, ["a", "b"], ["a", "b", "c"]])
    )
    problem["cross_sector"] = rng.random() < 0.5
    if not hosts_mode and rng.random() < 0.3:
        problem["tables"] = rng.randint(1, 6)
    ids = [p["id"] for p in problem["participants"]]
    for i, p in enumerate(problem["participants"]):
        if rng.random() < 0.3:
            p["organisation"] = f"o{i % 4}"
        others = [x for x in ids if x != p["id"]]
        p["wishes"] = rng.sample(others, min(len(others), rng.randint(0, 2)))
        p["avoid"] = [
            x
            for x in rng.sample(others, min(len(others), rng.randint(0, 1)))
            if x not in p["wishes"]
        ]
        if rng.random() < 0.2:
            p["absent_rounds"] = sorted(rng.sample(range(1, rounds + 1), rng.randint(1, rounds)))
    return problem


def pair_counts(out: dict[str, Any]) -> Counter[frozenset[str]]:
    """How often each pair shares a table."""
    c: Counter[frozenset[str]] = Counter()
    for rnd in out["rounds"]:
        for table in rnd["tables"]:
            c.update(frozenset(p) for p in combinations(table, 2))
    return c


# --------------------------------------------------------------- required results
def test_kirkman_schoolgirls_15_in_threes_7_rounds() -> None:
    problem = make(15, 3, 7)
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    s = out["stats"]
    assert (s["pairs_met"], s["repeated_pairs"], s["upper_bound_pairs"]) == (105, 0, 105)


def test_32_in_fours_9_rounds_repeat_free() -> None:
    problem = make(32, 4, 9)
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    s = out["stats"]
    assert s["repeated_pairs"] == 0
    assert s["pairs_met"] == s["upper_bound_pairs"] == 9 * 8 * 6


def test_20_hosts_20_guests_pairs_20_rounds() -> None:
    problem = make(40, 2, 20, hosts=20)
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    s = out["stats"]
    assert (s["pairs_met"], s["repeated_pairs"], s["upper_bound_pairs"]) == (400, 0, 400)
    hosts = {f"p{i}" for i in range(20)}
    met = pair_counts(out)
    assert all(met[frozenset((h, f"p{g}"))] == 1 for h in hosts for g in range(20, 40))
    # Host i keeps table i all evening.
    for rnd in out["rounds"]:
        assert [t[0] for t in rnd["tables"]] == [f"p{i}" for i in range(20)]


def test_300_people_in_fours_10_rounds_fast_with_default_limit() -> None:
    problem = make(300, 4, 10)
    started = time.perf_counter()
    out = schedule(problem)  # default time limit
    elapsed = time.perf_counter() - started
    check_schedule(problem, out)
    assert out["stats"]["repeated_pairs"] == 0
    assert elapsed < 10


def test_cross_sector_balanced_mix_has_no_single_sector_table() -> None:
    problem = make(40, 4, 6, sectors=["business", "ngo"], cross_sector=True)
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    assert out["stats"]["single_sector_tables"] == 0
    assert out["stats"]["repeated_pairs"] == 0


def test_cross_sector_on_a_perfect_design() -> None:
    # Kirkman rounds must be kept while sectors are spread: only relabelling works.
    problem = make(15, 3, 7, sectors=["culture", "social", "business"], cross_sector=True)
    out = schedule(problem, time_limit=1.0)
    check_schedule(problem, out)
    assert out["stats"]["repeated_pairs"] == 0
    assert out["stats"]["single_sector_tables"] == 0


def test_colleagues_never_share_a_table_when_avoidable() -> None:
    problem = make(24, 4, 5)
    for i, p in enumerate(problem["participants"]):
        p["organisation"] = f"org{i // 3}"
    # Stops as soon as it is provably optimal; the generous limit is for a loaded machine
    # (parallel test workers), where 5 s was sometimes too short to get there.
    out = schedule(problem, time_limit=30.0)
    check_schedule(problem, out)
    assert out["stats"]["same_organisation_pairs"] == 0
    assert out["stats"]["repeated_pairs"] == 0


def test_avoid_pairs_respected() -> None:
    rng = random.Random(5)
    problem = make(20, 4, 5)
    ids = [p["id"] for p in problem["participants"]]
    for p in problem["participants"]:
        p["avoid"] = rng.sample([x for x in ids if x != p["id"]], 3)
    # 60 avoid pairs among 20 people leave few feasible seatings: give the search time even
    # on a loaded CI machine (it needs ~0.3 s alone).
    out = schedule(problem, time_limit=3)
    check_schedule(problem, out)
    assert out["stats"]["avoid_pairs_met"] == 0


def test_absent_participants_are_not_seated() -> None:
    problem = make(13, 3, 4)
    problem["participants"][0]["absent_rounds"] = [1, 3]
    problem["participants"][5]["absent_rounds"] = [2]
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    for r, rnd in enumerate(out["rounds"], start=1):
        listed = {x for t in rnd["tables"] for x in t} | set(rnd["resting"])
        assert ("p0" in listed) == (r not in (1, 3))
        assert ("p5" in listed) == (r != 2)


def test_odd_pairs_one_rest_per_round_spread_evenly() -> None:
    problem = make(11, 2, 11)
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    assert all(len(rnd["resting"]) == 1 for rnd in out["rounds"])
    assert Counter(x for rnd in out["rounds"] for x in rnd["resting"]) == {
        f"p{i}": 1 for i in range(11)
    }
    assert out["stats"]["repeated_pairs"] == 0
    assert out["stats"]["pairs_met"] == comb(11, 2)


def test_feasible_wishes_are_all_met() -> None:
    rng = random.Random(1)
    problem = make(12, 3, 4)
    ids = [p["id"] for p in problem["participants"]]
    for p in problem["participants"]:
        p["wishes"] = rng.sample([x for x in ids if x != p["id"]], 2)
    out = schedule(problem, time_limit=1.0)
    check_schedule(problem, out)
    s = out["stats"]
    assert s["wishes_met"] == s["wishes_total"] == 24
    assert s["repeated_pairs"] == 0


def test_wishes_on_top_of_kirkman_rounds() -> None:
    problem = make(15, 3, 3)
    problem["participants"][0]["wishes"] = ["p1", "p2", "p3"]
    problem["participants"][4]["wishes"] = ["p9"]
    problem["participants"][9]["wishes"] = ["p4"]  # mutual
    out = schedule(problem, time_limit=1.0)
    check_schedule(problem, out)
    assert out["stats"]["wishes_met"] == out["stats"]["wishes_total"] == 5


def test_hosts_with_tables_of_four_keep_their_table() -> None:
    problem = make(28, 4, 7, hosts=7)
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    s = out["stats"]
    assert s["repeated_pairs"] == 0
    # 7 hosts x 21 guests + guests meeting at tables: 7 rounds * 7 tables * C(3,2).
    assert s["pairs_met"] == s["upper_bound_pairs"] == 7 * 21 + 7 * 7 * 3


def test_hosts_pairs_cross_sector_solved_exactly() -> None:
    # Fixed rests make this hard for swaps; the CP-SAT pair model gets it right.
    problem = make(30, 2, 12, hosts=12, sectors=["a", "b", "c"], cross_sector=True)
    out = schedule(problem, time_limit=4.0)
    check_schedule(problem, out)
    assert out["stats"]["single_sector_tables"] == 0
    assert out["stats"]["repeated_pairs"] == 0


def test_tables_cap_rests_the_overflow_evenly() -> None:
    problem = make(14, 3, 7, tables=4)  # 12 seats for 14 people
    out = schedule(problem, time_limit=FAST)
    check_schedule(problem, out)
    assert all(len(rnd["resting"]) == 2 for rnd in out["rounds"])


def test_same_seed_same_schedule() -> None:
    problem = random_problem(random.Random(3))
    a = schedule(problem, time_limit=30, seed=7, max_iterations=300)
    b = schedule(problem, time_limit=30, seed=7, max_iterations=300)
    assert a["rounds"] == b["rounds"]


@pytest.mark.parametrize("seed", range(60))
def test_random_instances_obey_all_hard_rules(seed: int) -> None:
    problem = random_problem(random.Random(seed))
    out = schedule(problem, time_limit=0.1, seed=seed, max_iterations=200, use_cpsat=False)
    check_schedule(problem, out)


@pytest.mark.parametrize("seed", range(6))
def test_random_pair_instances_with_cpsat_obey_all_hard_rules(seed: int) -> None:
    problem = random_problem(random.Random(1000 + seed))
    problem["table_size"] = 2
    out = schedule(problem, time_limit=0.6, seed=seed)
    check_schedule(problem, out)
