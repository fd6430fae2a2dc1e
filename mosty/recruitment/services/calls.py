"""Coordinators create calls and build their application forms and scoring criteria."""
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import Snapshot, log_change, snapshot
from mosty.core.errors import check_model
from mosty.programmes.models import Edition
from mosty.recruitment.choices import (
    KINDS_WITH_OPTIONS, ApplicantMode, QuestionKind, Status)
from mosty.recruitment.models import Criterion, Question, RecruitmentCall, Review
from mosty.recruitment.services import RecruitmentError


@dataclass(frozen=True)
class QuestionInput:
    """A question of the application form; `id` names an existing one of the call."""

    label: str
    kind: str = QuestionKind.TEXT
    position: int = 0
    help_text: str = ""
    required: bool = False
    options: list[str] = field(default_factory=list)
    file_types: list[str] = field(default_factory=list)
    max_size_mb: int = 5
    id: int | None = None


@dataclass(frozen=True)
class CriterionInput:
    """A scoring criterion; `id` names an existing one of the call."""

    name: str
    max_points: int = 5
    position: int = 0
    id: int | None = None


@dataclass(frozen=True)
class CallInput:
    """A call as the coordinator wants it. `questions` and `criteria` are the complete lists:
    the call's rows left out are deleted; None leaves them as they are."""

    edition: Edition
    title: str
    opens_at: datetime
    deadline: datetime
    description: str = ""
    is_published: bool = False
    applicant_mode: str = ApplicantMode.SINGLE
    pair_area_rule: str = ""
    allowed_sectors: list[str] = field(default_factory=list)
    allowed_kinds: list[str] = field(default_factory=list)
    max_applications: int | None = None
    max_accepted: int | None = None
    score_max: int = 10
    questions: list[QuestionInput] | None = None
    criteria: list[CriterionInput] | None = None


CALL_FIELDS = ["edition", "title", "description", "opens_at", "deadline", "is_published",
               "applicant_mode", "pair_area_rule", "allowed_sectors", "allowed_kinds",
               "max_applications", "max_accepted", "score_max"]


def _check_answered_questions(call: RecruitmentCall, questions: list[QuestionInput]) -> None:
    """Once applications are in, a question may be reworded but not removed or re-typed:
    the answers given to it would lose their meaning."""
    if not call.pk or not call.applications.exclude(status=Status.DRAFT).exists():
        return
    wanted = {q.id: q for q in questions if q.id is not None}
    for question in call.questions.all():
        if question.pk not in wanted:
            raise RecruitmentError(_("“%(question)s” already has answers and cannot be removed.")
                                   % {"question": question.label})
        if wanted[question.pk].kind != question.kind:
            raise RecruitmentError(_("“%(question)s” already has answers: its kind of answer "
                                     "cannot change.") % {"question": question.label})


def _check_scored_criteria(call: RecruitmentCall, criteria: list[CriterionInput]) -> None:
    """Once reviews exist, criteria may be renamed but their set and points stay."""
    if not call.pk or not Review.objects.filter(application__call=call).exists():
        return
    points = dict(call.criteria.values_list("pk", "max_points"))
    if {c.id: c.max_points for c in criteria} != points:
        raise RecruitmentError(_("Reviews have already been given: the criteria and their "
                                 "points can no longer change (names can)."))


def _check_questions(questions: list[QuestionInput]) -> None:
    for question in questions:
        if question.kind in KINDS_WITH_OPTIONS and len(question.options) < 2:
            raise RecruitmentError(_("Give at least two options, one per line."))
        if question.kind == QuestionKind.FILE and not question.file_types:
            raise RecruitmentError(_("Tick at least one kind of file."))


def _sync(call: RecruitmentCall, model: type[Question] | type[Criterion],
          rows: list[QuestionInput] | list[CriterionInput]) -> None:
    """Make the call's rows of `model` exactly `rows`: change, add, delete."""
    existing = {obj.pk: obj for obj in model.objects.filter(call=call)}
    kept = {row.id for row in rows if row.id in existing}
    model.objects.filter(pk__in=[pk for pk in existing if pk not in kept]).delete()
    for row in rows:
        obj = existing[row.id] if row.id in kept else model(call=call)
        for name, value in asdict(row).items():
            if name != "id":
                setattr(obj, name, value)
        try:
            check_model(obj, RecruitmentError, ["call"])
        except RecruitmentError as error:
            # A question's field is not a field of the call form.
            raise RecruitmentError(error.message) from error
        obj.save()


def _record(call: RecruitmentCall) -> Snapshot:
    """What the audit log records of a call: its fields, questions and criteria."""
    return snapshot(call, CALL_FIELDS) | {
        "questions": [f"{q.label} ({q.kind})" for q in call.questions.all()],
        "criteria": [f"{c.name} ({c.max_points})" for c in call.criteria.all()],
    }


@transaction.atomic
def save_call(actor: User, call: RecruitmentCall, data: CallInput) -> RecruitmentCall:
    """Create (`call` unsaved) or change a call with its questions and criteria."""
    creating = call.pk is None
    if not creating:
        call = RecruitmentCall.objects.select_for_update().get(pk=call.pk)
    before = None if creating else _record(call)
    if data.deadline <= data.opens_at:
        raise RecruitmentError(_("The deadline must come after the opening."), "deadline")
    if data.questions is not None:
        _check_answered_questions(call, data.questions)
        _check_questions(data.questions)
    if data.criteria is not None:
        _check_scored_criteria(call, data.criteria)
    for name in CALL_FIELDS:
        setattr(call, name, getattr(data, name))
    check_model(call, RecruitmentError)
    call.save()
    if data.questions is not None:
        _sync(call, Question, data.questions)
    if data.criteria is not None:
        _sync(call, Criterion, data.criteria)
    log_change(actor, "recruitment.call.created" if creating else "recruitment.call.updated",
               call, before, after=_record(call))
    return call
