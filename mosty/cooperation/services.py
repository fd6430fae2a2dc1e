"""Every change of a cooperation programme: views, the API, the demo and commands call these.

Each service takes plain typed values, runs in one transaction, checks that the actor may
make the change (`actor=None` is the system: demo, commands), writes an audit entry and
raises CooperationError with a translated message.
"""
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _, ngettext

from mosty.accounts.models import User
from mosty.accounts.services import require_confirmed
from mosty.core.audit import log_action, log_change, snapshot
from mosty.core.errors import DomainError, check_model
from mosty.cooperation import access
from mosty.cooperation.models import (
    ELEMENT_ORDER, Comment, CommentKind, CooperationProgramme, Decision, DraftVersion, Element,
    ImplementationReport, Paragraph, Status)
from mosty.directory.models import Territory
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Event
from mosty.core import uploads
from mosty.core.uploads import Upload

OPINION_TYPES = ("pdf", "docx", "odt")
MAX_FILE_BYTES = 15 * 1024 * 1024
# The paragraph of the "creation and consultation" chapter that the consultation report
# writes: the same key in every programme, so publishing the report again replaces it.
CONSULTATION_KEY = uuid.UUID("6d6f7374-792d-636f-6e73-756c74617469")


class CooperationError(DomainError):
    """A translated reason why a change of a cooperation programme cannot be made."""


class ConcurrentEditError(CooperationError):
    def __init__(self) -> None:
        super().__init__(_("Someone else changed this programme after you opened it. Your "
                           "text is below but not saved: check the current version (open the "
                           "page in a new tab) and save again to overwrite it."))


@dataclass(frozen=True)
class CommentData:
    organisation_id: int
    text: str
    paragraph_id: int | None = None
    element: str = ""
    kind: str = CommentKind.COMMENT
    proposed_text: str = ""


@dataclass(frozen=True)
class ReportFigures:
    open_competitions: int = 0
    offers_received: int = 0
    grants_given: int = 0
    grants_amount: Decimal = Decimal(0)
    small_grants: int = 0
    small_grants_amount: Decimal = Decimal(0)
    tasks_commissioned: int = 0
    notes: str = ""


def _require_editor(actor: User | None, programme: CooperationProgramme) -> None:
    if actor is not None and not access.can_edit(actor, programme):
        raise CooperationError(_("Only officials of %(unit)s edit its cooperation programme.")
                               % {"unit": programme.territory.name})


def _require_status(programme: CooperationProgramme, *allowed: str) -> None:
    if programme.status not in allowed:
        raise CooperationError(_("This cannot be done while the programme is “%(status)s”.")
                               % {"status": programme.get_status_display()})


def _bump(programme: CooperationProgramme, expected: int | None) -> None:
    """Move the version forward unless someone saved since `expected` (None: don't check)."""
    version = programme.version if expected is None else expected
    bumped = CooperationProgramme.objects.filter(pk=programme.pk, version=version).update(
        version=F("version") + 1)
    if not bumped:
        raise ConcurrentEditError()
    programme.version = version + 1


def ordered_paragraphs(programme: CooperationProgramme) -> list[Paragraph]:
    """The paragraphs in document order (chapters in the order of the act)."""
    return sorted(programme.paragraphs.all(),
                  key=lambda p: (ELEMENT_ORDER.index(p.element), p.position, p.pk))


def missing_elements(programme: CooperationProgramme) -> list[Element]:
    """The required elements with no paragraph of text, in the order of the act."""
    filled = {p.element for p in programme.paragraphs.all() if p.text.strip()}
    return [Element(value) for value in ELEMENT_ORDER if value not in filled]


def default_title(territory: Territory, year: int) -> str:
    with translation.override("pl"):
        return _("Programme of cooperation with non-governmental organisations for %(year)s "
                 "– %(unit)s") % {"year": year, "unit": territory.name}


