"""What the results of a survey can be broken down by, and whether a breakdown may be shown.

A breakdown keeps only the respondents who gave one answer to a single-choice question
and, in a named survey, whose organisation is of one sector, kind or gmina, or who are in
one group or edition of the programme. Up to MAX_FILTERS of them combine (all must hold).

Anonymous surveys (access.MIN_GROUP, 5): a breakdown is shown only when every group of
respondents it splits the survey into has 0 or at least 5 of them. "Groups" are all the
combinations of answers to the chosen questions, "no answer" included: showing "NGO" (20)
next to the whole survey (23) would otherwise give away the 3 others by subtraction, so if
any combination holds 1 to 4 respondents, no breakdown by those questions is shown at all.
Limits of the rule are in docs/surveys.md ("Breakdowns and anonymity").
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext as _

from mosty.directory.choices import Kind, Sector
from mosty.directory.models import Membership, Territory
from mosty.programmes.models import Edition, Group, GroupMember
from mosty.surveys.access import MIN_GROUP
from mosty.surveys.models import Answer, Question, QuestionKind, Response, Survey, Tally

MAX_FILTERS = 2
# Respondent dimensions (named surveys only): code -> how a response's person matches a value.
SECTOR, KIND, GMINA, GROUP, EDITION = "@sector", "@kind", "@gmina", "@group", "@edition"


@dataclass
class Dimension:
    """One thing to break down by: a question or a property of the respondents."""

    code: str
    label: str
    options: list[tuple[str, str]]
    question: Question | None = None


@dataclass
class Filter:
    """Only the respondents with `value` in one dimension."""

    code: str
    value: str
    label: str
    question: Question | None = None
    dimension: Dimension | None = field(default=None, repr=False, compare=False)

    def exists(self) -> Exists:
        """A condition on Response rows."""
        if self.question is not None:
            return Exists(Answer.objects.filter(response_id=OuterRef("pk"), item="",
                                                question=self.question, text=self.value))
        if self.code in (GROUP, EDITION):
            lookup = "group_id" if self.code == GROUP else "group__edition_id"
            return Exists(GroupMember.objects.filter(people=OuterRef("user_id"),
                                                     **{lookup: self.value}))
        lookup = {SECTOR: "organisation__sector", KIND: "organisation__kind",
                  GMINA: "organisation__municipality_id"}[self.code]
        return Exists(Membership.objects.filter(user_id=OuterRef("user_id"),
                                                **{lookup: self.value}))


def chosen_responses(survey: Survey, chosen: Sequence[Filter]) -> QuerySet[Any]:
    """The ids of the submitted responses that pass every filter, as a subquery the
    database materialises once: answer filters from the covering index of answers
    (question, item, text), respondent filters from the responses (named surveys)."""
    ids: QuerySet[Any] | None = None
    for one in chosen:
        if one.question is None:
            continue
        found = Answer.objects.filter(question=one.question, item="", text=one.value)
        if ids is None:  # drafts are few: left out once, here
            found = found.exclude(response_id__in=Response.objects.filter(
                survey=survey, submitted_on__isnull=True).values("pk"))
        else:
            found = found.filter(response_id__in=ids)
        ids = found.values("response_id")
    people = [f for f in chosen if f.question is None]
    if ids is None or people:
        responses = Response.objects.filter(survey=survey, submitted_on__isnull=False) \
            .filter(*[f.exists() for f in people])
        if ids is not None:
            responses = responses.filter(pk__in=ids)
        ids = responses.values("pk")
    return ids


def dimensions(survey: Survey) -> list[Dimension]:
    """Single-choice and yes/no questions; for a named survey also the respondents'
    organisations (sector, kind, gmina) and the programme's groups and editions."""
    found = [Dimension(q.code, q.text, q.labelled_options(), q)
             for q in survey.questions.filter(kind__in=[QuestionKind.SINGLE,
                                                        QuestionKind.YES_NO])]
    if survey.anonymous:
        return found
    gminas = Territory.objects.filter(
        organisations__memberships__user__survey_responses__survey=survey).distinct() \
        .order_by("name", "code")
    groups = Group.objects.filter(edition__programme_id=survey.programme_id) \
        .select_related("edition").order_by("edition__start_date", "edition__name", "name")
    editions = Edition.objects.filter(programme_id=survey.programme_id)
    found += [
        Dimension(SECTOR, _("Sector of the organisation"),
                  [(value, str(label)) for value, label in Sector.choices]),
        Dimension(KIND, _("Kind of organisation"),
                  [(value, str(label)) for value, label in Kind.choices]),
        Dimension(GMINA, _("Gmina of the organisation"),
                  [(t.code, t.name) for t in gminas]),
        Dimension(GROUP, _("Group in the programme"),
                  [(str(g.pk), f"{g.edition.name}: {g.name}") for g in groups]),
        Dimension(EDITION, _("Edition of the programme"),
                  [(str(e.pk), e.name) for e in editions]),
    ]
    return [d for d in found if d.options]


