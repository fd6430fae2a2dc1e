"""Greedy start and tabu search over seat swaps and global relabellings.

The search is conflict-directed (in the spirit of Dotú & Van Hentenryck's
tabu search for the social golfer problem): every iteration picks one defect
of the highest objective level that is still improvable (a repeated or
forbidden pair, a single-sector table, an unmet wish) and applies the best
non-tabu move that touches it, even when that move makes things worse; the
best schedule seen is kept.  Two move types exist:

* ``swap``: two people at different tables of one round change places;
* ``relabel``: two people with identical attendance exchange their whole
  evenings.  This never changes repeats or pair counts, so it can steer a
  perfect construction (e.g. Kirkman's schoolgirls) towards sector mixing and
  wishes without breaking it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from .state import State

Move = tuple[str, int, int, int]  # (kind, round, a, b); round is -1 for relabel


def greedy_fill(state: State, r: int, people: list[int], rng: random.Random) -> None:
    """Seat ``people`` in round ``r`` one by one at the cheapest table with room."""
    order = list(people)
    rng.shuffle(order)
    sizes, tables = state.sizes[r], state.tables[r]
    sector = state.data.sector
    ss_weight = state.w.single_sector if state.cross_sector else 0
    for p in order:
        best: list[int] = []
        best_cost = 0
        for t, size in enumerate(sizes):
            members = tables[t]
            if len(members) >= size:
                continue
            cost = state.join_cost(r, p, t)
            # Do not complete a table of one sector when a mix is requested.
            if ss_weight and len(members) + 1 == size and sector[p] != -1:
                if state.sector_counts[r][t].get(sector[p], 0) == len(members):
                    cost += ss_weight
            if not best or cost < best_cost:
                best, best_cost = [t], cost
            elif cost == best_cost:
                best.append(t)
        state.join(r, p, rng.choice(best))


class TabuSearch:
    """Conflict-directed tabu search on a :class:`State`."""

    # Evaluate at most about this many swaps per iteration (keeps big
    # instances responsive; small ones get the full neighbourhood).
    MOVE_BUDGET = 3000

    def __init__(
        self,
        state: State,
        rng: random.Random,
        lower_bound: int,
        lb_repeats: int,
        relabel_groups: list[list[int]],
        rebuild: Callable[[list[list[list[int]]]], State],
    ) -> None:
        """``relabel_groups[p]`` lists people ``p`` may exchange evenings with."""
        self.state = state
        self.rng = rng
        self.lower_bound = lower_bound
        self.lb_repeats = lb_repeats
        self.groups = relabel_groups
        self.rebuild = rebuild
        self.tabu: dict[tuple[int, int, int], int] = {}
        self.it = 0
        self.best_cost = state.cost
        self.best = state.snapshot()
        # Relabel-only mode keeps the pair structure (e.g. of a perfect
        # construction) intact and only decides who plays which part in it.
        self.relabel_only = False
        self.relabel_rate = 0.1
        self.stall_limit = 1000
        self.kick = 3

    # ------------------------------------------------------------ driver
    def run(
        self, deadline: float, max_iterations: int | None = None, stop_on_stall: bool = False
    ) -> list[list[list[int]]]:
        """Search until optimal, ``deadline`` (perf_counter) or the iteration cap.

        After ``stall_limit`` iterations without a new best the search restarts
        from the best schedule, or stops if ``stop_on_stall``.  Returns the best
        tables found (``self.best``).
        """
        last_gain = self.it
        while self.best_cost > self.lower_bound:
            if time.perf_counter() > deadline:
                break
            if max_iterations is not None and self.it >= max_iterations:
                break
            self.it += 1
            self.step()
            cost = self.state.cost
            if cost < self.best_cost:
                self.best_cost = cost
                self.best = self.state.snapshot()
                last_gain = self.it
            elif self.it - last_gain > self.stall_limit:
                if stop_on_stall:
                    break
                self.restart()
                last_gain = self.it
        return self.best

    def restart(self) -> None:
        """Return to the best schedule and shake it with a few random swaps."""
        self.state = self.rebuild(self.best)
        self.tabu.clear()
        for _ in range(self.kick):
            move = self._random_move()
            if move:
                self._apply(move)

    # ------------------------------------------------------------ moves
    def step(self) -> None:
        """One tabu iteration: choose a defect level, apply its best non-tabu move."""
        moves = self._focus_moves()
        st = self.state
        base = st.cost
        best: list[Move] = []
        best_delta = 0
        swap_delta = st.swap_delta
        for move in moves:
            kind, r, a, b = move
            delta = swap_delta(r, a, b) if kind == "s" else st.relabel_delta(a, b)
            if best and delta > best_delta:
                continue
            if base + delta >= self.best_cost and self._is_tabu(move):
                continue  # tabu unless it would beat the best schedule (aspiration)
            if not best or delta < best_delta:
                best, best_delta = [move], delta
            elif delta == best_delta:
                best.append(move)
        chosen = self.rng.choice(best) if best else self._random_move()
        if chosen:
            self._apply(chosen)

    def _tabu_key(self, move: Move) -> tuple[int, int, int]:
        _, r, a, b = move
        return (r, a, b) if a < b else (r, b, a)

    def _is_tabu(self, move: Move) -> bool:
        return self.tabu.get(self._tabu_key(move), 0) > self.it

    def _apply(self, move: Move) -> None:
        kind, r, a, b = move
        if kind == "g":
            self.state.relabel(a, b)
        else:
            self.state.swap(r, a, b)
        # Forbid undoing this exchange for a random number of iterations.
        self.tabu[self._tabu_key(move)] = self.it + self.rng.randint(4, 20)

    def _random_move(self) -> Move | None:
        st = self.state
        movable = st.data.movable
        if self.relabel_only:
            a = self.rng.randrange(st.data.n)
            others = [b for b in self.groups[a] if b != a]
            return ("g", -1, a, self.rng.choice(others)) if others else None
        for _ in range(20):
            r = self.rng.randrange(st.rounds)
            seated = [p for p in st.seated_in(r) if movable[p]]
            if len(seated) < 2:
                continue
            a, b = self.rng.sample(seated, 2)
            if st.where[r][a] != st.where[r][b]:
                return ("s", r, a, b)
        return None

    def _swaps_from(self, positions: list[tuple[int, int]]) -> list[Move]:
        """All swaps moving the person of each ``(round, person)`` to another table."""
        st = self.state
        movable = st.data.movable
        if self.relabel_only:
            people = sorted({a for _, a in positions})
            if len(people) > 3:
                people = self.rng.sample(people, 3)
            return [m for a in people for m in self._relabels_of(a)]
        if positions:
            per_position = max(1, len(st.where[0]) - 1)
            cap = max(1, self.MOVE_BUDGET // per_position)
            if len(positions) > cap:
                positions = self.rng.sample(positions, cap)
        moves: list[Move] = []
        for r, a in positions:
            ta = st.where[r][a]
            for t, members in enumerate(st.tables[r]):
                if t != ta:
                    moves += [("s", r, a, b) for b in members if movable[b]]
        if positions:
            moves += self._relabels_of(self.rng.choice(positions)[1])
        return moves

    def _relabels_of(self, a: int) -> list[Move]:
        """Some evening exchanges of ``a`` (only occasionally outside relabel mode)."""
        group = self.groups[a]
        if len(group) <= 1:
            return []
        if not self.relabel_only and self.rng.random() >= self.relabel_rate:
            return []
        others = [b for b in group if b != a]
        cap = 48 if self.relabel_only else 24
        if len(others) > cap:
            others = self.rng.sample(others, cap)
        return [("g", -1, a, b) for b in others]

    def _focus_moves(self) -> list[Move]:
        """Candidate moves around one defect of a still improvable objective level."""
        st = self.state
        levels = []
        if st.conflicts > 0 or (st.repeats > self.lb_repeats and not self.relabel_only):
            levels.append(self._pair_moves)
        if len(st.single_sector_tables):
            levels.append(self._sector_moves)
        if len(st.unmet_wishes):
            levels.append(self._wish_moves)
        if not levels:
            return []
        # Mostly work on the most important level, sometimes on a lower one so
        # that an unfixable top level does not starve the others.
        pick = levels[0] if self.rng.random() < 0.85 else self.rng.choice(levels)
        return pick()

    def _pair_moves(self) -> list[Move]:
        """Swaps of everybody sitting with someone they meet too often or must avoid."""
        st = self.state
        movable = st.data.movable
        pairs = st.bad_pairs.items()
        if self.relabel_only:
            conflict = st.data.conflict
            pairs = [(p, q) for p, q in pairs if conflict[p][q]]
        if len(pairs) > 64:
            pairs = self.rng.sample(pairs, 64)
        positions: set[tuple[int, int]] = set()
        for p, q in pairs:
            for r in range(st.rounds):
                where = st.where[r]
                if where[p] == where[q] >= 0:
                    if movable[p]:
                        positions.add((r, p))
                    if movable[q]:
                        positions.add((r, q))
        return self._swaps_from(sorted(positions))

    def _sector_moves(self) -> list[Move]:
        """Swaps of the members of one single-sector table."""
        st = self.state
        r, t = st.single_sector_tables.choice(self.rng)
        members = [x for x in st.tables[r][t] if st.data.movable[x]]
        return self._swaps_from([(r, a) for a in members])

    def _wish_moves(self) -> list[Move]:
        """Moves that seat the two people of one unmet wish together."""
        st = self.state
        i, j = st.unmet_wishes.choice(self.rng)
        movable = st.data.movable
        moves = self._relabels_of(self.rng.choice([x for x in (i, j) if movable[x]]))
        if self.relabel_only:
            return moves
        # Bring one of the two to the other's table in any round both attend.
        for r in range(st.rounds):
            ti, tj = st.where[r][i], st.where[r][j]
            if ti < 0 or tj < 0:
                continue
            if movable[i]:
                moves += [("s", r, i, y) for y in st.tables[r][tj] if y != j and movable[y]]
            if movable[j]:
                moves += [("s", r, j, x) for x in st.tables[r][ti] if x != i and movable[x]]
        return moves
