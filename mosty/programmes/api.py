"""Programmes in the REST API: reading, creating and changing them, on the same services and
the same rule as the pages (mosty.programmes.access); mounted by mosty.api.api at
/api/programmes (which keeps /api/programmes/{slug}/editions)."""
from datetime import date
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mosty.accounts.models import User
from mosty.core.api import Error, one_of
from mosty.directory.models import Organisation
from mosty.programmes import access, services
from mosty.programmes.models import Programme, ProgrammeLanguage

router = Router(tags=["programmes"])

Language = Annotated[str, one_of(ProgrammeLanguage.values)]


class PartnerIn(Schema):
    organisation: str  # its slug
    role: str = ""


class ProgrammeIn(Schema):
    """The whole programme: fields left out take their empty value (`partners`: none)."""

    name: str
    organiser: str  # the slug of an organisation the caller belongs to
    summary: str = ""
    description: str = ""
    goals: str = ""
    audience: str = ""
    funding: str = ""
    coordinator_contact: str = ""
    website: str = ""
    start_date: date | None = None
    end_date: date | None = None
    is_public: bool = True
    languages: list[Language] = []
    partners: list[PartnerIn] = []
    # The `version` read with the programme: a change made since is refused (409).
    version: int | None = None


def _user(request: HttpRequest) -> User:
    if not isinstance(request.user, User) or not request.user.is_authenticated:
        raise HttpError(401, _("Log in or send an API token."))
    return request.user


def _organisation(slug: str, field: str) -> Organisation:
    found = Organisation.objects.filter(slug=slug).first()
    if found is None:
        raise HttpError(400, _("%(field)s: no organisation has the address “%(slug)s”.")
                        % {"field": field, "slug": slug})
    return found


def _data(body: ProgrammeIn) -> services.ProgrammeData:
    values: dict[str, Any] = body.dict(exclude={"organiser", "partners", "languages",
                                                "version"})
    return services.ProgrammeData(
        **values, organiser=_organisation(body.organiser, "organiser"),
        languages=tuple(body.languages),
        partners=tuple(services.PartnerData(_organisation(p.organisation, "partners"), p.role)
                       for p in body.partners))


class PartnerOut(Schema):
    organisation: str
    name: str
    role: str


class ProgrammeOut(Schema):
    slug: str
    name: str
    organiser: str
    partners: list[PartnerOut]
    summary: str
    description: str
    goals: list[str]
    audience: str
    funding: str
    start_date: date | None
    end_date: date | None
    coordinator_contact: str
    website: str
    is_public: bool
    languages: list[str]
    version: int


def programme_out(programme: Programme) -> dict[str, Any]:
    """The body of every programme endpoint (partnerships prefetched with organisations)."""
    return {
        "slug": programme.slug, "name": programme.name, "organiser": programme.organiser.slug,
        "partners": [{"organisation": p.organisation.slug, "name": p.organisation.name,
                      "role": p.role} for p in programme.partnerships.all()],
        "summary": programme.summary, "description": programme.description,
        "goals": programme.goal_list, "audience": programme.audience,
        "funding": programme.funding, "start_date": programme.start_date,
        "end_date": programme.end_date, "coordinator_contact": programme.coordinator_contact,
        "website": programme.website, "is_public": programme.is_public,
        "languages": programme.languages, "version": programme.version}


def _out(programme: Programme) -> dict[str, Any]:
    return programme_out(Programme.objects.select_related("organiser").prefetch_related(
        "partnerships__organisation").get(pk=programme.pk))


@router.get("", response=list[ProgrammeOut])
def list_programmes(request: HttpRequest) -> object:
    programmes = access.visible_programmes(request.user).select_related("organiser") \
        .prefetch_related("partnerships__organisation")
    return [programme_out(p) for p in programmes]


@router.get("/{slug}", response={200: ProgrammeOut, 404: Error})
def get_programme(request: HttpRequest, slug: str) -> object:
    programme, _access = access.get_programme(request.user, slug, access.Need.SEE)
    return programme_out(programme)


@router.post("", response={201: ProgrammeOut, 400: Error, 401: Error, 403: Error})
def create_programme(request: HttpRequest, body: ProgrammeIn) -> object:
    """Create a programme of an organisation the caller belongs to (coordinators; staff for
    any organisation); the caller becomes its coordinator."""
    user = _user(request)
    if not access.may_create_programmes(user):
        raise HttpError(403, _("Only coordinators create programmes."))
    try:
        programme = services.create_programme(user, _data(body))
    except services.ProgrammeError as error:
        return Status(400, {"detail": error.message})
    return Status(201, _out(programme))


@router.put("/{slug}", response={200: ProgrammeOut, 400: Error, 401: Error, 403: Error,
                                 404: Error, 409: Error})
def update_programme(request: HttpRequest, slug: str, body: ProgrammeIn) -> object:
    """Replace the programme's description and partners (its managers: 403 to those who
    see it, 404 to those who may not know it exists). Send the `version` you read: if
    someone changed the programme since, nothing is saved (409)."""
    user = _user(request)
    programme, _rights = access.get_programme(user, slug, access.Need.MANAGE)
    try:
        programme = services.update_programme(user, programme, _data(body), body.version)
    except services.ConcurrentEditError as error:
        return Status(409, {"detail": error.message})
    except services.ProgrammeError as error:
        return Status(400, {"detail": error.message})
    return _out(programme)
