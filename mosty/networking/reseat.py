"""Keep the seats a coordinator locked, and re-optimise everybody else around them.

Plain Python (no Django). The scheduler plans a whole evening from scratch and knows
nothing about locks, so its result is repaired here:

1. in mixed mode the tables of a round are interchangeable, so each round's tables are
   first renumbered to agree with the locks as much as possible;
2. every locked person still elsewhere swaps places with someone who is not locked;
3. a local search over swaps of unlocked people (same round, different tables) then
   lowers the same lexicographic cost the scheduler uses: colleagues or avoided people
   at one table, then repeated meetings, then single-sector tables, then unmet wishes.

Locks are `{round index: {participant id: table index, or None for resting}}`, 0-based.
"""
from __future__ import annotations

import random
import time
from collections import Counter
from copy import deepcopy
from itertools import combinations
from typing import Any
from collections.abc import Mapping

from mosty.networking.scheduler import compute_stats, parse_problem
from mosty.networking.scheduler.model import Problem

Locks = Mapping[int, Mapping[str, int | None]]
REST = -1


class LockError(Exception):
    """Locked seats that cannot all be kept. `code` says why, for a translated message."""

    def __init__(self, code: str, round_index: int, table: int | None = None,
                 participant: str | None = None) -> None:
        super().__init__(f"{code}: round {round_index + 1}, table {table}, {participant}")
        self.code = code
        self.round = round_index + 1
        self.table = None if table is None else table + 1
        self.participant = participant


class Score:
    """Objective of a whole schedule, with cheap deltas for one swap."""

    def __init__(self, problem: Problem, tables: list[list[list[int]]]) -> None:
        people = problem.participants
        index = problem.index()
        n = len(people)
        self.sector = [p.sector for p in people]
        self.cross = problem.cross_sector
        self.conflict: set[tuple[int, int]] = set()
        self.wish: Counter[tuple[int, int]] = Counter()
        for i, a in enumerate(people):
            for j in range(i + 1, n):
                if a.organisation and a.organisation == people[j].organisation:
                    self.conflict.add((i, j))
            for other in a.avoid:
                self.conflict.add(_key(i, index[other]))
            for other in a.wishes:
                self.wish[_key(i, index[other])] += 1
        self.meet: Counter[tuple[int, int]] = Counter()
        for round_tables in tables:
            for members in round_tables:
                for x, y in combinations(members, 2):
                    self.meet[_key(x, y)] += 1
        encounters = sum(self.meet.values())
        table_count = sum(1 for rt in tables for members in rt if members)
        self.w_single = sum(self.wish.values()) + 1
        self.w_repeat = self.w_single * (table_count + 1) if self.cross else self.w_single
        self.w_conflict = self.w_repeat * (encounters + 1)

    def pair_cost(self, key: tuple[int, int], count: int) -> int:
        cost = 0
        if key in self.conflict:
            cost += self.w_conflict * count
        if count > 1:
            cost += self.w_repeat * (count - 1)
        if count > 0:
            cost -= self.wish[key]
        return cost

    def table_cost(self, members: list[int]) -> int:
        if not self.cross or len(members) < 2:
            return 0
        sectors = {self.sector[m] for m in members}
        return self.w_single if len(sectors) == 1 and None not in sectors else 0

    def total(self, tables: list[list[list[int]]]) -> int:
        pairs = sum(self.pair_cost(key, count) for key, count in self.meet.items())
        return pairs + sum(self.table_cost(m) for rt in tables for m in rt)

    def _step(self, a: int, b: int, step: int) -> int:
        key = _key(a, b)
        count = self.meet[key]
        return self.pair_cost(key, count + step) - self.pair_cost(key, count)

    def swap_delta(self, table_a: list[int] | None, p: int, table_b: list[int] | None,
                   q: int) -> int:
        """Cost change if p (at table_a, None = resting) and q (at table_b) change places."""
        delta = 0
        if table_a is not None:
            for x in table_a:
                if x != p:
                    delta += self._step(p, x, -1) + self._step(q, x, +1)
            after = [q if x == p else x for x in table_a]
            delta += self.table_cost(after) - self.table_cost(table_a)
        if table_b is not None:
            for y in table_b:
                if y != q:
                    delta += self._step(q, y, -1) + self._step(p, y, +1)
            after = [p if y == q else y for y in table_b]
            delta += self.table_cost(after) - self.table_cost(table_b)
        return delta

    def apply_swap(self, table_a: list[int] | None, p: int, table_b: list[int] | None,
                   q: int) -> None:
        if table_a is not None:
            for x in table_a:
                if x != p:
                    self.meet[_key(p, x)] -= 1
                    self.meet[_key(q, x)] += 1
            table_a[table_a.index(p)] = q
        if table_b is not None:
            for y in table_b:
                if y != q:
                    self.meet[_key(q, y)] -= 1
                    self.meet[_key(p, y)] += 1
            table_b[table_b.index(q)] = p


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


class _Round:
    """One round as index lists: tables and the resting list, with positions."""

    def __init__(self, tables: list[list[int]], resting: list[int]) -> None:
        self.tables = tables
        self.resting = resting

    def position(self, p: int) -> int | None:
        for t, members in enumerate(self.tables):
            if p in members:
                return t
        return REST if p in self.resting else None

    def members(self, position: int) -> list[int]:
        return self.resting if position == REST else self.tables[position]

    def table_or_none(self, position: int) -> list[int] | None:
        return None if position == REST else self.tables[position]


