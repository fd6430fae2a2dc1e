"""Vectorised scoring and top-k selection for blocks of organisation pairs.

One block is "requesters in rows [r0, r1) x candidates in cols [c0, c1)";
both are contiguous runs of the TERYT-sorted store.  The single-organisation
query and the batch run use the same two functions, so they rank alike.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .config import ScoringConfig
from .store import Store, row_slice

# Added to the key of mutual matches when ScoringConfig.mutual_first: larger
# than any realistic pair score (a pair with 8 needs each fully met both ways
# scores about 40), small enough to keep float32 resolution at ~1e-4.
_MUTUAL_KEY = 1024.0
# Key of excluded pairs.  A large finite number rather than -inf so that it
# can be applied by multiply-add (masked assignment is ~10x slower on big
# random masks); anything below _VALID is out.
_NEG = np.float32(-1e30)
_VALID = np.float32(-1e29)


@dataclass(slots=True)
class ColumnCache:
    """Transposed candidate matrices of one area, reused by all row chunks."""

    c0: int
    c1: int
    offer_text_t: sp.csr_matrix
    need_text_t: sp.csr_matrix

    @classmethod
    def build(cls, store: Store, c0: int, c1: int) -> ColumnCache:
        return cls(c0, c1, row_slice(store.offer_text, c0, c1).T.tocsr(),
                   row_slice(store.need_text, c0, c1).T.tocsr())


def directed_scores(store: Store, r0: int, r1: int, c0: int, c1: int,
                    cache: ColumnCache | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(d_ab, d_ba): how well each candidate meets each requester's needs and back.

    ``d_ab[i, j]`` = d(row r0+i <- col c0+j), ``d_ba[i, j]`` = d(col <- row).
    """
    d_ab = store.need_cat[r0:r1] @ store.offer_cat[c0:c1].T
    d_ba = store.offer_cat[r0:r1] @ store.need_cat[c0:c1].T
    if cache is not None and (cache.c0, cache.c1) == (c0, c1):
        # Many rows: sparse x sparse touches only pairs that share a term.
        d_ab += (row_slice(store.need_text, r0, r1) @ cache.offer_text_t).toarray()
        d_ba += (row_slice(store.offer_text, r0, r1) @ cache.need_text_t).toarray()
    else:
        # Few rows: one sparse matrix x dense vector per row is cheapest.
        need = row_slice(store.need_text, r0, r1).toarray().T
        offer = row_slice(store.offer_text, r0, r1).toarray().T
        d_ab += (row_slice(store.offer_text, c0, c1) @ need).T
        d_ba += (row_slice(store.need_text, c0, c1) @ offer).T
    return d_ab, d_ba


@dataclass(slots=True)
class Ranked:
    """Top-k of a block: per requester row, candidate rows best first."""

    rows: np.ndarray  # requester row of each result
    cols: np.ndarray  # candidate row (store position)
    score: np.ndarray  # reported pair score (geo factor applied)
    mutual: np.ndarray
    geo: np.ndarray  # 0 gmina, 1 powiat, 2 voivodeship, 3 country
    need_score: np.ndarray
    offer_score: np.ndarray


