"""Vocabulary, TF-IDF item vectors and organisation-level feature rows.

Feature layout (why): the directed score d(A <- B) of ScoringConfig is a sum
over need/offer pairs, so it is *linear* in per-organisation vectors and the
score of every pair in an area is one matrix product.  Each term ``t`` gets
``N_SLOTS`` columns ``t * N_SLOTS + slot``: slot ``c`` < 10 holds the weight of
``t`` in descriptions of category ``c`` (same-category text overlap), slot 10
holds it regardless of category (cross-category overlap).  Category equality
itself lives in two small dense matrices (needs counted per category, offers
as presence flags), so "need met by some offer of that category" counts once
per need.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .config import ScoringConfig
from .text import TextNormalizer
from .types import CATEGORIES, CATEGORY_INDEX, Org

N_CAT = len(CATEGORIES)
N_SLOTS = N_CAT + 1
FREE_SLOT = N_CAT
OTHER = CATEGORY_INDEX["other"]


class Vocabulary:
    """Term ids and document frequencies (one document = one item)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.df = np.zeros(1024, dtype=np.int64)
        self.n_items = 0

    def __len__(self) -> int:
        return len(self.terms)

    def id_of(self, term: str) -> int:
        """Id of ``term``, allocated on first sight."""
        tid = self.ids.get(term)
        if tid is None:
            tid = len(self.terms)
            self.ids[term] = tid
            self.terms.append(term)
            if tid >= len(self.df):
                self.df = np.concatenate([self.df, np.zeros_like(self.df)])
        return tid

    def count(self, tids: np.ndarray, n_items: int, sign: int = 1) -> None:
        """Add (or with ``sign=-1`` remove) items' terms to the frequencies."""
        if len(tids):
            np.add.at(self.df, tids, sign)
        self.n_items += sign * n_items

    def idf(self, tids: np.ndarray, cfg: ScoringConfig) -> np.ndarray:
        """IDF ln(1 + n/df); 0 for terms too common to discriminate (max_df).

        The "1 +" keeps shared words from being crushed in small directories
        (a word in 2 of 3 items still weighs ln 2.5, not ln 1.33).
        """
        n = max(self.n_items, 1)
        df = self.df[tids].astype(np.float64)
        out = np.log1p(n / np.maximum(df, 1.0))
        if self.n_items >= cfg.max_df_min_items:
            out[df > cfg.max_df * n] = 0.0
        return out


@dataclass(slots=True)
class EncodedRows:
    """Feature rows of a run of organisations, in the order given."""

    need_cat: np.ndarray  # (n, N_CAT) float32, weighted need counts
    offer_cat: np.ndarray  # (n, N_CAT) float32, 1.0 where the org offers the category
    need_text: sp.csr_matrix  # (n, F) need side, weights folded in
    offer_text: sp.csr_matrix  # (n, F) offer side, unweighted


