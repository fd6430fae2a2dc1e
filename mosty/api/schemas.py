from datetime import date, datetime

from ninja import Schema


class TerritoryOut(Schema):
    code: str
    name: str
    level: str
    kind: str


class ResourceOut(Schema):
    kind: str
    category: str
    category_label: str
    description: str
    conditions: str
    cost: str


class ContactOut(Schema):
    name: str
    position: str
    email: str
    phone: str
    is_public: bool


class OrganisationOut(Schema):
    slug: str
    name: str
    sector: str
    kind: str
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


class PartnerOut(Schema):
    organisation: str
    name: str
    role: str


class EventOut(Schema):
    slug: str
    programme: str
    title: str
    kind: str
    start: datetime
    end: datetime
    place: str
    audience: str
    description: str
    agenda: list[str]


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


class GroupMemberOut(Schema):
    organisation: str
    name: str
    sector: str
    kind: str
    municipality: str | None


class GroupOut(Schema):
    id: int
    name: str
    area_rule: str
    members: list[GroupMemberOut] | None  # only for the programme's staff
    problems: list[str] | None  # composition rules the group breaks; staff only


class EditionOut(Schema):
    id: int
    name: str
    start_date: date | None
    end_date: date | None
    groups: list[GroupOut]
