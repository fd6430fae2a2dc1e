"""Results of a survey: counts per option, means, texts, the index and the raw-answer export.

Counting happens in the database (GROUP BY), so the number of queries depends on the number
of questions, never on the number of responses. Only submitted responses count. For an
anonymous survey nothing is shown from fewer than access.MIN_GROUP responses.
"""
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Avg, Case, Count, F, QuerySet, TextField, Value, When
from django.utils import translation
from django.utils.translation import gettext as _

from mosty.surveys import index, partnership
from mosty.surveys.access import breakdown_shown
from mosty.surveys.breakdowns import Filter, chosen_responses, count_and_allowed
from mosty.surveys.models import (
    CHOICE_KINDS, SCALE_KINDS, TEXT_KINDS, Answer, IndexFigures, Question, QuestionKind,
    Response, Survey, SurveyKind, Tally)

TEXTS_SHOWN = 200
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
class Results:
    survey: Survey
    count: int
    shown: bool
    questions: list[QuestionResult] = field(default_factory=list)
    chosen: list[Filter] = field(default_factory=list)
    # The breakdown would leave a group of fewer than MIN_GROUP respondents (breakdowns.py).
    isolating: bool = False


def submitted(survey: Survey, chosen: Sequence[Filter] = ()) -> QuerySet[Response]:
    responses = Response.objects.filter(survey=survey, submitted_on__isnull=False)
    return responses.filter(*[f.exists() for f in chosen])


def _percent(rows: list[Row], total: int) -> list[Row]:
    for row in rows:
        row.percent = round(100 * row.count / total, 1) if total else 0.0
    return rows


def _answers(survey: Survey, chosen: Sequence[Filter]) -> QuerySet[Answer]:
    """Submitted answers (of the chosen respondents). A breakdown reads the answers of its
    respondents (a subquery the database materialises once) by respondent, from the
    covering index `surveys_answer_by_response`: they are a part of all the answers."""
    if chosen:
        return Answer.objects.filter(response_id__in=chosen_responses(survey, chosen))
    questions = Question.objects.filter(survey=survey).values("pk")
    # Drafts are few: leaving them out costs less than joining every answer to its response.
    drafts = Response.objects.filter(survey=survey, submitted_on__isnull=True).values("pk")
    return Answer.objects.filter(question__in=questions).exclude(response_id__in=drafts)


# (question id, matrix item, choice, number): how many gave it (scales and numbers have
# their value in `number`, choices in the text).
Counted = dict[tuple[int, str, str, float | None], int]
NUMBERED_KINDS = (*SCALE_KINDS, QuestionKind.NUMBER)
SEVERAL_ROWS_KINDS = (QuestionKind.MULTIPLE, QuestionKind.MATRIX)


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
        elif kinds[question_id] in NUMBERED_KINDS:
            counted[(question_id, item, "", float(value))] = count
        else:
            counted[(question_id, item, value, None)] = count
    return counted, answered


def _counted(answers: QuerySet[Answer],
             questions: list[Question]) -> tuple[Counted, dict[int, int]]:
    """The same counted from the answers of a breakdown's respondents, in one pass over
    them (texts and dates are only counted as answered) and one more over the questions
    answered with several rows."""
    kinds = {q.pk: q.kind for q in questions}
    choices = [pk for pk, kind in kinds.items()
               if kind in CHOICE_KINDS or kind == QuestionKind.YES_NO]
    counted: Counted = {}
    answered: dict[int, int] = {}
    for question_id, item, value, number, n in answers.annotate(
            value=Case(When(question_id__in=choices, then="text"), default=Value(""),
                       output_field=TextField())) \
            .values_list("question_id", "item", "value", "number").annotate(n=Count("pk")) \
            .order_by():
        counted[(question_id, item, value, number)] = n
        answered[question_id] = answered.get(question_id, 0) + n
    several = [pk for pk, kind in kinds.items() if kind in SEVERAL_ROWS_KINDS]
    if several:
        # `question_id + 0` leaves the indexes on the question aside: the database goes on
        # reading the respondents' answers by respondent instead of every answer given.
        answered |= dict(answers.alias(asked=F("question_id") + 0).filter(asked__in=several)
                         .values("question_id").annotate(n=Count("response_id", distinct=True))
                         .values_list("question_id", "n").order_by())
    return counted, answered


