"""The REST API: the same objects and the same permissions as the pages.

OpenAPI description at /api/openapi.json, interactive docs at /api/docs.
"""
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext, ngettext
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema, Status, Swagger
from ninja.errors import Throttled
from ninja.openapi.schema import OpenAPISchema

from mosty.core.forms import bounded_search
from mosty.api.throttling import ApiRateThrottle
from mosty.api.schemas import (
    EditionOut, EventOut, OrganisationOut, OrganisationPage, TerritoryOut)
from mosty.core.api import PUBLIC, Error, choices_of, form_errors
from mosty.directory import access
from mosty.directory.forms import DirectoryFilterForm
from mosty.directory.models import Organisation, Resource
from mosty.directory.queries import filtered_organisations, with_profile_lists
from mosty.directory.territories import search_gminas
from mosty.programmes.models import Event, Group
from mosty.programmes.rules import MemberFacts, Requirement, check_group
from mosty.events.access import visible_events
from mosty.programmes.access import Need, get_programme as programme_for

TOO_MANY_REQUESTS = {
    "description": "Too many requests from this account (or, without one, from this address); "
                   "try again after the number of seconds in Retry-After.",
    "headers": {"Retry-After": {"description": "Seconds to wait.",
                                "schema": {"type": "integer"}}},
    "content": {"application/json": {"schema": {
        "type": "object", "properties": {"detail": {"type": "string"}},
        "required": ["detail"]}}},
}
ERROR_BODY = {"type": "object", "properties": {"detail": {"type": "string"}},
              "required": ["detail"]}
VALIDATION_BODY = {"type": "object", "required": ["detail"], "properties": {"detail": {
    "type": "array", "items": {"type": "object", "required": ["type", "loc", "msg"]}}}}


class MostyApi(NinjaAPI):
    """Documents the answers every operation may give besides its own: 429 when rate-limited
    (see mosty.api.throttling); 401 to a token that does not match and 403 to a session cookie
    without the CSRF token on a write (the authentication classes answer both before the view
    runs); 422 to parameters or a body that do not fit the schema (ninja's validation)."""

    def get_openapi_schema(self, *, path_prefix: str | None = None,
                           path_params: dict | None = None) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                responses.setdefault(429, TOO_MANY_REQUESTS)
                security = {name for option in operation.get("security", []) for name in option}
                if security:
                    responses.setdefault(401, _response(
                        "The token is not valid, or the operation needs one.", ERROR_BODY))
                if "SessionAuth" in security and method != "get":
                    responses.setdefault(403, _response(
                        "Signed in by the session cookie without the CSRF token.", ERROR_BODY))
                if operation.get("parameters") or operation.get("requestBody"):
                    responses.setdefault(422, _response(
                        "A parameter or the body does not fit the schema.", VALIDATION_BODY))
        return schema


def _response(description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": body}}}


# No deep links: Swagger UI would put each operation's link inside its expand button (a link in
# a button, which screen readers and keyboards cannot use; axe's nested-interactive).
api = MostyApi(title="Mosty API", version="1", urls_namespace="api", auth=PUBLIC,
               docs=Swagger(settings={"deepLinking": False}),
               throttle=[ApiRateThrottle()],
               description="Organisations, their resources and needs, programmes and events. "
                           "Public data needs no token; send `Authorization: Bearer <token>` "
                           "(tokens are created on the account page) to see what your account "
                           "may see. Calls are limited per account, and per address without "
                           "one; too many answer 429 with Retry-After.")

PAGE_SIZE = 50


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    """The access rules raise what the pages raise; the API answers 401 to a request without
    a token (where a page would ask to log in) and 403 otherwise."""
    if not request.user.is_authenticated:
        return api.create_response(
            request, {"detail": gettext("Log in or send an API token.")}, status=401)
    return api.create_response(
        request, {"detail": str(exc) or gettext("You may not see this.")}, status=403)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    """The rate limit was reached; ninja adds Retry-After to this response."""
    seconds = max(1, int(exc.wait or 1))
    return api.create_response(request, {"detail": ngettext(
        "Too many requests. Try again in %(seconds)d second.",
        "Too many requests. Try again in %(seconds)d seconds.", seconds) % {
            "seconds": seconds}}, status=429)


class OrganisationFilters(Schema):
    q: str = ""
    sector: Annotated[str, choices_of(Organisation, "sector", blank=True)] = ""
    kind: Annotated[str, choices_of(Organisation, "kind", blank=True)] = ""
    voivodeship: str = ""
    powiat: str = ""
    gmina: str = ""
    category: Annotated[str, choices_of(Resource, "category", blank=True)] = ""
    resource_kind: str = ""
    page: int = 1


def organisation_out(request: HttpRequest, org: Organisation) -> dict:
    return {
        "slug": org.slug, "name": org.name, "sector": org.sector, "kind": org.kind,
        "municipality": org.municipality_id,
        "municipality_name": org.municipality.name if org.municipality else None,
        "address": org.address, "website": org.website, "email": org.email,
        "phone": org.phone, "description": org.description, "krs": org.krs,
        "regon": org.regon, "nip": org.nip,
        "resources": [{"kind": r.kind, "category": r.category,
                       "category_label": r.get_category_display(), "description": r.description,
                       "conditions": r.conditions, "cost": r.cost} for r in org.resources.all()],
        "contacts": [{"name": c.name, "position": c.position, "email": c.email, "phone": c.phone,
                      "is_public": c.is_public}
                     for c in access.visible_contacts(request.user, org)],
        "url": request.build_absolute_uri(org.get_absolute_url()),
    }


@api.get("/organisations", response={200: OrganisationPage, 400: Error}, tags=["directory"])
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilters]) -> object:
    """Organisations matching the same filters as the directory page, 50 a page."""
    form = DirectoryFilterForm(filters.dict(exclude={"page"}))
    if not form.is_valid():
        return Status(400, {"detail": form_errors(form)})
    paginator = Paginator(with_profile_lists(filtered_organisations(form)), PAGE_SIZE)
    page = paginator.get_page(filters.page)
    return {"count": paginator.count, "page": page.number, "pages": paginator.num_pages,
            "results": [organisation_out(request, org) for org in page.object_list]}


