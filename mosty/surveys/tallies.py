"""Running counts of submitted answers (the Tally rows), so that the results of a big
survey are read, not recounted. A submitted response is added once; when its answers
change it is taken out whole and added again. `rebuild` recounts a survey from its answers
(after a bulk import, or to check). Numbers are counted per value too: their mean, lowest
and highest come from a few rows (people give round numbers), not from every answer."""
from collections import Counter
from collections.abc import Iterable

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F

from mosty.surveys.models import (
    CHOICE_KINDS, SCALE_KINDS, Answer, QuestionKind, Response, Survey, Tally)

COUNTED_KINDS = (*CHOICE_KINDS, *SCALE_KINDS, QuestionKind.YES_NO, QuestionKind.NUMBER)
Key = tuple[int, str, str, str]  # question id, kind, item, value


def value_of(number: float | None, text: str) -> str:
    """The tally value: the text, or the number written short ("3") where that is exact."""
    if number is None:
        return text
    short = f"{number:g}"
    return short if float(short) == number else repr(number)


def keys(rows: Iterable[tuple[int, str, str, float | None, str]]) -> Counter[Key]:
    """The tally keys of one response's answers: (question id, kind, item, number, text)."""
    counted: Counter[Key] = Counter()
    answered: set[int] = set()
    for question_id, kind, item, number, text in rows:
        answered.add(question_id)
        if kind in COUNTED_KINDS:
            counted[(question_id, Tally.VALUE, item, value_of(number, text))] += 1
    for question_id in answered:
        counted[(question_id, Tally.ANSWERED, "", "")] += 1
    return counted


def _rows(response: Response) -> list[tuple[int, str, str, float | None, str]]:
    return list(response.answers.values_list("question_id", "question__kind", "item", "number",
                                             "text"))


def add(response: Response, sign: int = 1) -> None:
    """Count (sign 1) or uncount (-1) the response's answers; call inside its transaction."""
    for (question_id, kind, item, value), n in keys(_rows(response)).items():
        found = Tally.objects.filter(question_id=question_id, kind=kind, item=item, value=value)
        if found.update(count=F("count") + sign * n):
            continue
        try:
            with transaction.atomic():
                Tally.objects.create(question_id=question_id, kind=kind, item=item,
                                     value=value, count=sign * n)
        except IntegrityError:  # another submission created it meanwhile
            found.update(count=F("count") + sign * n)


def refresh_statistics() -> None:
    """Let SQLite's planner know the shape of the answer tables (ANALYZE reading a sample
    of each index: quick at any size). Without statistics it joins a breakdown's answers
    through the wrong index and a filtered results page of 2,000 responses takes seconds
    instead of a tenth of one. PostgreSQL keeps its statistics itself (autovacuum)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=400")
        for model in (Answer, Response):
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')


@transaction.atomic
def rebuild(survey: Survey) -> None:
    """Recount the survey's tallies from its submitted answers."""
    Tally.objects.filter(question__survey=survey).delete()
    answers = Answer.objects.filter(question__survey=survey,
                                    response__submitted_on__isnull=False)
    made = [Tally(question_id=row["question_id"], kind=Tally.VALUE, item=row["item"],
                  value=value_of(row["number"], row["text"]), count=row["n"])
            for row in answers.filter(question__kind__in=COUNTED_KINDS)
            .values("question_id", "item", "number", "text").annotate(n=Count("id"))]
    made += [Tally(question_id=row["question_id"], kind=Tally.ANSWERED, count=row["n"])
             for row in answers.values("question_id")
             .annotate(n=Count("response_id", distinct=True))]
    Tally.objects.bulk_create(made, batch_size=1000)
    refresh_statistics()
