"""Cyclically developed ("starter") designs for the Social Golfer Problem.

Many resolvable designs at the frontier of the Social Golfer Problem (Kirkman
and nearly Kirkman triple systems, resolvable designs with block size 4 and 5,
resolvable group divisible designs) have a cyclic automorphism, and that is
how they are usually found by computer: the ``v = m*c + f`` people are the
points ``(x, i)`` of ``Z_m x {0..c-1}`` plus ``f`` fixed points ``inf_k``.
Only ``b`` *base rounds* are stored; round ``(t, j)`` is base round ``j`` with
every ``x`` shifted by ``t`` (fixed points stay), which gives ``b*m`` rounds.

The rounds are repeat-free exactly when, over all base tables,

* every *difference class* occurs at most once: for two points ``(x, i)`` and
  ``(y, j)`` at one table the class is ``(i, j, y-x mod m)`` (``i < j``) or
  ``(i, i, +-d)``; the class ``(i, i, m/2)`` is forbidden (its pairs would meet
  twice);
* a fixed point sits with at most one point of each column ``i`` over all base
  rounds, and two fixed points never share a table.

This shrinks the search space by the factor ``m``: :func:`search` runs a
conflict-directed tabu search (swaps inside a base round, in the spirit of
Dotu & Van Hentenryck) on the base rounds alone.  Found starters are stored in
``starters.json`` (see :mod:`.frontier`) and :func:`develop` turns them into
rounds in microseconds.  Plain Python, no Django.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

Rounds = list[list[list[int]]]


@dataclass(frozen=True)
class Starter:
    """Base rounds over ``Z_m x {0..c-1}`` plus ``f`` fixed points.

    Point ``(x, i)`` is numbered ``i*m + x``; fixed point ``k`` is ``c*m + k``.
    ``base[j]`` is a partition of all ``m*c + f`` points into tables.
    ``shifts[j]`` (default ``m``) is how many translates base round ``j`` gives:
    a round invariant under the shift by ``shifts[j]`` (a divisor of ``m``) has
    only that many distinct translates (a short orbit).
    """

    m: int
    c: int
    f: int
    base: tuple[tuple[tuple[int, ...], ...], ...]
    shifts: tuple[int, ...] = ()

    @property
    def points(self) -> int:
        """Number of people."""
        return self.m * self.c + self.f

    def translates(self, j: int) -> int:
        """How many rounds base round ``j`` develops into."""
        return self.shifts[j] if self.shifts else self.m

    @property
    def rounds(self) -> int:
        """Number of rounds the starter develops into."""
        return sum(self.translates(j) for j in range(len(self.base)))

    def to_json(self) -> dict[str, object]:
        """JSON-serialisable form (see :func:`starter_from_json`)."""
        base = [[list(table) for table in rnd] for rnd in self.base]
        out: dict[str, object] = {"m": self.m, "c": self.c, "f": self.f, "base": base}
        if self.shifts:
            out["shifts"] = list(self.shifts)
        return out


def starter_from_json(data: dict[str, object]) -> Starter:
    """Inverse of :meth:`Starter.to_json`."""
    base = data["base"]
    shifts = data.get("shifts", [])
    assert isinstance(base, list)
    assert isinstance(shifts, list)
    return Starter(
        m=int(str(data["m"])),
        c=int(str(data["c"])),
        f=int(str(data["f"])),
        base=tuple(tuple(tuple(int(p) for p in table) for table in rnd) for rnd in base),
        shifts=tuple(int(n) for n in shifts),
    )


def develop(starter: Starter, rounds: int | None = None) -> Rounds:
    """The first ``rounds`` rounds (default all) of a starter, translate by translate."""
    m, c = starter.m, starter.c
    wanted = starter.rounds if rounds is None else min(rounds, starter.rounds)
    out: Rounds = []
    for t in range(m):
        for j, base in enumerate(starter.base):
            if len(out) == wanted:
                return out
            if t >= starter.translates(j):
                continue
            out.append([[_shift(p, t, m, c) for p in table] for table in base])
    return out


def _shift(p: int, t: int, m: int, c: int) -> int:
    if p >= m * c:
        return p  # a fixed point
    i, x = divmod(p, m)
    return i * m + (x + t) % m


def repeated_pairs(rounds: Sequence[Sequence[Sequence[int]]]) -> int:
    """Extra encounters in ``rounds`` (a pair meeting three times counts two)."""
    seen: dict[tuple[int, int], int] = {}
    extra = 0
    for tables in rounds:
        for table in tables:
            for pair in combinations(sorted(table), 2):
                count = seen.get(pair, 0)
                extra += count > 0
                seen[pair] = count + 1
    return extra


def is_resolvable_packing(
    rounds: Sequence[Sequence[Sequence[int]]], people: int, size: int
) -> bool:
    """True if every round partitions ``range(people)`` into tables of ``size``
    and no pair of people shares a table twice."""
    for tables in rounds:
        if sorted(p for t in tables for p in t) != list(range(people)):
            return False
        if any(len(t) != size for t in tables):
            return False
    return repeated_pairs(rounds) == 0


# ---------------------------------------------------------------- search
class _Quotient:
    """Incremental cost of base rounds: repeated difference classes + forbidden pairs."""

    FORBIDDEN = -1

    def __init__(self, m: int, c: int, f: int, base: list[list[list[int]]]) -> None:
        self.m, self.c, self.f = m, c, f
        self.mc = m * c
        self.base = base
        self.where: list[list[int]] = []
        for rnd in base:
            row = [0] * (self.mc + f)
            for t, table in enumerate(rnd):
                for p in table:
                    row[p] = t
            self.where.append(row)
        self.count: dict[int, int] = {}
        self.cost = 0
        for rnd in base:
            for table in rnd:
                for p, q in combinations(table, 2):
                    self._add(self.key(p, q), 1)

    def key(self, p: int, q: int) -> int:
        """Difference class of a pair as an int (``FORBIDDEN`` for a half orbit)."""
        mc, m = self.mc, self.m
        if p >= mc and q >= mc:
            return self.FORBIDDEN
        if p >= mc or q >= mc:
            k, other = (p - mc, q) if p >= mc else (q - mc, p)
            return 2 * mc * mc + k * self.c + other // m
        if p > q:
            p, q = q, p
        i, x = divmod(p, m)
        j, y = divmod(q, m)
        d = (y - x) % m
        if i == j:
            d = min(d, m - d)
            if 2 * d == m:
                return self.FORBIDDEN
        return (i * self.c + j) * m + d

    def _add(self, key: int, step: int) -> None:
        if key == self.FORBIDDEN:
            self.cost += step
            return
        old = self.count.get(key, 0)
        new = old + step
        self.count[key] = new
        self.cost += max(0, new - 1) - max(0, old - 1)

    def _swap_changes(self, r: int, p: int, q: int) -> dict[int, int]:
        """Difference classes gained (+1) and lost (-1) by exchanging ``p`` and ``q``
        (different tables of base round ``r``); the one place that knows a swap's effect."""
        where, rnd = self.where[r], self.base[r]
        change: dict[int, int] = {}
        key = self.key
        # ``leaver`` leaves ``table`` and ``joiner`` takes its seat, for both directions.
        for leaver, table, joiner in ((p, rnd[where[p]], q), (q, rnd[where[q]], p)):
            for x in table:
                if x != leaver:
                    lost, gained = key(leaver, x), key(joiner, x)
                    change[lost] = change.get(lost, 0) - 1
                    change[gained] = change.get(gained, 0) + 1
        return change

    def swap_delta(self, r: int, p: int, q: int) -> int:
        """Cost change of exchanging ``p`` and ``q`` (different tables of base round ``r``)."""
        delta = 0
        count = self.count
        for k, step in self._swap_changes(r, p, q).items():
            if not step:
                continue
            if k == self.FORBIDDEN:
                delta += step
                continue
            old = count.get(k, 0)
            delta += max(0, old + step - 1) - max(0, old - 1)
        return delta

    def swap(self, r: int, p: int, q: int) -> None:
        """Exchange ``p`` and ``q`` in base round ``r``."""
        for k, step in self._swap_changes(r, p, q).items():
            if step:
                self._add(k, step)
        where, rnd = self.where[r], self.base[r]
        tp, tq = where[p], where[q]
        rnd[tp][rnd[tp].index(p)] = q
        rnd[tq][rnd[tq].index(q)] = p
        where[p], where[q] = tq, tp

    def bad_points(self) -> list[tuple[int, int]]:
        """``(base round, point)`` of every movable point in a violating pair."""
        bad = []
        for r, rnd in enumerate(self.base):
            for table in rnd:
                for p, q in combinations(table, 2):
                    k = self.key(p, q)
                    if k == self.FORBIDDEN or self.count.get(k, 0) > 1:
                        bad += [(r, x) for x in (p, q) if x < self.mc]
        return bad


