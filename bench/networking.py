"""Benchmark: the rotation optimiser vs. the rotation a coordinator runs by hand.

Run from the repository root (no installation needed):

    .venv/bin/python bench/networking.py [--time-limit SECONDS] [--seed N]
                                         [--frontier | --no-frontier] [--quick]

For every instance it prints pairs met / upper bound, repeated encounters,
single-sector tables, wishes met / total and run time, first for
``mosty.networking.scheduler.schedule`` and then for the hand rotation
(circle method for pairs, "seat s moves s tables" for tables).

Then the Social Golfer Problem frontier (``--frontier`` prints only that): for
every instance g-s with g <= 10 tables of s <= 8 people, the trivial bound, the
best known number of repeat-free rounds (``scheduler/data/frontier.json``,
with sources in docs/networking.md), and what the scheduler reaches when asked
for that many rounds: repeated encounters, the repeat-free prefix and seconds
(60 s per instance at most, 5 s with ``--quick``).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mosty.networking.scheduler import DEFAULT_TIME_LIMIT, schedule  # noqa: E402
from mosty.networking.scheduler.baseline import baseline_schedule  # noqa: E402
from mosty.networking.scheduler.frontier import instances as frontier_instances  # noqa: E402


def people(n: int, prefix: str = "p", **fields: Any) -> list[dict[str, Any]]:
    """``n`` participants ``prefix0..``, each with the given extra fields."""
    return [{"id": f"{prefix}{i}", **fields} for i in range(n)]


def sectors_and_wishes(n: int, rounds: int, seed: int = 7) -> dict[str, Any]:
    """60 people from 3 sectors in organisations of 3, each with 3 wishes."""
    rng = random.Random(seed)
    names = ["culture", "social", "business"]
    ps = [{"id": f"p{i}", "sector": names[i % 3], "organisation": f"org{i // 3}"} for i in range(n)]
    for p in ps:
        p["wishes"] = rng.sample([q["id"] for q in ps if q["id"] != p["id"]], 3)
    return {"rounds": rounds, "table_size": 4, "cross_sector": True, "participants": ps}


INSTANCES: list[tuple[str, dict[str, Any]]] = [
    ("Kirkman: 15 in 3s, 7 rounds", {"rounds": 7, "table_size": 3, "participants": people(15)}),
    ("32 in 4s, 9 rounds", {"rounds": 9, "table_size": 4, "participants": people(32)}),
    (
        "20 hosts x 20 guests, pairs, 20 r",
        {
            "rounds": 20,
            "table_size": 2,
            "mode": "hosts",
            "participants": people(20, "h", host=True) + people(20, "g"),
        },
    ),
    ("40 in 5s, 8 rounds", {"rounds": 8, "table_size": 5, "participants": people(40)}),
    (
        "20 biz x 20 NGO, 4s, cross, 6 r",
        {
            "rounds": 6,
            "table_size": 4,
            "cross_sector": True,
            "participants": people(20, "b", sector="business") + people(20, "n", sector="ngo"),
        },
    ),
    ("100 in pairs, 12 rounds", {"rounds": 12, "table_size": 2, "participants": people(100)}),
    ("300 in 4s, 10 rounds", {"rounds": 10, "table_size": 4, "participants": people(300)}),
    ("60, 3 sectors, orgs, wishes, 8 r", sectors_and_wishes(60, 8)),
    ("24 in 4s, 7 rounds (hard)", {"rounds": 7, "table_size": 4, "participants": people(24)}),
    ("30 in 5s, 6 rounds (hard)", {"rounds": 6, "table_size": 5, "participants": people(30)}),
]


WIDTHS = (11, 5, 7, 8, 6)  # pairs/bound, rep, 1-sect, wishes, s


def row(cells: list[str]) -> str:
    """Right-aligned cells of one method."""
    return " ".join(f"{c:>{w}}" for c, w in zip(cells, WIDTHS, strict=True))


def figures(stats: dict[str, Any]) -> list[str]:
    """Table cells for one run."""
    return [
        f"{stats['pairs_met']}/{stats['upper_bound_pairs']}",
        str(stats["repeated_pairs"]),
        str(stats["single_sector_tables"]),
        f"{stats['wishes_met']}/{stats['wishes_total']}",
        f"{stats['seconds']:.2f}",
    ]


def repeat_free_prefix(rounds: list[dict[str, Any]]) -> int:
    """Number of leading rounds in which nobody meets anybody twice."""
    seen: set[tuple[str, str]] = set()
    for r, rnd in enumerate(rounds):
        for table in rnd["tables"]:
            pairs = {(a, b) for a in table for b in table if a < b}
            if pairs & seen:
                return r
            seen |= pairs
    return len(rounds)


def frontier(time_limit: float, seed: int) -> int:
    """Print the SGP frontier table row by row; return how many known results were missed."""
    print(f"{'g-s':>5} {'bound':>5} {'known':>5} {'status':>10} | {'w':>3} {'rep':>4} "
          f"{'free':>4} {'s':>6}")
    missed = 0
    for row in frontier_instances():
        g, s = row["g"], row["s"]
        known = row["best_known"]
        w = known if known is not None else row["upper"]
        problem = {"rounds": w, "table_size": s, "tables": g, "participants": people(g * s)}
        result = schedule(problem, time_limit=time_limit, seed=seed)
        stats = result["stats"]
        if known is not None and stats["repeated_pairs"]:
            missed += 1
        print(f"{row['instance']:>5} {row['bound']:>5} {known if known is not None else '?':>5} "
              f"{row['status']:>10} | {w:>3} {stats['repeated_pairs']:>4} "
              f"{repeat_free_prefix(result['rounds']):>4} {stats['seconds']:>6.2f}", flush=True)
    print("\nknown = best known repeat-free rounds (? = not checked); w = rounds asked for;")
    print("rep = repeated encounters at w; free = repeat-free leading rounds; s = seconds")
    print(f"known results missed: {missed}")
    return missed


def main(argv: list[str] | None = None) -> int:
    """Run every instance with both methods and print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--frontier", action="store_true", help="print only the SGP frontier")
    parser.add_argument("--no-frontier", action="store_true", help="skip the SGP frontier")
    parser.add_argument("--quick", action="store_true", help="frontier: 5 s per instance")
    args = parser.parse_args(argv)
    if not args.frontier:
        comparison(args.time_limit, args.seed)
    if args.no_frontier:
        return 0
    print()
    return 1 if frontier(5.0 if args.quick else 60.0, args.seed) else 0


def comparison(time_limit: float, seed: int) -> None:
    """The optimiser against the hand rotation on the benchmark instances."""
    methods: list[Callable[[dict[str, Any]], dict[str, Any]]] = [
        lambda p: schedule(p, time_limit=time_limit, seed=seed),
        baseline_schedule,
    ]
    width = len(row(["x"] * len(WIDTHS)))
    print(f"{'':34} | {'optimiser':^{width}} | {'hand rotation':^{width}}")
    head = row(["pairs/bound", "rep", "1-sect", "wishes", "s"])
    print(f"{'instance':34} | {head} | {head}")
    for name, problem in INSTANCES:
        cells = [row(figures(method(problem)["stats"])) for method in methods]
        print(f"{name:34} | " + " | ".join(cells), flush=True)
    print("\nrep = repeated encounters (a pair meeting 3 times counts 2)")
    print("1-sect = single-sector tables; s = seconds")


if __name__ == "__main__":
    raise SystemExit(main())
