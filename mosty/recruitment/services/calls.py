"""Coordinators create calls and build their application forms and scoring criteria."""
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.recruitment.choices import Status
from mosty.recruitment.models import RecruitmentCall, Review
from mosty.recruitment.services import RecruitmentError


def _check_answered_questions(call: RecruitmentCall, questions: Any) -> None:
    """Once applications are in, a question may be reworded but not removed or re-typed:
    the answers given to it would lose their meaning."""
    if not call.pk or not call.applications.exclude(status=Status.DRAFT).exists():
        return
    for form in questions.forms:
        if not form.instance.pk:
            continue
        if form in questions.deleted_forms:
            raise RecruitmentError(_("“%(question)s” already has answers and cannot be removed.")
                                   % {"question": form.initial.get("label")})
        if "kind" in form.changed_data:
            raise RecruitmentError(_("“%(question)s” already has answers: its kind of answer "
                                     "cannot change.") % {"question": form.initial.get("label")})


def _check_scored_criteria(call: RecruitmentCall, criteria: Any) -> None:
    """Once reviews exist, criteria may be renamed but their set and points stay."""
    if not call.pk or not Review.objects.filter(application__call=call).exists():
        return
    for form in criteria.forms:
        removed = form.instance.pk and form in criteria.deleted_forms
        added = not form.instance.pk and form.has_changed()
        if removed or added or (form.instance.pk and "max_points" in form.changed_data):
            raise RecruitmentError(_("Reviews have already been given: the criteria and their "
                                     "points can no longer change (names can)."))


@transaction.atomic
def save_call(actor: User, form: Any, questions: Any, criteria: Any) -> RecruitmentCall:
    """Save a valid call form with its question and criterion formsets."""
    call = form.instance
    creating = call.pk is None
    _check_answered_questions(call, questions)
    _check_scored_criteria(call, criteria)
    call = form.save()
    for formset in (questions, criteria):
        formset.instance = call
        formset.save()
    log_action(actor, "recruitment.call.created" if creating else "recruitment.call.updated",
               call, questions=call.questions.count(), criteria=call.criteria.count())
    return call
