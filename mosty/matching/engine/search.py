"""Free-text search: which organisations can help with a need or idea.

The query is lemmatised like item descriptions and matched against offers.
It has no category, so one is inferred from the data: each term's offer
weight per category (e.g. "sala" occurs almost only in "space" offers) gives
the query a category profile, and offers in the likely categories get a
boost.  That keeps "potrzebujemy sali" from ranking a catering offer that
happens to mention a room above an actual room.

Two stages: a vectorised pass over every organisation in range (sum of the
cosines of its offers, from the org-level offer matrix) picks a shortlist;
the shortlist is re-scored per offer (best offer + a little for the others),
which a sum cannot express.  An organisation outside the shortlist could in
principle beat one inside it; with a shortlist of 50 for 10 results this
does not happen in practice because both scores grow with the same overlap.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

import numpy as np

from .features import N_CAT, N_SLOTS, Similarity
from .store import row_slice
from .teryt import check_radius, geo_level, level_of_prefix
from .types import CATEGORY_INDEX, SECTOR_INDEX, OfferMatch, SearchHit

if TYPE_CHECKING:
    from .index import MatchIndex

# Weight of the inferred category: an offer in a category that takes the
# whole query profile counts up to (1 + CATEGORY_BOOST) times its text match.
CATEGORY_BOOST = 1.0
# Small score for offering the inferred category without sharing words
# ("pomieszczenie" for a query about "sala"): ranks below any text match.
CATEGORY_ONLY = 0.1
# Weight of an organisation's further matching offers after its best one.
BREADTH = 0.25
# Candidates re-scored per offer after the vectorised first pass.
RERANK = 50


def _term_category_profile(index: MatchIndex) -> np.ndarray:
    """(n_terms, N_CAT): share of each term's offer weight per category."""
    cached = index._search_cache
    if isinstance(cached, np.ndarray):
        return cached
    col_mass = np.asarray(index.store.offer_text.sum(axis=0)).ravel()
    n_terms = len(col_mass) // N_SLOTS
    mass = col_mass[: n_terms * N_SLOTS].reshape(n_terms, N_SLOTS)[:, :N_CAT]
    total = mass.sum(axis=1, keepdims=True)
    prof = np.divide(mass, total, out=np.zeros_like(mass), where=total > 0)
    index._search_cache = prof
    return prof


