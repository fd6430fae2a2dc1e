"""Setting up a search: round frames, objective weights and initial seating."""

from __future__ import annotations

import random
from math import comb

from .constructions import SeatedRound
from .layout import RoundLayout, plan_rounds
from .model import Problem
from .pairdata import PairData, Weights
from .search import greedy_fill
from .state import ABSENT, RESTING, State


def plan_frames(
    problem: Problem, prefix: list[SeatedRound], rng: random.Random
) -> list[RoundLayout]:
    """Layouts of all rounds: the constructed prefix first, planned rounds after it."""
    rests = [0] * len(problem.participants)
    frames = []
    for tables, resting in prefix:
        for p in resting:
            rests[p] += 1
        hosts = [t[0] for t in tables] if problem.hosts_mode else []
        present = sorted(p for t in tables for p in t) + list(resting)
        frames.append(RoundLayout(present, list(resting), [len(t) for t in tables], hosts))
    return frames + plan_rounds(problem, rng, start=len(prefix), rests=rests)


def objective_weights(
    problem: Problem, data: PairData, sizes: list[list[int]]
) -> tuple[Weights, int]:
    """Lexicographic weights and the (fixed) number of encounters."""
    encounters = sum(comb(s, 2) for row in sizes for s in row)
    tables = sum(1 for row in sizes for s in row if s)
    wish_total = sum(sum(row) for row in data.wish) // 2
    single_sector = wish_total + 1
    repeat = single_sector * (tables + 1) if problem.cross_sector else single_sector
    return Weights(
        conflict=repeat * (encounters + 1), repeat=repeat, single_sector=single_sector
    ), encounters


class Builder:
    """Creates :class:`State` objects for one problem (initial and restored ones)."""

    def __init__(self, problem: Problem, frames: list[RoundLayout], data: PairData) -> None:
        self.problem = problem
        self.frames = frames
        self.data = data
        n = len(problem.participants)
        self.where: list[list[int]] = []
        for frame in frames:
            row = [ABSENT] * n
            for p in frame.present:
                row[p] = RESTING
            self.where.append(row)
        self.sizes = [list(f.sizes) for f in frames]
        self.weights, self.encounters = objective_weights(problem, data, self.sizes)

    def empty(self) -> State:
        """A state with nobody seated."""
        return State(self.data, self.weights, self.where, self.sizes, self.problem.cross_sector)

    def restore(self, tables: list[list[list[int]]]) -> State:
        """A state seated exactly as ``tables`` (host first in hosts mode)."""
        state = self.empty()
        for r, round_tables in enumerate(tables):
            for t, members in enumerate(round_tables):
                for p in members:
                    state.join(r, p, t)
        return state


def relabel_groups(problem: Problem, data: PairData) -> list[list[int]]:
    """People who may swap whole evenings: movable, with identical attendance."""
    groups: dict[frozenset[int], list[int]] = {}
    for i, p in enumerate(problem.participants):
        if data.movable[i]:
            groups.setdefault(p.absent_rounds, []).append(i)
    return [
        groups[p.absent_rounds] if data.movable[i] else []
        for i, p in enumerate(problem.participants)
    ]


def initial_state(builder: Builder, prefix: list[SeatedRound], rng: random.Random) -> State:
    """Seat the constructed prefix as given and every later round greedily."""
    state = builder.empty()
    for r, (tables, _) in enumerate(prefix):
        for t, members in enumerate(tables):
            for p in members:
                state.join(r, p, t)
    for r in range(len(prefix), len(builder.frames)):
        frame = builder.frames[r]
        for t, host in enumerate(frame.hosts):
            if host >= 0:
                state.join(r, host, t)  # hosts first: they open their table's list
        resting = set(frame.resting) | set(frame.hosts)
        greedy_fill(state, r, [p for p in frame.present if p not in resting], rng)
    return state
