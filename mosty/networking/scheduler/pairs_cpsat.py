"""Exact CP-SAT model for pair rounds (``table_size`` 2, mixed or hosts mode).

With pairs every round is a matching of the people present (in hosts mode:
of the active hosts to guests), and every objective level becomes *linear*
in the edge variables ``x[pair, round]``: meetings of a pair are a sum, a
repeat is ``max(0, meetings - 1)``, a wish is met when meetings >= 1 and a
single-sector table is a same-sector pair.  That makes the whole problem a
compact integer program that CP-SAT often solves to proven optimality within
a second or two, which the swap-based local search can never prove.

Who rests is decided by the model too (unlike in the local search, where the
rests of the round layouts are fixed): every person's number of rests must
stay within the range the even-spread layout produced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .layout import RoundLayout
from .pairdata import PairData, Weights

if TYPE_CHECKING:  # OR-Tools is imported lazily, only when the model is built
    from ortools.sat.python.cp_model import CpModel, CpSolver, IntVar, LinearExprT

MAX_EDGE_VARIABLES = 40_000
_INT64_SAFE = 2**62

Tables = list[list[list[int]]]


def available() -> bool:
    """True when OR-Tools' CP-SAT can be imported (it is imported lazily: ~0.5 s)."""
    try:
        import ortools.sat.python.cp_model  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        return False
    return True


def _candidates(
    frame: RoundLayout, hosts_mode: bool, movable: list[bool]
) -> tuple[list[int], list[int]]:
    """(people who must sit, people who may sit or rest) in one round."""
    if hosts_mode:
        return [h for h in frame.hosts if h >= 0], [p for p in frame.present if movable[p]]
    return [], list(frame.present)


def _round_edges(
    frame: RoundLayout, hosts_mode: bool, movable: list[bool]
) -> list[tuple[int, int]]:
    fixed, free = _candidates(frame, hosts_mode, movable)
    if hosts_mode:
        return [(min(h, g), max(h, g)) for h in fixed for g in free]
    people = sorted(free)
    return [(a, b) for i, a in enumerate(people) for b in people[i + 1 :]]


def model_size(frames: list[RoundLayout], hosts_mode: bool, movable: list[bool]) -> int:
    """Number of edge variables the model would need."""
    return sum(len(_round_edges(f, hosts_mode, movable)) for f in frames)


def solve_pairs(
    frames: list[RoundLayout],
    data: PairData,
    weights: Weights,
    cross_sector: bool,
    hosts_mode: bool,
    hint: Tables,
    time_limit: float,
    seed: int,
) -> tuple[Tables, bool] | None:
    """Solve the pair schedule; return ``(tables per round, proven_optimal)`` or None.

    ``hint`` is a complete schedule (the best one found so far) used as a warm
    start.  In hosts mode the tables come back in host order.
    """
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    per_round: list[list[tuple[int, int, IntVar]]] = []
    by_pair: dict[tuple[int, int], list[IntVar]] = {}
    seated_rounds: dict[int, list[LinearExprT]] = {}
    for r, frame in enumerate(frames):
        incident: dict[int, list[IntVar]] = {}
        per_round.append([])
        for a, b in _round_edges(frame, hosts_mode, data.movable):
            var = model.new_bool_var(f"x{a}_{b}_{r}")
            per_round[r].append((a, b, var))
            by_pair.setdefault((a, b), []).append(var)
            incident.setdefault(a, []).append(var)
            incident.setdefault(b, []).append(var)
        fixed, _ = _candidates(frame, hosts_mode, data.movable)
        for p, vars_ in incident.items():
            if p in fixed:
                model.add_exactly_one(vars_)
            else:
                model.add_at_most_one(vars_)
                seated_rounds.setdefault(p, []).append(sum(vars_))
        model.add(sum(v for _, _, v in per_round[r]) == len(frame.sizes) - frame.sizes.count(0))
    _limit_rests(model, frames, data, hosts_mode, seated_rounds)
    terms = _objective_terms(model, by_pair, data, weights, cross_sector)
    if sum(abs(c) * 64 for c, _ in terms) >= _INT64_SAFE:
        return None  # weights too large for CP-SAT's 64-bit objective
    model.minimize(sum(c * v for c, v in terms))
    for r, tables in enumerate(hint):
        chosen = {tuple(sorted(m)) for m in tables if len(m) == 2}
        for a, b, var in per_round[r]:
            model.add_hint(var, (a, b) in chosen)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    solver.parameters.num_workers = 2  # the target machine has two cores
    solver.parameters.random_seed = seed % (2**31)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return _extract(frames, per_round, solver, hosts_mode), status == cp_model.OPTIMAL


def _limit_rests(
    model: CpModel,
    frames: list[RoundLayout],
    data: PairData,
    hosts_mode: bool,
    seated_rounds: dict[int, list[LinearExprT]],
) -> None:
    """Keep each person's rest count within the layouts' (even) range."""
    planned = [0] * data.n
    for frame in frames:
        if any(frame.sizes):  # rounds without tables are not part of the model
            for p in frame.resting:
                planned[p] += 1
    flexible = [p for p in seated_rounds if data.movable[p] or not hosts_mode]
    if not flexible:
        return
    low = min(planned[p] for p in flexible)
    high = max(planned[p] for p in flexible)
    for p in flexible:
        present = len(seated_rounds[p])
        seated = sum(seated_rounds[p])
        model.add(present - seated >= low)
        model.add(present - seated <= high)


def _objective_terms(
    model: CpModel,
    by_pair: dict[tuple[int, int], list[IntVar]],
    data: PairData,
    weights: Weights,
    cross_sector: bool,
) -> list[tuple[int, IntVar]]:
    """Weighted objective terms, mirroring :class:`~.state.State`'s cost."""
    terms: list[tuple[int, IntVar]] = []
    for (a, b), vars_ in by_pair.items():
        meets = model.new_int_var(0, len(vars_), f"m{a}_{b}")
        model.add(meets == sum(vars_))
        if data.conflict[a][b]:
            terms.append((weights.conflict, meets))
        if len(vars_) > 1:
            repeat = model.new_int_var(0, len(vars_) - 1, f"rep{a}_{b}")
            model.add(repeat >= meets - 1)
            terms.append((weights.repeat, repeat))
        if data.wish[a][b]:
            met = model.new_bool_var(f"w{a}_{b}")
            model.add(met <= meets)
            terms.append((-data.wish[a][b], met))
        sa, sb = data.sector[a], data.sector[b]
        if cross_sector and sa != -1 and sa == sb:
            terms.append((weights.single_sector, meets))
    return terms


def _extract(
    frames: list[RoundLayout],
    per_round: list[list[tuple[int, int, IntVar]]],
    solver: CpSolver,
    hosts_mode: bool,
) -> Tables:
    out: Tables = []
    for frame, edges in zip(frames, per_round, strict=False):
        pairs = [(a, b) for a, b, var in edges if solver.boolean_value(var)]
        if hosts_mode:
            partner: dict[int, int] = {}
            for a, b in pairs:
                partner[a], partner[b] = b, a
            out.append([[h, partner[h]] if h >= 0 else [] for h in frame.hosts])
        else:
            out.append([[a, b] for a, b in sorted(pairs)])
    return out
