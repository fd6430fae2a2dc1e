"""Who sees and edits what: a matrix of roles over the pages and the API."""
from datetime import date

import pytest
from django.urls import reverse

from mosty.accounts.models import Role
from mosty.cooperation import access, services
from mosty.cooperation.models import Decision
from mosty.cooperation.tests.conftest import POZNAN
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.programmes.models import Programme, ProgrammeStaff

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other_participant", "ngo_member", "facilitator", "other_coordinator",
         "coordinator", "other_official", "official", "staff"]


@pytest.fixture
def people(ngo_member, other_official, poznan_official):
    programme = Programme.objects.create(name="Program", slug="program",
                                         organiser=OrganisationFactory(), is_public=True)
    facilitator = UserFactory(role=Role.FACILITATOR)
    ProgrammeStaff.objects.create(programme=programme, user=facilitator, role="facilitator")
    other_coordinator = UserFactory(role=Role.COORDINATOR)
    coordinator = UserFactory(role=Role.COORDINATOR)
    ProgrammeStaff.objects.create(programme=programme, user=coordinator, role="coordinator")
    other = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=other, organisation=OrganisationFactory(sector="business",
                                                                   kind="company"))
    return {"anonymous": None, "other_participant": other, "ngo_member": ngo_member,
            "facilitator": facilitator, "other_coordinator": other_coordinator,
            "coordinator": coordinator, "other_official": other_official,
            "official": poznan_official,
            "staff": UserFactory(role=Role.PARTICIPANT, is_staff=True, is_superuser=True)}


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


EDITORS = {"official", "staff"}


@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_draft_exists_only_for_its_office(client, people, role):
    hidden = services.start_programme(None, POZNAN, 2021)
    client = client_for(client, people[role])
    expected = 200 if role in EDITORS else 404
    assert client.get(reverse("cooperation:detail", args=[hidden.pk])).status_code == expected
    assert client.get(f"/api/cooperation/programmes/{hidden.pk}").status_code == expected
    listed = client.get("/api/cooperation/programmes").json()
    assert (hidden.pk in [p["id"] for p in listed]) == (role in EDITORS)


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_under_consultation_is_public_but_edited_by_its_office(client, people, draft,
                                                                      role):
    client = client_for(client, people[role])
    assert client.get(reverse("cooperation:detail", args=[draft.pk])).status_code == 200
    edit = client.get(reverse("cooperation:chapter", args=[draft.pk, "goals"]))
    answers = client.get(reverse("cooperation:answers", args=[draft.pk]))
    if role in EDITORS:
        assert (edit.status_code, answers.status_code) == (200, 200)
    elif role == "anonymous":
        assert edit.status_code == answers.status_code == 302  # to the login page
    else:
        assert (edit.status_code, answers.status_code) == (403, 403)
    post = client.post(reverse("cooperation:action", args=[draft.pk, "version"]))
    assert post.status_code == (302 if role in EDITORS or role == "anonymous" else 403)
    assert draft.versions.count() == (2 if role in EDITORS else 1)


@pytest.mark.parametrize("role", ROLES)
def test_comments_stay_private_until_the_report_is_published(client, people, draft, comment,
                                                            role):
    client = client_for(client, people[role])
    seen = role in EDITORS | {"ngo_member"}
    page = client.get(reverse("cooperation:detail", args=[draft.pk])).content.decode()
    assert ("Dopiszcie użyczanie sal." in page) == seen
    api = client.get(f"/api/cooperation/programmes/{draft.pk}/comments").json()
    assert len(api) == (1 if seen else 0)
    report = client.get(reverse("cooperation:download", args=[draft.pk, "consultation", "pdf"]))
    assert report.status_code == (200 if role in EDITORS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_published_comments_and_answers_are_public(client, people, draft, comment, role,
                                                   poznan_official):
    services.answer_comment(poznan_official, comment, Decision.ACCEPTED, "Dopisano.")
    services.publish_consultation_report(poznan_official, draft)
    client = client_for(client, people[role])
    api = client.get(f"/api/cooperation/programmes/{draft.pk}/comments").json()
    assert [(c["organisation_name"], c["decision"], c["reason"]) for c in api] == [
        ("Fundacja Zielona Wilda", "accepted", "Dopisano.")]
    report = client.get(reverse("cooperation:download", args=[draft.pk, "consultation", "docx"]))
    assert report.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_only_ngo_members_comment_and_only_the_office_answers_in_the_api(client, people, draft,
                                                                         comment, ngo, role):
    client = client_for(client, people[role])
    made = client.post(f"/api/cooperation/programmes/{draft.pk}/comments", {
        "organisation": ngo.slug, "text": "Uwaga z API.", "chapter": "funds"},
        content_type="application/json")
    assert made.status_code == {"anonymous": 401, "ngo_member": 201}.get(role, 400)
    answered = client.post(f"/api/cooperation/programmes/{draft.pk}/comments/{comment.pk}/answer",
                           {"decision": "rejected", "reason": "Nie."},
                           content_type="application/json")
    expected = 200 if role in EDITORS else 403 if role == "ngo_member" else 404
    assert answered.status_code == expected
    comment.refresh_from_db()
    assert comment.decision == ("rejected" if role in EDITORS else "")


@pytest.mark.parametrize("role", ROLES)
def test_a_published_programme_stays_public_and_working_versions_stay_private(
        client, people, role, programme_2019):
    services.save_version(None, programme_2019, "Wersja robocza urzędu")
    services.open_consultation(None, programme_2019, date(2018, 9, 1), date(2018, 9, 30))
    services.publish_consultation_report(None, programme_2019)
    services.mark_final(None, programme_2019)
    services.reopen(None, programme_2019)
    client = client_for(client, people[role])
    page = client.get(reverse("cooperation:versions", args=[programme_2019.pk]))
    assert page.status_code == 200
    assert ("Wersja robocza urzędu" in page.content.decode()) == (role in EDITORS)
    assert "Projekt opublikowany do konsultacji" in page.content.decode()


def test_a_county_official_edits_the_powiat_programme_only(db):
    office = OrganisationFactory(name="Starostwo Powiatowe w Poznaniu", sector="jst",
                                 kind="county_office", municipality_id=POZNAN)
    official = UserFactory.create(role=Role.OFFICIAL)
    MembershipFactory(user=official, organisation=office)
    assert [t.code for t in access.editable_territories(official)] == ["3064"]
    powiat = services.start_programme(official, "3064", 2021)
    assert access.can_edit(official, powiat)
    with pytest.raises(services.CooperationError):
        services.start_programme(official, POZNAN, 2021)
    participant = UserFactory.create(role=Role.PARTICIPANT)
    MembershipFactory(user=participant, organisation=office)
    assert not access.can_edit(participant, powiat)  # a member, but not an official