class Encoder:
    """Turns organisations into feature rows using one vocabulary."""

    def __init__(self, normalizer: TextNormalizer, cfg: ScoringConfig) -> None:
        self.normalizer = normalizer
        self.cfg = cfg
        self.vocab = Vocabulary()
        self._terms_cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def reset(self, keep_texts: set[str]) -> None:
        """Forget all frequencies (before a full re-count); keep term ids."""
        self.vocab.df[:] = 0
        self.vocab.n_items = 0
        self._terms_cache = {t: v for t, v in self._terms_cache.items() if t in keep_texts}

    @property
    def n_features(self) -> int:
        # Leave head-room so that a few new terms from incremental updates
        # do not force a reshape of every matrix.
        return (len(self.vocab) + 4096) * N_SLOTS

    def raw_terms(self, text: str, create: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """(term ids, raw tf) of a description; cached per distinct text.

        With ``create=False`` (queries) unknown terms are dropped and nothing
        is cached, so searching never grows the vocabulary.
        """
        hit = self._terms_cache.get(text)
        if hit is None and not create:
            tf = {t: w for t, w in self.normalizer.terms(text).items() if t in self.vocab.ids}
            tids = np.fromiter((self.vocab.ids[t] for t in tf), dtype=np.int64, count=len(tf))
            return tids, np.fromiter(tf.values(), dtype=np.float64, count=len(tf))
        if hit is None:
            tf = self.normalizer.terms(text)
            tids = np.fromiter((self.vocab.id_of(t) for t in tf), dtype=np.int64, count=len(tf))
            hit = (tids, np.fromiter(tf.values(), dtype=np.float64, count=len(tf)))
            self._terms_cache[text] = hit
        return hit

    def vector(self, text: str, create: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """L2-normalised TF-IDF vector of a description (ids, weights)."""
        tids, tf = self.raw_terms(text, create)
        w = tf * self.vocab.idf(tids, self.cfg)
        norm = math.sqrt(float(w @ w))
        if norm == 0.0:
            return tids[:0], w[:0]
        keep = w > 0
        return tids[keep], w[keep] / norm

    def count_orgs(self, orgs: Sequence[Org], sign: int = 1) -> None:
        """Update document frequencies with the items of ``orgs``."""
        parts = [self.raw_terms(it.text)[0] for o in orgs for it in o.items]
        tids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        self.vocab.count(tids, len(parts), sign)

    def encode(self, orgs: Sequence[Org]) -> EncodedRows:
        """Feature rows for ``orgs`` with the current IDF."""
        cfg = self.cfg
        n = len(orgs)
        # One Python pass collects small ints; everything else is numpy.
        text_ids: dict[str, int] = {}
        vecs: list[tuple[np.ndarray, np.ndarray]] = []
        item_pos: list[int] = []
        item_cat: list[int] = []
        item_need: list[bool] = []
        item_text: list[int] = []
        for pos, org in enumerate(orgs):
            for it in org.items:
                k = text_ids.get(it.text)
                if k is None:
                    k = text_ids[it.text] = len(vecs)
                    vecs.append(self.vector(it.text))
                item_pos.append(pos)
                item_cat.append(CATEGORY_INDEX[it.category])
                item_need.append(it.kind == "need")
                item_text.append(k)
        ipos = np.asarray(item_pos, dtype=np.int64)
        icat = np.asarray(item_cat, dtype=np.int64)
        ineed = np.asarray(item_need, dtype=bool)
        # Need-side weight per organisation (see ScoringConfig.need_norm_power);
        # folded into the need rows so scoring stays one linear product.
        n_needs = np.bincount(ipos[ineed], minlength=n).astype(np.float64)
        norm = np.where(n_needs > 0, np.maximum(n_needs, 1.0) ** -cfg.need_norm_power, 0.0)
        need_w = norm[ipos]
        need_cat = np.zeros((n, N_CAT), dtype=np.float32)
        np.add.at(need_cat, (ipos[ineed], icat[ineed]), cfg.category_weight * need_w[ineed])
        # "other" is no shared category: two unrelated "other" items must not
        # match on the label alone (see the spreading of their text below).
        need_cat[:, OTHER] = 0.0
        offer_cat = np.zeros((n, N_CAT), dtype=np.float32)
        offer_cat[ipos[~ineed], icat[~ineed]] = 1.0
        shape = (n, self.n_features)
        lens = np.asarray([len(v[0]) for v in vecs], dtype=np.int64)[item_text] \
            if item_text else np.zeros(0, dtype=np.int64)
        if not lens.sum():
            empty = sp.csr_matrix(shape, dtype=np.float32)
            return EncodedRows(need_cat, offer_cat, empty, empty.copy())
        tids = np.concatenate([vecs[k][0] for k in item_text])
        w = np.concatenate([vecs[k][1] for k in item_text])
        row = np.repeat(ipos, lens)
        cat = np.repeat(icat, lens)
        need = np.repeat(ineed, lens)
        w_need = w * np.repeat(need_w, lens)
        # A need in "other" has no category to agree on: its words go into
        # every category slot, so it meets any offer through text alone.
        n_row, n_tid, n_cat, n_w = row[need], tids[need], cat[need], w_need[need]
        spread = n_cat == OTHER
        if spread.any():
            k = int(spread.sum())
            others = np.tile(np.arange(N_CAT - 1), k)  # every category but "other"
            n_row = np.concatenate([n_row, np.repeat(n_row[spread], N_CAT - 1)])
            n_tid = np.concatenate([n_tid, np.repeat(n_tid[spread], N_CAT - 1)])
            n_w_extra = np.repeat(n_w[spread], N_CAT - 1)
            n_cat = np.concatenate([n_cat, others])
            n_w = np.concatenate([n_w, n_w_extra])
            # the free-slot copy must not be duplicated: mark extras
            extra = np.zeros(len(n_row), dtype=bool)
            extra[-k * (N_CAT - 1):] = True
        else:
            extra = np.zeros(len(n_row), dtype=bool)
        return EncodedRows(
            need_cat,
            offer_cat,
            _side(n_row, n_tid, n_cat, n_w, shape, cfg.text_weight, cfg.cross_text_weight,
                  cat_only=extra),
            _side(row[~need], tids[~need], cat[~need], w[~need], shape, 1.0, 1.0),
        )


def _side(row: np.ndarray, tids: np.ndarray, cat: np.ndarray, w: np.ndarray,
          shape: tuple[int, int], w_cat: float, w_free: float,
          cat_only: np.ndarray | None = None) -> sp.csr_matrix:
    """CSR rows with each term in its category slot and in the free slot.

    Entries flagged ``cat_only`` go to the category slot only.
    """
    free = slice(None) if cat_only is None else ~cat_only
    cols = np.concatenate([tids * N_SLOTS + cat, tids[free] * N_SLOTS + FREE_SLOT])
    vals = np.concatenate([w * w_cat, w[free] * w_free]).astype(np.float32)
    rows = np.concatenate([row, row[free]])
    m = sp.coo_matrix((vals, (rows, cols)), shape=shape).tocsr()
    m.sum_duplicates()
    m.eliminate_zeros()
    return m


class Similarity:
    """Cosine of two descriptions and the lemmas they share (explanations).

    Vectors are cached per text for the lifetime of this object only: IDF
    moves with every update, so a long-lived cache would go stale.
    """

    def __init__(self, enc: Encoder) -> None:
        self.enc = enc
        self._vecs: dict[str, dict[int, float]] = {}

    def vector(self, text: str) -> dict[int, float]:
        vec = self._vecs.get(text)
        if vec is None:
            tids, w = self.enc.vector(text, create=False)
            vec = self._vecs[text] = dict(zip(tids.tolist(), w.tolist(), strict=True))
        return vec

    def __call__(self, a: str, b: str) -> tuple[float, tuple[str, ...]]:
        va, vb = self.vector(a), self.vector(b)
        if len(vb) < len(va):
            va, vb = vb, va
        common = [t for t in va if t in vb]
        if not common:
            return 0.0, ()
        cos = sum(va[t] * vb[t] for t in common)
        # Family keys ("~wolonta") count in the cosine but are reported as
        # the lemmas of ``a`` they stand for: users see words, not keys.
        keys = {self.enc.vocab.terms[t] for t in common}
        norm = self.enc.normalizer
        shared: list[str] = []
        for lem in norm.lemmas(a):
            if (lem in keys or norm.family_key(lem) in keys) and lem not in shared:
                shared.append(lem)
        return cos, tuple(shared)


def item_similarity(enc: Encoder, a: str, b: str) -> tuple[float, tuple[str, ...]]:
    """One-off :class:`Similarity` (cosine, shared lemmas of ``a``)."""
    return Similarity(enc)(a, b)
