"""Who sees and changes surveys, on the pages and in the API."""
import pytest
from django.urls import reverse

from mosty.accounts.models import Role
from mosty.directory.tests.factories import MembershipFactory, UserFactory
from mosty.surveys import services
from mosty.surveys.tests.conftest import answer

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "participant", "member", "facilitator", "other_coordinator",
           "programme_coordinator", "official", "staff"]
SEES = {"facilitator", "programme_coordinator", "staff"}
MANAGES = {"programme_coordinator", "staff"}


@pytest.fixture
def participant(db):
    return UserFactory(role=Role.PARTICIPANT)


@pytest.fixture
def member(programme):
    """A participant who belongs to the programme's organiser (not its staff)."""
    user = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=user, organisation=programme.organiser)
    return user


@pytest.fixture
def closed(survey):
    for _n in range(5):
        answer(survey)
    return services.set_status(None, survey, "closed")


def login(client, request, who: str):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


@pytest.mark.parametrize("who", VIEWERS)
def test_survey_pages_and_api_follow_the_programme_rule(client, request, closed, who):
    login(client, request, who)
    slug = closed.slug
    seen = who in SEES
    for name in ("detail", "results"):
        status = client.get(reverse(f"surveys:{name}", args=[slug])).status_code
        expected = 200 if seen else (302 if who == "anonymous" else 404)
        assert status == expected, (name, status)
    export = client.get(reverse("surveys:export", args=[slug, "xlsx"])).status_code
    assert export == (200 if who in MANAGES else 302 if who == "anonymous"
                      else 403 if seen else 404)
    edit = client.get(reverse("surveys:edit", args=[slug])).status_code
    assert edit == (200 if who in MANAGES else 302 if who == "anonymous"
                    else 403 if seen else 404)
    assert client.get(f"/api/surveys/{slug}").status_code == (200 if seen else 404)
    assert client.get(f"/api/surveys/{slug}/results").status_code == (200 if seen else 404)
    listed = {s["slug"] for s in client.get("/api/surveys").json()}
    assert (slug in listed) == seen
    if who != "anonymous":
        page = client.get(reverse("surveys:list")).content.decode()
        assert (closed.title in page) == seen


@pytest.mark.parametrize("who", ["facilitator", "other_coordinator", "member"])
def test_only_managers_change_a_survey(client, request, survey, who):
    login(client, request, who)
    response = client.post(reverse("surveys:status", args=[survey.slug]), {"status": "closed"})
    assert response.status_code in (403, 404)
    survey.refresh_from_db()
    assert survey.status == "open"
    with pytest.raises(services.SurveyError):
        services.set_status(request.getfixturevalue(who), survey, "closed")


def test_respondent_pages_need_only_the_link(client, survey):
    assert client.get(reverse("surveys:public", args=[survey.public_token])).status_code == 200
    assert client.get(reverse("surveys:public", args=["zgadniety"])).status_code == 404
    survey.public_link = False
    survey.save(update_fields=["public_link"])
    assert client.get(reverse("surveys:public", args=[survey.public_token])).status_code == 404


def test_api_results_keep_anonymity(client, survey, programme_coordinator):
    client.force_login(programme_coordinator)
    for _n in range(4):
        answer(survey)
    survey = services.set_status(None, survey, "closed")
    body = client.get(f"/api/surveys/{survey.slug}/results").json()
    assert body["responses"] == 4
    assert body["shown"] is False
    assert body["questions"] == []
    survey = services.set_status(None, survey, "open")
    answer(survey, sector="__other__", other="spółdzielnia socjalna")
    services.set_status(None, survey, "closed")
    body = client.get(f"/api/surveys/{survey.slug}/results").json()
    assert body["shown"] is True
    by_code = {q["code"]: q for q in body["questions"]}
    rows = {r["value"]: r["count"] for r in by_code["sector"]["blocks"][0]["rows"]}
    assert rows == {"jst": 0, "ngo": 4, "__other__": 1}
    assert by_code["long"]["texts"] == []
    assert by_code["sector"]["other_texts"] == []
    assert "spółdzielnia" not in str(body)
    detail = client.get(f"/api/surveys/{survey.slug}").json()
    assert detail["questions"][4]["shown_if"] == {"question": "sector", "values": ["ngo"]}


def test_api_results_wait_for_the_survey_to_close(client, survey, programme_coordinator):
    client.force_login(programme_coordinator)
    assert client.get(f"/api/surveys/{survey.slug}/results").status_code == 409


def test_event_page_shows_its_evaluation_to_the_programme_staff_only(client, event,
                                                                    programme_coordinator,
                                                                    participant):
    from mosty.surveys import answering
    from mosty.surveys.answering import Given

    survey = services.set_status(None, services.create_evaluation(None, event), "open")
    for rating in ("5", "4", "4", "5", "3"):
        response = answering.start_response(survey, None, answering.new_key())
        answering.save_page(response, survey.sections.all()[0], {"overall": Given((rating,))})
        answering.submit(response)
    client.force_login(programme_coordinator)
    page = client.get(event.get_absolute_url()).content.decode()
    assert survey.title in page
    assert "<strong>4,2</strong>/5" in page
    client.force_login(participant)
    page = client.get(event.get_absolute_url()).content.decode()
    assert event.title in page
    assert survey.title not in page
    client.logout()
    assert survey.title not in client.get(event.get_absolute_url()).content.decode()


def test_event_page_offers_the_coordinator_an_evaluation(client, event, programme_coordinator):
    client.force_login(programme_coordinator)
    page = client.get(event.get_absolute_url()).content.decode()
    assert f"template=evaluation&amp;programme={event.programme_id}" in page
    form = client.get(reverse("surveys:create"), {"template": "evaluation",
                                                   "event": event.slug}).content.decode()
    assert f'value="{event.slug}"' in form