@transaction.atomic
def start_programme(actor: User | None, territory_code: str, year: int,
                    copy_from: CooperationProgramme | None = None) -> CooperationProgramme:
    """Start the programme of `territory_code` for `year`, empty or as a copy of the text of
    another programme (usually last year's): the copy is a new draft."""
    territory = Territory.objects.filter(code=territory_code).first()
    if territory is None:
        raise CooperationError(_("Choose the local government unit from the list."))
    if actor is not None and not access.can_edit_territory(actor, territory):
        raise CooperationError(_("Only officials of %(unit)s edit its cooperation programme.")
                               % {"unit": territory.name})
    if not 2000 <= year <= 2100:
        raise CooperationError(_("Give the year the programme is for."), "year")
    if CooperationProgramme.objects.filter(territory=territory, year=year).exists():
        raise CooperationError(_("%(unit)s already has a programme for %(year)s.")
                               % {"unit": territory.name, "year": year}, "year")
    programme = CooperationProgramme.objects.create(
        territory=territory, year=year, title=default_title(territory, year),
        based_on=copy_from)
    if copy_from is not None:
        Paragraph.objects.bulk_create([
            Paragraph(programme=programme, element=p.element, position=p.position,
                      text=p.text.replace(str(copy_from.year), str(year))
                      if p.element == Element.PERIOD else p.text, key=p.key)
            for p in copy_from.paragraphs.all() if p.key != CONSULTATION_KEY])
    log_action(actor, "cooperation.programme.started", programme, territory=territory.code,
               year=year, copied_from=copy_from.pk if copy_from else None)
    return programme


@transaction.atomic
def save_chapter(actor: User | None, programme: CooperationProgramme, element: str,
                 texts: list[str], expected_version: int | None = None) -> list[Paragraph]:
    """Replace the paragraphs of one chapter by `texts`, in order. The paragraph at each
    position keeps its identity (and its comments); a paragraph commented on cannot go."""
    _require_editor(actor, programme)
    _require_status(programme, Status.DRAFT, Status.CONSULTATION)
    if element not in Element.values:
        raise CooperationError(_("Choose the chapter from the list."))
    _bump(programme, expected_version)
    texts = [t.strip() for t in texts if t.strip()]
    current = list(programme.paragraphs.filter(element=element).order_by("position", "pk"))
    before = [p.text for p in current]
    for paragraph in current[len(texts):]:
        if paragraph.comments.exists():
            raise CooperationError(_("A paragraph that was commented on cannot be removed; "
                                     "change its text instead."))
        paragraph.delete()
    kept = []
    for position, text in enumerate(texts, start=1):
        if position <= len(current):
            paragraph = current[position - 1]
            paragraph.text, paragraph.position = text, position
            paragraph.save(update_fields=["text", "position"])
        else:
            paragraph = Paragraph.objects.create(programme=programme, element=element,
                                                 position=position, text=text)
        kept.append(paragraph)
    log_action(actor, "cooperation.chapter.saved", programme, element=element,
               changes={"paragraphs": [before, texts]} if before != texts else {})
    return kept


def _snapshot_text(programme: CooperationProgramme) -> list[dict[str, str]]:
    return [{"key": str(p.key), "element": p.element, "text": p.text}
            for p in ordered_paragraphs(programme)]


def _new_version(actor: User | None, programme: CooperationProgramme, label: str) -> DraftVersion:
    number = (programme.versions.order_by("-number").values_list("number", flat=True).first()
              or 0) + 1
    return DraftVersion.objects.create(
        programme=programme, number=number, label=label, paragraphs=_snapshot_text(programme),
        public=programme.published_at is not None,
        created_by=actor if getattr(actor, "pk", None) else None)


@transaction.atomic
def save_version(actor: User | None, programme: CooperationProgramme,
                 label: str = "") -> DraftVersion:
    """Keep the text as it stands now, to compare later versions with."""
    _require_editor(actor, programme)
    version = _new_version(actor, programme, label.strip()[:200])
    log_action(actor, "cooperation.version.saved", programme, number=version.number)
    return version


