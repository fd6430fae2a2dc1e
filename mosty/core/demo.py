"""Loading the demo content: the five seed programmes, their organisations and demo accounts.

Idempotent: everything is keyed by slug (or e-mail), so running it twice changes nothing.
"""
from dataclasses import dataclass
import re
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from mosty.accounts.models import Role, User
from mosty.core import demo_data
from mosty.directory.models import ContactPerson, Membership, Organisation, Resource
from mosty.directory.services import search_text_for
from mosty.programmes.models import AgendaItem, Event, Programme, ProgrammePartner

DEMO_PASSWORD = "mosty-demo-2026"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    role: str
    organisation: str | None = None
    is_staff: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("koordynator@mosty.example", "Katarzyna Koordynator", Role.COORDINATOR,
                "mik"),
    DemoAccount("uczestnik@mosty.example", "Piotr Uczestnik", Role.PARTICIPANT,
                "mbp-smigiel"),
    DemoAccount("moderator@mosty.example", "Ewa Moderatorka", Role.FACILITATOR),
    DemoAccount("urzednik@mosty.example", "Jan Urzędnik", Role.OFFICIAL, "um-poznan"),
    DemoAccount("admin@mosty.example", "Administrator Mosty", Role.COORDINATOR, None, True),
]


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


def _aware(value: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(value))


def _load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for data in demo_data.ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            slug=data["slug"],
            defaults={key: data.get(key) or "" for key in (
                "name", "sector", "kind", "address", "website", "email", "phone",
                "description", "krs", "regon", "nip")} | {
                "municipality_id": data.get("teryt") or None})
        organisation.contacts.all().delete()
        ContactPerson.objects.bulk_create([
            ContactPerson(organisation=organisation, name=c["name"], position=c.get("role", ""),
                          email=c.get("email", ""), phone=c.get("phone", ""),
                          is_public=bool(c.get("public")))
            for c in data.get("contacts", [])])
        organisation.resources.all().delete()
        resources = [Resource(organisation=organisation, kind=kind, category=item["category"],
                              description=item["description"],
                              conditions=item.get("conditions", ""), cost=item.get("cost", ""))
                     for kind, key in (("offer", "resources"), ("need", "needs"))
                     for item in data.get(key, [])]
        Resource.objects.bulk_create(resources)
        organisation.search_text = search_text_for(organisation, resources)
        organisation.save(update_fields=["search_text"])
        organisations[organisation.slug] = organisation
    return organisations


def _load_programmes(organisations: dict[str, Organisation]) -> None:
    for data in demo_data.PROGRAMMES:
        programme, _created = Programme.objects.update_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "organiser": organisations[data["organiser"]],
                      "summary": data.get("summary", ""),
                      "description": data.get("description", ""),
                      "goals": "\n".join(data.get("goals", [])),
                      "audience": data.get("audience", ""), "funding": data.get("funding", ""),
                      "coordinator_contact": data.get("coordinator_contact", ""),
                      "website": data.get("website", ""),
                      "start_date": date.fromisoformat(data["start"]),
                      "end_date": date.fromisoformat(data["end"]), "is_public": True})
        programme.partnerships.all().delete()
        ProgrammePartner.objects.bulk_create([
            ProgrammePartner(programme=programme, organisation=organisations[p["org"]],
                             role=p.get("role", "")) for p in data.get("partners", [])])
    programmes = {p.slug: p for p in Programme.objects.all()}
    for data in demo_data.EVENTS:
        event, _created = Event.objects.update_or_create(
            slug=data["slug"],
            defaults={"programme": programmes[data["programme"]], "title": data["title"],
                      "kind": data["kind"], "start": _aware(data["start"]),
                      "end": _aware(data["end"]), "place": data.get("place", ""),
                      "audience": data.get("audience", "all"),
                      "description": data.get("description", "")})
        event.agenda_items.all().delete()
        AgendaItem.objects.bulk_create([agenda_item(event, line)
                                        for line in data.get("agenda", [])])


def _load_accounts(organisations: dict[str, Organisation]) -> list[DemoAccount]:
    for account in DEMO_ACCOUNTS:
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
    return DEMO_ACCOUNTS


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    organisations = _load_organisations()
    _load_programmes(organisations)
    return _load_accounts(organisations)