def rank_block(store: Store, r0: int, r1: int, c0: int, c1: int, cfg: ScoringConfig,
               limit: int, exclude: Mapping[int, Collection[int]] | None = None,
               cache: ColumnCache | None = None) -> Ranked:
    """Score rows [r0, r1) against cols [c0, c1) and keep each row's top ``limit``.

    ``exclude`` maps a requester org id to org ids it must not be offered
    (hidden organisations, and cooperating partners when they are excluded).
    Ties at the cut are broken by ascending org id so that results do not
    depend on how rows were chunked.
    """
    d_ab, d_ba = directed_scores(store, r0, r1, c0, c1, cache)
    # Every pass below touches R x C cells, so they are kept few and in place.
    key = d_ab + d_ba
    key *= _geo_factors(store, r0, r1, c0, c1, cfg.geo_factors)
    ok = d_ab >= cfg.min_direction
    mutual = d_ba >= cfg.min_direction
    invalid = ok | mutual  # at least one direction matches ...
    mutual &= ok  # ... mutual: both do
    invalid &= store.sector[r0:r1, None] != store.sector[None, c0:c1]
    np.logical_not(invalid, out=invalid)
    bump = _MUTUAL_KEY if cfg.mutual_first else cfg.mutual_bonus
    key += mutual * np.float32(bump)
    key += invalid * _NEG
    if exclude:
        _apply_exclusions(store, key, r0, r1, c0, c1, exclude)

    n_cols = c1 - c0
    k = min(limit, n_cols)
    if k <= 0:
        return _empty()
    # Threshold = k-th best key of each row; everything at or above it is a
    # finalist (ties at the cut included), then an exact lexsort decides.
    kth = np.partition(key, n_cols - k, axis=1)[:, n_cols - k] if k < n_cols \
        else key.min(axis=1)
    np.maximum(kth, _VALID, out=kth)  # rows with fewer than k valid pairs
    ri, ci = np.nonzero(key >= kth[:, None])
    fkey = key[ri, ci]
    order = np.lexsort((store.ids[c0 + ci], -fkey, ri))
    ri, ci = ri[order], ci[order]
    # Rank within each row; keep the first k.
    starts = np.searchsorted(ri, np.arange(r1 - r0))
    rank = np.arange(len(ri)) - starts[ri]
    keep = rank < k
    ri, ci = ri[keep], ci[keep]
    mut = mutual[ri, ci]
    score = key[ri, ci]
    if cfg.mutual_first:
        score = score - np.float32(_MUTUAL_KEY) * mut  # the tier offset is not a score
    ga, gb = store.gmina[r0 + ri], store.gmina[c0 + ci]
    geo = np.where(ga == gb, 0, np.where(ga // 100 == gb // 100, 1,
                                         np.where(ga // 10000 == gb // 10000, 2, 3)))
    return Ranked(rows=ri + r0, cols=ci + c0, score=score, mutual=mut,
                  geo=geo.astype(np.int8), need_score=d_ab[ri, ci], offer_score=d_ba[ri, ci])


def _runs(codes: np.ndarray) -> list[tuple[int, int, int]]:
    """(code, start, end) of each run of equal values in a sorted array."""
    cut = np.flatnonzero(np.diff(codes)) + 1
    starts = np.concatenate([[0], cut])
    ends = np.concatenate([cut, [len(codes)]])
    return [(int(codes[a]), int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def _geo_factors(store: Store, r0: int, r1: int, c0: int, c1: int,
                 f: tuple[float, float, float, float]) -> np.ndarray:
    """R x C geo multipliers built from slices, not from R x C comparisons.

    Rows and columns are TERYT-sorted, so the columns sharing a row's
    voivodeship, powiat or gmina form one contiguous range: a few slice
    assignments per distinct area among the rows suffice.
    """
    out = np.full((r1 - r0, c1 - c0), f[3], dtype=np.float32)
    for level, codes, width, value in (("voivodeship", store.woj, 2, f[2]),
                                       ("powiat", store.powiat, 4, f[1]),
                                       ("gmina", store.gmina, 6, f[0])):
        for code, a, b in _runs(codes[r0:r1]):
            lo, hi = store.buckets[level][f"{code:0{width}d}"]
            lo, hi = max(lo, c0), min(hi, c1)
            if hi > lo:
                out[a:b, lo - c0:hi - c0] = value
    return out


def _apply_exclusions(store: Store, key: np.ndarray, r0: int, r1: int, c0: int, c1: int,
                      exclude: Mapping[int, Collection[int]]) -> None:
    for i in range(r1 - r0):
        hidden = exclude.get(int(store.ids[r0 + i]))
        if not hidden:
            continue
        for other in hidden:
            j = store.pos.get(other)
            if j is not None and c0 <= j < c1:
                key[i, j - c0] = _NEG


def _empty() -> Ranked:
    z = np.zeros(0, dtype=np.int64)
    f = np.zeros(0, dtype=np.float32)
    return Ranked(z, z, f, np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int8), f, f)