@transaction.atomic
def open_consultation(actor: User | None, programme: CooperationProgramme, start: date, end: date
                      ) -> CooperationProgramme:
    """Publish the draft for public consultation from `start` to `end` (inclusive); the text
    as published is kept as a version."""
    _require_editor(actor, programme)
    _require_status(programme, Status.DRAFT)
    if end < start:
        raise CooperationError(_("The consultation cannot close before it opens."),
                               "consultation_end")
    if not programme.paragraphs.exists():
        raise CooperationError(_("Write the draft before publishing it for consultation."))
    before = snapshot(programme, ["status", "consultation_start", "consultation_end"])
    programme.status = Status.CONSULTATION
    programme.consultation_start, programme.consultation_end = start, end
    programme.published_at = programme.published_at or timezone.now()
    programme.save(update_fields=["status", "consultation_start", "consultation_end",
                                  "published_at", "updated_at"])
    with translation.override("pl"):
        _new_version(actor, programme, _("Draft published for consultation"))
    log_change(actor, "cooperation.consultation.opened", programme, before)
    return programme


@transaction.atomic
def add_comment(actor: User, programme: CooperationProgramme, data: CommentData) -> Comment:
    """A comment or a new wording from an organisation while the consultation is open."""
    require_confirmed(actor)
    locked = CooperationProgramme.objects.select_for_update().get(pk=programme.pk)
    if not locked.consultation_open_on(timezone.localdate()):
        raise CooperationError(_("The consultation of this programme is not open."))
    organisation = access.commenting_organisations(actor).filter(pk=data.organisation_id).first()
    if organisation is None:
        raise CooperationError(_("Comment on behalf of an organisation you are a member of."),
                               "organisation")
    paragraph = None
    element = data.element
    if data.paragraph_id is not None:
        paragraph = programme.paragraphs.filter(pk=data.paragraph_id).first()
        if paragraph is None:
            raise CooperationError(_("This paragraph is no longer in the draft."), "paragraph")
        element = paragraph.element
    if element not in Element.values:
        raise CooperationError(_("Choose the paragraph or chapter you comment on."),
                               "paragraph")
    if data.kind not in CommentKind.values:
        raise CooperationError(_("Choose the kind of comment from the list."), "kind")
    text = data.text.strip()
    proposed = data.proposed_text.strip()
    if not text:
        raise CooperationError(_("Write your comment (and why)."), "text")
    if data.kind == CommentKind.WORDING and not proposed:
        raise CooperationError(_("Give the wording you propose."), "proposed_text")
    comment = Comment.objects.create(
        programme=programme, paragraph=paragraph, element=element,
        paragraph_text=paragraph.text if paragraph else "", kind=data.kind, text=text,
        proposed_text=proposed, organisation=organisation, author=actor)
    log_action(actor, "cooperation.comment.added", comment, programme=programme.pk,
               organisation=organisation.slug)
    return comment


@transaction.atomic
def answer_comment(actor: User | None, comment: Comment, decision: str, reason: str) -> Comment:
    """The office's answer to a comment: accepted, partly accepted or rejected, and why."""
    _require_editor(actor, comment.programme)
    _require_status(comment.programme, Status.CONSULTATION, Status.DRAFT)
    if decision not in Decision.values:
        raise CooperationError(_("Choose the answer from the list."), "decision")
    reason = reason.strip()
    if not reason:
        raise CooperationError(_("Give the reason for the answer."), "reason")
    before = snapshot(comment, ["decision", "reason"])
    comment.decision, comment.reason = decision, reason
    comment.answered_by = actor if getattr(actor, "pk", None) else None
    comment.answered_at = timezone.now()
    comment.save(update_fields=["decision", "reason", "answered_by", "answered_at"])
    log_change(actor, "cooperation.comment.answered", comment, before)
    return comment


