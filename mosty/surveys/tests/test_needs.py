"""The built-in residents' needs survey, created from the builder's template choice."""
from django.urls import reverse

from mosty.surveys import needs
from mosty.surveys.models import QuestionKind, Survey, SurveyKind


def test_the_needs_template_builds_the_bilingual_questions(client, programme,
                                                           programme_coordinator):
    client.force_login(programme_coordinator)
    response = client.post(reverse("surveys:create"), {
        "programme": programme.pk, "template": "needs", "anonymous": "on"})
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == survey.get_absolute_url()
    assert survey.kind == SurveyKind.NEEDS
    assert survey.anonymous
    assert survey.title_pl == "Potrzeby mieszkańców"
    questions = {q.code: q for q in survey.questions.all()}
    assert list(questions) == [q.code for q in needs.QUESTIONS]
    assert questions["missing"].kind == QuestionKind.LONG_TEXT
    assert questions["missing"].required
    assert questions["enough_to_do"].kind == QuestionKind.LIKERT
    assert questions["enough_to_do"].scale_labels[4]["en"] == "strongly agree"
    assert questions["time"].kind == QuestionKind.MULTIPLE
    assert "sunday" in [o["value"] for o in questions["time"].options]
    assert questions["left_out"].allow_other
    assert all(q.text_pl and q.text_en for q in questions.values())


def test_the_builder_offers_the_needs_template(client, programme_coordinator):
    client.force_login(programme_coordinator)
    page = client.get(reverse("surveys:create"), HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert 'value="needs"' in page
    assert "ankieta potrzeb mieszkańców" in page
