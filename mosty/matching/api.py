"""REST API of partner matching: the same data and permissions as the pages.

Mounted by the project's API as ``/api/matching`` (``api.add_router("/matching", router)``).
"""
from datetime import datetime
from typing import Annotated, Any, NoReturn

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from ninja import Router, Schema
from ninja.errors import HttpError

from mosty.core.api import Error, choices_of, one_of
from mosty.directory.models import Organisation, Resource
from mosty.matching import access
from mosty.matching.analysis import STATUS_LABELS, scope_matrix
from mosty.matching.engine import CATEGORIES, SECTORS, render_reason
from mosty.matching.engine.types import Direction
from mosty.matching.models import Relation
from mosty.matching.maps import MOMENTS, network_at, scope_network
from mosty.matching.recommend import RADII, find_helpers, partner_page
from mosty.matching.scopes import SCOPE_KINDS, Scope, resolve_scope

router = Router(tags=["matching"])
MAX_LIMIT = 50


class ReasonOut(Schema):
    direction: Direction
    need_organisation: str
    need: str
    need_category: str
    offer_organisation: str
    offer: str
    offer_category: str
    sentence: str


class SuggestionOut(Schema):
    organisation: str
    name: str
    sector: Annotated[str, choices_of(Organisation, "sector")]
    municipality: str | None
    score: float
    mutual: bool
    geo_level: str
    headline: str
    reasons: list[ReasonOut]


class RecommendationsOut(Schema):
    organisation: str
    radius: str
    indexed: bool
    results: list[SuggestionOut]
    hidden: list[str]
    cooperating: list[str]


class HelperOut(Schema):
    organisation: str
    name: str
    sector: Annotated[str, choices_of(Organisation, "sector")]
    municipality: str | None
    score: float
    categories: list[str]
    sentences: list[str]


class SearchOut(Schema):
    query: str
    area: str
    results: list[HelperOut]


class ScopeOut(Schema):
    kind: Annotated[str, one_of(SCOPE_KINDS)]
    key: str
    title: str


class BalanceOut(Schema):
    category: Annotated[str, choices_of(Resource, "category")]
    offers: int
    needs: int
    unmet: int
    status: Annotated[str, one_of(STATUS_LABELS)]


class UnmetOut(Schema):
    organisation: str | None
    name: str
    need: str
    category: Annotated[str, choices_of(Resource, "category")]
    sentence: str


class MatrixOut(Schema):
    scope: ScopeOut
    organisations: int
    sectors: list[str]
    categories: list[str]
    offers: dict[str, dict[str, int]]
    needs: dict[str, dict[str, int]]
    balance: list[BalanceOut]
    unmet: list[UnmetOut]


class NodeOut(Schema):
    organisation: str
    name: str
    sector: Annotated[str, choices_of(Organisation, "sector")]
    partners: int


class RelationOut(Schema):
    id: int
    organisation_a: str
    organisation_b: str
    kind: Annotated[str, choices_of(Relation, "kind")]
    origin: Annotated[str, choices_of(Relation, "origin")]
    programme: str | None
    since: datetime | None


class MeasuresOut(Schema):
    organisations: int
    linked_pairs: int
    clusters: int
    density: float
    isolated: list[str]
    missing_sector_pairs: list[list[str]]
    most_connected: list[NodeOut]


class NetworkOut(Schema):
    scope: ScopeOut
    at: str
    organisations: list[NodeOut]
    relations: list[RelationOut]
    measures: MeasuresOut


def _deny(request: HttpRequest) -> NoReturn:
    if not request.user.is_authenticated:
        raise HttpError(401, gettext("Log in or send an API token."))
    raise HttpError(403, gettext("You may not see this."))


def _scope(request: HttpRequest, kind: str, key: str) -> Scope:
    if kind not in SCOPE_KINDS:
        raise HttpError(404, gettext("Unknown kind of scope."))
    scope = resolve_scope(kind, key)
    if not request.user.is_authenticated:
        _deny(request)
    try:
        return access.check_analyse(request.user, scope)
    except PermissionDenied:
        _deny(request)


def _scope_out(scope: Scope) -> dict[str, str]:
    return {"kind": scope.kind, "key": scope.key, "title": scope.title}


@router.get("/organisations/{slug}/recommendations",
            response={200: RecommendationsOut, 400: Error, 401: Error, 403: Error, 404: Error})
