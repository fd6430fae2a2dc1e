"""Static data of one problem in index form, and the objective weights.

Participants are referred to by their position in ``Problem.participants``;
per-pair data are dense ``n x n`` matrices because the search's inner loops
index them millions of times.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Problem


@dataclass(frozen=True)
class Weights:
    """Integer weights of the lexicographic objective levels."""

    conflict: int
    repeat: int
    single_sector: int
    # A wish is worth 1 (2 when mutual); the other levels are scaled above it.


class PairData:
    """Static per-pair and per-person data derived from a :class:`Problem`."""

    def __init__(self, problem: Problem, attendance: list[int]) -> None:
        """``attendance[p]`` is the bitmask of rounds in which ``p`` can be seated."""
        ps = problem.participants
        n = len(ps)
        idx = problem.index()
        self.n = n
        self.movable = [not (problem.hosts_mode and p.host) for p in ps]
        names = {s: i for i, s in enumerate(sorted({p.sector for p in ps if p.sector}))}
        self.sector = [names[p.sector] if p.sector else -1 for p in ps]
        self.conflict = [[0] * n for _ in range(n)]
        self.wish = [[0] * n for _ in range(n)]
        for i, p in enumerate(ps):
            for q in p.avoid:
                j = idx[q]
                self.conflict[i][j] = self.conflict[j][i] = 1
            for q in p.wishes:
                j = idx[q]
                self.wish[i][j] += 1
                self.wish[j][i] += 1
        by_org: dict[str, list[int]] = {}
        for i, p in enumerate(ps):
            if p.organisation:
                by_org.setdefault(p.organisation, []).append(i)
        for members in by_org.values():
            for i in members:
                for j in members:
                    if i != j:
                        self.conflict[i][j] = 1
        # A wish is feasible when the two can ever sit together: both present in
        # some round, not two hosts, not two guests at pair tables, and not a
        # pair that must be kept apart.
        guests_meet = not (problem.hosts_mode and problem.table_size == 2)
        wished = {(min(i, idx[q]), max(i, idx[q])) for i, p in enumerate(ps) for q in p.wishes}
        self.feasible_wishes: list[tuple[int, int]] = sorted(
            (i, j)
            for i, j in wished
            if not self.conflict[i][j]
            and attendance[i] & attendance[j]
            and (self.movable[i] != self.movable[j] or (self.movable[i] and guests_meet))
        )
