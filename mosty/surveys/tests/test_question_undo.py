"""Deleting a question asks first and can be undone (mosty.core.undo); the rules that
refuse deleting an answered question hold on the confirmed POST too."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core import undo
from mosty.core.models import Deletion
from mosty.surveys import services
from mosty.surveys.models import Question
from mosty.surveys.tests.conftest import answer, build_survey
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


def test_deleting_asks_then_offers_to_undo(client, programme, programme_coordinator):
    survey = build_survey(programme)
    question = survey.questions.get(code="long")
    client.force_login(programme_coordinator)
    url = reverse("surveys:question_delete", args=[survey.slug, question.pk])
    ask_then_remove(client, survey.get_absolute_url(), url, mentions=["Long"],
                    exists=Question.objects.filter(pk=question.pk).exists)
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    restored = Question.objects.get(pk=question.pk)
    assert (restored.code, restored.position, restored.section_id) == (
        "long", question.position, question.section_id)


def test_an_answered_question_is_not_deleted(client, programme, programme_coordinator):
    survey = build_survey(programme)
    answer(survey)
    question = survey.questions.get(code="long")
    client.force_login(programme_coordinator)
    url = reverse("surveys:question_delete", args=[survey.slug, question.pk])
    response = client.post(url, follow=True)
    assert "Na pytanie już odpowiadano; nie można go usunąć." in response.content.decode()
    assert Question.objects.filter(pk=question.pk).exists()
    assert not Deletion.objects.exists()


def test_only_managers_are_asked_and_undo_is_theirs_for_a_while(
        client, programme, programme_coordinator, facilitator):
    survey = build_survey(programme)
    question = survey.questions.get(code="long")
    url = reverse("surveys:question_delete", args=[survey.slug, question.pk])
    client.force_login(facilitator)
    assert client.get(url).status_code in (403, 404)
    assert client.post(url).status_code in (403, 404)
    deletion = services.delete_question(programme_coordinator, question, "/")
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(programme_coordinator, deletion)
    assert not Question.objects.filter(pk=question.pk).exists()
