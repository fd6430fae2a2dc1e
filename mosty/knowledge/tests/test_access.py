"""Who sees and edits what, on the pages and in the API."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "participant", "programme_coordinator", "coordinator", "official",
           "staff", "other_coordinator"]
# Who sees the items of the unpublished programme and the drafts of global items.
SEES_PRIVATE = {"programme_coordinator", "staff"}
SEES_GLOBAL_DRAFTS = {"coordinator", "official", "staff"}


def login(client, request, who: str):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def expected(who: str, key: str) -> bool:
    if key.startswith("private"):
        return who in SEES_PRIVATE
    if key in ("draft", "hidden_publication"):
        return who in SEES_GLOBAL_DRAFTS
    return True


@pytest.mark.parametrize("who", VIEWERS)
def test_detail_pages_and_api_follow_the_access_rule(client, request, items, who):
    login(client, request, who)
    for key, item in items.items():
        url = item.get_absolute_url()
        status = client.get(url).status_code
        assert status == (200 if expected(who, key) else 404), (key, url)
        api = {"GlossaryTerm": "glossary", "GoodPractice": "practices",
               "Publication": "publications"}[type(item).__name__]
        status = client.get(f"/api/knowledge/{api}/{item.slug}").status_code
        assert status == (200 if expected(who, key) else 404), (key, "api")


@pytest.mark.parametrize("who", VIEWERS)
def test_lists_show_only_what_the_user_sees(client, request, items, who):
    login(client, request, who)
    glossary = client.get(reverse("knowledge:glossary")).content.decode()
    assert ("Tajna definicja" in glossary) == (who in SEES_PRIVATE)
    assert "Trwała forma współpracy." in glossary
    practices = client.get(reverse("knowledge:practices")).content.decode()
    assert ("Partnerstwo w niejawnym programie" in practices) == (who in SEES_PRIVATE)
    assert ("Szkic partnerstwa" in practices) == (who in SEES_GLOBAL_DRAFTS)
    api = client.get("/api/knowledge/practices").json()
    titles = {p["title"] for p in api["results"]}
    assert ("Partnerstwo w niejawnym programie" in titles) == (who in SEES_PRIVATE)
    terms = {t["term_pl"] for t in client.get("/api/knowledge/glossary").json()}
    assert ("partnerstwo lokalne" in terms) == (who in SEES_PRIVATE)


@pytest.mark.parametrize(("who", "key", "status"), [
    ("anonymous", "term", 302),
    ("participant", "term", 403),
    ("participant", "private_term", 404),
    ("other_coordinator", "private_practice", 404),
    ("other_coordinator", "practice", 403),
    ("programme_coordinator", "private_practice", 200),
    ("programme_coordinator", "practice", 403),
    ("official", "practice", 200),
    ("coordinator", "publication", 200),
    ("coordinator", "private_term", 404),
    ("staff", "private_term", 200),
])
def test_edit_pages(client, request, items, who, key, status):
    login(client, request, who)
    item = items[key]
    kind = {"GlossaryTerm": "glossary", "GoodPractice": "practices",
            "Publication": "publications"}[type(item).__name__]
    assert client.get(reverse("knowledge:edit", args=[kind, item.slug])).status_code == status


@pytest.mark.parametrize(("who", "status"), [("participant", 403), ("coordinator", 200),
                                         ("programme_coordinator", 200), ("anonymous", 302)])
def test_add_pages(client, request, db, who, status, public_programme, private_programme):
    if who == "programme_coordinator":
        request.getfixturevalue("programme_coordinator")
    login(client, request, who)
    assert client.get(reverse("knowledge:create", args=["practices"])).status_code == status


def test_contacts_are_shown_to_signed_in_people_only(client, participant, items):
    practice = items["practice"]
    assert "600 100 200" not in client.get(practice.get_absolute_url()).content.decode()
    assert client.get(f"/api/knowledge/practices/{practice.slug}").json()["contacts"] is None
    client.force_login(participant)
    assert "600 100 200" in client.get(practice.get_absolute_url()).content.decode()
    assert client.get(f"/api/knowledge/practices/{practice.slug}").json()["contacts"] \
        == "Jan Kowalski, 600 100 200"
