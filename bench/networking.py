"""Benchmark: the rotation optimiser vs. the rotation a coordinator runs by hand.

Run from the repository root (no installation needed):

    .venv/bin/python bench/networking.py [--time-limit SECONDS] [--seed N]

For every instance it prints pairs met / upper bound, repeated encounters,
single-sector tables, wishes met / total and run time, first for
``mosty.networking.scheduler.schedule`` and then for the hand rotation
(circle method for pairs, "seat s moves s tables" for tables).
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


def main(argv: list[str] | None = None) -> int:
    """Run every instance with both methods and print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    methods: list[Callable[[dict[str, Any]], dict[str, Any]]] = [
        lambda p: schedule(p, time_limit=args.time_limit, seed=args.seed),
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
