"""MatchIndex: the public entry point of the engine."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Literal

from .area import AreaReport, area_matrix
from .config import ScoringConfig
from .explain import pair_reasons
from .features import Encoder, Similarity
from .scoring import rank_block
from .store import Store, sort_key
from .teryt import check_radius, geo_level, level_of_prefix
from .text import TextNormalizer, default_normalizer
from .types import GEO_LEVELS, Candidate, Org, Reason, Recommendation, SearchHit

if TYPE_CHECKING:
    from .batch import BatchResult

CooperatingMode = Literal["flag", "exclude"]


class MatchIndex:
    """Index of an organisation directory for complementarity matching.

    Build it once from plain ``Org`` objects (the Django layer converts its
    models), then ask for recommendations, free-text searches or area
    reports.  ``upsert``/``remove`` keep it current without a rebuild.
    """

    def __init__(self, orgs: Iterable[Org], config: ScoringConfig | None = None,
                 normalizer: TextNormalizer | None = None) -> None:
        self.config = config or ScoringConfig()
        self._normalizer = normalizer or default_normalizer()
        self._build(sorted(orgs, key=sort_key))

    def _build(self, orgs: list[Org], encoder: Encoder | None = None) -> None:
        self.encoder = encoder or Encoder(self._normalizer, self.config)
        self.encoder.count_orgs(orgs)
        self.store = Store(orgs, self.encoder.encode(orgs))
        self._search_cache: object | None = None

    # -- lookup ------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.store)

    def __contains__(self, org_id: object) -> bool:
        return org_id in self.store.pos

    def get(self, org_id: int) -> Org:
        """The indexed organisation with this id (KeyError if absent)."""
        return self.store.orgs[self.store.pos[org_id]]

    @property
    def orgs(self) -> list[Org]:
        """All organisations in TERYT order (do not mutate)."""
        return self.store.orgs

    # -- recommendations ---------------------------------------------------
    def candidates(self, org_id: int, limit: int = 10, radius: str = "voivodeship",
                   exclude: Collection[int] = (), cooperating: Collection[int] = (),
                   cooperating_mode: CooperatingMode = "flag") -> list[Candidate]:
        """Ranked partners for one organisation, without explanations.

        ``exclude``: org ids the requester hid.  ``cooperating``: ids of
        partners it already works with; flagged or excluded per
        ``cooperating_mode``.  Only organisations of other sectors within
        ``radius`` ("gmina", "powiat", "voivodeship", "country") and matching
        in at least one direction are returned.
        """
        check_radius(radius)
        if cooperating_mode not in ("flag", "exclude"):
            raise ValueError("cooperating_mode must be 'flag' or 'exclude'")
        store = self.store
        pos = store.pos[org_id]
        c0, c1 = store.area_range(store.orgs[pos].teryt, radius)
        hidden = set(exclude)
        coop = set(cooperating)
        if cooperating_mode == "exclude":
            hidden |= coop
        ranked = rank_block(store, pos, pos + 1, c0, c1, self.config, limit,
                            exclude={org_id: hidden} if hidden else None)
        ids = store.ids[ranked.cols]
        return [
            Candidate(org_id=int(ids[i]), score=round(float(ranked.score[i]), 4),
                      mutual=bool(ranked.mutual[i]), geo_level=GEO_LEVELS[ranked.geo[i]],
                      need_score=round(float(ranked.need_score[i]), 4),
                      offer_score=round(float(ranked.offer_score[i]), 4),
                      already_cooperating=int(ids[i]) in coop)
            for i in range(len(ids))
        ]

    def recommend(self, org_id: int, limit: int = 10, radius: str = "voivodeship",
                  exclude: Collection[int] = (), cooperating: Collection[int] = (),
                  cooperating_mode: CooperatingMode = "flag") -> list[Recommendation]:
        """Like :meth:`candidates`, with structured reasons for each partner."""
        cands = self.candidates(org_id, limit, radius, exclude, cooperating, cooperating_mode)
        sim = Similarity(self.encoder)  # shares the requester's vectors across partners
        return [self.recommendation(org_id, c, sim) for c in cands]

    def recommendation(self, org_id: int, cand: Candidate,
                       sim: Similarity | None = None) -> Recommendation:
        """Turn a (batch) candidate into a full recommendation with reasons."""
        me, other = self.get(org_id), self.get(cand.org_id)
        sim = sim or Similarity(self.encoder)
        return Recommendation(
            org_id=other.id, org_name=other.name, sector=other.sector, score=cand.score,
            mutual=cand.mutual, geo_level=cand.geo_level, need_score=cand.need_score,
            offer_score=cand.offer_score, already_cooperating=cand.already_cooperating,
            reasons=pair_reasons(sim, self.config, me, other, cand.geo_level),
            requester_id=me.id, requester_name=me.name,
        )

    def explain(self, org_id: int, partner_id: int) -> tuple[Reason, ...]:
        """Reasons for any pair, recommended or not."""
        me, other = self.get(org_id), self.get(partner_id)
        return pair_reasons(Similarity(self.encoder), self.config, me, other,
                            geo_level(me.teryt, other.teryt))

    def recommend_all(self, limit: int = 10, radius: str = "voivodeship",
                      hidden: Mapping[int, Collection[int]] | None = None,
                      cooperating: Collection[tuple[int, int]] = (),
                      cooperating_mode: CooperatingMode = "flag",
                      workers: int = 1) -> BatchResult:
        """Top ``limit`` for every organisation (see :func:`batch.recommend_all`).

        ``hidden`` maps an org id to the ids it hid; ``cooperating`` lists
        pairs (either order) that already work together.
        """
        from .batch import recommend_all

        return recommend_all(self, limit=limit, radius=radius, hidden=hidden,
                             cooperating=cooperating, cooperating_mode=cooperating_mode,
                             workers=workers)

    # -- search and reports -------------------------------------------------
    def search_text(self, text: str, limit: int = 10, teryt: str | None = None,
                    radius: str = "country", area: str | None = None,
                    sectors: Collection[str] | None = None, exclude: Collection[int] = (),
                    categories: Collection[str] | None = None) -> list[SearchHit]:
        """Organisations whose offers match free text (see :func:`search.search_text`)."""
        from .search import search_text

        return search_text(self, text, limit=limit, teryt=teryt, radius=radius, area=area,
                           sectors=sectors, exclude=exclude, categories=categories)

    def area_report(self, prefix: str = "") -> AreaReport:
        """Sector x category matrix and unmet needs of an area.

        ``prefix``: TERYT prefix of 6 (gmina), 4 (powiat), 2 (voivodeship)
        or 0 (whole directory) digits.  For arbitrary groups call
        :func:`area.area_matrix` with the organisations.
        """
        level = level_of_prefix(prefix)
        c0, c1 = self.store.area_range(prefix, level)
        return area_matrix(o for o in self.store.orgs[c0:c1] if o.teryt.startswith(prefix))

    # -- maintenance -------------------------------------------------------
    def upsert(self, org: Org) -> None:
        """Add an organisation or replace its data (items, name, sector, TERYT).

        Only the changed rows are re-encoded.  IDF weights of other
        organisations are not recomputed; call :meth:`rebuild` now and then
        (e.g. nightly) to refresh them.
        """
        store, enc = self.store, self.encoder
        old_pos = store.pos.get(org.id)
        if old_pos is not None:
            old = store.orgs[old_pos]
            enc.count_orgs([old], sign=-1)
            if old.teryt == org.teryt:
                enc.count_orgs([org])
                store.splice(old_pos, old_pos + 1, [org], enc.encode([org]))
                self._search_cache = None
                return
            store.splice(old_pos, old_pos + 1, [], enc.encode([]))
        enc.count_orgs([org])
        at = store.insert_position(org)
        store.splice(at, at, [org], enc.encode([org]))
        self._search_cache = None

    def remove(self, org_id: int) -> None:
        """Drop an organisation from the index."""
        pos = self.store.pos[org_id]
        self.encoder.count_orgs([self.store.orgs[pos]], sign=-1)
        self.store.splice(pos, pos + 1, [], self.encoder.encode([]))
        self._search_cache = None

    def rebuild(self) -> None:
        """Re-encode everything with fresh IDF weights.

        Ranks like a new index over the same organisations.  Term ids and the
        per-text analysis are reused (that is most of the build time), pruned
        to the texts still present so edits do not grow memory forever.
        """
        orgs = list(self.store.orgs)
        self.encoder.reset(keep_texts={it.text for o in orgs for it in o.items})
        self._build(orgs, self.encoder)
