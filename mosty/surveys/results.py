"""Results of a survey: counts per option, means, texts, the index and the raw-answer export.

Counting happens in the database (GROUP BY), so the number of queries depends on the number
of questions, never on the number of responses. Only submitted responses count. For an
anonymous survey nothing is shown from fewer than access.MIN_GROUP responses.
"""
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Avg, Count, Max, Min, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mosty.directory.choices import Kind, Sector
from mosty.surveys import index, partnership
from mosty.surveys.access import breakdown_shown
from mosty.surveys.models import (
    CHOICE_KINDS, SCALE_KINDS, TEXT_KINDS, Answer, IndexFigures, Question, QuestionKind,
    Response, Survey, SurveyKind, Tally)

TEXTS_SHOWN = 200
RESPONDENT_FIELDS = {"@sector": "user__memberships__organisation__sector",
                     "@kind": "user__memberships__organisation__kind"}
CACHE_SECONDS = 24 * 3600
OTHER = "__other__"


@dataclass
class Row:
    value: str
    label: str
    count: int
    percent: float = 0.0


@dataclass
class Block:
    """The counts of one question, or of one matrix item."""

    label: str
    rows: list[Row]
    answered: int = 0
    mean: float | None = None


@dataclass
class QuestionResult:
    question: Question
    blocks: list[Block] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    stats: dict[str, float | None] = field(default_factory=dict)
    answered: int = 0


@dataclass
class Filter:
    """Only the respondents who gave one answer to a single-choice question or, in a named
    survey, whose organisation is of one sector or kind (code "@sector" or "@kind")."""

    code: str
    value: str
    label: str
    question: Question | None = None

    def response_ids(self) -> QuerySet[Any]:
        if self.question is not None:
            return Answer.objects.filter(question=self.question, text=self.value) \
                .values("response_id")
        field = RESPONDENT_FIELDS[self.code]
        return Response.objects.filter(**{field: self.value}).values("pk")


@dataclass
class Results:
    survey: Survey
    count: int
    shown: bool
    questions: list[QuestionResult] = field(default_factory=list)
    chosen: Filter | None = None


def submitted(survey: Survey, chosen: Filter | None = None) -> QuerySet[Response]:
    responses = Response.objects.filter(survey=survey, submitted_on__isnull=False)
    if chosen is not None:
        responses = responses.filter(pk__in=chosen.response_ids())
    return responses


def filters(survey: Survey) -> list[Filter]:
    """What results can be broken down by: the options of single-choice questions and, for
    a named survey, the sector and kind of the respondents' organisations."""
    found = [Filter(q.code, value, f"{q.text}: {label}", q)
             for q in survey.questions.filter(kind__in=[QuestionKind.SINGLE,
                                                        QuestionKind.YES_NO])
             for value, label in q.labelled_options()]
    if not survey.anonymous:
        for code, choices, label in (("@sector", Sector, _("Sector of the organisation")),
                                     ("@kind", Kind, _("Kind of organisation"))):
            found += [Filter(code, value, f"{label}: {name}") for value, name in choices.choices]
    return found


def find_filter(survey: Survey, code: str, value: str) -> Filter | None:
    return next((f for f in filters(survey) if f.code == code and f.value == value), None)


def _percent(rows: list[Row], total: int) -> list[Row]:
    for row in rows:
        row.percent = round(100 * row.count / total, 1) if total else 0.0
    return rows


def _answers(survey: Survey, chosen: Filter | None) -> QuerySet[Answer]:
    # Drafts are few: leaving them out costs less than joining every answer to its response.
    drafts = Response.objects.filter(survey=survey, submitted_on__isnull=True).values("pk")
    answers = Answer.objects.filter(question__in=Question.objects.filter(survey=survey)
                                    .values("pk")).exclude(response_id__in=drafts)
    if chosen is not None:
        answers = answers.filter(response_id__in=chosen.response_ids())
    return answers


Counted = dict[tuple[int, str, str, float | None], int]


def _tallied(questions: list[Question]) -> tuple[Counted, dict[int, int]]:
    """Counts of all submitted responses from the running tallies (mosty.surveys.tallies)."""
    kinds = {q.pk: q.kind for q in questions}
    counted: Counted = {}
    answered: dict[int, int] = {}
    for question_id, kind, item, value, count in Tally.objects.filter(
            question_id__in=list(kinds)).values_list("question_id", "kind", "item", "value",
                                                     "count"):
        if kind == Tally.ANSWERED:
            answered[question_id] = count
        elif kinds[question_id] in SCALE_KINDS:
            counted[(question_id, item, "", float(value))] = count
        else:
            counted[(question_id, item, value, None)] = count
    return counted, answered


