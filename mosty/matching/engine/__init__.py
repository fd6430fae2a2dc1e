"""Partner recommendations by complementarity, explained (plain Python).

No Django imports here: the web app converts its models to :class:`Org` /
:class:`Item`, builds a :class:`MatchIndex` and renders the structured
results with :mod:`.messages` (pass ``gettext`` as ``translate``).

Typical use::

    index = MatchIndex(orgs)
    for rec in index.recommend(org_id, limit=10, radius="powiat"):
        print(render_recommendation(rec))
    hits = index.search_text("szukamy sali na warsztaty dla seniorów", teryt="3015054")
    report = index.area_report("301505")
"""

from .area import AreaReport, UnmetNeed, area_matrix
from .batch import BatchResult
from .config import ScoringConfig
from .index import MatchIndex
from .messages import (
    category_label,
    geo_label,
    render_headline,
    render_hit,
    render_reason,
    render_recommendation,
    sector_label,
)
from .teryt import geo_level, read_gmina_codes
from .text import MorfeuszLemmatizer, StempelStemmer, TextNormalizer, default_normalizer
from .types import (
    CATEGORIES,
    GEO_LEVELS,
    SECTORS,
    Candidate,
    Item,
    OfferMatch,
    Org,
    Reason,
    Recommendation,
    SearchHit,
)

__all__ = [
    "CATEGORIES", "GEO_LEVELS", "SECTORS", "AreaReport", "BatchResult", "Candidate", "Item",
    "MatchIndex", "MorfeuszLemmatizer", "OfferMatch", "Org", "Reason", "Recommendation",
    "ScoringConfig", "SearchHit", "StempelStemmer", "TextNormalizer", "UnmetNeed",
    "area_matrix", "category_label", "default_normalizer", "geo_label", "geo_level",
    "read_gmina_codes", "render_headline", "render_hit", "render_reason",
    "render_recommendation", "sector_label",
]