def _random_base(m: int, c: int, f: int, g: int, s: int, rng: random.Random) -> list[list[int]]:
    movable = list(range(m * c))
    rng.shuffle(movable)
    tables = [[m * c + k] if k < f else [] for k in range(g)]
    it = iter(movable)
    for table in tables:
        while len(table) < s:
            table.append(next(it))
    return tables


def search(
    m: int,
    c: int,
    f: int,
    g: int,
    s: int,
    b: int,
    time_limit: float,
    seed: int = 0,
    max_iterations: int | None = None,
) -> Starter | None:
    """Tabu search for ``b`` base rounds of ``g`` tables of ``s`` (``m*c + f == g*s``).

    Returns a starter whose development is repeat-free, or None when the time
    limit (seconds) or the iteration cap is reached first.
    """
    if m * c + f != g * s or f > g or m < 1:
        return None
    rng = random.Random(seed)
    deadline = time.perf_counter() + time_limit
    state = _Quotient(m, c, f, [_random_base(m, c, f, g, s, rng) for _ in range(b)])
    tabu: dict[tuple[int, int], int] = {}
    it = 0
    best = state.cost
    last_gain = 0
    while state.cost > 0:
        it += 1
        if max_iterations is not None and it > max_iterations:
            return None
        if it % 64 == 0 and time.perf_counter() > deadline:
            return None
        bad = state.bad_points()
        r, p = rng.choice(bad)
        where, rnd = state.where[r], state.base[r]
        moves: list[int] = []
        best_delta = 0
        for t, table in enumerate(rnd):
            if t == where[p]:
                continue
            for q in table:
                if q >= state.mc:
                    continue
                delta = state.swap_delta(r, p, q)
                if moves and delta > best_delta:
                    continue
                if tabu.get((r, q), 0) > it and state.cost + delta >= best:
                    continue
                if not moves or delta < best_delta:
                    moves, best_delta = [q], delta
                else:
                    moves.append(q)
        if not moves:
            continue
        q = rng.choice(moves)
        state.swap(r, p, q)
        tabu[(r, p)] = it + rng.randint(3, 10)
        tabu[(r, q)] = it + rng.randint(3, 10)
        if state.cost < best:
            best, last_gain = state.cost, it
        elif it - last_gain > 2000:
            # Stuck: shake the base rounds with a few random swaps.
            for _ in range(3):
                rr = rng.randrange(b)
                a, z = rng.sample(range(m * c), 2)
                if state.where[rr][a] != state.where[rr][z]:
                    state.swap(rr, a, z)
            best, last_gain = state.cost, it
    return Starter(m, c, f, tuple(tuple(tuple(sorted(t)) for t in rnd) for rnd in state.base))