def _renumber(rnd: _Round, wanted: dict[int, int], r: int) -> None:
    """Mixed mode: put each scheduler table where most of its locked people want to be."""
    count = len(rnd.tables)
    for t in wanted.values():
        if t != REST and t >= count:
            raise LockError("no_table", r, t)
    overlap = []
    for s, members in enumerate(rnd.tables):
        for t, hits in Counter(wanted[p] for p in members if p in wanted).items():
            if t != REST:
                overlap.append((-hits, s, t))
    placed: dict[int, int] = {}
    taken: set[int] = set()
    for _hits, s, t in sorted(overlap):
        if s not in placed and t not in taken:
            placed[s] = t
            taken.add(t)
    free = iter(t for t in range(count) if t not in taken)
    for s in range(count):
        if s not in placed:
            placed[s] = next(free)
    renumbered: list[list[int]] = [[] for _ in range(count)]
    for s, t in placed.items():
        renumbered[t] = rnd.tables[s]
    rnd.tables[:] = renumbered


def _settle(rnd: _Round, wanted: dict[int, int], r: int, score: Score,
            fixed: set[int]) -> None:
    """Swap each locked person into their locked place; `fixed` people never move."""
    settled: set[int] = set()
    for p in sorted(wanted):
        target = wanted[p]
        current = rnd.position(p)
        if current is None:
            raise LockError("absent", r, None if target == REST else target)
        if target != REST and (target >= len(rnd.tables) or not rnd.tables[target]):
            raise LockError("no_table", r, target)
        if p in fixed and current != target:
            raise LockError("host", r, None if target == REST else target)
        if current != target:
            candidates = [q for q in rnd.members(target)
                          if q not in settled and q not in fixed and wanted.get(q) != target]
            if not candidates:
                raise LockError("rest_full" if target == REST else "table_full", r,
                                None if target == REST else target)
            table_a, table_b = rnd.table_or_none(current), rnd.table_or_none(target)
            # Prefer someone who wants exactly p's place, then the cheapest swap.
            q = min(candidates, key=lambda c: (wanted.get(c) != current,
                                               score.swap_delta(table_a, p, table_b, c), c))
            score.apply_swap(table_a, p, table_b, q)
            _swap_resting(rnd, current, p, target, q)
        settled.add(p)


def _swap_resting(rnd: _Round, a: int, p: int, b: int, q: int) -> None:
    # Score.apply_swap edits tables in place; the resting list is edited here.
    if a == REST:
        rnd.resting[rnd.resting.index(p)] = q
    if b == REST:
        rnd.resting[rnd.resting.index(q)] = p


def _improve(rounds: list[_Round], movable: list[list[int]], score: Score, deadline: float,
             rng: random.Random) -> None:
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for r, rnd in enumerate(rounds):
            people = list(movable[r])
            rng.shuffle(people)
            for i, p in enumerate(people):
                if time.perf_counter() >= deadline:
                    return
                a = rnd.position(p)
                for q in people[i + 1:]:
                    b = rnd.position(q)
                    if a is None or b is None or a == b:
                        continue
                    table_a, table_b = rnd.table_or_none(a), rnd.table_or_none(b)
                    if score.swap_delta(table_a, p, table_b, q) < 0:
                        score.apply_swap(table_a, p, table_b, q)
                        _swap_resting(rnd, a, p, b, q)
                        improved = True
                        a = b


def apply_locks(problem: Mapping[str, Any], result: Mapping[str, Any], locks: Locks,
                time_limit: float = 1.0, seed: int = 0) -> dict[str, Any]:
    """The scheduler's `result` changed so that every lock holds, then improved.

    Raises :class:`LockError` when the locks cannot all be kept (a locked person is absent
    in that round, a table no longer exists, more people are locked at a table than it seats).
    """
    started = time.perf_counter()
    parsed = parse_problem(problem)
    index = parsed.index()
    ids = [p.id for p in parsed.participants]
    hosts = {index[p.id] for p in parsed.participants if p.host} if parsed.hosts_mode else set()
    rounds = [_Round([[index[x] for x in t] for t in rnd["tables"]],
                     [index[x] for x in rnd["resting"]])
              for rnd in deepcopy(list(result["rounds"]))]
    wanted_by_round: list[dict[int, int]] = [{} for _ in rounds]
    for r, locked in locks.items():
        if not 0 <= r < len(rounds):
            continue
        for pid, table in locked.items():
            if pid not in index:
                continue
            wanted_by_round[r][index[pid]] = REST if table is None else table
    for r, wanted in enumerate(wanted_by_round):
        if wanted and not parsed.hosts_mode:
            _renumber(rounds[r], wanted, r)
    score = Score(parsed, [rnd.tables for rnd in rounds])
    for r, wanted in enumerate(wanted_by_round):
        if wanted:
            _settle(rounds[r], wanted, r, score, hosts)
    movable = [[p for t in rnd.tables for p in t if p not in wanted and p not in hosts]
               + [p for p in rnd.resting if p not in wanted and p not in hosts]
               for rnd, wanted in zip(rounds, wanted_by_round, strict=False)]
    deadline = started + max(0.0, time_limit)
    _improve(rounds, movable, score, deadline, random.Random(seed))
    rendered = [{"tables": [[ids[p] for p in t] for t in rnd.tables],
                 "resting": [ids[p] for p in rnd.resting]} for rnd in rounds]
    elapsed = time.perf_counter() - started
    return {"rounds": rendered, "stats": compute_stats(parsed, rendered, elapsed)}