def _number_stats(counted: Counted) -> dict[int, dict[str, float | None]]:
    """Mean, lowest and highest of each question's numbers, from the counts per value."""
    values: dict[int, list[tuple[float, int]]] = {}
    for (question_id, _item, _text, number), n in counted.items():
        if number is not None and n:
            values.setdefault(question_id, []).append((number, n))
    return {question_id: {"mean": sum(v * n for v, n in found) / sum(n for _v, n in found),
                          "min": min(v for v, _n in found), "max": max(v for v, _n in found)}
            for question_id, found in values.items()}


def compute(survey: Survey, chosen: Sequence[Filter] = ()) -> Results:
    chosen = list(chosen)
    if chosen:
        count, allowed = count_and_allowed(survey, chosen)
    else:
        count, allowed = submitted(survey).count(), True
    result = Results(survey, count, allowed and breakdown_shown(survey, count), chosen=chosen,
                     isolating=not allowed)
    if not result.shown:
        return result
    questions = list(survey.questions.select_related("section"))
    answers = _answers(survey, chosen)
    counted, answered = _counted(answers, questions) if chosen else _tallied(questions)
    numbers = _number_stats(counted)
    texts: dict[int, list[str]] = {}
    for question_id, text in answers.filter(
            question_id__in=[q.pk for q in questions if q.kind in TEXT_KINDS]) \
            .exclude(text="").order_by("text") \
            .values_list("question_id", "text")[:TEXTS_SHOWN * 10]:
        texts.setdefault(question_id, []).append(text)
    others: dict[int, list[str]] = {}
    # item="": read from the index of the counts (question, item, text), not every answer.
    for question_id, text in answers.filter(
            question_id__in=[q.pk for q in questions if q.allow_other], item="", text=OTHER) \
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
            item.stats = {"mean": stats.get("mean"), "min": stats.get("min"),
                          "max": stats.get("max")}
        result.questions.append(item)
    return result


def _cache_key(kind: str, survey: Survey, chosen: Sequence[Filter]) -> str:
    # created_at: a new survey that gets a deleted one's id never meets its old results.
    by = ",".join(sorted(f"{f.code}:{f.value}" for f in chosen))
    version = Survey.objects.filter(pk=survey.pk).values_list("results_version", flat=True)
    return ":".join(str(part) for part in (
        "surveys", kind, survey.pk, survey.created_at.timestamp(), version.first(), by,
        translation.get_language()))


def cached(survey: Survey, chosen: Sequence[Filter] = ()) -> Results:
    """`compute`, kept until answers, questions or figures change (`results_changed`)."""
    key = _cache_key("results", survey, chosen)
    found = cache.get(key)
    if found is None:
        found = compute(survey, chosen)
        cache.set(key, found, CACHE_SECONDS)
    return found


def cached_index(survey: Survey, chosen: Sequence[Filter] = ()) -> index.IndexResult:
    key = _cache_key("index", survey, chosen)
    found = cache.get(key)
    if found is None:
        found = index_result(survey, chosen)
        cache.set(key, found, CACHE_SECONDS)
    return found


# The cooperation-quality index ----------------------------------------------------------

def index_result(survey: Survey, chosen: Sequence[Filter] = ()) -> index.IndexResult:
    """The index of one self-assessment (optionally of the respondents of one group)."""
    answers: dict[str, list[float]] = {}
    points = 5
    rows = _answers(survey, chosen) \
        .exclude(question__indicator="").values("question__indicator", "question__scale_points",
                                                "number").annotate(n=Count("id"))
    for row in rows:
        if row["number"] is None:
            continue
        points = row["question__scale_points"]
        answers.setdefault(row["question__indicator"], []).extend([row["number"]] * row["n"])
    return index.compute(answers, {} if chosen else _figures(survey), points)


def partnership_scores(survey: Survey) -> list[partnership.FactorScore]:
    """Factor means of a partnership self-assessment (matrix items named after factors)."""
    answers: dict[str, list[float]] = {}
    rows = _answers(survey, ()).filter(
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
