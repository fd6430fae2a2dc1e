"""State changes of a programme: the programme itself (created by a coordinator, who
becomes its staff; edited by its managers), its editions, groups (with their composition rules and
members), staff, and its events as part of its agenda (details and agenda items). Views, the
API and commands call these with plain values; each is atomic, writes an audit entry (what
changed, before → after) and raises ProgrammeError with a translated message that views show
next to the field it names (or above the form)."""
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core import undo
from mosty.core.audit import Snapshot, log_action, log_change, snapshot
from mosty.core.errors import DomainError, check_model
from mosty.core.models import Deletion
from mosty.directory.models import Organisation
from mosty.programmes.access import may_create_programmes, organiser_choices, programme_access
from mosty.programmes.models import (
    AgendaItem, AreaRule, Audience, Edition, Event, Group, GroupMember, GroupRequirement,
    Programme, ProgrammeLanguage, ProgrammePartner, ProgrammeStaff, StaffRole)
from mosty.programmes.signals import event_saved


class ProgrammeError(DomainError):
    """A translated reason why a change cannot be made; `field` names the form field, if any."""


class ConcurrentEditError(ProgrammeError):
    """Someone saved the programme after this user opened the form."""

    def __init__(self) -> None:
        super().__init__(_("Someone else saved this programme while you were editing it. "
                           "Nothing was saved; your changes are still in the form. Check the "
                           "programme in another tab, then save again to overwrite it."))


@dataclass(frozen=True)
class PartnerData:
    organisation: Organisation
    role: str = ""


@dataclass(frozen=True)
class ProgrammeData:
    """A programme as its coordinator describes it; `partners` is the complete list."""

    name: str
    organiser: Organisation
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
    languages: tuple[str, ...] = ()
    partners: tuple[PartnerData, ...] = ()


PROGRAMME_FIELDS = ["name", "organiser", "summary", "description", "goals", "audience",
                    "funding", "coordinator_contact", "website", "start_date", "end_date",
                    "is_public", "languages"]
# Words of the programmes' own addresses (/programmes/new/, /programmes/events/).
RESERVED_PROGRAMME_SLUGS = {"new", "events"}


