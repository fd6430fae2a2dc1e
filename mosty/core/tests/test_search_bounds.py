"""Every search box and search parameter takes a huge text without a server error."""
import pytest
from django.urls import reverse

from mosty.core.forms import MAX_SEARCH_LENGTH, SearchField

pytestmark = pytest.mark.django_db

HUGE = " ".join(["słowo"] * 10_000)  # about 60,000 characters, 10,000 words


@pytest.mark.parametrize("url", [
    reverse("directory:list"), reverse("directory:export"), reverse("directory:gmina_search"),
    "/api/organisations", "/api/gminas", reverse("knowledge:index"),
    reverse("knowledge:practices"), reverse("knowledge:publications"),
])
def test_a_huge_search_text_is_cut_not_a_server_error(client, url):
    response = client.get(url, {"q": HUGE})
    assert response.status_code == 200


def test_signed_in_searches_take_a_huge_text(client, member):
    client.force_login(member)
    for url in (reverse("recruitment:organisation_search"), reverse("matching:search")):
        assert client.get(url, {"q": HUGE}).status_code == 200, url


def test_the_search_field_cuts_and_says_how_long_it_may_be():
    field = SearchField()
    assert len(field.clean("a" * 50_000)) == MAX_SEARCH_LENGTH
    assert field.widget.attrs["maxlength"] == str(MAX_SEARCH_LENGTH)
