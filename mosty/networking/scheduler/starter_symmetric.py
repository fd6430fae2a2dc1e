"""Starters whose base rounds are invariant under a permutation of the columns.

A starter (see :mod:`.starters`) lives on ``Z_m x {0..c-1}`` plus ``f`` fixed
points.  Asking every base round to be invariant under
``phi(x, i) = (x, sigma[i])`` (fixed point ``k`` going to ``pi[k]``) makes the
tables come in orbits of ``phi``, so only one table per orbit is chosen and
the depth-first search space shrinks by about the order of ``phi`` per table.
``groups`` names column pairs ``(i, j)`` whose points ``(x, i)`` and ``(x, j)``
must never meet, which turns a resolvable group divisible design into an exact
cover of the remaining difference classes.

This is how the resolvable 4-GDD of type 3^12 (9 tables of 4 for 11 rounds,
``m = 11, c = 3, f = 3``, columns and fixed points turned by one) in
``data/starters.json`` was found, in well under a second, where the plain
searches of :mod:`.starters` found nothing in minutes.  Plain Python, no Django.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from itertools import combinations

from .starters import Starter, _Quotient

Table = list[int]


class _Symmetric:
    """One randomised depth-first attempt (see :func:`symmetric_search`)."""

    def __init__(self, m: int, c: int, f: int, s: int, b: int, sigma: Sequence[int],
                 pi: Sequence[int], groups: set[tuple[int, int]], order: list[int],
                 budget: int, deadline: float) -> None:
        self.m, self.mc, self.f, self.s, self.b = m, m * c, f, s, b
        self.sigma, self.pi, self.groups, self.order = sigma, pi, groups, order
        self.quotient_key = _Quotient(m, c, f, []).key
        self.used: set[int] = set()
        self.rounds: list[list[Table]] = []
        self.nodes, self.budget, self.deadline = 0, budget, deadline

    def key(self, p: int, q: int) -> int:
        """Difference class of a pair; group pairs are forbidden like half orbits."""
        mc, m = self.mc, self.m
        if p < mc and q < mc and p % m == q % m and (min(p, q) // m, max(p, q) // m) in self.groups:
            return _Quotient.FORBIDDEN
        return self.quotient_key(p, q)

    def phi(self, p: int) -> int:
        if p >= self.mc:
            return self.mc + self.pi[p - self.mc]
        i, x = divmod(p, self.m)
        return self.sigma[i] * self.m + x

    def orbit(self, table: Table) -> list[Table]:
        out = [sorted(table)]
        while True:
            image = sorted(self.phi(p) for p in out[-1])
            if image == out[0]:
                return out
            out.append(image)

    def run(self) -> list[list[Table]] | None:
        return self.rounds if self.new_round() else None

    def new_round(self) -> bool:
        if len(self.rounds) == self.b:
            return True
        self.rounds.append([])
        if self.fill(set(), 0):
            return True
        self.rounds.pop()
        return False

    def fill(self, covered: set[int], k: int) -> bool:
        self.nodes += 1
        if self.nodes > self.budget or (self.nodes & 1023 == 0
                                        and time.perf_counter() > self.deadline):
            return False
        while k < self.f and self.mc + k in covered:
            k += 1
        if k < self.f:  # the fixed points' tables first
            return self.extend(covered, [self.mc + k], self.order, k)
        free = [p for p in self.order if p not in covered]
        if not free:
            return self.new_round()
        return self.extend(covered, [free[0]], free[1:], k)

    def extend(self, covered: set[int], table: Table, candidates: list[int], k: int) -> bool:
        if len(table) == self.s:
            return self.place(covered, table, k)
        # Shift the first base round so that fixed point 0 sits with some (0, i).
        shift = len(self.rounds) == 1 and table == [self.mc]
        for n, p in enumerate(candidates):
            if p in covered or p >= self.mc or (shift and p % self.m):
                continue
            keys = [self.key(p, x) for x in table]
            if not self.fresh(keys):
                continue
            if self.extend(covered, [*table, p], candidates[n + 1:], k):
                return True
        return False

    def place(self, covered: set[int], table: Table, k: int) -> bool:
        images = self.orbit(table)
        points = [p for t in images for p in t]
        if len(set(points)) < len(points) or covered.intersection(points):
            return False
        keys = [self.key(p, q) for t in images for p, q in combinations(t, 2)]
        if not self.fresh(keys):
            return False
        self.used.update(keys)
        covered.update(points)
        self.rounds[-1].extend(images)
        if self.fill(covered, k):
            return True
        self.used.difference_update(keys)
        covered.difference_update(points)
        del self.rounds[-1][-len(images):]
        return False

    def fresh(self, keys: list[int]) -> bool:
        """No forbidden pair, no class twice, no class used before."""
        return (_Quotient.FORBIDDEN not in keys and len(set(keys)) == len(keys)
                and self.used.isdisjoint(keys))


def symmetric_search(
    m: int, c: int, f: int, g: int, s: int, b: int, sigma: Sequence[int], pi: Sequence[int],
    groups: Sequence[tuple[int, int]] = (), time_limit: float = 10.0, seed: int = 0,
    budget: int = 100_000,
) -> Starter | None:
    """``b`` base rounds of ``g`` tables of ``s``, each invariant under the column turn.

    Restarts with a new random point order every ``budget`` nodes; None when
    ``time_limit`` seconds pass first.
    """
    if m * c + f != g * s or sorted(sigma) != list(range(c)) or sorted(pi) != list(range(f)):
        return None
    rng = random.Random(seed)
    deadline = time.perf_counter() + time_limit
    pairs = {(min(i, j), max(i, j)) for i, j in groups}
    while time.perf_counter() < deadline:
        order = list(range(m * c))
        rng.shuffle(order)
        found = _Symmetric(m, c, f, s, b, sigma, pi, pairs, order, budget, deadline).run()
        if found is not None:
            return Starter(m, c, f, tuple(tuple(tuple(t) for t in r) for r in found))
    return None