def unique_programme_slug(name: str) -> str:
    base = slugify(name.replace("ł", "l").replace("Ł", "L"))[:100].strip("-") or "program"
    taken = set(Programme.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_PROGRAMME_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _programme_record(programme: Programme) -> Snapshot:
    """What the audit log records of a programme: its fields and its partners."""
    return snapshot(programme, PROGRAMME_FIELDS) | {"partners": [
        f"{p.organisation.slug}: {p.role}".strip(" :")
        for p in programme.partnerships.select_related("organisation").order_by("id")]}


def _check_programme(actor: User, data: ProgrammeData, programme: Programme | None) -> None:
    if not data.name.strip():
        raise ProgrammeError(_("Give the programme a name."), field="name")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ProgrammeError(_("The end must not come before the start."), field="end_date")
    if not organiser_choices(actor, programme).filter(pk=data.organiser.pk).exists():
        raise ProgrammeError(_("You may name as the organiser only an organisation you "
                               "belong to."), field="organiser")
    unknown = set(data.languages) - set(ProgrammeLanguage.values)
    if unknown:
        raise ProgrammeError(_("Choose the languages from the list."), field="languages")
    partners = [partner.organisation.pk for partner in data.partners]
    if data.organiser.pk in partners:
        raise ProgrammeError(_("The organiser is not also its own partner."), field="partners")
    if len(set(partners)) != len(partners):
        raise ProgrammeError(_("Each partner is named once."), field="partners")


def _apply_programme(programme: Programme, data: ProgrammeData) -> None:
    for name in PROGRAMME_FIELDS:
        value = getattr(data, name)
        setattr(programme, name, value.strip() if isinstance(value, str) else value)
    programme.languages = [code for code in ProgrammeLanguage.values if code in data.languages]
    check_model(programme, ProgrammeError, ["slug", "partners"])


def _save_partners(programme: Programme, partners: tuple[PartnerData, ...]) -> None:
    existing = {p.organisation_id: p for p in programme.partnerships.all()}
    wanted = {partner.organisation.pk: partner.role.strip() for partner in partners}
    programme.partnerships.exclude(organisation_id__in=wanted).delete()
    for organisation_id, role in wanted.items():
        partnership = existing.get(organisation_id)
        if partnership is None:
            ProgrammePartner.objects.create(programme=programme, organisation_id=organisation_id,
                                            role=role[:200])
        elif partnership.role != role:
            partnership.role = role[:200]
            partnership.save(update_fields=["role"])


@transaction.atomic
def create_programme(actor: User, data: ProgrammeData) -> Programme:
    """A new programme of `data.organiser`; its creator becomes its coordinator."""
    if not may_create_programmes(actor):
        raise ProgrammeError(_("Only coordinators create programmes."))
    _check_programme(actor, data, None)
    programme = Programme(slug=unique_programme_slug(data.name))
    _apply_programme(programme, data)
    programme.save()
    _save_partners(programme, data.partners)
    ProgrammeStaff.objects.create(programme=programme, user=actor, role=StaffRole.COORDINATOR)
    log_change(actor, "programmes.programme.created", programme,
               after=_programme_record(programme))
    return programme


@transaction.atomic
def update_programme(actor: User, programme: Programme, data: ProgrammeData,
                     expected_version: int | None = None) -> Programme:
    """Change the programme, unless someone saved it since the user read `expected_version`
    (None: overwrite whatever is there). Who may is the caller's check (Need.MANAGE)."""
    # One UPDATE both checks and bumps the version: of two saves at the same moment, the
    # second finds the version changed.
    current = Programme.objects.filter(pk=programme.pk)
    if expected_version is not None:
        current = current.filter(version=expected_version)
    programme = Programme.objects.select_related("organiser").get(pk=programme.pk)
    if not programme_access(actor, programme).manage:
        raise ProgrammeError(_("Only the programme's coordinators change it."))
    _check_programme(actor, data, programme)
    if not current.update(version=F("version") + 1):
        raise ConcurrentEditError()
    programme.refresh_from_db(fields=["version"])
    before = _programme_record(programme)
    _apply_programme(programme, data)
    programme.save()
    _save_partners(programme, data.partners)
    log_change(actor, "programmes.programme.updated", programme, before,
               after=_programme_record(programme), version=programme.version)
    return programme


@dataclass(frozen=True)
class EditionData:
    name: str
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class RequirementData:
    """At least `minimum` members of these sectors and/or kinds (see programmes/rules.py)."""

    label: str
    minimum: int = 1
    sectors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupData:
    name: str
    area_rule: str = AreaRule.ANY
    requirements: tuple[RequirementData, ...] = field(default_factory=tuple)


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{"name": [old, new]} for every value that changed (all of them for a new object)."""
    return {key: [before.get(key), value] for key, value in after.items()
            if before.get(key) != value}


def _edition_values(edition: Edition) -> dict[str, Any]:
    return {"name": edition.name,
            "start_date": edition.start_date.isoformat() if edition.start_date else None,
            "end_date": edition.end_date.isoformat() if edition.end_date else None}


@transaction.atomic
def save_edition(actor: User | None, programme: Programme, data: EditionData,
                 edition: Edition | None = None) -> Edition:
    """Create an edition of the programme, or change `edition` (which must belong to it)."""
    name = data.name.strip()
    if not name:
        raise ProgrammeError(_("Give the edition a name."), field="name")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ProgrammeError(_("The end must not come before the start."), field="end_date")
    if edition is not None and edition.programme_id != programme.pk:
        raise ProgrammeError(_("The edition belongs to another programme."))
    same_name = Edition.objects.filter(programme=programme, name=name)
    if edition is not None and edition.pk is not None:
        same_name = same_name.exclude(pk=edition.pk)
    if same_name.exists():
        raise ProgrammeError(_("The programme already has an edition with this name."),
                             field="name")
    creating = edition is None or edition.pk is None
    if edition is None or edition.pk is None:
        edition, before = Edition(programme=programme), {}
    else:  # read again: a bound ModelForm has already changed the instance it was given
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        before = _edition_values(edition)
    edition.name, edition.start_date, edition.end_date = name, data.start_date, data.end_date
    edition.programme = programme
    edition.save()
    log_action(actor, "programmes.edition.created" if creating else "programmes.edition.updated",
               edition, changes=_changes(before, _edition_values(edition)))
    return edition


def _rule_values(requirement: GroupRequirement | RequirementData) -> dict[str, Any]:
    return {"label": requirement.label, "minimum": requirement.minimum,
            "sectors": list(requirement.sectors), "kinds": list(requirement.kinds)}


def _group_values(group: Group) -> dict[str, Any]:
    return {"name": group.name, "area_rule": group.area_rule,
            "rules": [_rule_values(rule) for rule in group.requirements.order_by("id")]}


@transaction.atomic
def save_group(actor: User | None, edition: Edition, data: GroupData,
               group: Group | None = None) -> Group:
    """Create a group of the edition, or change `group`; its composition rules become
    `data.requirements` (in that order)."""
    name = data.name.strip()
    if not name:
        raise ProgrammeError(_("Give the group a name."), field="name")
    if data.area_rule not in AreaRule.values:
        raise ProgrammeError(_("Choose one of the area rules."), field="area_rule")
    for rule in data.requirements:
        if not rule.sectors and not rule.kinds:
            raise ProgrammeError(_("Tick the sectors or kinds this rule counts."))
    if group is not None and group.pk is not None and group.edition_id != edition.pk:
        raise ProgrammeError(_("The group belongs to another edition."))
    creating = group is None or group.pk is None
    if group is None or group.pk is None:
        group, before = Group(edition=edition), {}
    else:  # read again: a bound ModelForm has already changed the instance it was given
        group = Group.objects.select_for_update().get(pk=group.pk)
        before = _group_values(group)
    group.edition, group.name, group.area_rule = edition, name, data.area_rule
    group.save()
    rules = [_rule_values(rule) for rule in data.requirements]
    if before.get("rules") != rules:
        group.requirements.all().delete()
        GroupRequirement.objects.bulk_create(
            GroupRequirement(group=group, **values) for values in rules)
    log_action(actor, "programmes.group.created" if creating else "programmes.group.updated",
               group, changes=_changes(before, _group_values(group)))
    return group


def _require_confirmed(person: User, field: str) -> None:
    """Rights in a programme go only to an address its owner has confirmed: whoever signs up
    first with someone else's address must not receive them."""
    if not person.email_confirmed:
        raise ProgrammeError(_("%(email)s has not confirmed this e-mail address yet. Ask the "
                               "person to open the link Mosty sent them, then try again.")
                             % {"email": person.email}, field=field)


@transaction.atomic
def add_group_member(actor: User | None, group: Group, organisation: Organisation,
                     people: list[User] | None = None) -> GroupMember:
    """Add an organisation to a group (or more of its people, if it is already in it)."""
    member, created = GroupMember.objects.get_or_create(group=group, organisation=organisation)
    if not created and not people:
        raise ProgrammeError(_("%(name)s is already in this group.")
                             % {"name": organisation.name}, field="organisation")
    before = [] if created else sorted(member.people.values_list("email", flat=True))
    for person in people or []:
        _require_confirmed(person, "people")
    if people:
        member.people.add(*people)
    log_action(actor, "programmes.group.member_added", group, organisation=organisation.slug,
               people=[person.email for person in people or []],
               changes={"people": [before, sorted(member.people.values_list("email", flat=True))]})
    return member


@transaction.atomic
def remove_group_member(actor: User, member: GroupMember, back_url: str) -> Deletion:
    """Take an organisation out of a group; applications assigned there lose the assignment
    (and get it back if `actor` undoes it within mosty.core.undo's few minutes)."""
    group = member.group
    log_action(actor, "programmes.group.member_removed", group,
               organisation=member.organisation.slug,
               changes={"organisation": [member.organisation.slug, None]})
    return undo.delete(actor, member, back_url=back_url,
                       label=f"{member.organisation.name} ({group.name})")


@transaction.atomic
def add_staff(actor: User | None, programme: Programme, person: User, role: str,
              expertise: str = "") -> ProgrammeStaff:
    """Make someone a coordinator or facilitator of the programme."""
    if role not in StaffRole.values:
        raise ProgrammeError(_("Choose coordinator or facilitator."), field="role")
    _require_confirmed(person, "email")
    staff, created = ProgrammeStaff.objects.get_or_create(
        programme=programme, user=person, role=role, defaults={"expertise": expertise})
    if not created:
        raise ProgrammeError(_("%(person)s already has this role.") % {"person": person},
                             field="email")
    log_action(actor, "programmes.staff.added", programme, person=person.email, role=role,
               changes={"role": [None, role]})
    return staff


@transaction.atomic
def remove_staff(actor: User, staff: ProgrammeStaff, back_url: str) -> Deletion:
    """Take a role in the programme away from someone; `actor` may undo it for a few
    minutes (mosty.core.undo)."""
    log_action(actor, "programmes.staff.removed", staff.programme, person=staff.user.email,
               role=staff.role, changes={"role": [staff.role, None]})
    return undo.delete(actor, staff, back_url=back_url,
                       label=f"{staff.user}: {staff.get_role_display()}")


# Words used by the events' own addresses (/events/mine/, /events/programme/…).
RESERVED_SLUGS = {"mine", "calendar", "programme"}


def unique_event_slug(title: str) -> str:
    """A readable, unique address for an event ("warsztat-1-integracja-2")."""
    base = slugify(title.replace("ł", "l").replace("Ł", "L"))[:100].strip("-") or "wydarzenie"
    taken = set(Event.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@dataclass(frozen=True)
class AgendaItemInput:
    """A point of the agenda; `id` names an existing one of the event."""

    title: str
    day: int = 1
    starts_at: time | None = None
    ends_at: time | None = None
    facilitator: str = ""
    method: str = ""
    id: int | None = None


@dataclass(frozen=True)
class EventInput:
    """An event as its organiser wants it. `agenda` is the complete list: the event's items
    left out are deleted; None leaves them as they are."""

    title: str
    kind: str
    start: datetime
    end: datetime
    audience: str = Audience.ALL
    place: str = ""
    online_link: str = ""
    capacity: int | None = None
    edition: Edition | None = None
    group: Group | None = None
    description: str = ""
    agenda: list[AgendaItemInput] | None = None


EVENT_FIELDS = ["title", "kind", "start", "end", "place", "online_link", "capacity",
                "audience", "edition", "group", "description"]


class EventError(ProgrammeError):
    """A translated reason why an event cannot be saved."""


def _check_event(event: Event, data: EventInput) -> None:
    if data.end < data.start:
        raise EventError(_("The event cannot end before it starts."), "end")
    if data.audience == Audience.GROUP and data.group is None:
        raise EventError(_("Choose the group the event is for."), "group")
    if data.edition and data.edition.programme_id != event.programme_id:
        raise EventError(_("This edition belongs to another programme."), "edition")
    if data.group and (data.group.edition.programme_id != event.programme_id or (
            data.edition and data.group.edition_id != data.edition.pk)):
        raise EventError(_("This group belongs to another edition."), "group")


def _save_agenda(event: Event, items: list[AgendaItemInput]) -> None:
    existing = {item.pk: item for item in event.agenda_items.all()}
    kept = {item.id for item in items if item.id in existing}
    AgendaItem.objects.filter(pk__in=[pk for pk in existing if pk not in kept]).delete()
    for item in items:
        row = existing[item.id] if item.id in kept else AgendaItem(event=event)
        for name, value in asdict(item).items():
            if name != "id":
                setattr(row, name, value)
        try:
            check_model(row, EventError, ["event"])
        except EventError as error:
            # An agenda item's field is not a field of the event form.
            raise EventError(error.message) from error
        row.save()


def _event_record(event: Event) -> Snapshot:
    """What the audit log records of an event: its fields and its agenda."""
    return snapshot(event, EVENT_FIELDS) | {
        "agenda": [f"{item.time_range} {item.title}".strip()
                   for item in event.agenda_items.all()]}


@transaction.atomic
def save_event(actor: User | None, event: Event, data: EventInput) -> Event:
    """Create (`event` unsaved, its programme set) or change an event and its agenda.

    Then `programmes.signals.event_saved` lets the events app do its part: a group event
    invites the group; a raised capacity moves the waiting list up.
    """
    creating = event.pk is None
    if not creating:
        event = Event.objects.select_for_update().get(pk=event.pk)
    before = None if creating else _event_record(event)
    old_capacity = event.capacity
    _check_event(event, data)
    for name in EVENT_FIELDS:
        setattr(event, name, getattr(data, name))
    if creating:
        event.slug = unique_event_slug(event.title)
    if event.group and not event.edition_id:
        event.edition_id = event.group.edition_id
    check_model(event, EventError, ["programme", "slug"])
    event.save()
    if data.agenda is not None:
        _save_agenda(event, data.agenda)
    log_change(actor, "events.event.created" if creating else "events.event.updated", event,
               before, after=_event_record(event), programme=event.programme.slug)
    event_saved.send(sender=Event, actor=actor, event=event, created=creating,
                     old_capacity=None if creating else old_capacity)
    return event
