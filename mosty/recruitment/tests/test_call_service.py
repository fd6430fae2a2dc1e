"""The call service with typed values, as the API and commands call it."""
from dataclasses import replace
from datetime import timedelta

import pytest
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.recruitment.models import RecruitmentCall, Review
from mosty.recruitment.services import RecruitmentError
from mosty.recruitment.services.calls import (
    CallInput, CriterionInput, QuestionInput, save_call)
from mosty.recruitment.tests.helpers import submit

pytestmark = pytest.mark.django_db


def question_inputs(call: RecruitmentCall) -> list[QuestionInput]:
    return [QuestionInput(q.label, q.kind, q.position, q.help_text, q.required, q.options,
                          q.file_types, q.max_size_mb, id=q.pk) for q in call.questions.all()]


def criterion_inputs(call: RecruitmentCall) -> list[CriterionInput]:
    return [CriterionInput(c.name, c.max_points, c.position, id=c.pk)
            for c in call.criteria.all()]


def call_input(call: RecruitmentCall, **changes) -> CallInput:
    """The call as it is, with `changes`."""
    return replace(CallInput(edition=call.edition, title=call.title, opens_at=call.opens_at,
                             deadline=call.deadline, is_published=call.is_published,
                             questions=question_inputs(call), criteria=criterion_inputs(call)),
                   **changes)


def test_save_call_creates_a_call_with_its_questions_and_criteria(edition,
                                                                  programme_coordinator):
    now = timezone.now()
    data = CallInput(edition=edition, title="Nabór 2027", opens_at=now,
                     deadline=now + timedelta(days=30),
                     questions=[QuestionInput("Why?", "long_text", required=True),
                                QuestionInput("Role", "choice", options=["a", "b"])],
                     criteria=[CriterionInput("Motivation", 10)])
    call = save_call(programme_coordinator, RecruitmentCall(), data)
    assert [(q.label, q.kind) for q in call.questions.all()] == [
        ("Why?", "long_text"), ("Role", "choice")]
    assert call.criteria.get().max_points == 10
    entry = AuditEntry.objects.get(action="recruitment.call.created")
    assert entry.user == programme_coordinator
    assert entry.data["changes"]["title"] == [None, "Nabór 2027"]
    assert entry.data["changes"]["criteria"] == [None, ["Motivation (10)"]]


def test_save_call_changes_fields_and_lists_and_logs_before_after(call, programme_coordinator):
    data = call_input(call)
    questions = [replace(q, label="Your motivation") if q.label == "Motivation" else q
                 for q in data.questions if q.label != "Founded"]
    save_call(programme_coordinator, call, replace(
        data, title="Nabór 2020", max_accepted=12, questions=questions,
        criteria=criterion_inputs(call) + [CriterionInput("Budget", 3, 3)]))
    call.refresh_from_db()
    assert call.title == "Nabór 2020"
    assert call.max_accepted == 12
    assert not call.questions.filter(label="Founded").exists()
    assert call.questions.filter(label="Your motivation").exists()
    assert call.criteria.count() == 3
    changes = AuditEntry.objects.get(action="recruitment.call.updated").data["changes"]
    assert changes["title"] == ["Nabór 2019", "Nabór 2020"]
    assert changes["max_accepted"] == [None, 12]
    assert "Founded (date)" in changes["questions"][0]
    assert "Founded (date)" not in changes["questions"][1]
    assert changes["criteria"][1][-1] == "Budget (3)"
    assert "deadline" not in changes


def test_answered_questions_keep_their_kind_and_place(call, applicant, organisation,
                                                      programme_coordinator):
    submit(call, applicant, organisation)
    data = call_input(call)
    with pytest.raises(RecruitmentError, match="Motivation"):
        save_call(programme_coordinator, call, replace(data, questions=question_inputs(call)[1:]))
    retyped = [replace(q, kind="text") if q.label == "Motivation" else q for q in data.questions]
    with pytest.raises(RecruitmentError, match="Motivation"):
        save_call(programme_coordinator, call, replace(data, questions=retyped))
    assert call.questions.get(label="Motivation").kind == "long_text"
    assert not AuditEntry.objects.filter(action="recruitment.call.updated").exists()


def test_reviewed_criteria_keep_their_points(call, applicant, organisation,
                                             programme_coordinator):
    application = submit(call, applicant, organisation)
    Review.objects.create(application=application, reviewer=programme_coordinator, total=3)
    data = call_input(call)
    with pytest.raises(RecruitmentError):
        save_call(programme_coordinator, call, replace(
            data, criteria=[replace(c, max_points=10) for c in data.criteria]))
    renamed = [replace(c, name=c.name.upper()) for c in data.criteria]
    save_call(programme_coordinator, call, replace(data, criteria=renamed))
    assert set(call.criteria.values_list("name", flat=True)) == {"MOTIVATION", "POTENTIAL"}


@pytest.mark.parametrize(("changes", "field"), [
    ({"deadline_before_opening": True}, "deadline"),
    ({"applicant_mode": "crowd"}, "applicant_mode"),
    ({"questions": [QuestionInput("Role", "choice", options=["only one"])]}, None),
])
def test_bad_input_raises_a_translated_error(call, programme_coordinator, changes, field):
    if changes.pop("deadline_before_opening", False):
        changes["deadline"] = call.opens_at
    with pytest.raises(RecruitmentError) as error:
        save_call(programme_coordinator, call, call_input(call, **changes))
    assert error.value.field == field
    assert error.value.message
    call.refresh_from_db()
    assert call.applicant_mode == "single"
