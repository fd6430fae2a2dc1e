"""Top-k partners for every organisation at once (coordinators' reports).

Work is cut into (row chunk x area) blocks; areas are the radius-level
buckets of the TERYT-sorted store, so a chunk only meets the candidates it
may be recommended.  With ``workers > 1`` blocks are spread over forked
processes that inherit the index copy-on-write (no pickling of matrices).
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .scoring import ColumnCache, Ranked, rank_block
from .teryt import check_radius
from .types import GEO_LEVELS, Candidate

if TYPE_CHECKING:
    from .index import MatchIndex

# Cells (rows x candidates) per block: bounds memory to a few hundred MB.
_BLOCK_CELLS = 6_000_000

_WORKER_INDEX: MatchIndex | None = None  # set in the parent just before fork


@dataclass
class BatchResult:
    """Top-k per organisation; row ``i`` belongs to ``org_ids[i]``.

    Arrays are (n_orgs, k); ``partner_ids`` is -1 where fewer than k
    partners were found.  Use :meth:`for_org` for plain candidates and
    ``MatchIndex.recommendation`` to add reasons to the ones you display.
    """

    org_ids: np.ndarray
    partner_ids: np.ndarray
    score: np.ndarray
    mutual: np.ndarray
    geo: np.ndarray
    need_score: np.ndarray
    offer_score: np.ndarray
    cooperating: np.ndarray

    def __post_init__(self) -> None:
        self._row = {int(o): i for i, o in enumerate(self.org_ids)}

    def for_org(self, org_id: int) -> list[Candidate]:
        i = self._row[org_id]
        out = []
        for j in range(self.partner_ids.shape[1]):
            if self.partner_ids[i, j] < 0:
                break
            out.append(Candidate(
                org_id=int(self.partner_ids[i, j]), score=round(float(self.score[i, j]), 4),
                mutual=bool(self.mutual[i, j]), geo_level=GEO_LEVELS[self.geo[i, j]],
                need_score=round(float(self.need_score[i, j]), 4),
                offer_score=round(float(self.offer_score[i, j]), 4),
                already_cooperating=bool(self.cooperating[i, j])))
        return out


def _tasks(index: MatchIndex, radius: str) -> list[tuple[int, int, int, int]]:
    """(r0, r1, c0, c1) blocks, grouped by area so column caches are reused."""
    tasks = []
    for c0, c1 in index.store.areas(radius):
        step = max(1, _BLOCK_CELLS // max(c1 - c0, 1))
        for r0 in range(c0, c1, step):
            tasks.append((r0, min(r0 + step, c1), c0, c1))
    return tasks


def _run(tasks: list[tuple[int, int, int, int]], limit: int,
         exclude: Mapping[int, Collection[int]] | None) -> list[Ranked]:
    index = _WORKER_INDEX
    assert index is not None
    cache: ColumnCache | None = None
    out = []
    for r0, r1, c0, c1 in tasks:
        if cache is None or (cache.c0, cache.c1) != (c0, c1):
            # Worth transposing only if several row chunks share the area.
            cache = ColumnCache.build(index.store, c0, c1) if r1 - r0 > 8 else None
        out.append(rank_block(index.store, r0, r1, c0, c1, index.config, limit,
                              exclude=exclude, cache=cache))
    return out


def _split(tasks: list[tuple[int, int, int, int]], n: int) -> list[list[tuple[int, int, int, int]]]:
    """Contiguous task groups of about equal cost (rows x cols)."""
    costs = np.array([(r1 - r0) * (c1 - c0) for r0, r1, c0, c1 in tasks], dtype=np.float64)
    bounds = np.searchsorted(np.cumsum(costs), costs.sum() * np.arange(1, n) / n)
    groups, start = [], 0
    for b in list(bounds) + [len(tasks)]:
        groups.append(tasks[start:int(b)])
        start = int(b)
    return [g for g in groups if g]


def recommend_all(index: MatchIndex, limit: int = 10, radius: str = "voivodeship",
                  hidden: Mapping[int, Collection[int]] | None = None,
                  cooperating: Collection[tuple[int, int]] = (),
                  cooperating_mode: str = "flag", workers: int = 1) -> BatchResult:
    """Top ``limit`` partners of every organisation.

    ``hidden`` maps an org id to ids it hid; ``cooperating`` lists pairs that
    already work together (either order), flagged or excluded per
    ``cooperating_mode``.  Cost grows with the square of the area size, so
    ``radius="country"`` on a large directory is slow (100k x 100k pairs).
    """
    global _WORKER_INDEX
    check_radius(radius)
    exclude: dict[int, set[int]] = {k: set(v) for k, v in (hidden or {}).items()}
    if cooperating_mode == "exclude":
        for a, b in cooperating:
            exclude.setdefault(a, set()).add(b)
            exclude.setdefault(b, set()).add(a)
    tasks = _tasks(index, radius)
    _WORKER_INDEX = index
    try:
        if workers <= 1 or len(tasks) < 2:
            parts = _run(tasks, limit, exclude or None)
        else:
            ctx = mp.get_context("fork")
            with ctx.Pool(workers) as pool:
                chunks = pool.starmap(_run, [(g, limit, exclude or None)
                                             for g in _split(tasks, workers)])
            parts = [r for chunk in chunks for r in chunk]
    finally:
        _WORKER_INDEX = None
    return _assemble(index, parts, limit, cooperating)


def _assemble(index: MatchIndex, parts: list[Ranked], limit: int,
              cooperating: Collection[tuple[int, int]]) -> BatchResult:
    store = index.store
    n = len(store)
    cat = {f: np.concatenate([getattr(p, f) for p in parts]) if parts else np.zeros(0)
           for f in ("rows", "cols", "score", "mutual", "geo", "need_score", "offer_score")}
    rows = cat["rows"].astype(np.int64)
    # Results come sorted within each row; their slot is the rank in the row.
    order = np.argsort(rows, kind="stable")
    rows = rows[order]
    starts = np.searchsorted(rows, np.arange(n))
    slot = np.arange(len(rows)) - starts[rows]

    def grid(values: np.ndarray, fill: float, dtype: type) -> np.ndarray:
        out: np.ndarray = np.full((n, limit), fill, dtype=dtype)
        out[rows, slot] = values[order]
        return out

    partner = grid(store.ids[cat["cols"].astype(np.int64)], -1, np.int64)
    coop = np.zeros((n, limit), dtype=bool)
    if cooperating:
        pairs = np.array([(min(a, b), max(a, b)) for a, b in cooperating], dtype=np.int64)
        keys = pairs[:, 0] * (1 << 32) + pairs[:, 1]
        me = np.broadcast_to(store.ids[:, None], partner.shape)
        lo, hi = np.minimum(me, partner), np.maximum(me, partner)
        coop = np.isin(lo * (1 << 32) + hi, keys) & (partner >= 0)
    return BatchResult(
        org_ids=store.ids.copy(), partner_ids=partner,
        score=grid(cat["score"], 0.0, np.float32), mutual=grid(cat["mutual"], False, bool),
        geo=grid(cat["geo"], -1, np.int8), need_score=grid(cat["need_score"], 0.0, np.float32),
        offer_score=grid(cat["offer_score"], 0.0, np.float32), cooperating=coop)
