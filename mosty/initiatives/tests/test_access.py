"""Who sees and changes what, on the pages and in the API: a matrix of roles."""
import pytest
from django.urls import reverse

from mosty.accounts.models import Role
from mosty.directory.tests.factories import UserFactory
from mosty.initiatives import workshop

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "osp_member", "author", "facilitator", "other_coordinator",
         "programme_coordinator", "official", "staff"]
SEES = {"author", "facilitator", "programme_coordinator", "staff"}
EDITS = {"author", "programme_coordinator", "staff"}


@pytest.fixture
def official(db):
    return UserFactory(role=Role.OFFICIAL)


@pytest.fixture
def staff(db):
    return UserFactory(role=Role.PARTICIPANT, is_staff=True, is_superuser=True)


def login(client, request, who):
    user = None
    if who != "anonymous":
        user = request.getfixturevalue(who)
        client.force_login(user)
    return user


@pytest.mark.parametrize("who", ROLES)
def test_a_private_idea(client, request, idea, who):
    login(client, request, who)
    page = client.get(idea.get_absolute_url())
    assert page.status_code == (200 if who in SEES else 404)
    api = client.get(f"/api/initiatives/ideas/{idea.slug}")
    assert api.status_code == (200 if who in SEES else 404)
    titles = {i["title"] for i in client.get("/api/initiatives/ideas").json()}
    assert ("Czytanie pod remizą" in titles) == (who in SEES)
    edit = client.get(reverse("initiatives:section", args=[idea.slug, "needs"]))
    expected = 200 if who in EDITS else 403 if who in SEES else 302 \
        if who == "anonymous" else 404
    assert edit.status_code == expected
    docx = client.get(reverse("initiatives:export", args=[idea.slug, "docx"]))
    assert docx.status_code == (200 if who in SEES else 404)


@pytest.mark.parametrize("who", ROLES)
def test_a_public_idea_hides_the_team(client, request, idea, author, who):
    idea.is_public = True
    idea.save()
    login(client, request, who)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Czytanie pod remizą" in page
    assert (str(author) in page) == (who in SEES)
    data = client.get(f"/api/initiatives/ideas/{idea.slug}").json()
    assert (data["team"] is not None) == (who in SEES)
    assert author.email not in page
    assert author.email not in str(data)
    history = client.get(reverse("initiatives:history", args=[idea.slug, "problem"]))
    assert history.status_code == (200 if who in SEES else 404)


@pytest.mark.parametrize("who", ROLES)
def test_feedback_is_seen_by_the_team_staff_and_its_author(client, request, idea, programme,
                                                           facilitator, osp, osp_member, who):
    session = workshop.create_session(facilitator, workshop.SessionData(
        "Prezentacje", programme, (idea,)))
    idea.is_public = True
    idea.save()
    workshop.give_feedback(facilitator, idea, workshop.FeedbackData(
        strengths="Tajna uwaga moderatorki"), session)
    login(client, request, who)
    response = client.get(f"/api/initiatives/ideas/{idea.slug}/feedback")
    texts = [f["strengths"] for f in response.json()]
    assert texts == (["Tajna uwaga moderatorki"] if who in SEES else [])
    page = client.get(reverse("initiatives:session", args=[session.pk]))
    runs = {"facilitator", "programme_coordinator", "staff"}
    assert page.status_code == (200 if who in runs | {"author"} else 302
                                if who == "anonymous" else 404)
    screen = client.get(reverse("initiatives:screen_json", args=[session.pk]))
    assert screen.status_code == (200 if who in runs else 403 if who == "author" else 302
                                  if who == "anonymous" else 404)


@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 302), ("osp_member", 403), ("author", 403), ("official", 200),
    ("staff", 200)])
def test_the_funding_catalogue_is_edited_by_coordinators_and_officials(client, request, who,
                                                                       status):
    login(client, request, who)
    assert client.get(reverse("initiatives:source_create")).status_code == status
    assert client.get(reverse("initiatives:funding")).status_code == 200