def recommendations(request: HttpRequest, slug: str, radius: str = "voivodeship",
                    limit: int = 10) -> Any:
    """Partners for an organisation (its members, coordinators and staff only), best first;
    without the partners it hid or already cooperates with (listed by slug apart)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not access.can_see_partners(request.user, organisation):
        _deny(request)
    if radius not in RADII:
        raise HttpError(400, gettext("radius must be one of: %(radii)s") % {
            "radii": ", ".join(RADII)})
    page = partner_page(organisation, radius, max(1, min(limit, MAX_LIMIT)))
    results = []
    for s in page.suggestions:
        slugs = {organisation.pk: organisation.slug, s.partner.pk: s.partner.slug}
        reasons = [{"direction": r.direction, "need_organisation": slugs[r.need_org_id],
                    "need": r.need.text, "need_category": r.need.category,
                    "offer_organisation": slugs[r.offer_org_id], "offer": r.offer.text,
                    "offer_category": r.offer.category, "sentence": render_reason(r, gettext)}
                   for r in s.recommendation.reasons]
        results.append({"organisation": s.partner.slug, "name": s.partner.name,
                         "sector": s.partner.sector, "municipality": s.partner.municipality_id,
                         "score": s.score, "mutual": s.mutual, "geo_level": s.geo_level,
                         "headline": s.headline, "reasons": reasons})
    return {"organisation": organisation.slug, "radius": radius, "indexed": page.indexed,
            "results": results, "hidden": [o.slug for o in page.hidden],
            "cooperating": [k.partner.slug for k in page.cooperating]}


@router.get("/search", response={200: SearchOut, 400: Error})
def search(request: HttpRequest, q: str, area: str = "", limit: int = 20) -> Any:
    """Organisations whose offers match a need described in Polish, in any inflected form.
    ``area``: a TERYT code or prefix (2 digits voivodeship, 4 powiat, 6 or 7 gmina)."""
    if area and (not area.isdigit() or len(area) not in (2, 4, 6, 7)):
        raise HttpError(400, gettext("area must be a TERYT code of 2, 4, 6 or 7 digits"))
    prefix = area[:6]
    helpers = find_helpers(q, prefix, max(1, min(limit, MAX_LIMIT)))
    return {"query": q, "area": prefix, "results": [
        {"organisation": h.organisation.slug, "name": h.organisation.name,
         "sector": h.organisation.sector, "municipality": h.organisation.municipality_id,
         "score": h.score, "categories": list(h.categories), "sentences": list(h.sentences)}
        for h in helpers]}


@router.get("/{kind}/{key}/matrix",
            response={200: MatrixOut, 401: Error, 403: Error, 404: Error})
def matrix(request: HttpRequest, kind: Annotated[str, one_of(SCOPE_KINDS)], key: str) -> Any:
    """Offers and needs by sector and category, and the unmet needs, of a gmina (7-digit
    code), powiat (4 digits), programme (slug) or group (id); coordinators only."""
    m = scope_matrix(_scope(request, kind, key))
    return {"scope": _scope_out(m.scope), "organisations": m.n_orgs, "sectors": list(SECTORS),
            "categories": list(CATEGORIES), "offers": m.report.offers, "needs": m.report.needs,
            "balance": [{"category": b.category, "offers": b.offers, "needs": b.needs,
                         "unmet": b.unmet, "status": b.status} for b in m.balance],
            "unmet": [{"organisation": u.organisation.slug if u.organisation else None,
                       "name": u.name, "need": u.need, "category": u.category,
                       "sentence": u.sentence} for u in m.unmet]}


@router.get("/{kind}/{key}/relations",
            response={200: NetworkOut, 401: Error, 403: Error, 404: Error})
def relations(request: HttpRequest, kind: Annotated[str, one_of(SCOPE_KINDS)], key: str,
              at: str = "now") -> Any:
    """The relationship network of a scope with its measures; coordinators only.
    ``at``: "now", or "start"/"end" of a programme or group."""
    scope = _scope(request, kind, key)
    if at not in MOMENTS or (at != "now" and not scope.has_timeline):
        raise HttpError(404, gettext("No such moment for this scope."))
    network = network_at(scope, scope_network(scope), at)
    measures = network.measures()
    key_of = {n.id: n.key for n in network.nodes}

    def node_out(node: Any, degree: int) -> dict[str, Any]:
        return {"organisation": node.key, "name": node.label, "sector": node.sector,
                "partners": degree}

    return {
        "scope": _scope_out(scope), "at": at,
        "organisations": [node_out(n, network.degree(n.id)) for n in network.nodes],
        "relations": [{"id": e.ref, "organisation_a": key_of[e.a], "organisation_b": key_of[e.b],
                       "kind": e.kind, "origin": e.origin, "programme": e.programme or None,
                       "since": e.created_at} for e in network.edges],
        "measures": {
            "organisations": measures.n_nodes, "linked_pairs": measures.n_links,
            "clusters": measures.components, "density": measures.density,
            "isolated": [n.key for n in measures.isolated],
            "missing_sector_pairs": [list(p) for p in measures.missing_pairs],
            "most_connected": [node_out(n, d) for n, d in measures.most_connected]}}
