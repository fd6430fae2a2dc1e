"""Creating and editing programmes: the services, the pages and the API."""
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from mosty.accounts.models import Role
from mosty.api.models import ApiToken
from mosty.core.models import AuditEntry
from mosty.directory.models import Organisation
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.programmes import services
from mosty.programmes.models import Programme, ProgrammeStaff, StaffRole
from mosty.programmes.services import PartnerData, ProgrammeData

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(db):
    """A coordinator who belongs to a library; a partner organisation exists."""
    user = UserFactory.create(role=Role.COORDINATOR)
    MembershipFactory.create(user=user, organisation=OrganisationFactory.create(
        name="Biblioteka w Śmiglu", slug="biblioteka-smigiel"))
    OrganisationFactory.create(name="Ośrodek Pomocy Społecznej", slug="ops-smigiel")
    return user


def _data(**changes: Any) -> ProgrammeData:
    values: dict[str, Any] = {"name": "BLISKO 2027", "organiser": _org("biblioteka-smigiel"),
              "summary": "Szkolenie dla 15 osób.", "goals": "Sieć\nProjekty",
              "languages": ("pl", "uk"),
              "partners": (PartnerData(_org("ops-smigiel"), "rekrutacja"),)}
    return ProgrammeData(**(values | changes))


def _org(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug)


def test_a_coordinator_creates_a_programme_and_becomes_its_coordinator(coordinator):
    programme = services.create_programme(coordinator, _data())
    assert (programme.slug, programme.languages, programme.is_public) == (
        "blisko-2027", ["pl", "uk"], True)
    assert list(programme.partnerships.values_list("organisation__slug", "role")) == [
        ("ops-smigiel", "rekrutacja")]
    assert ProgrammeStaff.objects.filter(programme=programme, user=coordinator,
                                         role=StaffRole.COORDINATOR).exists()
    entry = AuditEntry.objects.get(action="programmes.programme.created")
    assert entry.user == coordinator
    assert entry.data["changes"]["name"] == [None, "BLISKO 2027"]
    assert entry.data["changes"]["partners"] == [None, ["ops-smigiel: rekrutacja"]]
    # A second programme of the same name gets its own address.
    assert services.create_programme(coordinator, _data()).slug == "blisko-2027-2"


def test_the_organiser_must_be_one_of_the_coordinators_organisations(coordinator):
    with pytest.raises(services.ProgrammeError) as refused:
        services.create_programme(coordinator, _data(organiser=_org("ops-smigiel"),
                                                     partners=()))
    assert refused.value.field == "organiser"
    participant = UserFactory.create(role=Role.PARTICIPANT)
    MembershipFactory.create(user=participant, organisation=_org("biblioteka-smigiel"))
    with pytest.raises(services.ProgrammeError):
        services.create_programme(participant, _data())
    assert not Programme.objects.exists()


def test_refusals_name_their_field(coordinator):
    cases: list[tuple[dict[str, Any], str]] = [
        ({"name": "  "}, "name"),
        ({"partners": (PartnerData(_org("biblioteka-smigiel")),)}, "partners"),  # itself
        ({"partners": (PartnerData(_org("ops-smigiel")),) * 2}, "partners"),
    ]
    for changes, field in cases:
        with pytest.raises(services.ProgrammeError) as refused:
            services.create_programme(coordinator, _data(**changes))
        assert refused.value.field == field
    assert not Programme.objects.exists()


def test_an_end_before_the_start_and_unknown_languages_are_refused(coordinator):
    with pytest.raises(services.ProgrammeError) as refused:
        services.create_programme(coordinator, _data(start_date=date(2027, 5, 1),
                                                     end_date=date(2027, 4, 1)))
    assert refused.value.field == "end_date"
    with pytest.raises(services.ProgrammeError) as refused:
        services.create_programme(coordinator, _data(languages=("xx",)))
    assert refused.value.field == "languages"


def test_update_records_what_changed_and_detects_a_concurrent_edit(coordinator):
    programme = services.create_programme(coordinator, _data())
    read = programme.version
    services.update_programme(coordinator, programme,
                              _data(funding="Fundusz", partners=()), read)
    programme.refresh_from_db()
    assert (programme.funding, programme.version, programme.partnerships.count()) == (
        "Fundusz", read + 1, 0)
    entry = AuditEntry.objects.get(action="programmes.programme.updated")
    assert entry.data["changes"] == {"funding": ["", "Fundusz"],
                                     "partners": [["ops-smigiel: rekrutacja"], []]}
    with pytest.raises(services.ConcurrentEditError):  # saved with the version read before
        services.update_programme(coordinator, programme, _data(funding="Inny"), read)
    programme.refresh_from_db()
    assert (programme.funding, programme.version) == ("Fundusz", read + 1)