def _counted(answers: QuerySet[Answer], counted_ids: list[int],
             distinct_ids: list[int]) -> tuple[Counted, dict[int, int]]:
    """The same counted from the answers themselves (for a breakdown of some respondents)."""
    counted: Counted = {}
    answered: dict[int, int] = {}
    for row in answers.filter(question_id__in=counted_ids) \
            .values("question_id", "item", "text", "number").annotate(n=Count("id")):
        counted[(row["question_id"], row["item"], row["text"], row["number"])] = row["n"]
        answered[row["question_id"]] = answered.get(row["question_id"], 0) + row["n"]
    if distinct_ids:
        answered |= dict(answers.filter(question_id__in=distinct_ids).values("question_id")
                         .annotate(n=Count("response_id", distinct=True))
                         .values_list("question_id", "n"))
    return counted, answered


def compute(survey: Survey, chosen: Filter | None = None) -> Results:
    responses = submitted(survey, chosen)
    count = responses.count()
    result = Results(survey, count, breakdown_shown(survey, count), chosen=chosen)
    if not result.shown:
        return result
    questions = list(survey.questions.select_related("section"))
    answers = _answers(survey, chosen)
    ids = {kind: [q.pk for q in questions if q.kind in kinds] for kind, kinds in (
        ("counted", (*CHOICE_KINDS, *SCALE_KINDS, QuestionKind.YES_NO)),
        ("distinct", (QuestionKind.MULTIPLE, QuestionKind.MATRIX)),
        ("stats", (QuestionKind.NUMBER, QuestionKind.DATE, *TEXT_KINDS)),
        ("texts", TEXT_KINDS))}
    if chosen is None:
        counted, answered = _tallied(questions)
        stats_ids = [q.pk for q in questions if q.kind == QuestionKind.NUMBER]
    else:
        counted, answered = _counted(answers, ids["counted"], ids["distinct"])
        stats_ids = ids["stats"]
    numbers = {row["question_id"]: row for row in answers.filter(
        question_id__in=stats_ids).values("question_id").annotate(
        n=Count("id"), mean=Avg("number"), low=Min("number"), high=Max("number"))}
    if chosen is not None:
        answered |= {pk: row["n"] for pk, row in numbers.items()}
    texts: dict[int, list[str]] = {}
    for question_id, text in answers.filter(question_id__in=ids["texts"]).exclude(text="") \
            .order_by("text").values_list("question_id", "text")[:TEXTS_SHOWN * 10]:
        texts.setdefault(question_id, []).append(text)
    others: dict[int, list[str]] = {}
    for question_id, text in answers.filter(
            question_id__in=[q.pk for q in questions if q.allow_other], text=OTHER) \
            .exclude(other="") \
            .order_by("other").values_list("question_id", "other")[:TEXTS_SHOWN * 10]:
        others.setdefault(question_id, []).append(text)
    for question in questions:
        item = QuestionResult(question, answered=answered.get(question.pk, 0),
                              texts=texts.get(question.pk, [])[:TEXTS_SHOWN],
                              others=others.get(question.pk, [])[:TEXTS_SHOWN])
        if question.kind in SCALE_KINDS:
            items = question.labelled_items() if question.kind == QuestionKind.MATRIX \
                else [("", "")]
            for value, label in items:
                rows = [Row(str(p), text, counted.get((question.pk, value, "", float(p)), 0))
                        for p, text in question.scale()]
                total = sum(r.count for r in rows)
                mean = sum(int(r.value) * r.count for r in rows) / total if total else None
                item.blocks.append(Block(label, _percent(rows, total), total, mean))
        elif question.kind in CHOICE_KINDS or question.kind == QuestionKind.YES_NO:
            options = question.labelled_options()
            if question.allow_other:
                options.append((OTHER, _("other")))
            rows = [Row(v, label, counted.get((question.pk, "", v, None), 0))
                    for v, label in options]
            item.blocks.append(Block("", _percent(rows, item.answered), item.answered))
        elif question.kind == QuestionKind.NUMBER:
            stats = numbers.get(question.pk, {})
            item.stats = {"mean": stats.get("mean"), "min": stats.get("low"),
                          "max": stats.get("high")}
        result.questions.append(item)
    return result


def _cache_key(kind: str, survey: Survey, chosen: Filter | None) -> str:
    # created_at: a new survey that gets a deleted one's id never meets its old results.
    by = f"{chosen.code}:{chosen.value}" if chosen else ""
    version = Survey.objects.filter(pk=survey.pk).values_list("results_version", flat=True)
    return ":".join(str(part) for part in (
        "surveys", kind, survey.pk, survey.created_at.timestamp(), version.first(), by,
        translation.get_language()))