def filters(survey: Survey) -> list[Filter]:
    return [Filter(d.code, value, f"{d.label}: {label}", d.question, d)
            for d in dimensions(survey) for value, label in d.options]


def find_filter(survey: Survey, code: str, value: str) -> Filter | None:
    return next((f for f in filters(survey) if f.code == code and f.value == value), None)


def chosen_filters(survey: Survey, given: list[str]) -> list[Filter]:
    """The filters named "code:value" in `given` (one per dimension, at most MAX_FILTERS,
    unknown ones ignored)."""
    known = {(f.code, f.value): f for f in filters(survey)}
    chosen: dict[str, Filter] = {}
    for text in given:
        code, _sep, value = text.partition(":")
        if (code, value) in known and code not in chosen and len(chosen) < MAX_FILTERS:
            chosen[code] = known[(code, value)]
    return list(chosen.values())


Cells = dict[tuple[str | None, ...], int]


def answer_groups(survey: Survey, chosen: list[Filter]) -> Cells:
    """How many submitted respondents gave each combination of answers (None: no answer)
    to the chosen filters' questions (one or two): one question is read from the running
    tallies, two from one GROUP BY of the first one's answers paired with the second's; the
    respondents who answered neither are the rest."""
    questions = [f.question for f in chosen]
    assert all(q is not None for q in questions)
    assert 1 <= len(questions) <= 2
    total = Response.objects.filter(survey=survey, submitted_on__isnull=False).count()
    tallied: dict[int, dict[str, int]] = {}
    answered: dict[int, int] = {}
    for question_id, kind, value, count in Tally.objects.filter(
            question__in=questions, item="").values_list("question_id", "kind", "value",
                                                         "count"):
        if kind == Tally.ANSWERED:
            answered[question_id] = count
        elif count:
            tallied.setdefault(question_id, {})[value] = count
    first = questions[0]
    assert first is not None
    if len(questions) == 1:
        cells: Cells = {(value,): n for value, n in tallied.get(first.pk, {}).items()}
        cells[(None,)] = total - answered.get(first.pk, 0)
        return {key: n for key, n in cells.items() if n}
    second = questions[1]
    assert second is not None
    drafts = Response.objects.filter(survey=survey, submitted_on__isnull=True).values("pk")
    # Each answer to the first question with the same respondent's answer to the second
    # (None: not answered), looked up in the covering index of answers by respondent.
    paired = Answer.objects.filter(response_id=OuterRef("response_id"), question=second,
                                   item="").values("text")[:1]
    cells = {}
    for a, b, n in Answer.objects.filter(question=first, item="") \
            .exclude(response_id__in=drafts).annotate(paired=Subquery(paired)) \
            .values_list("text", "paired").annotate(n=Count("pk")).order_by():
        cells[(a, b)] = n
    for value, n in tallied.get(second.pk, {}).items():  # the second only
        cells[(None, value)] = n - sum(c for (a, b), c in cells.items()
                                       if a is not None and b == value)
    second_only = sum(n for (a, _b), n in cells.items() if a is None)
    cells[(None, None)] = total - answered.get(first.pk, 0) - second_only
    return {key: n for key, n in cells.items() if n}


def respondent_count(survey: Survey, chosen: list[Filter]) -> int:
    return Response.objects.filter(survey=survey, submitted_on__isnull=False) \
        .filter(*[f.exists() for f in chosen]).count()


def count_and_allowed(survey: Survey, chosen: list[Filter]) -> tuple[int, bool]:
    """The number of respondents the breakdown keeps, and whether it may be shown: in an
    anonymous survey no group of 1 to MIN_GROUP - 1 respondents can be worked out from it
    and the others (named surveys show any breakdown)."""
    if chosen and len(chosen) <= 2 and all(f.question is not None for f in chosen):
        cells = answer_groups(survey, chosen)
        count = cells.get(tuple(f.value for f in chosen), 0)
        return count, not survey.anonymous or min(cells.values(), default=0) >= MIN_GROUP
    # Respondent filters are only offered in named surveys.
    return respondent_count(survey, chosen), not survey.anonymous or not chosen
