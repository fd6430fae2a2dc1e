"""Facilitators change what events hold: files and conclusions. An event's details and
agenda are the programme's (mosty.programmes.services.save_event)."""
from dataclasses import dataclass

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from mosty.accounts.models import User
from mosty.core import undo, uploads
from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.core.models import Deletion
from mosty.events.models import Conclusions, EventFile, FileKind
from mosty.programmes.models import AgendaItem, Event

# Judged by content (mosty.core.uploads): documents, presentations and pictures; anything a
# browser could run (HTML, SVG, scripts) or a macro-bearing legacy office file is refused
# whatever its name says.
FILE_TYPES = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "jpg", "png")
MAX_FILE_BYTES = 15 * 1024 * 1024


class ContentError(DomainError):
    pass


@dataclass(frozen=True)
class Agenda:
    """An event's agenda modules and which columns have anything to show: a column empty
    in every row is left out (no bare "Led by" column when nobody is named)."""

    items: list[AgendaItem]
    day: bool
    title: bool
    facilitator: bool
    method: bool


def agenda(event: Event) -> Agenda:
    items = list(event.agenda_items.all())
    several_days = timezone.localdate(event.start) != timezone.localdate(event.end)
    return Agenda(items, day=several_days,
                  title=any(i.title for i in items),
                  facilitator=any(i.facilitator for i in items),
                  method=any(i.method for i in items))


@transaction.atomic
def add_file(actor: User | None, event: Event, kind: str, title: str, upload: File,
             is_public: bool = True) -> EventFile:
    """Store a material or an attachment of the conclusions under the extension of the type
    its content shows (a PDF/HTML polyglot called "x.html" is kept as "x.pdf")."""
    assert upload.name, "an upload, or a demo file, always has a name"
    checked = uploads.check(upload, upload.name, FILE_TYPES, MAX_FILE_BYTES)
    if checked.problem:
        raise ContentError(checked.problem, "file")
    file = EventFile(event=event, kind=kind, title=title.strip() or upload.name,
                     is_public=is_public if kind == FileKind.MATERIAL else False,
                     uploaded_by=actor if getattr(actor, "is_authenticated", False) else None)
    name = uploads.stored_name(upload.name, checked.file_type)
    file.file.save(name, File(upload, name=name), save=False)
    file.save()
    log_action(actor, "events.file.added", file, event=event.slug, kind=kind)
    return file


@transaction.atomic
def delete_file(actor: User | None, file: EventFile, back_url: str) -> Deletion:
    """Delete a material or an attachment; `actor` may undo it for a few minutes, and the
    stored file goes only once that time is over (mosty.core.undo)."""
    log_action(actor, "events.file.deleted", file, event=file.event.slug)
    return undo.delete(actor, file, label=file.title, back_url=back_url)


@transaction.atomic
def save_conclusions(actor: User | None, event: Event, conclusions: str, recommendations: str,
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
