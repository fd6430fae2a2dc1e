"""Coordinators and facilitators change events: details and agenda, files, conclusions."""
from dataclasses import asdict, dataclass
from datetime import datetime, time
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.core.audit import Snapshot, log_action, log_change, snapshot
from mosty.core.errors import DomainError, check_model
from mosty.events import services
from mosty.events.models import Conclusions, EventFile, FileKind
from mosty.programmes.models import AgendaItem, Audience, Edition, Event, Group


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


class EventError(DomainError):
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


def _record(event: Event) -> Snapshot:
    """What the audit log records of an event: its fields and its agenda."""
    return snapshot(event, EVENT_FIELDS) | {
        "agenda": [f"{item.time_range} {item.title}".strip()
                   for item in event.agenda_items.all()]}


@transaction.atomic
def save_event(actor: Any, event: Event, data: EventInput) -> Event:
    """Create (`event` unsaved, its programme set) or change an event and its agenda.

    A new group event invites the group; a raised capacity moves the waiting list up.
    """
    creating = event.pk is None
    if not creating:
        event = Event.objects.select_for_update().get(pk=event.pk)
    before = None if creating else _record(event)
    old_capacity = event.capacity
    _check_event(event, data)
    for name in EVENT_FIELDS:
        setattr(event, name, getattr(data, name))
    if creating:
        event.slug = unique_event_slug(event.title)
    if event.group_id and not event.edition_id:
        event.edition_id = event.group.edition_id
    check_model(event, EventError, ["programme", "slug"])
    event.save()
    if data.agenda is not None:
        _save_agenda(event, data.agenda)
    log_change(actor, "events.event.created" if creating else "events.event.updated", event,
               before, after=_record(event), programme=event.programme.slug)
    if event.group_id and event.audience == Audience.GROUP:
        services.invite_group(actor, event)
    if not creating and old_capacity is not None and (
            event.capacity is None or event.capacity > old_capacity):
        services.fill_free_places(actor, event)
    return event


@transaction.atomic
def add_file(actor: Any, event: Event, kind: str, title: str, upload: UploadedFile,
             is_public: bool = True) -> EventFile:
    file = EventFile(event=event, kind=kind, title=title.strip() or upload.name,
                     is_public=is_public if kind == FileKind.MATERIAL else False,
                     uploaded_by=actor if getattr(actor, "is_authenticated", False) else None)
    file.file.save(upload.name, upload, save=False)
    file.save()
    log_action(actor, "events.file.added", file, event=event.slug, kind=kind)
    return file


@transaction.atomic
def delete_file(actor: Any, file: EventFile) -> None:
    log_action(actor, "events.file.deleted", file, event=file.event.slug)
    stored = file.file.name
    storage = file.file.storage
    file.delete()
    # The stored file goes only once the row is surely gone.
    transaction.on_commit(lambda: storage.delete(stored))


@transaction.atomic
def save_conclusions(actor: Any, event: Event, conclusions: str, recommendations: str,
                     publish: bool) -> Conclusions:
    """Record the conclusions and recommendations; publishing makes them and their
    attachments public on the event page, unpublishing hides them again."""
    record, _created = Conclusions.objects.select_for_update().get_or_create(event=event)
    was_published = record.is_published
    record.conclusions = conclusions.strip()
    record.recommendations = recommendations.strip()
    record.is_published = publish
    if publish and not was_published:
        record.published_at = timezone.now()
    record.updated_by = actor
    record.save()
    action = "events.conclusions.saved"
    if publish != was_published:
        action = "events.conclusions.published" if publish else "events.conclusions.unpublished"
    log_action(actor, action, record, event=event.slug)
    return record
