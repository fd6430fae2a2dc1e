"""The programme, the consultation report and the implementation report as documents: built
once as a `Document` (in Polish, the language of the resolution) and rendered as DOCX (docxtpl,
with the template of make_template.py) or PDF (mosty.core.pdf)."""
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from mosty.agreements.models import Agreement, Status as AgreementStatus
from mosty.core import pdf as pdf_documents
from mosty.cooperation.models import (
    ELEMENT_ORDER, CooperationProgramme, Element, ImplementationReport, Status)
from mosty.cooperation.quality import paragraphs as quality_paragraphs, quality_index
from mosty.cooperation.services import consultation_summary, ordered_paragraphs
from mosty.programmes.models import Event

TEMPLATE = Path(__file__).resolve().parent / "docx" / "document.docx"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: list[str]


@dataclass(frozen=True)
class Document:
    title: str
    filename: str
    preamble: list[str] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def _day(value: date | datetime | None) -> str:
    if value is None:
        return "…"
    return date_format(value, "j E Y")


def numbered(programme: CooperationProgramme) -> list[tuple[int, Element, list[tuple[int, str]]]]:
    """Chapters in order with their paragraphs numbered § 1, § 2 … through the whole text."""
    by_element: dict[str, list[str]] = {}
    for paragraph in ordered_paragraphs(programme):
        by_element.setdefault(paragraph.element, []).append(paragraph.text)
    chapters, number = [], 0
    for index, value in enumerate(ELEMENT_ORDER, start=1):
        texts = []
        for text in by_element.get(value, []):
            number += 1
            texts.append((number, text))
        chapters.append((index, Element(value), texts))
    return chapters


def programme_document(programme: CooperationProgramme) -> Document:
    with translation.override("pl"):
        preamble = []
        if programme.status == Status.ADOPTED and programme.adopted_on:
            preamble.append(_("Annex to resolution no. %(number)s of %(date)s") % {
                "number": programme.resolution_number, "date": _day(programme.adopted_on)})
        elif programme.status != Status.ADOPTED:
            preamble.append(_("Draft (%(status)s)") % {"status": programme.get_status_display()})
        sections = [Section(_("Chapter %(number)s. %(title)s") % {"number": index,
                                                                   "title": element.label},
                            [f"§ {number}. {text}" for number, text in texts])
                    for index, element, texts in numbered(programme)]
        return Document(title=programme.title, preamble=preamble, sections=sections,
                        filename=f"program-wspolpracy-{programme.territory_id}-{programme.year}")


def paragraph_numbers(programme: CooperationProgramme) -> dict[int, int]:
    """Paragraph id → its § number in the current text."""
    numbers, number = {}, 0
    for paragraph in ordered_paragraphs(programme):
        number += 1
        numbers[paragraph.pk] = number
    return numbers


def consultation_document(programme: CooperationProgramme) -> Document:
    numbers = paragraph_numbers(programme)
    comments = programme.comments.select_related("organisation", "paragraph")
    with translation.override("pl"):
        sections = []
        for index, comment in enumerate(comments, start=1):
            where = str(comment.get_element_display())
            if comment.paragraph_id in numbers:
                where = f"§ {numbers[comment.paragraph_id]} ({where})"
            lines = [_("Organisation: %(name)s") % {"name": comment.organisation.name},
                     _("Concerns: %(where)s") % {"where": where},
                     _("Date: %(date)s") % {"date": _day(timezone.localtime(
                         comment.created_at))}]
            if comment.paragraph_text:
                lines.append(_("Text commented on: %(text)s") % {"text": comment.paragraph_text})
            lines.append(_("Comment: %(text)s") % {"text": comment.text})
            if comment.proposed_text:
                lines.append(_("Proposed wording: %(text)s") % {"text": comment.proposed_text})
            lines.append(_("Answer: %(decision)s") % {
                "decision": comment.get_decision_display() if comment.decision
                else _("not answered yet")})
            if comment.reason:
                lines.append(_("Reason: %(reason)s") % {"reason": comment.reason})
            sections.append(Section(_("Comment %(number)s") % {"number": index}, lines))
        return Document(
            title=_("Report on the consultation of the draft: %(title)s") % {
                "title": programme.title},
            intro=[consultation_summary(programme)], sections=sections,
            filename=f"raport-z-konsultacji-{programme.territory_id}-{programme.year}")


def events_held(programme: CooperationProgramme) -> list[Event]:
    """Events in the programme's year organised in its unit, and its consultation meetings."""
    year = programme.year
    organised = Event.objects.filter(
        start__year=year, programme__organiser__municipality__code__startswith=(
            programme.territory_id))
    meetings = programme.meetings.all()
    return list((organised | meetings).distinct().select_related("programme")
                .order_by("start"))