@api.get("/organisations/{slug}", response={200: OrganisationOut, 404: Error},
         tags=["directory"])
def get_organisation(request: HttpRequest, slug: str) -> object:
    org = get_object_or_404(with_profile_lists(
        Organisation.objects.select_related("municipality")), slug=slug)
    return organisation_out(request, org)


@api.get("/gminas", response=list[TerritoryOut], tags=["directory"])
def find_gminas(request: HttpRequest, q: str) -> object:
    """Gminas whose name starts with `q` (or whose TERYT code starts with it)."""
    return [{"code": g.code, "name": g.name, "level": g.level, "kind": g.kind_label}
            for g in search_gminas(bounded_search(q))]


def event_out(event: Event) -> dict:
    return {"slug": event.slug, "programme": event.programme.slug, "title": event.title,
            "kind": event.kind, "start": event.start, "end": event.end, "place": event.place,
            "audience": event.audience, "description": event.description,
            "agenda": [f"{item.time_range} {item.title}".strip()
                       for item in event.agenda_items.all()]}


@api.get("/programmes/{slug}/editions", response={200: list[EditionOut], 404: Error},
         tags=["programmes"])
def list_editions(request: HttpRequest, slug: str) -> object:
    """Editions and their groups; which organisations are in a group, and which rules a
    group breaks, only for the programme's coordinators and facilitators."""
    programme, access_ = programme_for(request.user, slug, Need.SEE)
    private = access_.see_private
    editions = programme.editions.prefetch_related(
        "groups__requirements", "groups__members__organisation__municipality")
    return [{"id": e.pk, "name": e.name, "start_date": e.start_date, "end_date": e.end_date,
             "groups": [group_out(g, private) for g in e.groups.all()]} for e in editions]


def group_out(group: Group, private: bool) -> dict:
    members = [m.organisation for m in group.members.all()]
    return {
        "id": group.pk, "name": group.name, "area_rule": group.area_rule,
        "members": [{"organisation": o.slug, "name": o.name, "sector": o.sector, "kind": o.kind,
                     "municipality": o.municipality_id} for o in members] if private else None,
        "problems": group_problems(group, members) if private else None,
    }


def group_problems(group: Group, members: list[Organisation]) -> list[str]:
    requirements = [Requirement(r.label, tuple(r.sectors), tuple(r.kinds), r.minimum)
                    for r in group.requirements.all()]
    facts = [MemberFacts(o.name, o.sector, o.kind, o.municipality_id) for o in members]
    return check_group(group.area_rule, requirements, facts)


@api.get("/events", response={200: list[EventOut], 400: Error}, tags=["programmes"])
def list_events(request: HttpRequest, programme: str = "") -> object:
    """Events the user may see: of visible programmes, and those they are invited to or
    registered for (as on the pages)."""
    events = visible_events(request.user).select_related("programme") \
        .prefetch_related("agenda_items")
    if programme:
        events = events.filter(programme__slug=programme)
    return [event_out(e) for e in events]


@api.get("/events/{slug}", response={200: EventOut, 404: Error}, tags=["programmes"])
def get_event(request: HttpRequest, slug: str) -> object:
    event = get_object_or_404(visible_events(request.user).select_related("programme"),
                              slug=slug)
    return event_out(event)


from mosty.programmes.api import router as programmes_router  # noqa: E402

api.add_router("/programmes", programmes_router)

from mosty.events.api import events_router  # noqa: E402

api.add_router("", events_router)


from mosty.recruitment.api import router as recruitment_router  # noqa: E402

api.add_router("/recruitment", recruitment_router)

api.add_router("/matching", "mosty.matching.api.router")
api.add_router("/networking", "mosty.networking.api.router")
api.add_router("/knowledge", "mosty.knowledge.api.router")
api.add_router("/agreements", "mosty.agreements.api.router")
api.add_router("/initiatives", "mosty.initiatives.api.router")
api.add_router("/cooperation", "mosty.cooperation.api.router")
api.add_router("/surveys", "mosty.surveys.api.router")
