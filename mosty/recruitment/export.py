"""The reviewers' list as an XLSX workbook: one row per application, answers and scores."""
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from mosty.core import table_writer
from mosty.directory.choices import Kind, Sector
from mosty.recruitment.choices import QuestionKind, Status
from mosty.recruitment.models import Question, RecruitmentCall
from mosty.recruitment.queries import ScoredApplication


def answer_text(question: Question, value: Any) -> Any:
    """An answer as a spreadsheet cell: numbers stay numbers, lists are joined."""
    if value is None:
        return ""
    if question.kind == QuestionKind.YES_NO:
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def _local(moment: Any) -> Any:
    # openpyxl cannot store time zones: write the Polish wall-clock time.
    return timezone.localtime(moment).replace(tzinfo=None) if moment else ""


def build_rows(call: RecruitmentCall, applications: Iterable[ScoredApplication]
               ) -> list[list[Any]]:
    """Header and rows; applications need `average`, `review_count` annotated and reviews and
    files prefetched (see queries.with_details)."""
    questions = list(call.questions.all())
    criteria = list(call.criteria.all())
    sectors, kinds, statuses = dict(Sector.choices), dict(Kind.choices), dict(Status.choices)
    header = [_("Number"), _("Status"), _("Organisation"), _("Sector"), _("Kind"),
              _("Gmina"), _("Powiat"), _("TERYT"), _("Partner"), _("Applicant"), _("E-mail"),
              _("Member of the organisation"), _("Submitted"), _("Average score"),
              _("Reviews"), _("Group")]
    header += [question.label for question in questions]
    header += [_("Average: %(criterion)s") % {"criterion": c.name} for c in criteria]
    header += [_("Scores and comments")]
    rows: list[list[Any]] = [header]
    for app in applications:
        org = app.organisation
        municipality = org.municipality if org else None
        files = {f.question_id: f.original_name for f in app.files.all()}
        reviews = list(app.reviews.all())
        row = [app.pk, str(statuses.get(app.status, app.status)), org.name if org else "",
               str(sectors.get(org.sector, "")) if org else "",
               str(kinds.get(org.kind, "")) if org else "",
               municipality.name if municipality else "",
               municipality.parent.name if municipality and municipality.parent else "",
               municipality.code if municipality else "",
               app.partner.name if app.partner else "", app.applicant.get_full_name(),
               app.applicant.email, _("yes") if app.applicant_is_member else _("no"),
               _local(app.submitted_at),
               round(app.average, 2) if app.average is not None else "", app.review_count,
               app.group_member.group.name if app.group_member else ""]
        row += [files.get(q.pk, "") if q.is_file else answer_text(q, app.answers.get(q.key))
                for q in questions]
        for criterion in criteria:
            points = [r.scores.get(str(criterion.pk)) for r in reviews]
            points = [p for p in points if p is not None]
            row.append(round(sum(points) / len(points), 2) if points else "")
        row.append("\n".join(f"{r.reviewer}: {r.total}" + (f" – {r.comment}" if r.comment else "")
                             for r in reviews))
        rows.append(row)
    return rows


def write_xlsx(rows: list[list[Any]], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = table_writer.sheet_title(title, "Applications")
    table_writer.append_rows(sheet, rows)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index in range(1, len(rows[0]) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 22
    sheet.freeze_panes = "C2"
    return table_writer.workbook_bytes(book)
