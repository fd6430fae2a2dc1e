"""The raw answers of a survey as XLSX or CSV (through mosty.core.table_writer).

Small surveys (up to IMMEDIATE_RESPONSES submitted responses) are written while the
coordinator waits; bigger ones in the background (`tasks.build_answer_export`, run by
`mosty db_worker`): the page says the file is being prepared, then offers a link that only
the coordinator who asked can use, for EXPORT_DAYS days. Expired files are deleted by
`mosty privacy_retention` (daily from cron), as every model declaring `expires` in its
PERSONAL_DATA; until then nobody can download them (`ready_export`).
"""
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.core.table_writer import write_csv, xlsx_bytes
from mosty.surveys.access import breakdown_shown
from mosty.surveys.models import SCALE_KINDS, Answer, AnswerExport, Question, QuestionKind, Survey
from mosty.surveys.results import OTHER, submitted

FORMATS = ("xlsx", "csv")
IMMEDIATE_RESPONSES = 2000
EXPORT_DAYS = 2


def _columns(questions: list[Question]) -> list[tuple[Question, str, str]]:
    """(question, item or "other", header) for each column of the export."""
    columns: list[tuple[Question, str, str]] = []
    for q in questions:
        if q.kind == QuestionKind.MATRIX:
            columns += [(q, value, f"{q.code}.{value}") for value, _label in q.labelled_items()]
        else:
            columns.append((q, "", q.code))
        if q.allow_other:
            columns.append((q, OTHER, f"{q.code}.{_('other')}"))
    return columns


def export_rows(survey: Survey) -> Iterator[list[Any]]:
    """One header row with the question codes, one with the questions, then one row per
    submitted response. Anonymous surveys: no date, no person, in a random order."""
    questions = list(survey.questions.order_by("section__position", "position", "id"))
    columns = _columns(questions)
    lead = [_("response")] if survey.anonymous else [_("response"), _("submitted"), _("e-mail")]
    yield lead + [header for _q, _i, header in columns]
    yield [""] * len(lead) + [q.text for q, _i, _h in columns]
    responses = submitted(survey)
    if not breakdown_shown(survey, responses.count()):
        return
    position = {(q.pk, item): n for n, (q, item, _h) in enumerate(columns)}
    kinds = {q.pk: q.kind for q in questions}
    people = {} if survey.anonymous else dict(responses.values_list("pk", "user__email"))
    times = {} if survey.anonymous else {
        pk: timezone.localtime(at).replace(tzinfo=None) if at else None
        for pk, at in responses.values_list("pk", "submitted_at")}
    current: Any = None
    row: list[Any] = []
    number = 0
    answers = Answer.objects.filter(response__in=responses).order_by("response_id", "id") \
        .values_list("response_id", "question_id", "item", "number", "text", "other")
    for response_id, question_id, item, value, text, other in answers.iterator(chunk_size=5000):
        if response_id != current:
            if current is not None:
                yield row
            number += 1
            current = response_id
            row = [number] if survey.anonymous else [
                number, times.get(response_id), people.get(response_id) or ""]
            row += [""] * len(columns)
        kind = kinds[question_id]
        at = position.get((question_id, item))
        cell = value if kind in (*SCALE_KINDS, QuestionKind.NUMBER) else text
        if at is not None:
            at += len(lead)
            if kind == QuestionKind.MULTIPLE and row[at] != "":
                row[at] = f"{row[at]}; {cell}"
            else:
                row[at] = cell
        if other:
            row[position[(question_id, OTHER)] + len(lead)] = other
    if current is not None:
        yield row


def file_name(survey: Survey, fmt: str) -> str:
    return f"{survey.slug}-odpowiedzi.{fmt}"


def export_bytes(survey: Survey, fmt: str) -> bytes:
    rows = export_rows(survey)
    if fmt == "csv":
        return write_csv(rows)
    return xlsx_bytes(rows, _("Answers"), "Answers")


def immediate(survey: Survey) -> bool:
    """Whether the file is small enough to be written while the coordinator waits."""
    return submitted(survey).count() <= IMMEDIATE_RESPONSES


def pending(survey: Survey, user: User) -> list[AnswerExport]:
    """The user's exports of the survey that are being prepared or can be downloaded."""
    now = timezone.now()
    return [e for e in AnswerExport.objects.filter(survey=survey, requested_by=user)
            if e.status == AnswerExport.Status.PENDING
            or (e.status == AnswerExport.Status.READY and e.expires_at and e.expires_at > now)]


@transaction.atomic
def request_export(user: User, survey: Survey, fmt: str) -> AnswerExport:
    """Start writing the file in the background; an export already being prepared in the
    same format is returned instead of a second one."""
    from mosty.surveys import tasks

    found = AnswerExport.objects.filter(survey=survey, requested_by=user, fmt=fmt,
                                        status=AnswerExport.Status.PENDING).first()
    if found is not None:
        return found
    export = AnswerExport.objects.create(survey=survey, requested_by=user, fmt=fmt)
    log_action(user, "surveys.export.requested", survey, format=fmt)
    transaction.on_commit(lambda: tasks.build_answer_export.enqueue(export.pk))
    return export


def build_export(export_id: int) -> AnswerExport | None:
    """Write a requested file and keep it for EXPORT_DAYS days."""
    export = AnswerExport.objects.select_related("survey").filter(
        pk=export_id, status=AnswerExport.Status.PENDING).first()
    if export is None:
        return None
    try:
        content = export_bytes(export.survey, export.fmt)
    except Exception:
        AnswerExport.objects.filter(pk=export.pk).update(status=AnswerExport.Status.FAILED)
        raise
    now = timezone.now()
    with transaction.atomic():
        export.file.save(file_name(export.survey, export.fmt), ContentFile(content), save=False)
        export.status = AnswerExport.Status.READY
        export.finished_at = now
        export.expires_at = now + timedelta(days=EXPORT_DAYS)
        export.save(update_fields=["file", "status", "finished_at", "expires_at"])
    return export


def ready_export(survey: Survey, user: User, pk: int) -> AnswerExport | None:
    """The user's own ready, unexpired export of the survey, or None."""
    return AnswerExport.objects.filter(
        pk=pk, survey=survey, requested_by=user, status=AnswerExport.Status.READY,
        expires_at__gt=timezone.now()).first()
