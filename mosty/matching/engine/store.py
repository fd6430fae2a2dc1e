"""Column store of the index: organisations sorted by TERYT code.

Why sorted: every administrative area (gmina, powiat, voivodeship) is then a
contiguous run of rows, so "candidates within the radius" is a slice and the
per-area buckets are just (start, end) pairs.  Incremental updates splice
rows in and out of the arrays (one memcpy of each array, milliseconds for a
100k directory) instead of re-encoding everything.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from .features import EncodedRows
from .teryt import PREFIX_LEN, area_key
from .types import SECTOR_INDEX, Org


def sort_key(org: Org) -> tuple[str, int]:
    return (org.teryt, org.id)


def _splice_csr(m: sp.csr_matrix, start: int, end: int, new: sp.csr_matrix) -> sp.csr_matrix:
    """Replace rows [start, end) of ``m`` with the rows of ``new``."""
    a, b = int(m.indptr[start]), int(m.indptr[end])
    n_cols = max(m.shape[1], new.shape[1])
    indptr = np.concatenate([
        m.indptr[:start],
        new.indptr[:-1].astype(m.indptr.dtype) + a,
        m.indptr[end:] - (b - a) + new.nnz,
    ])
    data = np.concatenate([m.data[:a], new.data.astype(m.data.dtype), m.data[b:]])
    indices = np.concatenate([m.indices[:a], new.indices.astype(m.indices.dtype), m.indices[b:]])
    n_rows = m.shape[0] - (end - start) + new.shape[0]
    return sp.csr_matrix((data, indices, indptr), shape=(n_rows, n_cols))


def row_slice(m: sp.csr_matrix, start: int, end: int) -> sp.csr_matrix:
    """Rows [start, end) of a CSR matrix sharing its data (no copy).

    scipy's ``m[start:end]`` copies the data, which for a country-wide
    query is the whole 100k-row matrix on every request.
    """
    a, b = int(m.indptr[start]), int(m.indptr[end])
    return sp.csr_matrix((m.data[a:b], m.indices[a:b], m.indptr[start:end + 1] - a),
                         shape=(end - start, m.shape[1]), copy=False)


def _splice(a: np.ndarray, start: int, end: int, new: np.ndarray) -> np.ndarray:
    if end - start == len(new):
        a[start:end] = new  # same length: in place, no copy
        return a
    return np.concatenate([a[:start], new, a[end:]])


class Store:
    """Feature rows and area buckets of all organisations, in TERYT order."""

    def __init__(self, orgs: Sequence[Org], rows: EncodedRows) -> None:
        self.orgs: list[Org] = list(orgs)
        self.need_cat = rows.need_cat
        self.offer_cat = rows.offer_cat
        self.need_text = rows.need_text
        self.offer_text = rows.offer_text
        self.ids = np.fromiter((o.id for o in orgs), dtype=np.int64, count=len(orgs))
        self.sector = np.fromiter((SECTOR_INDEX[o.sector] for o in orgs), dtype=np.int8,
                                  count=len(orgs))
        self._codes()

    def __len__(self) -> int:
        return len(self.orgs)

    def _codes(self) -> None:
        """Recompute area codes, buckets and the id -> row map."""
        teryt = [o.teryt for o in self.orgs]
        self.gmina = np.fromiter((int(t[:6]) for t in teryt), dtype=np.int32, count=len(teryt))
        self.powiat = self.gmina // 100
        self.woj = self.gmina // 10000
        self.pos: dict[int, int] = {o.id: i for i, o in enumerate(self.orgs)}
        if len(self.pos) != len(self.orgs):
            raise ValueError("organisation ids must be unique")
        self.buckets: dict[str, dict[str, tuple[int, int]]] = {}
        levels = (("gmina", self.gmina), ("powiat", self.powiat), ("voivodeship", self.woj))
        for level, codes in levels:
            uniq, starts = np.unique(codes, return_index=True)
            # An empty directory has no areas (np.append would add a stray end).
            ends = np.append(starts[1:], len(codes)) if len(codes) else starts
            width = PREFIX_LEN[level]
            self.buckets[level] = {
                f"{int(u):0{width}d}": (int(s), int(e))
                for u, s, e in zip(uniq, starts, ends, strict=True)
            }
        self.buckets["country"] = {"": (0, len(self.orgs))}

    def area_range(self, teryt_or_prefix: str, level: str) -> tuple[int, int]:
        """Row range of the area at ``level`` containing a code (or prefix)."""
        return self.buckets[level].get(area_key(teryt_or_prefix.ljust(7, "0"), level)
                                       if level != "country" else "", (0, 0))

    def areas(self, level: str) -> list[tuple[int, int]]:
        """All non-empty areas at ``level`` as row ranges."""
        return list(self.buckets[level].values())

    def insert_position(self, org: Org) -> int:
        return bisect.bisect_left(self.orgs, sort_key(org), key=sort_key)

    def splice(self, start: int, end: int, orgs: Sequence[Org], rows: EncodedRows) -> None:
        """Replace rows [start, end) by ``orgs`` (already in TERYT order)."""
        structural = end - start != len(orgs) or any(
            o.teryt != old.teryt or o.id != old.id
            for o, old in zip(orgs, self.orgs[start:end], strict=False)
        )
        self.orgs[start:end] = list(orgs)
        self.need_cat = _splice(self.need_cat, start, end, rows.need_cat)
        self.offer_cat = _splice(self.offer_cat, start, end, rows.offer_cat)
        self.need_text = _splice_csr(self.need_text, start, end, rows.need_text)
        self.offer_text = _splice_csr(self.offer_text, start, end, rows.offer_text)
        self.ids = _splice(self.ids, start, end,
                           np.fromiter((o.id for o in orgs), dtype=np.int64, count=len(orgs)))
        self.sector = _splice(self.sector, start, end, np.fromiter(
            (SECTOR_INDEX[o.sector] for o in orgs), dtype=np.int8, count=len(orgs)))
        if structural:
            self._codes()
