"""Incremental schedule state with a lexicographic cost as one integer.

The cost is ``Wc*conflicts + Wr*repeats + Wss*single_sector - wishes`` where
the weights are chosen so that one unit of a higher level outweighs every
possible change of all lower levels; comparing integers then *is* comparing
the objective tuples, and Python's big integers make overflow a non-issue.

Because table sizes are fixed per round, ``pairs_met + repeats`` is constant
(the number of encounters), so minimising repeats also maximises distinct
pairs met; the last objective needs no term of its own.

Encodings used throughout: ``where[r][p]`` is the table index of ``p`` in
round ``r``, ``RESTING`` or ``ABSENT``; ``tables[r][t]`` lists the members of
table ``t`` (in hosts mode the host comes first and never moves).
"""

from __future__ import annotations

import random
from collections import Counter

from .pairdata import PairData, Weights

RESTING = -1
ABSENT = -2


class IndexedSet:
    """A set with O(1) add, discard and uniform random choice."""

    def __init__(self) -> None:
        self._items: list[tuple[int, int]] = []
        self._pos: dict[tuple[int, int], int] = {}

    def add(self, item: tuple[int, int]) -> None:
        """Insert ``item`` (no-op if present)."""
        if item not in self._pos:
            self._pos[item] = len(self._items)
            self._items.append(item)

    def discard(self, item: tuple[int, int]) -> None:
        """Remove ``item`` if present."""
        i = self._pos.pop(item, None)
        if i is None:
            return
        last = self._items.pop()
        if i < len(self._items):
            self._items[i] = last
            self._pos[last] = i

    def choice(self, rng: random.Random) -> tuple[int, int]:
        """A uniformly random element (the set must not be empty)."""
        return self._items[rng.randrange(len(self._items))]

    def items(self) -> list[tuple[int, int]]:
        """The elements, in no particular order (a copy)."""
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)