def consultation_summary(programme: CooperationProgramme) -> str:
    """The paragraph on how the consultation went, in Polish (the document's language)."""
    comments = list(programme.comments.all())
    with translation.override("pl"):
        parts = []
        if programme.consultation_start and programme.consultation_end:
            parts.append(_("The draft programme was consulted with non-governmental "
                           "organisations from %(start)s to %(end)s.") % {
                "start": date_format(programme.consultation_start, "j E Y"),
                "end": date_format(programme.consultation_end, "j E Y")})
        meetings = list(programme.meetings.order_by("start"))
        if meetings:
            parts.append(_("Consultation meetings: %(meetings)s.") % {"meetings": "; ".join(
                f"{m.title} ({date_format(timezone.localtime(m.start), 'j E Y')})"
                for m in meetings)})
        organisations = {c.organisation_id for c in comments}
        counts = {d: sum(1 for c in comments if c.decision == d) for d in Decision.values}
        parts.append(ngettext(
            "%(count)s comment was received from %(organisations)s organisation(s)",
            "%(count)s comments were received from %(organisations)s organisation(s)",
            len(comments)) % {"count": len(comments), "organisations": len(organisations)}
            + (_(": %(accepted)s accepted, %(partly)s partly accepted, %(rejected)s "
                 "rejected.") % counts if comments else "."))
        if programme.opinion_file:
            parts.append(_("The public benefit council gave its opinion on the draft."))
        parts.append(_("The consultation report lists every comment and the answer to it."))
        return " ".join(parts)


@transaction.atomic
def publish_consultation_report(actor: User | None, programme: CooperationProgramme
                                ) -> CooperationProgramme:
    """Publish every comment with its answer and write how the consultation went into the
    programme's chapter on how it was created. The consultation closes: no more comments."""
    _require_editor(actor, programme)
    _require_status(programme, Status.CONSULTATION)
    unanswered = programme.comments.filter(decision="").count()
    if unanswered:
        raise CooperationError(ngettext(
            "Answer the %(count)s comment still without an answer first.",
            "Answer the %(count)s comments still without an answer first.", unanswered)
            % {"count": unanswered})
    summary = consultation_summary(programme)
    paragraph = programme.paragraphs.filter(key=CONSULTATION_KEY).first()
    if paragraph is None:
        last = programme.paragraphs.filter(element=Element.CREATION).order_by("-position") \
            .values_list("position", flat=True).first() or 0
        Paragraph.objects.create(programme=programme, element=Element.CREATION,
                                 position=last + 1, text=summary, key=CONSULTATION_KEY)
    else:
        paragraph.text = summary
        paragraph.save(update_fields=["text"])
    programme.report_published_at = timezone.now()
    programme.save(update_fields=["report_published_at", "updated_at"])
    CooperationProgramme.objects.filter(pk=programme.pk).update(version=F("version") + 1)
    log_action(actor, "cooperation.consultation.report_published", programme,
               comments=programme.comments.count())
    return programme


@transaction.atomic
def mark_final(actor: User | None, programme: CooperationProgramme) -> CooperationProgramme:
    """The draft is final: every required element is there and every comment answered."""
    _require_editor(actor, programme)
    _require_status(programme, Status.DRAFT, Status.CONSULTATION)
    missing = missing_elements(programme)
    if missing:
        raise CooperationError(_("The programme lacks required elements (art. 5a ust. 4): "
                                 "%(missing)s.") % {"missing": "; ".join(
                                     str(e.label) for e in missing)})
    if programme.comments.filter(decision="").exists():
        raise CooperationError(_("Answer every consultation comment first."))
    if programme.status == Status.CONSULTATION and programme.report_published_at is None:
        raise CooperationError(_("Publish the consultation report first: it closes the "
                                 "consultation and says how it went."))
    before = snapshot(programme, ["status"])
    programme.status = Status.FINAL
    programme.save(update_fields=["status", "updated_at"])
    with translation.override("pl"):
        _new_version(actor, programme, _("Final draft"))
    log_change(actor, "cooperation.programme.finalised", programme, before)
    return programme


@transaction.atomic
def reopen(actor: User | None, programme: CooperationProgramme) -> CooperationProgramme:
    """A final draft goes back to being a draft (to change its text)."""
    _require_editor(actor, programme)
    _require_status(programme, Status.FINAL)
    before = snapshot(programme, ["status"])
    programme.status = Status.DRAFT
    programme.save(update_fields=["status", "updated_at"])
    log_change(actor, "cooperation.programme.reopened", programme, before)
    return programme


