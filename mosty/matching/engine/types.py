"""Plain-data types of the matching engine.

Everything here is a frozen dataclass or a constant so that the Django layer
can build these objects from model rows (and cache them) without the engine
ever importing Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["offer", "need"]
Radius = Literal["gmina", "powiat", "voivodeship", "country"]
Direction = Literal["they_meet_our_need", "we_meet_their_need"]

KINDS: tuple[str, ...] = ("offer", "need")

SECTORS: tuple[str, ...] = (
    "jst",
    "public_institution",
    "ngo",
    "business",
    "academia",
    "informal",
)

# Order matters: it is the column order of the category matrices and of the
# area report, so keep "other" last.
CATEGORIES: tuple[str, ...] = (
    "space",
    "equipment",
    "expertise",
    "volunteers",
    "target_group",
    "promotion",
    "funding",
    "transport",
    "contacts",
    "other",
)
CATEGORY_INDEX: dict[str, int] = {c: i for i, c in enumerate(CATEGORIES)}
SECTOR_INDEX: dict[str, int] = {s: i for i, s in enumerate(SECTORS)}

# Geographic levels from the closest to the farthest.  A radius is the
# farthest level a candidate may be at.
GEO_LEVELS: tuple[str, ...] = ("gmina", "powiat", "voivodeship", "country")
GEO_RANK: dict[str, int] = {g: i for i, g in enumerate(GEO_LEVELS)}


@dataclass(frozen=True, slots=True)
class Item:
    """One resource an organisation offers, or one of its needs.

    ``id`` is optional and opaque to the engine; the Django app can put the
    primary key of its model row there to link explanations back.
    """

    kind: Kind
    category: str
    text: str
    id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown item kind {self.kind!r}")
        if self.category not in CATEGORY_INDEX:
            raise ValueError(f"unknown category {self.category!r}")


@dataclass(frozen=True, slots=True)
class Org:
    """An organisation of the directory.

    ``teryt`` is the 7-digit TERYT TERC code of its municipality
    (WOJ 2 + POW 2 + GMI 2 + RODZ 1).
    """

    id: int
    name: str
    sector: str
    teryt: str
    items: tuple[Item, ...] = ()

    def __post_init__(self) -> None:
        if self.sector not in SECTOR_INDEX:
            raise ValueError(f"unknown sector {self.sector!r}")
        if len(self.teryt) != 7 or not self.teryt.isdigit():
            raise ValueError(f"TERYT code must have 7 digits, got {self.teryt!r}")
        if not isinstance(self.items, tuple):
            # Accept lists from callers but keep the object hashable/frozen.
            object.__setattr__(self, "items", tuple(self.items))

    @property
    def offers(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.kind == "offer")

    @property
    def needs(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.kind == "need")


@dataclass(frozen=True, slots=True)
class Reason:
    """One need of one organisation met by one offer of the other.

    ``direction`` is seen from the organisation that asked for
    recommendations: ``they_meet_our_need`` means the recommended partner
    offers something the requester needs.
    """

    direction: Direction
    need_org_id: int
    need_org_name: str
    need: Item
    offer_org_id: int
    offer_org_name: str
    offer: Item
    score: float
    geo_level: str
    shared_terms: tuple[str, ...] = ()

    @property
    def same_category(self) -> bool:
        return self.need.category == self.offer.category


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked partner without explanations (cheap; used by batch runs)."""

    org_id: int
    score: float
    mutual: bool
    geo_level: str
    need_score: float  # how well the partner meets the requester's needs
    offer_score: float  # how well the requester meets the partner's needs
    already_cooperating: bool = False


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A ranked partner with structured reasons, ready to be rendered."""

    org_id: int
    org_name: str
    sector: str
    score: float
    mutual: bool
    geo_level: str
    need_score: float
    offer_score: float
    already_cooperating: bool = False
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    requester_id: int = 0
    requester_name: str = ""


@dataclass(frozen=True, slots=True)
class OfferMatch:
    """One offer that matched a free-text query."""

    offer: Item
    score: float
    shared_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An organisation whose offers match a free-text query."""

    org_id: int
    org_name: str
    sector: str
    score: float
    geo_level: str | None
    matches: tuple[OfferMatch, ...] = ()