def test_only_managers_update(coordinator):
    programme = services.create_programme(coordinator, _data())
    other = UserFactory.create(role=Role.COORDINATOR)
    with pytest.raises(services.ProgrammeError):
        services.update_programme(other, programme, _data(funding="Nie"))
    assert Programme.objects.get(pk=programme.pk).funding == ""


def _form(**changes: Any) -> dict[str, Any]:
    organiser = str(_org("biblioteka-smigiel").pk)
    values: dict[str, Any] = {
              "name": "BLISKO 2027", "organiser": organiser, "summary": "Krótko.",
              "description": "", "goals": "", "audience": "",
              "funding": "", "coordinator_contact": "", "website": "", "start_date": "",
              "end_date": "", "is_public": "on", "languages": ["pl", "en"],
              "partners-TOTAL_FORMS": "2", "partners-INITIAL_FORMS": "0",
              "partners-MIN_NUM_FORMS": "0", "partners-MAX_NUM_FORMS": "40",
              "partners-0-organisation": "Ośrodek Pomocy Społecznej [ops-smigiel]",
              "partners-0-role": "partner", "partners-1-organisation": "",
              "partners-1-role": ""}
    return values | changes


def test_the_create_page_creates_and_the_edit_page_saves(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("programmes:create"), _form())
    programme = Programme.objects.get()
    assert response["Location"] == programme.get_absolute_url()
    assert programme.languages == ["pl", "en"]
    edit = reverse("programmes:edit", args=[programme.slug])
    page = client.get(edit).content.decode()
    assert "Ośrodek Pomocy Społecznej, " in page
    assert "[ops-smigiel]" in page
    form = _form(name="BLISKO 2027/28", version=str(programme.version),
                 **{"partners-INITIAL_FORMS": "1"})
    assert client.post(edit, form).status_code == 302
    programme.refresh_from_db()
    assert (programme.name, programme.version) == ("BLISKO 2027/28", 2)


def test_the_form_is_kept_on_an_error_and_on_a_concurrent_edit(client, coordinator):
    client.force_login(coordinator)
    page = client.post(reverse("programmes:create"),
                       _form(name="", summary="Zostaje w formularzu"))
    assert page.status_code == 200
    assert not Programme.objects.exists()
    assert "Zostaje w formularzu" in page.content.decode()
    programme = services.create_programme(coordinator, _data())
    services.update_programme(coordinator, programme, _data(funding="Pierwszy"))
    stale = client.post(reverse("programmes:edit", args=[programme.slug]),
                        _form(funding="Drugi", version="1"))
    body = stale.content.decode()
    assert stale.status_code == 200
    assert "Drugi" in body
    assert "Ktoś inny zapisał ten program" in body
    assert Programme.objects.get(pk=programme.pk).funding == "Pierwszy"
    # The form now carries the current version: sending it again overwrites knowingly.
    assert f'name="version" value="{programme.version + 1}"' in body


def _bearer(user) -> dict:
    _token, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_api_creates_and_replaces_a_programme(client, coordinator):
    body = {"name": "BLISKO API", "organiser": "biblioteka-smigiel", "languages": ["pl"],
            "partners": [{"organisation": "ops-smigiel", "role": "partner"}]}
    created = client.post("/api/programmes", body, content_type="application/json",
                          **_bearer(coordinator))
    assert created.status_code == 201, created.content
    out = created.json()
    assert (out["slug"], out["version"], out["partners"][0]["organisation"]) == (
        "blisko-api", 1, "ops-smigiel")
    url = "/api/programmes/blisko-api"
    replaced = client.put(url, body | {"funding": "EOG", "version": 1},
                          content_type="application/json", **_bearer(coordinator))
    assert (replaced.status_code, replaced.json()["funding"]) == (200, "EOG")
    stale = client.put(url, body | {"version": 1}, content_type="application/json",
                       **_bearer(coordinator))
    assert stale.status_code == 409
    unknown = client.put(url, body | {"organiser": "nie-ma"}, content_type="application/json",
                         **_bearer(coordinator))
    assert unknown.status_code == 400
    assert "nie-ma" in unknown.json()["detail"]


def test_the_api_refuses_as_the_pages_do(client, coordinator):
    programme = services.create_programme(coordinator, _data(is_public=False))
    body = {"name": "X", "organiser": "biblioteka-smigiel"}
    participant = UserFactory.create(role=Role.PARTICIPANT)
    assert client.post("/api/programmes", body,
                       content_type="application/json").status_code == 401
    assert client.post("/api/programmes", body, content_type="application/json",
                       **_bearer(participant)).status_code == 403
    hidden = f"/api/programmes/{programme.slug}"
    assert client.put(hidden, body, content_type="application/json",
                      **_bearer(participant)).status_code == 404
    programme.is_public = True
    programme.save()
    assert client.put(hidden, body, content_type="application/json",
                      **_bearer(participant)).status_code == 403
    assert Programme.objects.get(pk=programme.pk).name == "BLISKO 2027"
