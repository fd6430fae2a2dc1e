"""Coordinators and facilitators change events: details and agenda, files, conclusions."""
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from mosty.core.audit import log_action
from mosty.events import services
from mosty.events.models import Conclusions, EventFile, FileKind
from mosty.programmes.models import Audience, Event


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


@transaction.atomic
def save_event(actor: Any, form: Any, agenda: Any) -> Event:
    """Save a valid event form (its programme already set) with its agenda formset.

    A new group event invites the group; a raised capacity moves the waiting list up.
    """
    creating = form.instance.pk is None
    old_capacity = None if creating else Event.objects.filter(pk=form.instance.pk) \
        .values_list("capacity", flat=True).get()
    event = form.save(commit=False)
    if creating:
        event.slug = unique_event_slug(event.title)
    if event.group_id and not event.edition_id:
        event.edition_id = event.group.edition_id
    event.save()
    agenda.instance = event
    agenda.save()
    log_action(actor, "events.event.created" if creating else "events.event.updated", event,
               programme=event.programme.slug)
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
