import pytest
from django.urls import reverse
from django.utils.safestring import SafeString

from mosty.directory.tests.factories import OrganisationFactory
from mosty.knowledge import services
from mosty.knowledge.linking import link_terms, render_with_links
from mosty.knowledge.search import MAX_QUERY, query_words, search
from mosty.programmes.models import Event

pytestmark = pytest.mark.django_db


def titles(results) -> dict[str, list[str]]:
    return {group.kind: [hit.title for hit in group.hits] for group in results.groups}


def test_inflected_polish_forms_find_the_lemma(items, anonymous_user):
    found = titles(search(anonymous_user, "partnerstwa"))
    assert found["glossary"] == ["partnerstwo"]
    assert "Warsztaty partnerskie w Rydułtowach" not in found.get("practices", [])
    found = titles(search(anonymous_user, "broszurze o partnerstwach"))
    assert found == {"publications": ["Broszura o partnerstwie"]}


def test_search_covers_programmes_events_and_organisations(public_programme, anonymous_user):
    public_programme.description = "Program budowania partnerstw lokalnych."
    public_programme.save()
    OrganisationFactory(name="Fundacja Partnerstwo dla Regionu",
                        search_text="fundacja partnerstwo dla regionu")
    from django.utils import timezone
    Event.objects.create(programme=public_programme, title="Warsztat o partnerstwie",
                         slug="warsztat-p", kind="workshop", start=timezone.now(),
                         end=timezone.now())
    found = titles(search(anonymous_user, "partnerstwo"))
    assert found["programmes"] == [public_programme.name]
    assert found["events"] == ["Warsztat o partnerstwie"]
    assert found["organisations"] == ["Fundacja Partnerstwo dla Regionu"]


@pytest.mark.parametrize("who", ["anonymous_user", "participant", "other_coordinator",
                                 "coordinator"])
def test_search_never_returns_what_the_user_may_not_see(request, items, private_programme, who):
    user = request.getfixturevalue(who)
    private_programme.description = "Partnerstwo tajne."
    private_programme.save()
    found = titles(search(user, "partnerstwo"))
    everything = [title for hits in found.values() for title in hits]
    for hidden in ("partnerstwo lokalne", "Partnerstwo w niejawnym programie",
                   private_programme.name):
        assert hidden not in everything
    assert ("Szkic partnerstwa" in everything) == (who == "coordinator")
    assert ("Raport roboczy o partnerstwie" in everything) == (who == "coordinator")


def test_programme_coordinator_finds_their_unpublished_items(items, programme_coordinator):
    found = titles(search(programme_coordinator, "partnerstwo"))
    assert "partnerstwo lokalne" in found["glossary"]


def test_query_is_bounded():
    words = query_words("partnerstwo " * 100)
    assert 0 < len(words) <= 8
    assert MAX_QUERY == 200


def test_search_query_count_does_not_grow_with_data(items, participant, count_queries):
    with count_queries() as before:
        search(participant, "partnerstwo warsztaty")
    for number in range(15):
        services.create_practice(None, services.PracticeData(
            title=f"Partnerstwo {number}", who="OPS", what="Warsztaty partnerskie."))
    with count_queries() as after:
        search(participant, "partnerstwo warsztaty")
    assert len(after) == len(before) <= 8


def test_search_page(client, items):
    page = client.get(reverse("knowledge:index"), {"q": "partnerstwa"}).content.decode()
    assert "Broszura o partnerstwie" in page
    assert "Tajna definicja" not in page


def test_linking_escapes_html_and_links_known_terms():
    html = link_terms('<script>alert(1)</script> [[partnerstwo|partnerstwa]] i [[nieznane]] '
                      '[[x"><img src=x>]]', {"partnerstwo": "/knowledge/glossary/partnerstwo/"})
    assert isinstance(html, SafeString)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a class="glossary-link" href="/knowledge/glossary/partnerstwo/">partnerstwa</a>' \
        in html
    assert "nieznane" in html
    assert "[[" not in html
    assert "<img" not in html


def test_linking_uses_global_and_own_programme_terms(items, private_programme):
    text = "O [[Partnerstwo]] i [[partnerstwo lokalne]]."
    plain = render_with_links(text)
    assert plain.count("<a ") == 1
    assert render_with_links(text, private_programme).count("<a ") == 2


@pytest.fixture
def anonymous_user():
    from django.contrib.auth.models import AnonymousUser
    return AnonymousUser()
