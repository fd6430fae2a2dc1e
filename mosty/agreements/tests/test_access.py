"""Who sees and changes an agreement, on the pages and in the API (404 hides, 403 refuses)."""
import pytest
from django.urls import reverse

from mosty.agreements.models import Status
from mosty.agreements.tests.conftest import MANAGE, ROLES, SEE
from mosty.api.models import ApiToken

pytestmark = pytest.mark.django_db


def client_for(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["detail", "versions", "download_pdf", "download_docx"])
def test_reading(client, users, agreement, role, name):
    if name.startswith("download"):
        url = reverse("agreements:download", args=[agreement.pk, name.split("_")[1]])
    else:
        url = reverse(f"agreements:{name}", args=[agreement.pk])
    response = client_for(client, users, role).get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == (200 if role in SEE else 404)


@pytest.mark.parametrize("role", ROLES)
def test_editing_a_draft(client, users, agreement, role):
    response = client_for(client, users, role).get(
        reverse("agreements:edit", args=[agreement.pk]))
    expected = {"anonymous": 302, "party_member": 200, "outsider_member": 404,
                "facilitator": 403, "coordinator": 200, "other_coordinator": 404, "staff": 200}
    assert response.status_code == expected[role]


@pytest.mark.parametrize("role", ROLES)
def test_editing_an_agreed_text_is_for_managers(client, users, agreement, role):
    agreement.status = Status.AGREED
    agreement.save()
    response = client_for(client, users, role).get(
        reverse("agreements:edit", args=[agreement.pk]))
    if role == "anonymous":
        assert response.status_code == 302
    elif role in MANAGE:
        assert response.status_code == 200
    else:
        assert response.status_code == (403 if role in SEE else 404)


@pytest.mark.parametrize("role", ROLES)
def test_approving_for_a_party_is_for_its_members(client, users, agreement, role):
    party = agreement.parties.get(organisation__slug="mdk-ostrow-mazowiecka")
    response = client_for(client, users, role).post(
        reverse("agreements:approve", args=[agreement.pk, party.pk]))
    party.refresh_from_db()
    if role == "party_member":
        assert response.status_code == 302
        assert party.approved_at is not None
    else:
        assert party.approved_at is None
        if role != "anonymous":
            assert response.status_code == (403 if role in SEE else 404)


@pytest.mark.parametrize("role", ROLES)
def test_creating_from_recommendations_is_for_the_programmes_coordinators(
        client, users, workshop, role):
    url = reverse("agreements:from_event", args=[workshop.slug])
    response = client_for(client, users, role).post(url)
    if role in MANAGE:
        assert response.status_code == 302
        assert workshop.agreements.count() == 1
    else:
        assert workshop.agreements.count() == 0
        if role != "anonymous":  # they see the event of a public programme
            assert response.status_code == 403


def test_the_secret_link_opens_one_party_only(client, agreement):
    first, second = agreement.parties.all()
    page = client.get(reverse("agreements:link", args=[first.token]))
    assert page.status_code == 200
    assert first.organisation.name in page.content.decode()
    client.post(reverse("agreements:link", args=[first.token]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.approved_at is not None
    assert second.approved_at is None
    assert client.get(reverse("agreements:link", args=["nie-ma-takiego"])).status_code == 404
    # The link shows nothing else: the agreement's own page still asks to log in.
    assert client.get(agreement.get_absolute_url()).status_code == 302


def test_the_list_shows_only_visible_agreements(client, users, agreement):
    for role in ROLES[1:]:
        client.force_login(users[role])
        listed = agreement.title in client.get(reverse("agreements:list")).content.decode()
        assert listed == (role in SEE), role


@pytest.mark.parametrize("role", ROLES)
def test_api(client, users, agreement, role):
    headers = {}
    if users[role] is not None:
        _token, secret = ApiToken.issue(users[role], "test")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    listed = client.get("/api/agreements", **headers)
    detail = client.get(f"/api/agreements/{agreement.pk}", **headers)
    if role == "anonymous":
        assert listed.status_code == 401
        assert detail.status_code == 401
        return
    ids = [a["id"] for a in listed.json()]
    assert ids == ([agreement.pk] if role in SEE else [])
    assert detail.status_code == (200 if role in SEE else 404)
    party = agreement.parties.get(organisation__slug="mdk-ostrow-mazowiecka")
    approved = client.post(f"/api/agreements/{agreement.pk}/parties/{party.pk}/approve",
                           **headers)
    if role == "party_member":
        assert approved.status_code == 200
        body = approved.json()
        assert body["parties"][0]["approved_at"] is not None
        assert body["parties"][0]["organisation"] == "mdk-ostrow-mazowiecka"
        assert "Each partner's resource commitments" not in body["missing"]
        assert "Zasoby, które wnosi każdy partner" in body["missing"]
    else:
        assert approved.status_code == (403 if role in SEE else 404)