def cached(survey: Survey, chosen: Filter | None = None) -> Results:
    """`compute`, kept until answers, questions or figures change (`results_changed`)."""
    key = _cache_key("results", survey, chosen)
    found = cache.get(key)
    if found is None:
        found = compute(survey, chosen)
        cache.set(key, found, CACHE_SECONDS)
    return found


def cached_index(survey: Survey, chosen: Filter | None = None) -> index.IndexResult:
    key = _cache_key("index", survey, chosen)
    found = cache.get(key)
    if found is None:
        found = index_result(survey, chosen)
        cache.set(key, found, CACHE_SECONDS)
    return found


# The cooperation-quality index ----------------------------------------------------------

def index_result(survey: Survey, chosen: Filter | None = None) -> index.IndexResult:
    """The index of one self-assessment (optionally of the respondents of one group)."""
    answers: dict[str, list[float]] = {}
    points = 5
    rows = Answer.objects.filter(response__in=submitted(survey, chosen)) \
        .exclude(question__indicator="").values("question__indicator", "question__scale_points",
                                                "number").annotate(n=Count("id"))
    for row in rows:
        if row["number"] is None:
            continue
        points = row["question__scale_points"]
        answers.setdefault(row["question__indicator"], []).extend([row["number"]] * row["n"])
    return index.compute(answers, _figures(survey) if chosen is None else {}, points)


def partnership_scores(survey: Survey) -> list[partnership.FactorScore]:
    """Factor means of a partnership self-assessment (matrix items named after factors)."""
    answers: dict[str, list[float]] = {}
    rows = _answers(survey, None).filter(
        question__code__startswith=partnership.QUESTION_PREFIX,
        question__kind=QuestionKind.MATRIX).values("item", "number").annotate(n=Count("id"))
    for row in rows:
        if row["number"] is not None:
            answers.setdefault(row["item"], []).extend([row["number"]] * row["n"])
    return partnership.factor_scores(answers)


@dataclass
class EvaluationRow:
    survey: Survey
    responses: int
    overall: float | None  # mean of the "overall" rating; None below the anonymity rule


def evaluations(surveys: QuerySet[Survey]) -> list[EvaluationRow]:
    """Event evaluations side by side (events, groups, editions): responses and the mean
    overall rating, in three queries whatever their number."""
    chosen = list(surveys.filter(kind=SurveyKind.EVALUATION).select_related(
        "event__group", "event__edition").order_by("event__start"))
    counts = dict(Response.objects.filter(survey__in=chosen, submitted_on__isnull=False)
                  .values("survey").annotate(n=Count("pk")).values_list("survey", "n"))
    means = dict(Answer.objects.filter(question__survey__in=chosen, question__code="overall",
                                       response__submitted_on__isnull=False)
                 .values("question__survey").annotate(mean=Avg("number"))
                 .values_list("question__survey", "mean"))
    return [EvaluationRow(s, counts.get(s.pk, 0), means.get(s.pk)
                          if breakdown_shown(s, counts.get(s.pk, 0)) else None)
            for s in chosen]


@dataclass
class IndexRow:
    survey: Survey
    result: index.IndexResult


def comparison(surveys: QuerySet[Survey]) -> list[IndexRow]:
    """Self-assessments side by side (municipalities and years)."""
    chosen = list(surveys.filter(kind=SurveyKind.INDEX).select_related("figures")
                  .order_by("place", "year"))
    # One query for all of them: the page does not slow down as years and cities add up.
    answers: dict[int, dict[str, list[float]]] = {s.pk: {} for s in chosen}
    points: dict[int, int] = {}
    rows = Answer.objects.filter(question__survey__in=chosen,
                                 response__submitted_on__isnull=False) \
        .exclude(question__indicator="").exclude(number=None) \
        .values("question__survey", "question__indicator", "question__scale_points", "number") \
        .annotate(n=Count("id"))
    for row in rows:
        survey_id = row["question__survey"]
        points[survey_id] = row["question__scale_points"]
        answers[survey_id].setdefault(row["question__indicator"], []).extend(
            [row["number"]] * row["n"])
    return [IndexRow(s, index.compute(answers[s.pk], _figures(s), points.get(s.pk, 5)))
            for s in chosen]


def _figures(survey: Survey) -> dict[str, float | bool | None]:
    try:
        return dict(survey.figures.values)
    except IndexFigures.DoesNotExist:
        return {}


# Export -----------------------------------------------------------------------------------

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
