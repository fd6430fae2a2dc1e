"""The residents' needs survey of an idea: one click for the team, its summary as evidence."""
import pytest
from django.urls import reverse

from mosty.initiatives import needs
from mosty.initiatives.models import NeedsSurvey
from mosty.initiatives.services import InitiativeError
from mosty.surveys import answering
from mosty.surveys.answering import Given
from mosty.surveys.models import SurveyKind, SurveyStatus


def respond(survey, missing: str, time: tuple[str, ...] = ("saturday",)) -> None:
    response = answering.start_response(survey, None, answering.new_key())
    answering.save_page(response, survey.sections.get(), {
        "missing": Given((missing,)), "enough_to_do": Given(("2",)), "time": Given(time),
        "age": Given(("65_plus",))})
    answering.submit(response)


def test_a_team_member_starts_an_open_survey_with_a_public_link(client, idea, teammate):
    client.force_login(teammate)
    response = client.post(reverse("initiatives:needs_survey", args=[idea.slug]))
    assert response.status_code == 302
    link = NeedsSurvey.objects.get(idea=idea)
    assert link.started_by == teammate
    survey = link.survey
    assert survey.kind == SurveyKind.NEEDS
    assert survey.programme == idea.programme
    assert survey.status == SurveyStatus.OPEN
    assert survey.public_link
    assert survey.anonymous
    page = client.get(idea.get_absolute_url()).content.decode()
    assert reverse("surveys:public", args=[survey.public_token]) in page
    assert 'class="segno"' in page  # the QR code of the survey
    assert client.get(reverse("surveys:public", args=[survey.public_token])).status_code == 200


def test_an_outsider_cannot_start_a_needs_survey(client, idea, osp_member):
    client.force_login(osp_member)
    response = client.post(reverse("initiatives:needs_survey", args=[idea.slug]))
    assert response.status_code == 404
    assert not NeedsSurvey.objects.exists()
    with pytest.raises(InitiativeError):
        needs.start_needs_survey(osp_member, idea)
    assert not NeedsSurvey.objects.exists()


def test_a_second_open_survey_is_refused(idea, author):
    needs.start_needs_survey(author, idea)
    with pytest.raises(InitiativeError):
        needs.start_needs_survey(author, idea)
    assert NeedsSurvey.objects.filter(idea=idea).count() == 1


def test_the_summary_is_hidden_below_five_answers_and_shown_from_five(
        client, idea, author, facilitator):
    survey = needs.start_needs_survey(author, idea).survey
    for n in range(4):
        respond(survey, f"świetlicy nr {n}")
    client.force_login(author)
    page = client.get(idea.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert 'data-testid="needs-too-few"' in page
    assert "świetlicy nr 0" not in page
    assert "sobota" not in page
    respond(survey, "świetlicy nr 4", ("saturday", "sunday"))
    page = client.get(idea.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert 'data-testid="needs-too-few"' not in page
    assert "świetlicy nr 4" in page
    assert "sobota: 5 (100.0%)" in page or "sobota: 5 (100,0%)" in page
    assert "niedziela: 1 (20" in page
    # The team does not run the programme's surveys: no link to the full results for them.
    assert reverse("surveys:results", args=[survey.slug]) not in page
    client.force_login(facilitator)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert reverse("surveys:results", args=[survey.slug]) in page
    assert client.get(reverse("surveys:results", args=[survey.slug])).status_code == 200


def test_the_team_closes_the_survey_and_may_start_another(client, idea, teammate, osp_member):
    link = needs.start_needs_survey(teammate, idea)
    url = reverse("initiatives:close_needs_survey", args=[idea.slug, link.pk])
    client.force_login(osp_member)
    assert client.post(url).status_code == 404
    client.force_login(teammate)
    assert client.post(url).status_code == 302
    link.survey.refresh_from_db()
    assert link.survey.status == SurveyStatus.CLOSED
    assert client.post(reverse("initiatives:needs_survey", args=[idea.slug])).status_code == 302
    assert NeedsSurvey.objects.filter(idea=idea).count() == 2
