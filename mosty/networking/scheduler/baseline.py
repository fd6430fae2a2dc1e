"""The rotation a coordinator would run by hand, for comparison in benchmarks.

* pairs (mixed): the circle method (one person fixed, the rest turn);
* tables (mixed): people sit down in input order, person ``i`` at table
  ``i mod T`` in seat ``i div T``; each round the person in seat ``s`` moves
  ``s`` tables on (seat 0 stays, seat 1 moves one table, ...);
* hosts mode: hosts stay, the guest in seat ``s`` moves ``s`` tables on (with
  pairs: every guest moves one table, the classic host x guest rotation).

Absences are ignored (the rotation assumes everybody attends), so use it only
on instances without ``absent_rounds``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from .constructions import circle_rounds
from .layout import mixed_table_sizes
from .model import Problem, parse_problem
from .stats import compute_stats


def _shift_tables(
    columns: list[list[int]], tables: int, r: int, fixed_first: list[int] | None
) -> list[list[int]]:
    """Seat columns after ``r`` rounds of "seat ``s`` moves ``s`` tables"."""
    out: list[list[int]] = (
        [[h] for h in fixed_first] if fixed_first else [[] for _ in range(tables)]
    )
    for s, column in enumerate(columns, start=1 if fixed_first else 0):
        for t, person in enumerate(column):
            out[(t + s * r) % tables].append(person)
    return out


def _columns(people: list[int], tables: int, seats: int) -> list[list[int]]:
    """Split people into seat columns of ``tables`` people (the last may be shorter)."""
    return [
        people[s * tables : (s + 1) * tables]
        for s in range(seats)
        if people[s * tables : (s + 1) * tables]
    ]


def baseline_schedule(problem: Mapping[str, Any] | Problem) -> dict[str, Any]:
    """Schedule by the hand rotation; same output format as :func:`~.api.schedule`."""
    started = time.perf_counter()
    problem = parse_problem(problem)
    ids = [p.id for p in problem.participants]
    people = list(range(len(ids)))
    k = problem.table_size
    rounds: list[tuple[list[list[int]], list[int]]] = []
    if problem.hosts_mode:
        hosts = problem.host_indices()
        guests = [p for p in people if p not in set(hosts)]
        h = len(hosts)
        seated, extra = guests[: h * (k - 1)], guests[h * (k - 1) :]
        for r in range(problem.rounds):
            # Guests who do not fit queue up and swap in, one column per round.
            queue = seated + extra
            shift = (r * len(extra)) % len(queue) if extra else 0
            order = queue[shift:] + queue[:shift]
            sitting, resting = order[: len(seated)], order[len(seated) :]
            columns = _columns(sitting, h, k - 1)
            rounds.append((_shift_tables(columns, h, r, hosts), resting))
    elif k == 2:
        rounds = circle_rounds(people, problem.rounds)
    else:
        sizes = mixed_table_sizes(len(people), k, problem.tables)
        seats = sum(sizes)
        sitting_count = len(people) if seats >= len(people) else seats
        for r in range(problem.rounds):
            shift = (r * (len(people) - sitting_count)) % len(people)
            order = people[shift:] + people[:shift]
            sitting, resting = order[:sitting_count], order[sitting_count:]
            columns = _columns(sitting, len(sizes), k)
            rounds.append((_shift_tables(columns, len(sizes), r, None), resting))
    rendered = [
        {"tables": [[ids[p] for p in t] for t in tables], "resting": [ids[p] for p in resting]}
        for tables, resting in rounds
    ]
    return {
        "rounds": rendered,
        "stats": compute_stats(problem, rendered, time.perf_counter() - started),
    }
