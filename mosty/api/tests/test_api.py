import pytest
from django.urls import reverse

from mosty.api.models import ApiToken
from mosty.directory.tests.factories import OrganisationFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:
    _token, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_organisation_as_anonymous_is_public_data_only(client, organisation):
    organisation.contacts.create(name="Jan Jawny", email="jan@example.org", is_public=True)
    response = client.get(f"/api/organisations/{organisation.slug}")
    assert response.status_code == 200
    assert response.json() == {
        "slug": organisation.slug, "name": "Miejska Biblioteka Publiczna w Śmiglu",
        "sector": "public_institution", "kind": "library", "municipality": "3011053",
        "municipality_name": "Śmigiel", "address": "", "website": "", "email": "", "phone": "",
        "description": "", "krs": "", "regon": "", "nip": "",
        "resources": [
            {"kind": "need", "category": "volunteers", "category_label": "ludzie i wolontariusze",
             "description": "wolontariusze do pomocy przy festynie", "conditions": "", "cost": ""},
            {"kind": "offer", "category": "space", "category_label": "przestrzeń i sale",
             "description": "sala na 60 osób z rzutnikiem", "conditions": "", "cost": ""}],
        "contacts": [{"name": "Jan Jawny", "position": "", "email": "jan@example.org",
                      "phone": "", "is_public": True}],
        "url": f"http://testserver/directory/{organisation.slug}/",
    }


@pytest.mark.parametrize(("who", "sees_private"), [
    ("outsider", False), ("official", False), ("member", True), ("coordinator", False),
    ("partner_coordinator", True), ("staff", True)])
def test_private_contacts_need_a_token_of_someone_allowed(client, request, organisation, who,
                                                          sees_private):
    user = request.getfixturevalue(who)
    data = client.get(f"/api/organisations/{organisation.slug}", **bearer(user)).json()
    assert any(c["email"] == "anna.tajna@example.org" for c in data["contacts"]) is sees_private


def test_a_wrong_token_is_refused_not_ignored(client, organisation):
    response = client.get(f"/api/organisations/{organisation.slug}",
                          HTTP_AUTHORIZATION="Bearer mosty_wrong")
    assert response.status_code == 401


def test_list_filters_like_the_directory_page(client, organisation, other_organisation):
    OrganisationFactory(name="Firma z Poznania", sector="business", kind="company")
    data = client.get("/api/organisations?gmina=3011053&sector=ngo").json()
    assert data["count"] == 1
    assert [o["name"] for o in data["results"]] == ["Ochotnicza Straż Pożarna w Śmiglu"]
    assert client.get("/api/organisations?gmina=Atlantyda").status_code == 400


def test_list_query_count_does_not_grow(client, count_queries):
    OrganisationFactory()
    with count_queries() as few:
        client.get("/api/organisations")
    for _ in range(20):
        ResourceFactory(organisation=OrganisationFactory())
    with count_queries() as many:
        assert client.get("/api/organisations").json()["count"] == 21
    assert len(many) == len(few)


