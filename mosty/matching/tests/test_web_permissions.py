"""Who may open what, role by role, for every page and API endpoint of matching."""
import pytest
from django.urls import reverse

from mosty.api.models import ApiToken
from mosty.matching.models import Relation
from mosty.matching.services import record_relation
from mosty.matching.tests.conftest import SMIGIEL

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "member", "official", "coordinator", "staff",
         "programme_coordinator"]


@pytest.fixture
def people(request, planted, programme_setup):
    found = {name: request.getfixturevalue(name) for name in ROLES[1:-1]}
    found["anonymous"] = None
    found["programme_coordinator"] = programme_setup["coordinator"]
    return found


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


# Expected status per role, in the order of ROLES. 302 for anonymous: to the login page.
# "coordinator" has the global role but runs no programme here; the library takes part in
# the programme_coordinator's programme, so they see its partners.
PARTNERS = (302, 403, 200, 403, 403, 200, 200)
AREAS = (302, 403, 403, 200, 200, 200, 403)
PROGRAMME = (302, 403, 403, 403, 403, 200, 200)


def page_urls(planted, setup):
    programme, group = setup["programme"].slug, setup["group"].pk
    return [
        (reverse("matching:partners", args=[planted.library.slug]), PARTNERS),
        (reverse("matching:analysis"), (302, 403, 403, 200, 200, 200, 200)),
        (reverse("matching:matrix", args=["gmina", SMIGIEL]), AREAS),
        (reverse("matching:matrix", args=["powiat", "3011"]), AREAS),
        (reverse("matching:map", args=["gmina", SMIGIEL]), AREAS),
        (reverse("matching:map_export", args=["gmina", SMIGIEL, "csv"]), AREAS),
        (reverse("matching:matrix", args=["programme", programme]), PROGRAMME),
        (reverse("matching:map", args=["programme", programme]), PROGRAMME),
        (reverse("matching:matrix", args=["group", group]), PROGRAMME),
        (reverse("matching:map", args=["group", group]), PROGRAMME),
        (reverse("matching:map_export", args=["group", group, "png"]), PROGRAMME),
        (reverse("matching:search"), (200,) * len(ROLES)),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(client, planted, programme_setup, people, role):
    as_(client, people[role])
    for url, expected in page_urls(planted, programme_setup):
        status = client.get(url).status_code
        assert status == expected[ROLES.index(role)], (url, status)


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, (302, 403, 302, 403, 403, 302, 302),
                                                   strict=True)))
def test_hiding_and_marking_by_role(client, planted, people, role, status):
    url = reverse("matching:partner_action", args=[planted.library.slug])
    response = as_(client, people[role]).post(url, {"action": "cooperate",
                                                     "partner": planted.osp.pk})
    assert response.status_code == status
    if role == "anonymous":
        assert reverse("accounts:login") in response["Location"]
    assert Relation.objects.exists() is (status == 302 and role != "anonymous")


@pytest.mark.parametrize(("role", "status"), list(zip(ROLES, PROGRAMME, strict=True)))
def test_recording_and_removing_relations_by_role(client, planted, programme_setup, people,
                                                  role, status):
    slug = programme_setup["programme"].slug
    client = as_(client, people[role])
    response = client.post(reverse("matching:relation_add", args=["programme", slug]),
                           {"org_a": planted.library.pk, "org_b": planted.osp.pk, "kind": "met"})
    assert response.status_code == (302 if status == 200 else status)
    relation = record_relation(planted.library, planted.bakery, "met", "manual",
                               programme=programme_setup["programme"])
    response = client.post(reverse("matching:relation_delete",
                                   args=["programme", slug, relation.pk]))
    assert response.status_code == (302 if status == 200 else status)
    # Facts recorded by other modules are not a programme coordinator's to delete.
    agreement = record_relation(planted.library, planted.bakery, "agreement", "agreement",
                                programme=programme_setup["programme"])
    response = client.post(reverse("matching:relation_delete",
                                   args=["programme", slug, agreement.pk]))
    if role == "programme_coordinator":
        assert response.status_code == 404
        assert Relation.objects.filter(pk=agreement.pk).exists()
    # A programme's coordinator has no say over an area outside the programme.
    if role == "programme_coordinator":
        response = client.post(reverse("matching:relation_add", args=["gmina", SMIGIEL]),
                               {"org_a": planted.library.pk, "org_b": planted.ngo_twin.pk,
                                "kind": "met"})
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_api_by_role(client, planted, programme_setup, people, role):
    user = people[role]
    headers = {}
    if user is not None:
        _token, raw = ApiToken.issue(user, "test")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    denied = 401 if user is None else 403
    slug = programme_setup["programme"].slug
    expected = {
        f"/api/matching/organisations/{planted.library.slug}/recommendations":
            200 if role in ("member", "programme_coordinator", "staff") else denied,
        "/api/matching/search?q=sala": 200,
        f"/api/matching/gmina/{SMIGIEL}/matrix":
            200 if role in ("official", "coordinator", "staff") else denied,
        f"/api/matching/gmina/{SMIGIEL}/relations":
            200 if role in ("official", "coordinator", "staff") else denied,
        f"/api/matching/programme/{slug}/relations":
            200 if role in ("staff", "programme_coordinator") else denied,
        f"/api/matching/group/{programme_setup['group'].pk}/matrix":
            200 if role in ("staff", "programme_coordinator") else denied,
    }
    for url, status in expected.items():
        assert client.get(url, **headers).status_code == status, url


def test_unknown_things_are_404(client, coordinator, planted):
    client.force_login(coordinator)
    for url in (reverse("matching:partners", args=["nie-ma"]),
                reverse("matching:map", args=["gmina", "9999999"]),
                reverse("matching:map", args=["powiat", "301105"]),
                reverse("matching:matrix", args=["group", "abc"]),
                reverse("matching:matrix", args=["programme", "nie-ma"]),
                "/matching/voivodeship/30/map/",
                "/api/matching/gmina/9999999/matrix",
                "/api/matching/planet/3/matrix"):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_offers_the_analysis_exactly_to_whom_it_opens(client, planted, programme_setup,
                                                               people, role):
    as_(client, people[role])
    link = f'href="{reverse("matching:analysis")}"'
    in_menu = link in client.get(reverse("matching:search")).content.decode()
    opens = as_(client, people[role]).get(reverse("matching:analysis")).status_code == 200
    assert in_menu is opens