def consultations_held(programme: CooperationProgramme) -> list[CooperationProgramme]:
    """The consultations of cooperation programmes of the unit held in the year."""
    return list(CooperationProgramme.objects.filter(
        territory_id=programme.territory_id, consultation_start__year=programme.year)
        .order_by("year"))


def agreements_signed(programme: CooperationProgramme) -> int:
    """Cooperation agreements signed in the programme's year with a party from its unit (a
    count: the agreements themselves are private to their parties)."""
    return Agreement.objects.filter(
        status=AgreementStatus.SIGNED, signed_on__year=programme.year,
        parties__organisation__municipality__code__startswith=programme.territory_id) \
        .distinct().count()


def _money(value: Decimal) -> str:
    return f"{number_format(value, 2, force_grouping=True)} zł"


def implementation_document(programme: CooperationProgramme,
                            report: ImplementationReport) -> Document:
    events = events_held(programme)
    consultations = consultations_held(programme)
    quality = quality_index(programme)
    with translation.override("pl"):
        adopted = (_("The programme was adopted by resolution no. %(number)s of %(date)s.")
                   % {"number": programme.resolution_number, "date": _day(programme.adopted_on)}
                   if programme.adopted_on else _("The programme has not been adopted."))
        money = [
            _("Open competitions for public tasks: %(count)s; offers received: %(offers)s.")
            % {"count": report.open_competitions, "offers": report.offers_received},
            _("Grants given: %(count)s, for %(amount)s.") % {
                "count": report.grants_given, "amount": _money(report.grants_amount)},
            _("Small grants outside competitions (art. 19a): %(count)s, for %(amount)s.") % {
                "count": report.small_grants, "amount": _money(report.small_grants_amount)},
            _("Public tasks commissioned: %(count)s.") % {"count": report.tasks_commissioned},
        ]
        meetings = [f"{_day(timezone.localtime(e.start))} – {e.title}"
                    + (f" ({e.place})" if e.place else "") for e in events] or [
            _("No events were recorded in Mosty.")]
        consulted = [
            _("%(title)s: %(start)s – %(end)s; comments: %(count)s.") % {
                "title": c.title, "start": _day(c.consultation_start),
                "end": _day(c.consultation_end) if c.consultation_end else "…",
                "count": c.comments.count()} for c in consultations] or [
            _("No consultations were recorded in Mosty.")]
        sections = [
            Section(_("1. The programme"), [adopted]),
            Section(_("2. Financial cooperation"), money),
            Section(_("3. Meetings and events"), meetings),
            Section(_("4. Consultations"), consulted),
            Section(_("5. Cooperation agreements"), [
                _("Cooperation agreements signed in Mosty by organisations of the unit: "
                  "%(count)s.") % {"count": agreements_signed(programme)}]),
            Section(_("6. Cooperation-quality index"), quality_paragraphs(quality)),
        ]
        if report.notes:
            sections.append(Section(_("7. Other information"), report.notes.split("\n\n")))
        return Document(
            title=_("Report on the implementation of the %(title)s") % {
                "title": programme.title},
            intro=[_("Deadline for submitting the report to the council and publishing it: "
                     "%(date)s.") % {"date": _day(programme.report_deadline)}],
            sections=sections,
            filename=f"sprawozdanie-z-realizacji-{programme.territory_id}-{programme.year}")


def render_docx(document: Document) -> bytes:
    from docxtpl import DocxTemplate, Listing  # here: docxtpl takes 0.1 s to import

    template = DocxTemplate(str(TEMPLATE))
    template.render({
        "title": document.title, "preamble": document.preamble,
        "intro": [Listing(line) for line in document.intro],
        "sections": [{"title": s.title, "paragraphs": [Listing(p) for p in s.paragraphs]}
                     for s in document.sections]}, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def render_pdf(document: Document) -> bytes:
    pdf = pdf_documents.new_document(document.title)
    pdf.add_page()
    font = pdf_documents.FONT
    pdf.set_font(font, size=9)
    for line in document.preamble:
        pdf.multi_cell(0, 5, line, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(font, "B", 14)
    pdf.multi_cell(0, 7, document.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(font, size=11)
    for line in document.intro:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for section in document.sections:
        pdf.ln(3)
        pdf.set_font(font, "B", 12)
        pdf.multi_cell(0, 6, section.title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font(font, size=11)
        for text in section.paragraphs:
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    return pdf_documents.to_bytes(pdf)
