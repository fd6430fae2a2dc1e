"""The seed programmes with their events, their organisations and the demo accounts, from
the files under ``mosty/demo/data/``.

Idempotent: everything is keyed by slug (or e-mail), so running it twice changes nothing.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone

from mosty.accounts.models import Role, User
from mosty.demo import content
from mosty.directory.models import ContactPerson, Membership, Organisation, Resource
from mosty.directory.services import search_text_for
from mosty.programmes.models import AgendaItem, Event, Programme, ProgrammePartner

DEMO_PASSWORD = "mosty-demo-2026"

ORGANISATION_FIELDS = ("name", "sector", "kind", "address", "website", "email", "phone",
                       "description", "krs", "regon", "nip")


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: str
    organisation: str | None = None
    is_staff: bool = False


AGENDA_LINE = re.compile(r"^(?:dzień (?P<day>\d)[,:]?\s*)?(?P<start>\d{1,2}[:.]\d{2})"
                         r"(?:\s*[–-]\s*(?P<end>\d{1,2}[:.]\d{2}))?\s*(?P<title>.*)$",
                         re.IGNORECASE)


def agenda_item(event: Event, line: str) -> AgendaItem:
    """'10:00–11:30 Powitanie' -> an agenda module with its times."""
    match = AGENDA_LINE.match(line.strip())
    if not match:
        return AgendaItem(event=event, title=line.strip()[:255])

    def as_time(text: str | None) -> time | None:
        return time.fromisoformat(text.replace(".", ":").zfill(5)) if text else None

    return AgendaItem(event=event, day=int(match["day"] or 1), starts_at=as_time(match["start"]),
                      ends_at=as_time(match["end"]), title=match["title"].strip(" –-")[:255])


def _aware(value: object) -> datetime:
    """'2019-04-09 10:00' (Polish local time) -> an aware datetime."""
    return timezone.make_aware(datetime.fromisoformat(str(value)))


def _date(value: object) -> date:
    """YAML reads 2019-01-01 as a date already; a quoted one stays text."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _resource_rows(resources: list[Resource]) -> list[tuple[str, ...]]:
    return [(r.kind, r.category, r.description, r.conditions, r.cost) for r in resources]


def _load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for data in content.organisations():
        organisation, _created = Organisation.objects.update_or_create(
            slug=data["slug"],
            defaults={key: data.get(key) or "" for key in ORGANISATION_FIELDS} | {
                "municipality_id": str(data.get("teryt") or "") or None})
        organisation.contacts.all().delete()
        ContactPerson.objects.bulk_create([
            ContactPerson(organisation=organisation, name=c["name"], position=c.get("role", ""),
                          email=c.get("email", ""), phone=c.get("phone", ""),
                          is_public=bool(c.get("public")))
            for c in data.get("contacts", [])])
        resources = [Resource(organisation=organisation, kind=kind, category=item["category"],
                              description=item["description"],
                              conditions=item.get("conditions", ""), cost=item.get("cost", ""))
                     for kind, key in (("offer", "resources"), ("need", "needs"))
                     for item in data.get(key, [])]
        # Rewritten only when the file changed: agreements' contributions point at them.
        if _resource_rows(list(organisation.resources.order_by("pk"))) != \
                _resource_rows(resources):
            organisation.resources.all().delete()
            Resource.objects.bulk_create(resources)
        organisation.search_text = search_text_for(organisation, resources)
        organisation.save(update_fields=["search_text"])
        organisations[organisation.slug] = organisation
    return organisations


def _load_programme(data: dict[str, Any], organisations: dict[str, Organisation]) -> Programme:
    programme, _created = Programme.objects.update_or_create(
        slug=data["slug"],
        defaults={"name": data["name"], "organiser": organisations[data["organiser"]],
                  "summary": data.get("summary", ""),
                  "description": data.get("description", ""),
                  "goals": "\n".join(data.get("goals", [])),
                  "audience": data.get("audience", ""), "funding": data.get("funding", ""),
                  "coordinator_contact": data.get("coordinator_contact", ""),
                  "website": data.get("website", ""),
                  "start_date": _date(data["start"]), "end_date": _date(data["end"]),
                  "is_public": True})
    programme.partnerships.all().delete()
    ProgrammePartner.objects.bulk_create([
        ProgrammePartner(programme=programme, organisation=organisations[p["org"]],
                         role=p.get("role", "")) for p in data.get("partners", [])])
    return programme


def _load_event(data: dict[str, Any], programme: Programme) -> None:
    event, _created = Event.objects.update_or_create(
        slug=data["slug"],
        defaults={"programme": programme, "title": data["title"], "kind": data["kind"],
                  "start": _aware(data["start"]), "end": _aware(data["end"]),
                  "place": data.get("place", ""), "audience": data.get("audience", "all"),
                  "description": data.get("description", "")})
    event.agenda_items.all().delete()
    AgendaItem.objects.bulk_create([agenda_item(event, line) for line in data.get("agenda", [])])


def _load_accounts(organisations: dict[str, Organisation]) -> list[DemoAccount]:
    accounts = [DemoAccount(a["email"], a["full_name"], Role(a["role"]), a.get("organisation"),
                            bool(a.get("staff"))) for a in content.accounts()]
    for account in accounts:
        user = User.objects.filter(email=account.email).first()
        if user is None:
            user = User.objects.create_user(account.email, DEMO_PASSWORD)
        user.full_name = account.full_name
        user.role = account.role
        user.is_staff = user.is_superuser = account.is_staff
        user.set_password(DEMO_PASSWORD)
        user.save()
        if account.organisation:
            Membership.objects.get_or_create(user=user,
                                             organisation=organisations[account.organisation])
    return accounts


@transaction.atomic
def load_seeds() -> list[DemoAccount]:
    """Load the organisations, the seed programmes with their events, and the demo accounts
    (returned, for the command to print)."""
    organisations = _load_organisations()
    for seed in content.programmes():
        programme = _load_programme(seed["programme"], organisations)
        for event in seed.get("events", []):
            _load_event(event, programme)
    return _load_accounts(organisations)
