"""'Who can help?': free-text search in inflected Polish, on the page and in the API."""
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def helper_slugs(client, **params) -> list[str]:
    response = client.get(reverse("matching:search"), params)
    assert response.status_code == 200
    return re.findall(r'data-testid="helper" data-organisation="([^"]+)"',
                      response.content.decode())


def test_inflected_query_finds_the_organisation_offering_it(client, planted):
    # "namiotu", "ławek", "imprezę plenerową": other forms than in "namiot i ławki na
    # imprezy plenerowe".
    found = helper_slugs(client, q="Potrzebujemy namiotu i ławek na imprezę plenerową")
    assert found[0] == planted.osp.slug
    html = client.get(reverse("matching:search"), {"q": "namiotu"}).content.decode()
    assert "namiot i ławki na imprezy plenerowe" in html


def test_search_restricted_to_an_area(client, planted):
    query = "szukamy wolontariuszy do pomocy przy festynie"
    anywhere = helper_slugs(client, q=query)
    assert {planted.osp.slug, planted.ngo_twin.slug, planted.poznan.slug,
            planted.warsaw.slug} <= set(anywhere)
    assert planted.abroad.slug not in anywhere
    in_gmina = helper_slugs(client, q=query, gmina="3011053")
    assert {planted.osp.slug, planted.ngo_twin.slug} <= set(in_gmina) <= {
        o.slug for o in (planted.osp, planted.ngo_twin, planted.bakery, planted.library)}
    in_voivodeship = helper_slugs(client, q=query, voivodeship="30")
    assert planted.poznan.slug in in_voivodeship
    assert planted.warsaw.slug not in in_voivodeship
    in_powiat = helper_slugs(client, q=query, voivodeship="30", powiat="3011")
    assert planted.poznan.slug not in in_powiat
    assert planted.osp.slug in in_powiat


def test_empty_and_unknown_queries(client, planted):
    html = client.get(reverse("matching:search")).content.decode()
    assert 'data-testid="search-form"' in html
    assert 'data-testid="helpers"' not in html
    assert helper_slugs(client, q="xyzzy kwantowy fotonik") == []
    response = client.get(reverse("matching:search"), {"q": "sala", "gmina": "Atlantyda"})
    assert response.status_code == 200
    assert 'data-testid="helpers"' not in response.content.decode()


def test_search_in_the_api(client, planted):
    data = client.get("/api/matching/search", {"q": "namiotu na festyn", "area": "3011053"}).json()
    assert data["query"] == "namiotu na festyn"
    assert data["area"] == "301105"
    first = data["results"][0]
    assert first["organisation"] == planted.osp.slug
    assert first["municipality"] == "3011053"
    assert "equipment" in first["categories"]
    assert any("namiot i ławki" in s for s in first["sentences"])
    assert client.get("/api/matching/search", {"q": "sala", "area": "301"}).status_code == 400
    assert client.get("/api/matching/search").status_code == 422  # q is required
