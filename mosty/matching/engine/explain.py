"""Structured reasons behind a recommendation (which need meets which offer).

Reasons are recomputed from the descriptions on demand instead of being
stored per item: only the few recommendations a user looks at need them,
and the per-word lemma cache makes this cheap.
"""

from __future__ import annotations

from .config import ScoringConfig
from .features import Similarity
from .types import Direction, Item, Org, Reason


def item_score(sim: Similarity, cfg: ScoringConfig, need: Item, offer: Item
               ) -> tuple[float, tuple[str, ...]]:
    """s(need, offer) of ScoringConfig and the lemmas both descriptions share."""
    cos, shared = sim(need.text, offer.text)
    score = cfg.cross_text_weight * cos
    if need.category == "other":
        score += cfg.text_weight * cos  # matches any category on words only
    elif need.category == offer.category:
        score += cfg.category_weight + cfg.text_weight * cos
    return score, shared


def directed_reasons(sim: Similarity, cfg: ScoringConfig, needer: Org, offerer: Org,
                     direction: Direction, geo_level: str) -> list[Reason]:
    """For each need of ``needer``, the best offer of ``offerer`` (if good enough)."""
    out: list[Reason] = []
    offers = offerer.offers
    for need in needer.needs:
        best: tuple[float, tuple[str, ...], Item] | None = None
        for offer in offers:
            score, shared = item_score(sim, cfg, need, offer)
            if best is None or score > best[0]:
                best = (score, shared, offer)
        if best is not None and best[0] >= cfg.min_reason_score:
            out.append(Reason(
                direction=direction,
                need_org_id=needer.id, need_org_name=needer.name, need=need,
                offer_org_id=offerer.id, offer_org_name=offerer.name, offer=best[2],
                score=round(best[0], 4), geo_level=geo_level, shared_terms=best[1],
            ))
    out.sort(key=lambda r: -r.score)
    return out


def pair_reasons(sim: Similarity, cfg: ScoringConfig, requester: Org, partner: Org,
                 geo_level: str) -> tuple[Reason, ...]:
    """Reasons both ways: first what the partner gives us, then what we give it."""
    return tuple(
        directed_reasons(sim, cfg, requester, partner, "they_meet_our_need", geo_level)
        + directed_reasons(sim, cfg, partner, requester, "we_meet_their_need", geo_level)
    )
