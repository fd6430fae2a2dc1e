"""Per-round layout: who is present, who rests, and how big each table is.

Table sizes are not an optimisation decision: the rules (sizes differ by at
most one, never below two, at most ``table_size``, rest only when unavoidable)
determine them from the number of people present.  Fixing them up front lets
the optimiser work on a fixed set of seats, where "fewest repeated pairs" and
"most distinct pairs" become the same objective.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .model import Problem


@dataclass
class RoundLayout:
    """Seating frame of one round (participants are given as indices)."""

    present: list[int]
    resting: list[int]
    # Number of people per table, host included; 0 marks an unused host table.
    sizes: list[int]
    # hosts mode: host index per table (-1 when the table is unused); mixed: [].
    hosts: list[int]

    @property
    def seated_count(self) -> int:
        """Number of people seated at tables this round."""
        return sum(self.sizes)


def present_in_round(problem: Problem, r: int) -> list[int]:
    """Indices of participants present in round ``r`` (0-based)."""
    return [i for i, p in enumerate(problem.participants) if (r + 1) not in p.absent_rounds]


def split_evenly(total: int, parts: int) -> list[int]:
    """Split ``total`` into ``parts`` integers differing by at most one, largest first."""
    base, extra = divmod(total, parts)
    return [base + 1 if t < extra else base for t in range(parts)]


def mixed_table_sizes(present: int, table_size: int, tables: int | None) -> list[int]:
    """Table sizes for ``present`` people in mixed mode (empty list = nobody seated).

    Uses as few tables as ``table_size`` allows (capped by ``tables``) and never
    a table of one: with pairs and an odd count one person has to rest.
    """
    wanted = -(-present // table_size)
    if tables is not None:
        wanted = min(wanted, tables)
    count = min(wanted, present // 2)
    if count == 0:
        return []
    return split_evenly(min(present, count * table_size), count)


def _pick_resting(
    candidates: list[int], count: int, rests: list[int], rng: random.Random
) -> list[int]:
    # Whoever has rested least so far rests now; random tie-break spreads rests.
    order = sorted(candidates, key=lambda p: (rests[p], rng.random()))
    chosen = order[:count]
    for p in chosen:
        rests[p] += 1
    return chosen


def plan_round(problem: Problem, r: int, rests: list[int], rng: random.Random) -> RoundLayout:
    """Plan round ``r`` (0-based), updating ``rests`` (rest count per participant)."""
    present = present_in_round(problem, r)
    k = problem.table_size
    if not problem.hosts_mode:
        sizes = mixed_table_sizes(len(present), k, problem.tables)
        resting = _pick_resting(present, len(present) - sum(sizes), rests, rng)
        return RoundLayout(present=present, resting=resting, sizes=sizes, hosts=[])

    here = set(present)
    host_order = problem.host_indices()
    present_hosts = [h for h in host_order if h in here]
    guests = [p for p in present if not problem.participants[p].host]
    resting = []
    if len(guests) < len(present_hosts):
        # Absences left too few guests: some hosts get a break this round.
        resting += _pick_resting(present_hosts, len(present_hosts) - len(guests), rests, rng)
    active = [h for h in present_hosts if h not in set(resting)]
    seats = min(len(guests), len(active) * (k - 1))
    resting += _pick_resting(guests, len(guests) - seats, rests, rng)
    guest_counts = iter(split_evenly(seats, len(active)) if active else [])
    active_set = set(active)
    sizes = [next(guest_counts) + 1 if h in active_set else 0 for h in host_order]
    hosts = [h if h in active_set else -1 for h in host_order]
    return RoundLayout(present=present, resting=resting, sizes=sizes, hosts=hosts)


def plan_rounds(
    problem: Problem,
    rng: random.Random,
    start: int = 0,
    rests: list[int] | None = None,
) -> list[RoundLayout]:
    """Plan rounds ``start .. rounds-1``; ``rests`` carries rest counts of earlier rounds."""
    counts = list(rests) if rests is not None else [0] * len(problem.participants)
    return [plan_round(problem, r, counts, rng) for r in range(start, problem.rounds)]