def query_vector(index: MatchIndex, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(term ids, weights) of a query; words unknown to the index are ignored."""
    return index.encoder.vector(text, create=False)


def search_text(index: MatchIndex, text: str, limit: int = 10, teryt: str | None = None,
                radius: str = "country", area: str | None = None,
                sectors: Collection[str] | None = None, exclude: Collection[int] = (),
                categories: Collection[str] | None = None) -> list[SearchHit]:
    """Organisations whose offers match ``text``, best first.

    ``teryt`` + ``radius``: only organisations within the radius of that
    municipality, closer ones preferred (geo factors of the config).
    ``area``: a TERYT prefix (2, 4 or 6 digits) to restrict to.  ``sectors``,
    ``categories`` (of offers) and ``exclude`` (org ids) filter further.
    """
    store, cfg = index.store, index.config
    tids, q = query_vector(index, text)
    if not len(tids):
        return []
    prof = _term_category_profile(index)
    p = (q[:, None] * prof[np.minimum(tids, len(prof) - 1)]).sum(axis=0) \
        if len(prof) else np.zeros(N_CAT)
    p = p / p.sum() if p.sum() > 0 else p
    if categories is not None:
        allowed = np.zeros(N_CAT)
        allowed[[CATEGORY_INDEX[c] for c in categories]] = 1.0
    else:
        allowed = np.ones(N_CAT)

    # Range of candidate rows: the radius around teryt, narrowed by area.
    c0, c1 = 0, len(store)
    if teryt is not None:
        c0, c1 = store.area_range(teryt, check_radius(radius))
    if area:
        a0, a1 = store.area_range(area, level_of_prefix(area))
        c0, c1 = max(c0, a0), min(c1, a1)
    if c1 <= c0:
        return []

    # Stage 1 (vectorised, all candidates): sum over each organisation's
    # offers, read straight from the org-level offer matrix.
    x = np.zeros(store.offer_text.shape[1], dtype=np.float32)
    boost = (1.0 + CATEGORY_BOOST * p) * allowed
    for slot in range(N_CAT):
        x[tids * N_SLOTS + slot] = q * boost[slot]
    # The free slot stays 0: every offer sits in exactly one category slot.
    text_score = row_slice(store.offer_text, c0, c1) @ x
    cat_score = CATEGORY_ONLY * (store.offer_cat[c0:c1] @ (p * allowed)).astype(np.float32)
    score = text_score + np.where(text_score > 0, 0.0, cat_score)
    factor = np.ones(c1 - c0, dtype=np.float32)
    if teryt is not None:
        f = np.asarray(cfg.geo_factors, dtype=np.float32)
        gm = store.gmina[c0:c1]
        g = int(teryt[:6])
        factor = np.where(gm == g, f[0], np.where(gm // 100 == g // 100, f[1],
                                                  np.where(gm // 10000 == g // 10000, f[2], f[3])))
    score = score * factor
    if sectors is not None:
        score[~np.isin(store.sector[c0:c1], [SECTOR_INDEX[s] for s in sectors])] = 0.0
    for oid in exclude:
        j = store.pos.get(oid)
        if j is not None and c0 <= j < c1:
            score[j - c0] = 0.0
    hits = np.flatnonzero(score > 1e-6)
    if not len(hits):
        return []
    # Stage 2 (few candidates): a sum rewards listing the same thing twice,
    # so rerank by the best offer plus a small bonus for the others.
    shortlist = hits[np.argsort(-score[hits], kind="stable")][: max(RERANK, 5 * limit)]
    likely = {int(c) for c in np.flatnonzero(p >= 0.3)}
    sim = Similarity(index.encoder)
    found = [_hit(index, sim, c0 + int(j), text, boost, float(factor[j]), float(score[j]),
                  teryt, likely) for j in shortlist]
    found.sort(key=lambda h: (-h.score, h.org_id))
    return found[:limit]


def _hit(index: MatchIndex, sim: Similarity, pos: int, text: str, boost: np.ndarray,
         factor: float, coarse: float, teryt: str | None, likely: set[int]) -> SearchHit:
    """Final score of one organisation and the offers that explain it."""
    org = index.store.orgs[pos]
    matches = []
    for offer in org.offers:
        c = CATEGORY_INDEX[offer.category]
        if boost[c] == 0:
            continue  # category filtered out
        cos, shared = sim(offer.text, text)
        if cos > 0 or c in likely:
            # Cosine alone punishes detailed offers ("kajaki dwuosobowe i
            # kapoki na spływy" vs "kajaki"); averaging with the share of the
            # query's weight the offer covers evens that out.
            vq, vo = sim.vector(text), sim.vector(offer.text)
            coverage = sum(w * w for t, w in vq.items() if t in vo)
            value = 0.5 * (cos + coverage) * float(boost[c])
            matches.append(OfferMatch(offer=offer, score=round(value, 4), shared_terms=shared))
    matches.sort(key=lambda m: -m.score)
    if matches and matches[0].score > 0:
        # Offers in a likely category but without shared words only explain
        # category-only hits.
        matches = [m for m in matches if m.score > 0]
    best = matches[0].score if matches else 0.0
    score = factor * (best + BREADTH * sum(m.score for m in matches[1:]))
    if score == 0.0:
        score = coarse  # category-only hit: the stage-1 score is exact
    return SearchHit(org_id=org.id, org_name=org.name, sector=org.sector,
                     score=round(score, 4),
                     geo_level=geo_level(teryt, org.teryt) if teryt else None,
                     matches=tuple(matches))
