"""Starters whose rounds have short orbits, found by CP-SAT.

The searches of :mod:`.starters` develop every base round by all ``m`` shifts
of ``Z_m``.  A round can also be *invariant* under the shift by ``n`` (a
divisor of ``m``): then it has only ``n`` distinct translates, and its tables
come in orbits of ``m/n`` under that shift, so only ``g*n/m`` *base tables*
per round are chosen, one point from each residue class ``x mod n`` of each
column.  Rounds of different orbit sizes mix freely (``4 + 4 + 2 = 10``).
Every base table develops into all ``m`` of its translates, so the schedule
is repeat-free exactly when no difference class (see :class:`.starters._Quotient`;
the half orbits ``(x, i), (x + m/2, i)`` never meet) is used twice.

This is how the resolvable 4-GDD of type 2^16 behind 8 tables of 4 for 10
rounds (every person meets 30 of the other 31) was found: over ``Z_8 x 4``
with rounds of orbit sizes 4, 4 and 2, CP-SAT answers in a few seconds on two
cores, where cyclic starters over ``Z_10 x 3 + 2`` and ``Z_5 x 6 + 2`` stayed
undecided for minutes and all-orbits-of-2 or all-invariant rounds are proven
impossible in a fraction of a second.  Used offline; the result is stored in
``data/starters.json``.  No Django.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from ortools.sat.python import cp_model

from .starters import Starter, _Quotient, _shift


def orbit_shapes(m: int, g: int, w: int) -> Iterator[tuple[int, ...]]:
    """Orbit sizes (non-increasing, each a divisor ``n`` of ``m`` with ``g*n/m`` whole)
    adding up to ``w`` rounds."""
    sizes = [n for n in range(m, 0, -1) if m % n == 0 and (g * n) % m == 0]

    def split(left: int, largest: int) -> Iterator[tuple[int, ...]]:
        if left == 0:
            yield ()
        for n in sizes:
            if n <= min(left, largest):
                for rest in split(left - n, n):
                    yield (n, *rest)

    yield from split(w, m)


def orbit_search(m: int, c: int, g: int, s: int, orbits: Sequence[int],
                 time_limit: float = 60.0, seed: int = 0, workers: int = 2) -> Starter | None:
    """Rounds of ``g`` tables of ``s`` over ``Z_m x {0..c-1}``, round ``r`` invariant under
    the shift by ``orbits[r]``; None when infeasible or undecided in ``time_limit`` s."""
    if m * c != g * s or any(m % n or (g * n) % m for n in orbits):
        return None
    points = range(m * c)
    key = _Quotient(m, c, 0, []).key
    model = cp_model.CpModel()
    meets: dict[int, list[cp_model.IntVar]] = {}
    seats = []
    for n in orbits:
        tables = g * n // m
        seat = {(p, t): model.new_bool_var("") for p in points for t in range(tables)}
        seats.append(seat)
        for i in range(c):  # one base point per residue class mod n of every column
            for residue in range(n):
                model.add_exactly_one(seat[i * m + x, t] for x in range(residue, m, n)
                                    for t in range(tables))
        for t in range(tables):
            model.add(sum(seat[p, t] for p in points) == s)
        for p, q in combinations(points, 2):
            k = key(p, q)
            for t in range(tables):
                if k == _Quotient.FORBIDDEN:
                    model.add_bool_or([seat[p, t].Not(), seat[q, t].Not()])
                    continue
                both = model.new_bool_var("")
                model.add_multiplication_equality(both, [seat[p, t], seat[q, t]])
                meets.setdefault(k, []).append(both)
    model.add(seats[0][0, 0] == 1)  # any round may be shifted: (0, 0) opens the first
    # When the tables have exactly as many pairs as there are classes (a resolvable design, as
    # for 8-4-10), every class is used once: saying so lets CP-SAT refute a shape in 0.1 s.
    slots = sum(g * n // m for n in orbits) * s * (s - 1) // 2
    for together in meets.values():
        model.add(sum(together) == 1 if slots == len(meets) else sum(together) <= 1)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    rounds = []
    for seat, n in zip(seats, orbits, strict=True):
        base = [[p for p in points if solver.Value(seat[p, t])] for t in range(g * n // m)]
        # The whole round: every base table with its images under the shifts by n.
        rounds.append(tuple(sorted(
            tuple(sorted(_shift(p, h, m, c) for p in table))
            for table in base for h in range(0, m, n))))
    return Starter(m, c, 0, tuple(rounds), tuple(orbits))