def shapes(g: int, s: int, w: int) -> Iterable[tuple[int, int, int, int]]:
    """Plausible ``(m, c, f, b)`` for ``g`` tables of ``s`` over ``w`` rounds, best first.

    ``b * m == w`` and ``m*c + f == g*s``; a fixed point needs its own table and
    meets at most one point per column, so ``f <= g`` and ``b*(s-1) <= c``.
    """
    v = g * s
    found = []
    for b in range(1, w + 1):
        if w % b:
            continue
        m = w // b
        if m < 2:
            continue
        for f in range(0, g + 1):
            if (v - f) % m:
                continue
            c = (v - f) // m
            if c < 1 or (f and b * (s - 1) > c):
                continue
            found.append((b, f, m, c))
    for b, f, m, c in sorted(found):
        yield m, c, f, b


class _DepthFirst:
    """One randomised depth-first attempt of :func:`exact_search`."""

    def __init__(
        self, m: int, c: int, f: int, s: int, b: int, rng: random.Random, budget: int
    ) -> None:
        self.m, self.mc, self.f, self.s, self.b = m, m * c, f, s, b
        order = list(range(m * c))
        rng.shuffle(order)
        self.rank = {p: i for i, p in enumerate(order)}
        self.key = _Quotient(m, c, f, []).key
        self.used: set[int] = set()
        self.rounds: list[list[list[int]]] = []
        self.nodes, self.budget = 0, budget
        self.deadline = 0.0

    def run(self, deadline: float) -> list[list[list[int]]] | None:
        """Base rounds, or None when this attempt's budget is spent."""
        self.deadline = deadline
        return self.rounds if self.fill_round() else None

    def fill_round(self) -> bool:
        rnd = [[self.mc + k] for k in range(self.f)]
        free = sorted(range(self.mc), key=self.rank.__getitem__)
        return self.fill_fixed(rnd, 0, free)

    def fill_fixed(self, rnd: list[list[int]], k: int, free: list[int]) -> bool:
        # The fixed points' tables are already open: complete them first.
        if k == self.f:
            return self.fill_rest(rnd, free)
        return self.fill_table(rnd, k, free, lambda rest: self.fill_fixed(rnd, k + 1, rest))

    def fill_rest(self, rnd: list[list[int]], free: list[int]) -> bool:
        if not free:
            self.rounds.append([list(t) for t in rnd])
            if len(self.rounds) == self.b or self.fill_round():
                return True
            self.rounds.pop()
            return False
        rnd.append([free[0]])
        ok = self.fill_table(rnd, len(rnd) - 1, free[1:], lambda rest: self.fill_rest(rnd, rest))
        rnd.pop()
        return ok

    def fill_table(
        self, rnd: list[list[int]], k: int, free: list[int], then: Callable[[list[int]], bool]
    ) -> bool:
        table = rnd[k]
        if len(table) == self.s:
            return then(free)
        self.nodes += 1
        if self.nodes > self.budget or (
            self.nodes & 1023 == 0 and time.perf_counter() > self.deadline
        ):
            return False
        last = self.rank[table[-1]] if table[-1] < self.mc else -1
        used, key, rank = self.used, self.key, self.rank
        for q in free:
            if rank[q] <= last:
                continue
            if k == 0 and self.f and len(table) == 1 and q % self.m:
                continue  # fixed point 0 sits with x == 0 (shift the base round)
            keys = [key(q, x) for x in table]
            if _Quotient.FORBIDDEN in keys or len(set(keys)) < len(keys):
                continue
            if used.intersection(keys):
                continue
            used.update(keys)
            table.append(q)
            ok = self.fill_table(rnd, k, [x for x in free if x != q], then)
            table.pop()
            used.difference_update(keys)
            if ok:
                return True
        return False


def exact_search(
    m: int,
    c: int,
    f: int,
    g: int,
    s: int,
    b: int,
    time_limit: float,
    seed: int = 0,
    node_budget: int = 200_000,
) -> Starter | None:
    """Depth-first search for base rounds, restarted with a new random order.

    Tight (perfect) designs are exact-cover problems on the difference
    classes, where backtracking beats local search.  Tables are filled one by
    one: first the tables of the fixed points, then each new table opens with
    the first unseated point and takes members in increasing (random) order.
    The table of fixed point 0 starts at ``x = 0`` (any base round may be
    shifted).  Each attempt stops after ``node_budget`` nodes.
    """
    if m * c + f != g * s or f > g or m < 2:
        return None
    rng = random.Random(seed)
    deadline = time.perf_counter() + time_limit
    while time.perf_counter() < deadline:
        found = _DepthFirst(m, c, f, s, b, rng, node_budget).run(deadline)
        if found is not None:
            return Starter(m, c, f, tuple(tuple(tuple(sorted(t)) for t in r) for r in found))
    return None
