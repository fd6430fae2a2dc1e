"""No page renders HTML from user text: markup typed into a description comes out escaped.

Mosty allows no HTML in user text anywhere (the glossary links escape the text around them),
so there is nothing to sanitise; this test holds the pages to it. Agreement texts:
agreements/tests/test_views.py.
"""
from datetime import timedelta

import pytest
from django.utils import timezone

from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.events.content import save_conclusions
from mosty.knowledge import services as knowledge
from mosty.programmes.models import Event, Programme

pytestmark = pytest.mark.django_db

PAYLOAD = ('<script>alert("x")</script><img src=x onerror=alert(1)>'
           '<a href="javascript:alert(2)">[[klik]]</a>')


def assert_escaped(page: str, where: str) -> None:
    assert "<script>alert" not in page, where
    assert "<img src=x" not in page, where
    assert 'href="javascript:' not in page, where
    assert "&lt;script&gt;alert(" in page, where


def test_user_text_is_escaped_on_the_main_pages(client):
    staff = UserFactory.create(is_staff=True)
    organisation = OrganisationFactory(description=PAYLOAD)
    programme = Programme.objects.create(name="Program", slug="program", organiser=organisation,
                                         summary=PAYLOAD[:200], description=PAYLOAD,
                                         is_public=True)
    start = timezone.now() - timedelta(days=2)
    event = Event.objects.create(programme=programme, slug="spotkanie", title="Spotkanie",
                                 kind="workshop", start=start, end=start + timedelta(hours=2),
                                 description=PAYLOAD)
    save_conclusions(staff, event, PAYLOAD, PAYLOAD, publish=True)
    term = knowledge.create_term(None, knowledge.TermData(
        term_pl="klik", definition_pl=PAYLOAD, definition_en=PAYLOAD))
    practice = knowledge.create_practice(None, knowledge.PracticeData(
        title="Praktyka", who=PAYLOAD, what=PAYLOAD, outcome=PAYLOAD, contacts=PAYLOAD))
    publication = knowledge.create_publication(None, knowledge.PublicationData(
        title="Broszura", kind="brochure", summary=PAYLOAD, is_public=True))

    for viewer in (None, staff):
        if viewer:
            client.force_login(viewer)
        for item in (organisation, programme, event, term, practice, publication):
            response = client.get(item.get_absolute_url())
            assert response.status_code == 200, item.get_absolute_url()
            assert_escaped(response.content.decode(), item.get_absolute_url())
        # The description, the conclusions and the recommendations.
        assert client.get(event.get_absolute_url()).content.decode().count(
            "&lt;script&gt;alert(") == 3


@pytest.mark.parametrize("url", [
    "/api/initiatives/ideas?status=%00", "/api/organisations?q=a%00b",
    "/api/organisations/x%00y", "/api/knowledge/practices?q=%00"])
def test_a_nul_character_in_an_api_request_is_a_422_not_a_500(client, url):
    """Found by fuzzing on PostgreSQL, which stores no NUL in text: it answered 500."""
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Tekst nie może zawierać znaku NUL."


def test_a_nul_character_in_a_json_body_is_a_422(client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    response = client.post("/api/networking/sessions", '{"event": "a\\u0000b"}',
                           content_type="application/json")
    assert response.status_code == 422


def test_a_nul_character_in_a_page_address_is_a_400(client):
    assert client.get("/directory/?q=%00").status_code == 400
    assert client.get("/directory/").status_code == 200