class State:
    """A complete (or partially filled) schedule with incremental bookkeeping."""

    def __init__(
        self,
        data: PairData,
        weights: Weights,
        where: list[list[int]],
        table_sizes: list[list[int]],
        cross_sector: bool,
    ) -> None:
        """Start from empty tables; ``where`` only marks ``RESTING``/``ABSENT``/unseated.

        ``table_sizes[r][t]`` is the target size of each table (0 = unused).
        Seat people with :meth:`join`.
        """
        self.data = data
        self.w = weights
        self.cross_sector = cross_sector
        n = data.n
        self.rounds = len(where)
        self.where = [list(row) for row in where]
        self.sizes = [list(row) for row in table_sizes]
        self.tables: list[list[list[int]]] = [[[] for _ in row] for row in table_sizes]
        self.sector_counts: list[list[Counter[int]]] = [
            [Counter() for _ in row] for row in table_sizes
        ]
        self.single_sector_flags: list[list[bool]] = [[False] * len(row) for row in table_sizes]
        self.meet = [[0] * n for _ in range(n)]
        self.conflicts = 0
        self.repeats = 0
        self.single_sector = 0
        self.wish_score = 0
        self.bad_pairs = IndexedSet()
        self.single_sector_tables = IndexedSet()
        self.unmet_wishes = IndexedSet()
        self._wish_pair = set(data.feasible_wishes)
        for pair in data.feasible_wishes:
            self.unmet_wishes.add(pair)

    # ------------------------------------------------------------------ cost
    @property
    def cost(self) -> int:
        """Current lexicographic cost (lower is better)."""
        w = self.w
        return (
            w.conflict * self.conflicts
            + w.repeat * self.repeats
            + w.single_sector * self.single_sector
            - self.wish_score
        )

    def _bump(self, p: int, q: int, step: int) -> None:
        """Change the meeting count of ``p`` and ``q`` by ``step`` (+1/-1)."""
        row = self.meet[p]
        old = row[q]
        new = old + step
        row[q] = new
        self.meet[q][p] = new
        self.repeats += max(0, new - 1) - max(0, old - 1)
        conflict = self.data.conflict[p][q]
        if conflict:
            self.conflicts += step
        pair = (p, q) if p < q else (q, p)
        if (old == 0) != (new == 0):
            wish = self.data.wish[p][q]
            if wish:
                self.wish_score += wish if new else -wish
                if pair in self._wish_pair:
                    if new:
                        self.unmet_wishes.discard(pair)
                    else:
                        self.unmet_wishes.add(pair)
        if new >= 2 or (conflict and new >= 1):
            self.bad_pairs.add(pair)
        else:
            self.bad_pairs.discard(pair)

    def _refresh_sector(self, r: int, t: int) -> None:
        counts = self.sector_counts[r][t]
        size = len(self.tables[r][t])
        flag = size >= 2 and len(counts) == 1 and -1 not in counts
        if flag != self.single_sector_flags[r][t]:
            self.single_sector_flags[r][t] = flag
            if self.cross_sector:
                self.single_sector += 1 if flag else -1
                if flag:
                    self.single_sector_tables.add((r, t))
                else:
                    self.single_sector_tables.discard((r, t))

    # ------------------------------------------------------------ mutation
    def join(self, r: int, p: int, t: int) -> None:
        """Seat ``p`` at table ``t`` of round ``r`` (``p`` must be unseated)."""
        members = self.tables[r][t]
        for q in members:
            self._bump(p, q, 1)
        members.append(p)
        self.where[r][p] = t
        counts = self.sector_counts[r][t]
        counts[self.data.sector[p]] += 1
        self._refresh_sector(r, t)

    def leave(self, r: int, p: int) -> int:
        """Unseat ``p`` in round ``r`` (it becomes ``RESTING``); return its table."""
        t = self.where[r][p]
        members = self.tables[r][t]
        members.remove(p)
        for q in members:
            self._bump(p, q, -1)
        self.where[r][p] = RESTING
        counts = self.sector_counts[r][t]
        s = self.data.sector[p]
        counts[s] -= 1
        if not counts[s]:
            del counts[s]
        self._refresh_sector(r, t)
        return t

    def swap(self, r: int, a: int, b: int) -> None:
        """Exchange the seats (or rest) of ``a`` and ``b`` in round ``r``."""
        ta, tb = self.where[r][a], self.where[r][b]
        if ta == tb:
            return
        if ta >= 0:
            self.leave(r, a)
        if tb >= 0:
            self.leave(r, b)
        if tb >= 0:
            self.join(r, a, tb)
        if ta >= 0:
            self.join(r, b, ta)

    def relabel(self, a: int, b: int) -> None:
        """Exchange ``a`` and ``b`` in every round (same attendance required)."""
        for r in range(self.rounds):
            self.swap(r, a, b)

    # -------------------------------------------------------------- deltas
    def swap_delta(self, r: int, a: int, b: int) -> int:
        """Cost change of :meth:`swap` for two people seated at different tables."""
        where = self.where[r]
        ta, tb = where[a], where[b]
        table_a, table_b = self.tables[r][ta], self.tables[r][tb]
        w = self.w
        wr, wc = w.repeat, w.conflict
        conflict, wish = self.data.conflict, self.data.wish
        meet_a, meet_b = self.meet[a], self.meet[b]
        ca, cb, wa, wb = conflict[a], conflict[b], wish[a], wish[b]
        d = 0
        # Inlined +1/-1 changes of the per-pair cost
        # f(m) = wc*conflict*m + wr*max(0, m-1) - wish*[m >= 1]  (hot loop).
        for x in table_a:
            if x != a:
                m = meet_a[x]
                d -= ca[x] * wc + (wr if m >= 2 else -wa[x] if m == 1 else 0)
                m = meet_b[x]
                d += cb[x] * wc + (wr if m else -wb[x])
        for y in table_b:
            if y != b:
                m = meet_b[y]
                d -= cb[y] * wc + (wr if m >= 2 else -wb[y] if m == 1 else 0)
                m = meet_a[y]
                d += ca[y] * wc + (wr if m else -wa[y])
        if self.cross_sector:
            d += w.single_sector * (
                self._sector_delta(r, ta, a, b) + self._sector_delta(r, tb, b, a)
            )
        return d

    def _sector_delta(self, r: int, t: int, out: int, into: int) -> int:
        """Change of the single-sector flag of table ``t`` when ``out`` is replaced by ``into``."""
        sector = self.data.sector
        s_in = sector[into]
        before = self.single_sector_flags[r][t]
        size = len(self.tables[r][t])
        after = (
            s_in != -1
            and size >= 2
            and self.sector_counts[r][t].get(s_in, 0) - (sector[out] == s_in) + 1 == size
        )
        return int(after) - int(before)

    def relabel_delta(self, a: int, b: int) -> int:
        """Cost change of :meth:`relabel` ``(a, b)``."""
        change_a: dict[int, int] = {}
        change_b: dict[int, int] = {}
        sector_change = 0
        for r in range(self.rounds):
            where = self.where[r]
            ta, tb = where[a], where[b]
            if ta == tb:
                continue
            if ta >= 0:
                for x in self.tables[r][ta]:
                    if x != a:
                        change_a[x] = change_a.get(x, 0) - 1
                        change_b[x] = change_b.get(x, 0) + 1
                if self.cross_sector:
                    sector_change += self._sector_delta(r, ta, a, b)
            if tb >= 0:
                for y in self.tables[r][tb]:
                    if y != b:
                        change_b[y] = change_b.get(y, 0) - 1
                        change_a[y] = change_a.get(y, 0) + 1
                if self.cross_sector:
                    sector_change += self._sector_delta(r, tb, b, a)
        d = self.w.single_sector * sector_change
        for p, changes in ((a, change_a), (b, change_b)):
            meet, conflict, wish = self.meet[p], self.data.conflict[p], self.data.wish[p]
            for x, c in changes.items():
                if c:
                    d += self._pair_cost(meet[x] + c, conflict[x], wish[x])
                    d -= self._pair_cost(meet[x], conflict[x], wish[x])
        return d

    def _pair_cost(self, m: int, conflict: int, wish: int) -> int:
        w = self.w
        return w.conflict * conflict * m + w.repeat * max(0, m - 1) - (wish if m else 0)

    # ------------------------------------------------------------- helpers
    def join_cost(self, r: int, p: int, t: int) -> int:
        """Cost change of seating ``p`` at table ``t`` (used by the greedy start)."""
        w = self.w
        meet, conflict, wish = self.meet[p], self.data.conflict[p], self.data.wish[p]
        d = 0
        for q in self.tables[r][t]:
            m = meet[q]
            d += conflict[q] * w.conflict + (w.repeat if m >= 1 else -wish[q])
        return d

    def snapshot(self) -> list[list[list[int]]]:
        """Copy of all tables (enough to rebuild the state)."""
        return [[list(t) for t in tables] for tables in self.tables]

    def seated_in(self, r: int) -> list[int]:
        """People seated at some table in round ``r``."""
        return [p for tables in self.tables[r] for p in tables]