def test_openapi_schema_and_docs_are_served_without_a_cdn(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Mosty API"
    assert "/api/organisations" in schema["paths"]
    docs = client.get("/api/docs").content.decode()
    assert "cdn." not in docs
    assert "swagger-ui-bundle.js" in docs


def test_tokens_are_created_shown_once_and_revoked(client, member, organisation):
    client.force_login(member)
    page = client.post(reverse("api_tokens"), {"name": "Excel"}).content.decode()
    token = ApiToken.objects.get(user=member)
    raw = page.split('<code id="new-token">')[1].split("</code>")[0]
    assert raw.startswith("mosty_")
    assert token.token_hash != raw
    assert raw not in client.get(reverse("api_tokens")).content.decode()
    client.logout()
    assert client.get("/api/programmes", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    client.force_login(member)
    url = reverse("api_token_revoke", args=[token.pk])
    assert f'href="{url}"' in client.get(reverse("api_tokens")).content.decode()
    question = client.get(url).content.decode()  # asks first, changes nothing
    assert 'data-testid="confirm-button"' in question
    assert f"Początek: {token.prefix}…" in question
    assert "cofnąć w ciągu" not in question  # no undo is promised
    assert "Unieważnić token „Excel”?" in question
    assert ApiToken.objects.filter(pk=token.pk).exists()
    client.post(url)
    client.logout()
    assert client.get("/api/programmes", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_nobody_revokes_someone_elses_token(client, member, outsider):
    token, _raw = ApiToken.issue(member, "mine")
    client.force_login(outsider)
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    assert client.get(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


@pytest.fixture
def programme_with_group(organisation, other_organisation):
    from datetime import date

    from mosty.programmes.models import Edition, Group, GroupMember, GroupRequirement, Programme

    programme = Programme.objects.create(name="Kultura: Inicjatywy", slug="ki",
                                         organiser=organisation)
    edition = Edition.objects.create(programme=programme, name="2019",
                                     start_date=date(2019, 1, 1))
    group = Group.objects.create(edition=edition, name="grupa Śmigiel", area_rule="gmina")
    GroupRequirement.objects.create(group=group, label="instytucja kultury",
                                    kinds=["culture_centre"], minimum=1)
    GroupMember.objects.create(group=group, organisation=organisation)
    GroupMember.objects.create(group=group, organisation=other_organisation)
    return programme


def test_editions_and_groups_show_members_and_broken_rules_only_to_staff(
        client, programme_with_group, coordinator, outsider):
    from mosty.programmes.models import ProgrammeStaff

    public = client.get("/api/programmes/ki/editions").json()
    assert public == [{"id": public[0]["id"], "name": "2019", "start_date": "2019-01-01",
                       "end_date": None, "groups": [{
                           "id": public[0]["groups"][0]["id"], "name": "grupa Śmigiel",
                           "area_rule": "gmina", "members": None, "problems": None}]}]
    assert client.get("/api/programmes/ki/editions", **bearer(outsider)).json()[0]["groups"][0][
        "members"] is None
    ProgrammeStaff.objects.create(programme=programme_with_group, user=coordinator,
                                  role="coordinator")
    group = client.get("/api/programmes/ki/editions", **bearer(coordinator)).json()[0]["groups"][0]
    assert [m["name"] for m in group["members"]] == [
        "Miejska Biblioteka Publiczna w Śmiglu", "Ochotnicza Straż Pożarna w Śmiglu"]
    assert group["problems"] == [
        "Grupa musi mieć co najmniej 1 członka w kategorii: instytucja kultury (obecnie 0)."]


def test_list_query_count_does_not_grow_for_a_logged_in_member(client, member, count_queries):
    headers = bearer(member)
    OrganisationFactory()
    with count_queries() as few:
        client.get("/api/organisations", **headers)
    for _ in range(20):
        OrganisationFactory().contacts.create(name="Osoba prywatna")
    with count_queries() as many:
        assert client.get("/api/organisations", **headers).json()["count"] == 22
    assert len(many) == len(few)


def test_token_services_write_audit_entries(member):
    from mosty.api import services
    from mosty.core.models import AuditEntry

    with pytest.raises(services.TokenError):
        services.create_token(member, "   ")
    token, raw = services.create_token(member, "Arkusz")
    assert raw.startswith("mosty_")
    assert token.prefix in raw
    created = AuditEntry.objects.get(action="api.token.created")
    assert created.data == {"name": "Arkusz", "prefix": token.prefix}
    services.revoke_token(member, token)
    assert AuditEntry.objects.filter(action="api.token.revoked", user=member).exists()
    assert not member.api_tokens.exists()


def _answers(client, raw: str) -> int:
    return client.get("/api/programmes", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


@pytest.mark.parametrize("how", ["password_change", "password_reset", "set_password"])
def test_a_password_change_ends_every_token(client, member, how):
    """However the password changes (its page, a reset link, the admin or a command)."""
    import re

    from django.core import mail

    from mosty.directory.tests.factories import UserFactory

    _token, raw = ApiToken.issue(member, "Excel")
    _other, other_raw = ApiToken.issue(UserFactory(), "Excel")
    assert _answers(client, raw) == 200
    new = "Zupelnie-Nowe-Haslo-77"
    if how == "password_change":
        client.force_login(member)
        client.post(reverse("accounts:password_change"), {
            "old_password": "haslo-testowe-123", "new_password1": new, "new_password2": new})
        client.logout()
    elif how == "password_reset":
        client.post(reverse("accounts:password_reset"), {"email": member.email})
        found = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)",
                          str(mail.outbox[0].body))
        assert found
        link = found.group(1)
        form = client.get(link, follow=True)
        client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    else:
        member.set_password(new)
        member.save()
    member.refresh_from_db()
    assert member.check_password(new)
    assert _answers(client, raw) == 401
    assert _answers(client, other_raw) == 200


def test_tokens_expire(client, member, settings):
    from datetime import timedelta

    from django.utils import timezone

    token, raw = ApiToken.issue(member, "Excel")
    assert timedelta(days=settings.API_TOKEN_DAYS - 1) < token.expires_at - timezone.now() \
        <= timedelta(days=settings.API_TOKEN_DAYS)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _answers(client, raw) == 401