@transaction.atomic
def adopt(actor: User | None, programme: CooperationProgramme, resolution_number: str,
          adopted_on: date) -> CooperationProgramme:
    """The council adopted the final draft by a resolution."""
    _require_editor(actor, programme)
    _require_status(programme, Status.FINAL)
    if not resolution_number.strip():
        raise CooperationError(_("Give the number of the council's resolution."),
                               "resolution_number")
    before = snapshot(programme, ["status", "resolution_number", "adopted_on"])
    programme.status = Status.ADOPTED
    programme.resolution_number, programme.adopted_on = resolution_number.strip(), adopted_on
    programme.published_at = programme.published_at or timezone.now()
    programme.save(update_fields=["status", "resolution_number", "adopted_on", "published_at",
                                  "updated_at"])
    log_change(actor, "cooperation.programme.adopted", programme, before)
    return programme


def meeting_events(actor: User | None, event_ids: list[int]) -> list[Event]:
    """The events chosen as meetings, each one the actor can see (None: the system)."""
    events = Event.objects.filter(pk__in=event_ids)
    if actor is not None:
        events = events.filter(programme__in=programmes_access.visible_programmes(actor))
    chosen = list(events)
    if len(chosen) != len(set(event_ids)):
        raise CooperationError(_("One of the events no longer exists."), "meetings")
    return chosen


@transaction.atomic
def set_meetings(actor: User | None, programme: CooperationProgramme, event_ids: list[int]
                 ) -> list[Event]:
    """The consultation meetings: events the actor can see."""
    _require_editor(actor, programme)
    chosen = meeting_events(actor, event_ids)
    before = sorted(programme.meetings.values_list("pk", flat=True))
    programme.meetings.set(chosen)
    log_action(actor, "cooperation.meetings.set", programme,
               changes={"meetings": [before, sorted(e.pk for e in chosen)]})
    return chosen


@transaction.atomic
def attach_opinion(actor: User | None, programme: CooperationProgramme, upload: Upload
                   ) -> CooperationProgramme:
    """The public benefit council's opinion (PDF, DOCX or ODT, checked by its content)."""
    _require_editor(actor, programme)
    handle = upload.handle
    checked = uploads.check(handle, upload.name, OPINION_TYPES, MAX_FILE_BYTES)
    if checked.problem:
        raise CooperationError(checked.problem, "opinion")
    found = checked.file_type
    old = programme.opinion_file.name
    name = uploads.stored_name(upload.name, found)
    programme.opinion_file.save(name, File(handle, name=name), save=False)
    programme.opinion_file_type = found
    programme.save(update_fields=["opinion_file", "opinion_file_type", "updated_at"])
    if old:
        storage = programme.opinion_file.storage
        transaction.on_commit(lambda: storage.delete(old))
    log_action(actor, "cooperation.opinion.attached", programme, file=upload.name)
    return programme


@transaction.atomic
def save_report_figures(actor: User | None, programme: CooperationProgramme, figures: ReportFigures,
                        generate: bool = False) -> ImplementationReport:
    """The figures of the implementation report the office enters; `generate` marks the
    report as generated (from then on it is public)."""
    _require_editor(actor, programme)
    if any(value < 0 for value in (figures.grants_amount, figures.small_grants_amount)):
        raise CooperationError(_("Amounts cannot be negative."))
    report, _created = ImplementationReport.objects.get_or_create(programme=programme)
    fields = ["open_competitions", "offers_received", "grants_given", "grants_amount",
              "small_grants", "small_grants_amount", "tasks_commissioned", "notes"]
    before = snapshot(report, fields)
    for name in fields:
        setattr(report, name, getattr(figures, name))
    report.notes = report.notes.strip()
    if generate:
        report.generated_at = timezone.now()
    check_model(report, CooperationError, exclude=["programme"])
    report.save()
    log_change(actor, "cooperation.report.saved", report, before, generated=generate)
    return report
