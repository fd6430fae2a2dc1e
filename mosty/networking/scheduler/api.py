"""The public entry point: :func:`schedule`.

Pipeline: validate -> fix the frame of every round (attendance, rests, table
sizes) -> seat a known construction where one applies, greedily seat the
rest -> improve (relabelling a construction, CP-SAT for pairs, tabu search)
until the cost reaches a proven lower bound or the time limit -> render ids
and statistics.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from typing import Any

from . import pairs_cpsat
from .builder import Builder, initial_state, plan_frames, relabel_groups
from .constructions import construct
from .layout import RoundLayout
from .model import Problem, parse_problem
from .pairdata import PairData
from .search import TabuSearch
from .stats import attendance_masks, compute_stats, upper_bound_pairs

DEFAULT_TIME_LIMIT = 5.0


def _render(
    problem: Problem, frames: list[RoundLayout], tables: list[list[list[int]]]
) -> list[dict[str, Any]]:
    """Turn index tables into the output rounds (ids; host first; resting list)."""
    ids = [p.id for p in problem.participants]
    out = []
    for frame, round_tables in zip(frames, tables, strict=False):
        rendered = []
        for members in round_tables:
            if problem.hosts_mode and members:
                # The host opens the list; guests follow in input order.
                members = [members[0]] + sorted(members[1:])
            else:
                members = sorted(members)
            rendered.append([ids[p] for p in members])
        seated = {p for members in round_tables for p in members}
        resting = sorted(p for p in frame.present if p not in seated)
        out.append({"tables": rendered, "resting": [ids[p] for p in resting]})
    return out


def _solve_pairs_exactly(search: TabuSearch, builder: Builder, deadline: float, seed: int) -> None:
    """Let CP-SAT solve a pairs instance; adopt its schedule if it is better."""
    problem, frames, data = builder.problem, builder.frames, builder.data
    budget = 0.6 * (deadline - time.perf_counter())
    if budget < 0.2 or not pairs_cpsat.available():
        return
    solved = pairs_cpsat.solve_pairs(
        frames,
        data,
        builder.weights,
        problem.cross_sector,
        problem.hosts_mode,
        search.best,
        budget,
        seed,
    )
    if solved is None:
        return
    tables, optimal = solved
    candidate = builder.restore(tables)
    if candidate.cost < search.best_cost:
        search.state, search.best, search.best_cost = candidate, tables, candidate.cost
    if optimal:
        search.lower_bound = search.best_cost  # proven: nothing left to search for


def _optimise(
    search: TabuSearch,
    builder: Builder,
    constructed: bool,
    deadline: float,
    max_iterations: int | None,
    seed: int,
    use_cpsat: bool,
) -> None:
    """Run the improvement phases until optimal or out of time."""

    def remaining() -> float:
        return max(0.0, deadline - time.perf_counter())

    if constructed and search.best_cost > search.lower_bound:
        # A construction is perfect on pairs; first try to satisfy the other
        # objectives only by deciding who takes which place in it.
        search.relabel_only, search.stall_limit = True, 300
        search.run(time.perf_counter() + 0.4 * remaining(), max_iterations, stop_on_stall=True)
        search.relabel_only, search.stall_limit = False, 1000
        search.state = builder.restore(search.best)
    problem = builder.problem
    if (
        use_cpsat
        and problem.table_size == 2
        and search.best_cost > search.lower_bound
        and pairs_cpsat.model_size(builder.frames, problem.hosts_mode, builder.data.movable)
        <= pairs_cpsat.MAX_EDGE_VARIABLES
    ):
        # Tabu search first: easy instances end here without loading OR-Tools.
        search.run(time.perf_counter() + 0.25 * remaining(), max_iterations, stop_on_stall=True)
        if search.best_cost > search.lower_bound:
            _solve_pairs_exactly(search, builder, deadline, seed)
            search.state = builder.restore(search.best)
    search.run(deadline, max_iterations)


def schedule(
    problem: Mapping[str, Any] | Problem,
    time_limit: float = DEFAULT_TIME_LIMIT,
    seed: int = 0,
    max_iterations: int | None = None,
    use_cpsat: bool = True,
) -> dict[str, Any]:
    """Plan all rounds of a speed-networking session.

    ``problem`` is the decoded JSON input (or a :class:`Problem`); invalid input
    raises :class:`~mosty.networking.scheduler.model.ProblemError`.  The search
    stops at a provably optimal schedule, after ``time_limit`` seconds or after
    ``max_iterations`` tabu iterations, whichever comes first; for a given
    ``seed`` the result is reproducible whenever the time limit is not hit.
    ``use_cpsat=False`` skips the OR-Tools model for pairs.

    Returns ``{"rounds": [{"tables": [[id, ...], ...], "resting": [id, ...]}, ...],
    "stats": {...}}``.  Absent participants appear neither in ``tables`` nor in
    ``resting``; in hosts mode table ``i`` is always host ``i``'s table and an
    unused table (host absent or without guests) is an empty list.
    """
    started = time.perf_counter()
    deadline = started + max(0.0, time_limit)
    problem = parse_problem(problem)
    rng = random.Random(seed)
    data = PairData(problem, attendance_masks(problem))
    prefix = construct(problem)
    builder = Builder(problem, plan_frames(problem, prefix, rng), data)
    state = initial_state(builder, prefix, rng)

    # Proven bounds: repeats >= encounters - max distinct pairs; all wishes met.
    lb_repeats = max(0, builder.encounters - upper_bound_pairs(problem))
    feasible_wishes = sum(data.wish[i][j] for i, j in data.feasible_wishes)
    lower_bound = builder.weights.repeat * lb_repeats - feasible_wishes
    search = TabuSearch(
        state, rng, lower_bound, lb_repeats, relabel_groups(problem, data), builder.restore
    )
    _optimise(search, builder, bool(prefix), deadline, max_iterations, seed, use_cpsat)
    rounds = _render(problem, builder.frames, search.best)
    return {
        "rounds": rounds,
        "stats": compute_stats(problem, rounds, time.perf_counter() - started),
    }
