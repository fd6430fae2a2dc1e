"""Surveys in the REST API: surveys and their questions, and the results of closed surveys,
for the people who see them on the pages (mosty.surveys.access). Mounted under /surveys.

Results are counts and means only, with the fewer-than-five rule of the pages; free texts
of anonymous surveys are not given out there. The raw answers (one row per response, as in
the XLSX export: no dates, no people and a random order for an anonymous survey, nothing
below five responses) only to the survey's managers, a page at a time.
"""
from itertools import islice
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from mosty.core.api import Error, choices_of
from mosty.surveys import access, exports, results
from mosty.surveys.index import AREAS, IndexResult
from mosty.surveys.models import Question, Survey, SurveyKind, SurveyStatus

router = Router(tags=["surveys"])


class SurveyOut(Schema):
    slug: str
    title_pl: str
    title_en: str
    kind: Annotated[str, choices_of(Survey, "kind")]
    status: Annotated[str, choices_of(Survey, "status")]
    anonymous: bool
    programme: str
    event: str | None
    place: str
    year: int | None


class SurveyQuestionOut(Schema):
    code: str
    page: int
    kind: Annotated[str, choices_of(Question, "kind")]
    text_pl: str
    text_en: str
    required: bool
    options: list[dict[str, str]]
    allow_other: bool
    items: list[dict[str, str]]
    scale_points: int
    scale_labels: list[dict[str, str]]
    shown_if: dict[str, object] | None
    indicator: str


class SurveyDetail(SurveyOut):
    questions: list[SurveyQuestionOut]


class RowOut(Schema):
    value: str
    label: str
    count: int
    percent: float


class BlockOut(Schema):
    item: str
    rows: list[RowOut]
    answered: int
    mean: float | None


class QuestionResultOut(Schema):
    code: str
    kind: Annotated[str, choices_of(Question, "kind")]
    answered: int
    blocks: list[BlockOut]
    stats: dict[str, float | None]
    texts: list[str]
    other_texts: list[str]


class IndexOut(Schema):
    index: float | None
    areas: dict[str, float | None]
    indicators: dict[str, float | None]
    answers: dict[str, int]
    strengths: list[str]
    concerns: list[str]


class ResultsOut(Schema):
    survey: str
    responses: int
    shown: bool
    questions: list[QuestionResultOut]
    index: IndexOut | None


def survey_out(survey: Survey) -> dict[str, object]:
    return {"slug": survey.slug, "title_pl": survey.title_pl, "title_en": survey.title_en,
            "kind": survey.kind, "status": survey.status, "anonymous": survey.anonymous,
            "programme": survey.programme.slug,
            "event": survey.event.slug if survey.event else None, "place": survey.place,
            "year": survey.year}


def index_out(result: IndexResult) -> dict[str, object]:
    return {"index": result.index, "areas": {a.code: result.areas[a.code] for a in AREAS},
            "indicators": {c: s.score for c, s in result.indicators.items()},
            "answers": {c: s.answers for c, s in result.indicators.items()},
            "strengths": result.strengths, "concerns": result.concerns}


@router.get("", response=list[SurveyOut])
def list_surveys(request: HttpRequest) -> object:
    """Surveys of the programmes whose private parts you see (coordinators, facilitators)."""
    surveys = access.seen_surveys(request.user).select_related("programme", "event") \
        .order_by("programme__name", "-year", "title_pl")
    return [survey_out(s) for s in surveys]


@router.get("/{slug}", response={200: SurveyDetail, 404: Error})
def get_survey(request: HttpRequest, slug: str) -> object:
    survey = access.get_survey(request.user, slug)
    pages = {s.pk: n for n, s in enumerate(survey.sections.all(), start=1)}
    questions = survey.questions.select_related("condition_question") \
        .order_by("section__position", "position", "id")
    return {**survey_out(survey), "questions": [{
        "code": q.code, "page": pages[q.section_id], "kind": q.kind, "text_pl": q.text_pl,
        "text_en": q.text_en, "required": q.required, "options": q.options,
        "allow_other": q.allow_other, "items": q.items, "scale_points": q.scale_points,
        "scale_labels": q.scale_labels, "indicator": q.indicator,
        "shown_if": {"question": q.condition_question.code, "values": q.condition_values}
        if q.condition_question else None} for q in questions]}


@router.get("/{slug}/results", response={200: ResultsOut, 404: Error, 409: Error})
def get_results(request: HttpRequest, slug: str) -> object:
    """Counts and means of a closed survey (nothing below five answers of an anonymous
    survey); the cooperation-quality index for a self-assessment."""
    survey = access.get_survey(request.user, slug)
    if survey.status != SurveyStatus.CLOSED:
        return Status(409, {"detail": "The survey is not closed yet."})
    outcome = results.cached(survey)
    indexed = index_out(results.cached_index(survey)) \
        if survey.kind == SurveyKind.INDEX and outcome.shown else None
    return {"survey": survey.slug, "responses": outcome.count, "shown": outcome.shown,
            "index": indexed, "questions": [{
                "code": item.question.code, "kind": item.question.kind,
                "answered": item.answered, "stats": item.stats,
                "texts": [] if survey.anonymous else item.texts,
                "other_texts": [] if survey.anonymous else item.others,
                "blocks": [{"item": b.label, "answered": b.answered, "mean": b.mean,
                            "rows": [r.__dict__ for r in b.rows]} for b in item.blocks]}
                for item in outcome.questions]}


class AnswersOut(Schema):
    survey: str
    responses: int
    columns: list[str]
    questions: list[str]
    rows: list[list[Any]]


@router.get("/{slug}/answers", response={200: AnswersOut, 404: Error})
def get_answers(request: HttpRequest, slug: str, offset: int = 0, limit: int = 500) -> object:
    """Raw answers for the survey's coordinators: `limit` (at most 1000) rows from `offset`."""
    survey = access.get_managed_survey(request.user, slug)
    rows = exports.export_rows(survey)
    columns, questions = next(rows), next(rows)
    page = list(islice(rows, max(0, offset), max(0, offset) + max(0, min(limit, 1000))))
    return {"survey": survey.slug, "responses": results.submitted(survey).count(),
            "columns": [str(c) for c in columns], "questions": [str(q) for q in questions],
            "rows": [[c.isoformat() if hasattr(c, "isoformat") else c for c in row]
                     for row in page]}
