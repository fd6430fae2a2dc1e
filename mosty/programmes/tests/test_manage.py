"""Coordinators manage editions, groups and staff; everyone on the staff can see which groups
break their rules."""
import pytest
from django.urls import reverse

from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.programmes.access import programme_access
from mosty.programmes.models import Edition, Group, GroupMember

pytestmark = pytest.mark.django_db


def rules(rows: list[dict]) -> dict[str, object]:
    data: dict[str, object] = {"rules-TOTAL_FORMS": len(rows), "rules-INITIAL_FORMS": 0,
                               "rules-MIN_NUM_FORMS": 0, "rules-MAX_NUM_FORMS": 1000}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"rules-{index}-{key}"] = value
    return data


def test_editions_are_created_and_edited(client, programme, programme_coordinator):
    client.force_login(programme_coordinator)
    url = reverse("programmes:edition_create", args=[programme.slug])
    response = client.post(url, {"name": "2019", "start_date": "2019-01-01",
                                 "end_date": "2019-12-31"})
    assert response["Location"] == reverse("recruitment:manage", args=[programme.slug])
    edition = Edition.objects.get()
    twice = client.post(url, {"name": "2019"})
    assert "name" in twice.context["form"].errors
    backwards = client.post(reverse("programmes:edition_edit", args=[programme.slug, edition.pk]),
                            {"name": "2019", "start_date": "2019-05-01",
                             "end_date": "2019-01-01"})
    assert "end_date" in backwards.context["form"].errors
    client.post(reverse("programmes:edition_edit", args=[programme.slug, edition.pk]),
                {"name": "Edycja 2019", "start_date": "2019-02-01"})
    edition.refresh_from_db()
    assert edition.name == "Edycja 2019"
    assert Edition.objects.count() == 1


def test_a_group_with_the_rules_of_seed_000(client, programme, edition, programme_coordinator,
                                            organisation):
    """One gmina, at least one culture institution and one social-assistance body."""
    client.force_login(programme_coordinator)
    data: dict[str, object] = {"name": "grupa Śmigiel (2019)", "area_rule": "gmina"}
    data.update(rules([
        {"label": "instytucja kultury", "minimum": 1,
         "kinds": ["culture_centre", "library", "museum"]},
        {"label": "jednostka pomocy społecznej", "minimum": 1, "kinds": ["social_assistance"]}]))
    response = client.post(reverse("programmes:group_create",
                                   args=[programme.slug, edition.pk]), data)
    group = Group.objects.get()
    assert response["Location"] == reverse("programmes:group", args=[programme.slug, group.pk])
    assert [(r.label, r.kinds) for r in group.requirements.all()] == [
        ("instytucja kultury", ["culture_centre", "library", "museum"]),
        ("jednostka pomocy społecznej", ["social_assistance"])]
    url = reverse("programmes:group", args=[programme.slug, group.pk])
    person = UserFactory(email="bibliotekarka@example.org")
    client.post(url, {"organisation": organisation.name, "people": "Bibliotekarka@example.org"})
    member = GroupMember.objects.get(group=group)
    assert list(member.people.all()) == [person]
    page = client.get(url)
    assert 'data-testid="group-problems"' in page.content.decode()
    ops = OrganisationFactory(name="OPS w Śmiglu", sector="public_institution",
                              kind="social_assistance", municipality_id="3011053")
    client.post(url, {"organisation": f"OPS [{ops.slug}]"})
    assert 'data-testid="group-ok"' in client.get(url).content.decode()
    # One from another gmina breaks the area rule.
    far = OrganisationFactory(name="Muzeum w Poznaniu", kind="museum",
                              municipality_id="3064011")
    client.post(url, {"organisation": f"[{far.slug}]"})
    problems = client.get(reverse("programmes:group_problems", args=[programme.slug]))
    [report] = problems.context["broken"]
    assert report.group == group
    assert len(report.problems) == 1
    # Removing it restores the group.
    client.post(reverse("programmes:group_member_remove", args=[
        programme.slug, group.pk, GroupMember.objects.get(organisation=far).pk]))
    problems = client.get(reverse("programmes:group_problems", args=[programme.slug]))
    assert not problems.context["broken"]
    assert len(problems.context["fine"]) == 1


def test_seed_001_group_of_one_powiat(client, programme, edition, programme_coordinator):
    """JST units and NGOs of one powiat: Rydułtowy and Wodzisław Śląski are both in 2415."""
    client.force_login(programme_coordinator)
    data: dict[str, object] = {"name": "JST i NGO powiatu wodzisławskiego", "area_rule": "powiat"}
    data.update(rules([{"label": "JST", "minimum": 1, "sectors": ["jst", "public_institution"]},
                       {"label": "NGO", "minimum": 1, "sectors": ["ngo"]}]))
    client.post(reverse("programmes:group_create", args=[programme.slug, edition.pk]), data)
    group = Group.objects.get()
    url = reverse("programmes:group", args=[programme.slug, group.pk])
    for name, sector, kind, gmina in (("OPS Rydułtowy", "public_institution",
                                       "social_assistance", "2415031"),
                                      ("Stowarzyszenie z Wodzisławia", "ngo", "association",
                                       "2415041")):
        organisation = OrganisationFactory(name=name, sector=sector, kind=kind,
                                           municipality_id=gmina)
        client.post(url, {"organisation": f"[{organisation.slug}]"})
    assert client.get(url).context["problems"] == []


def test_adding_unknown_organisations_or_people_is_refused(client, programme, group,
                                                           programme_coordinator, organisation):
    client.force_login(programme_coordinator)
    url = reverse("programmes:group", args=[programme.slug, group.pk])
    response = client.post(url, {"organisation": "Nie ma takiej"})
    assert "organisation" in response.context["form"].errors
    response = client.post(url, {"organisation": organisation.name, "people": "nikt@example.org"})
    assert "people" in response.context["form"].errors
    client.post(url, {"organisation": organisation.name})
    again = client.post(url, {"organisation": organisation.name})
    assert "organisation" in again.context["form"].errors
    assert GroupMember.objects.count() == 1


def test_coordinators_appoint_and_remove_staff(client, programme, programme_coordinator,
                                               outsider):
    client.force_login(programme_coordinator)
    url = reverse("programmes:staff", args=[programme.slug])
    client.post(url, {"email": outsider.email.upper(), "role": "facilitator",
                      "expertise": "finanse"})
    appointed = programme.staff.get(user=outsider)
    assert (appointed.role, appointed.expertise) == ("facilitator", "finanse")
    assert programme_access(outsider, programme).see_private
    again = client.post(url, {"email": outsider.email, "role": "facilitator"})
    assert "email" in again.context["form"].errors
    unknown = client.post(url, {"email": "nikt@example.org", "role": "coordinator"})
    assert "email" in unknown.context["form"].errors
    client.post(reverse("programmes:staff_remove", args=[programme.slug, appointed.pk]))
    assert not programme_access(outsider, programme).see_private
