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
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext as _

from mosty.directory.choices import Kind, Sector
from mosty.directory.models import Membership, Territory
from mosty.programmes.models import Edition, Group, GroupMember
from mosty.surveys.access import MIN_GROUP
from mosty.surveys.models import Answer, Question, QuestionKind, Response, Survey

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
            return Exists(Answer.objects.filter(response_id=OuterRef("pk"),
                                                question=self.question, text=self.value))
        if self.code in (GROUP, EDITION):
            lookup = "group_id" if self.code == GROUP else "group__edition_id"
            return Exists(GroupMember.objects.filter(people=OuterRef("user_id"),
                                                     **{lookup: self.value}))
        lookup = {SECTOR: "organisation__sector", KIND: "organisation__kind",
                  GMINA: "organisation__municipality_id"}[self.code]
        return Exists(Membership.objects.filter(user_id=OuterRef("user_id"),
                                                **{lookup: self.value}))

    def response_ids(self) -> QuerySet[Any]:
        return Response.objects.filter(self.exists()).values("pk")


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
        Dimension(SECTOR, _("Sector of the organisation"), list(Sector.choices)),
        Dimension(KIND, _("Kind of organisation"), list(Kind.choices)),
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


def smallest_group(survey: Survey, chosen: list[Filter]) -> int:
    """The fewest respondents in any non-empty combination of the chosen dimensions'
    values (0 when there is none): one query."""
    responses = Response.objects.filter(survey=survey, submitted_on__isnull=False)
    names = []
    for n, chosen_filter in enumerate(chosen):
        name = f"d{n}"
        names.append(name)
        if chosen_filter.question is not None:
            value: Any = Subquery(Answer.objects.filter(
                response_id=OuterRef("pk"), question=chosen_filter.question)
                .values("text")[:1])
        else:  # respondent dimensions are only offered for named surveys
            value = chosen_filter.exists()
        responses = responses.annotate(**{name: value})
    counts = [row["n"] for row in responses.values(*names).annotate(n=Count("pk"))
              .order_by()]
    return min(counts, default=0)


def breakdown_allowed(survey: Survey, chosen: list[Filter]) -> bool:
    """Whether no group of 1 to MIN_GROUP - 1 respondents can be worked out from this
    breakdown and the others (anonymous surveys; named ones show any breakdown)."""
    if not chosen or not survey.anonymous:
        return True
    return smallest_group(survey, chosen) >= MIN_GROUP
