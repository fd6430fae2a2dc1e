"""Answering a survey page by page: each page is saved on "next", the whole once on "submit".

Who is answering:
- a named survey knows the person (signed in, or through their invitation);
- an anonymous survey knows only a random secret kept in the respondent's browser (a cookie);
  the database keeps its hash on the response, and nothing else about the respondent. An
  invitation to an anonymous survey is marked "answered" when a response is submitted with
  it, and is never linked to that response.
"""
import hashlib
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.access import Viewer
from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.surveys.models import (
    CHOICE_KINDS, SCALE_KINDS, TEXT_KINDS, Answer, Invitation, Question, QuestionKind,
    Response, Section, Survey, results_changed)
from mosty.surveys import tallies
from mosty.surveys.services import SurveyError

MAX_TEXT = 5000


@dataclass(frozen=True)
class Given:
    """What a respondent entered for one question, as typed."""

    values: tuple[str, ...] = ()  # chosen options, or the one typed value
    other: str = ""
    items: Mapping[str, str] = field(default_factory=dict)  # matrix: item → point

    @property
    def empty(self) -> bool:
        return not any(v.strip() for v in self.values) and not self.other.strip() \
            and not any(v for v in self.items.values())


class PageErrors(SurveyError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(_("Some answers need your attention."))
        self.errors = errors


def new_key() -> str:
    return secrets.token_urlsafe(24)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def find_response(survey: Survey, user: Viewer | None = None, key: str = "",
                  invitation: Invitation | None = None) -> Response | None:
    if not survey.anonymous:
        if invitation is not None:
            return Response.objects.filter(survey=survey, invitation=invitation).first()
        if isinstance(user, User) and user.is_authenticated:
            return Response.objects.filter(survey=survey, user=user).first()
        return None
    if not key:
        return None
    return Response.objects.filter(survey=survey, key_hash=key_hash(key)).first()


def start_problem(survey: Survey, user: Viewer | None = None,
                  invitation: Invitation | None = None) -> str | None:
    if not survey.is_open:
        return _("This survey is not open for answers.")
    if invitation is not None and invitation.answered:
        return _("This invitation has already been used to answer.")
    if not survey.anonymous and invitation is None \
            and not getattr(user, "is_authenticated", False):
        return _("This survey is not anonymous: log in to answer it.")
    return None


@transaction.atomic
def start_response(survey: Survey, user: Viewer | None = None, key: str = "",
                   invitation: Invitation | None = None) -> Response:
    """A new empty response; anonymous ones keep only the hash of the browser's `key`."""
    problem = start_problem(survey, user, invitation)
    if problem:
        raise SurveyError(problem)
    if survey.anonymous:
        if not key:
            raise SurveyError(_("Your browser must accept cookies to answer this survey."))
        return Response.objects.create(survey=survey, key_hash=key_hash(key))
    person = invitation.user if invitation is not None else \
        user if isinstance(user, User) else None
    return Response.objects.create(survey=survey, user=person, invitation=invitation)


def saved_values(response: Response) -> dict[int, list[Answer]]:
    """The answers saved so far, by question id."""
    saved: dict[int, list[Answer]] = {}
    for answer in response.answers.all():
        saved.setdefault(answer.question_id, []).append(answer)
    return saved


def is_shown(question: Question, saved: Mapping[int, list[Answer]]) -> bool:
    """A question with a condition shows when the earlier answer is one of its values."""
    if question.condition_question_id is None:
        return True
    given = {a.text for a in saved.get(question.condition_question_id, [])}
    return bool(given & set(question.condition_values))


def shown_questions(section: Section, saved: Mapping[int, list[Answer]]) -> list[Question]:
    return [q for q in section.questions.all() if is_shown(q, saved)]


def pages(survey: Survey, saved: Mapping[int, list[Answer]]) -> list[Section]:
    """The sections that have at least one question to show this respondent."""
    return [s for s in survey.sections.prefetch_related("questions")
            if shown_questions(s, saved)]


def _parse(question: Question, given: Given) -> tuple[list[Answer], str | None]:
    """The rows to store, or the reason the input is wrong."""
    rows: list[Answer] = []
    if given.empty:
        if question.required:
            return [], _("This question requires an answer.")
        return [], None
    first = given.values[0].strip() if given.values else ""
    if question.kind in SCALE_KINDS:
        points = {str(p) for p, _label in question.scale()}
        items = given.items if question.kind == QuestionKind.MATRIX else {"": first}
        known = {value for value, _label in question.labelled_items()} \
            if question.kind == QuestionKind.MATRIX else {""}
        for item, point in items.items():
            if item not in known or (point and point not in points):
                return [], _("Choose a point of the scale.")
            if point:
                rows.append(Answer(question=question, item=item, number=int(point)))
        if question.required and len(rows) < len(known):
            return [], _("Rate every item.")
    elif question.kind in CHOICE_KINDS or question.kind == QuestionKind.YES_NO:
        known = {value for value, _label in question.labelled_options()}
        chosen = [v for v in given.values if v]
        other = given.other.strip()[:MAX_TEXT]
        if question.allow_other and other and "__other__" not in chosen:
            chosen.append("__other__")
        if any(v not in known and not (v == "__other__" and question.allow_other)
               for v in chosen):
            return [], _("Choose one of the options.")
        if question.kind != QuestionKind.MULTIPLE and len(chosen) > 1:
            return [], _("Choose only one option.")
        if "__other__" in chosen and not other:
            return [], _("Say what “other” means.")
        if question.required and not chosen:
            return [], _("This question requires an answer.")
        rows = [Answer(question=question, text=v, other=other if v == "__other__" else "")
                for v in chosen]
    elif question.kind == QuestionKind.NUMBER:
        try:
            number = float(first.replace(",", ".").replace(" ", ""))
        except ValueError:
            return [], _("Enter a number.")
        if not math.isfinite(number):  # float() takes "nan" and "inf": no one's answer
            return [], _("Enter a number.")
        rows = [Answer(question=question, number=number)]
    elif question.kind == QuestionKind.DATE:
        try:
            day = date.fromisoformat(first)
        except ValueError:
            return [], _("Enter a date as YYYY-MM-DD.")
        rows = [Answer(question=question, text=day.isoformat())]
    elif question.kind in TEXT_KINDS:
        limit = 300 if question.kind == QuestionKind.SHORT_TEXT else MAX_TEXT
        rows = [Answer(question=question, text=first[:limit])]
    return rows, None


def _editable(response: Response) -> None:
    survey = response.survey
    if not survey.is_open:
        raise SurveyError(_("This survey is closed; answers can no longer change."))
    if response.submitted and not survey.editable:
        raise SurveyError(_("You have already submitted your answers."))


@transaction.atomic
def save_page(response: Response, section: Section, given: Mapping[str, Given]) -> None:
    """Store the answers to the questions this page shows (by question code); answers to
    questions that a changed answer now hides are removed."""
    response = Response.objects.select_for_update().select_related("survey").get(pk=response.pk)
    _editable(response)
    saved = saved_values(response)
    errors: dict[str, str] = {}
    rows: list[Answer] = []
    questions = list(section.questions.all())
    for question in questions:
        if not is_shown(question, saved):
            continue
        parsed, problem = _parse(question, given.get(question.code, Given()))
        if problem:
            errors[question.code] = problem
        rows.extend(parsed)
    if errors:
        raise PageErrors(errors)
    if response.submitted:
        tallies.add(response, -1)  # taken out whole, added again below
    response.answers.filter(question__in=questions).delete()
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    _drop_hidden(response)
    if response.submitted:
        tallies.add(response)
        results_changed(response.survey_id)


def _drop_hidden(response: Response) -> None:
    saved = saved_values(response)
    hidden = [q.pk for q in response.survey.questions.exclude(condition_question=None)
              if q.pk in saved and not is_shown(q, saved)]
    if hidden:
        response.answers.filter(question_id__in=hidden).delete()


def missing_required(response: Response) -> list[Question]:
    saved = saved_values(response)
    return [q for section in pages(response.survey, saved)
            for q in shown_questions(section, saved) if q.required and q.pk not in saved]


@transaction.atomic
def submit(response: Response, invitation: Invitation | None = None) -> Response:
    """Submit once. For an anonymous survey the response keeps the day only, and its browser
    key is dropped unless answers may still change."""
    response = Response.objects.select_for_update().select_related("survey").get(pk=response.pk)
    survey = response.survey
    _editable(response)
    missing = missing_required(response)
    if missing:
        raise SurveyError(_("Answer the required question: %(question)s")
                          % {"question": missing[0].text})
    first_time = not response.submitted
    if first_time and invitation is not None:
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.answered:
            raise SurveyError(_("This invitation has already been used to answer."))
        invitation.answered = True
        invitation.save(update_fields=["answered"])
    fields = ["submitted_on"]
    response.submitted_on = timezone.localdate()
    if not survey.anonymous:
        response.submitted_at = timezone.now()
        fields.append("submitted_at")
    elif not survey.editable:
        response.key_hash = ""
        fields.append("key_hash")
    response.save(update_fields=fields)
    if first_time:
        tallies.add(response)
    results_changed(survey.pk)
    if survey.anonymous:
        # Nothing that points at the response or the person.
        log_action(None, "surveys.response.submitted", survey)
    else:
        log_action(response.user, "surveys.response.submitted", survey,
                   response=str(response.pk), changed=not first_time)
    return response
