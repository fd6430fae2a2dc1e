from datetime import date, datetime
from typing import Annotated

from ninja import Schema

from mosty.core.api import choices_of
from mosty.directory.models import Organisation, Resource, Territory
from mosty.programmes.api import PartnerOut, ProgrammeOut  # noqa: F401  (the API's schemas)
from mosty.programmes.models import Event, Group


class TerritoryOut(Schema):
    code: str
    name: str
    level: Annotated[str, choices_of(Territory, "level")]
    kind: str


class ResourceOut(Schema):
    kind: Annotated[str, choices_of(Resource, "kind")]
    category: Annotated[str, choices_of(Resource, "category")]
    category_label: str
    description: str
    conditions: str
    cost: Annotated[str, choices_of(Resource, "cost")]


class ContactOut(Schema):
    name: str
    position: str
    email: str
    phone: str
    is_public: bool


class OrganisationOut(Schema):
    slug: str
    name: str
    sector: Annotated[str, choices_of(Organisation, "sector")]
    kind: Annotated[str, choices_of(Organisation, "kind")]
    municipality: str | None
    municipality_name: str | None
    address: str
    website: str
    email: str
    phone: str
    description: str
    krs: str
    regon: str
    nip: str
    resources: list[ResourceOut]
    contacts: list[ContactOut]
    url: str


class OrganisationPage(Schema):
    count: int
    page: int
    pages: int
    results: list[OrganisationOut]


class EventOut(Schema):
    slug: str
    programme: str
    title: str
    kind: Annotated[str, choices_of(Event, "kind")]
    start: datetime
    end: datetime
    place: str
    audience: Annotated[str, choices_of(Event, "audience")]
    description: str
    agenda: list[str]


class GroupMemberOut(Schema):
    organisation: str
    name: str
    sector: Annotated[str, choices_of(Organisation, "sector")]
    kind: Annotated[str, choices_of(Organisation, "kind")]
    municipality: str | None


class GroupOut(Schema):
    id: int
    name: str
    area_rule: Annotated[str, choices_of(Group, "area_rule")]
    members: list[GroupMemberOut] | None  # only for the programme's staff
    problems: list[str] | None  # composition rules the group breaks; staff only


class EditionOut(Schema):
    id: int
    name: str
    start_date: date | None
    end_date: date | None
    groups: list[GroupOut]
