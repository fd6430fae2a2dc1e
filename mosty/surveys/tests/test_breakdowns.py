"""Breakdowns of results (sector, kind, gmina, group, edition, answers; combined) and the
rule that no breakdown of an anonymous survey lets a group of fewer than 5 be worked out."""
from typing import Any

import pytest
from django.urls import reverse

from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.programmes.models import Edition, Group, GroupMember
from mosty.surveys import breakdowns, results
from mosty.surveys.tests.conftest import answer, build_survey

pytestmark = pytest.mark.django_db
POZNAN, WARSZAWA = "3064011", "1465011"


def _count(page: str) -> int:
    start = page.index('data-testid="response-count">') + len('data-testid="response-count">')
    return int(page[start:page.index("<", start)])


def test_named_results_break_down_by_organisation_gmina_group_and_edition(
        client, programme, programme_coordinator):
    survey = build_survey(programme, anonymous=False)
    first = Edition.objects.create(programme=programme, name="2019")
    second = Edition.objects.create(programme=programme, name="2020")
    group_a = Group.objects.create(edition=first, name="Ostrów")
    group_b = Group.objects.create(edition=second, name="Mszczonów")
    ngo_poznan = OrganisationFactory(sector="ngo", kind="association", municipality_id=POZNAN)
    ngo_warsaw = OrganisationFactory(sector="ngo", kind="foundation", municipality_id=WARSZAWA)
    office = OrganisationFactory(sector="jst", kind="municipal_office", municipality_id=POZNAN)
    people = []
    for n, (organisation, group) in enumerate([(ngo_poznan, group_a), (ngo_warsaw, group_a),
                                               (office, group_b), (ngo_poznan, group_b)]):
        person: Any = UserFactory()
        MembershipFactory(user=person, organisation=organisation)
        member, _new = GroupMember.objects.get_or_create(group=group, organisation=organisation)
        member.people.add(person)
        answer(survey, user=person, rating=str(n + 1))
        people.append(person)
    client.force_login(programme_coordinator)
    url = reverse("surveys:results", args=[survey.slug])
    page = client.get(url).content.decode()
    for option in ("@sector:ngo", "@kind:foundation", f"@gmina:{WARSZAWA}",
                   f"@group:{group_a.pk}", f"@edition:{second.pk}"):
        assert f'value="{option}"' in page
    assert f'value="@gmina:{POZNAN}"' in page
    assert "Poznań" in page
    expected = {"@sector:ngo": 3, "@kind:municipal_office": 1, f"@gmina:{POZNAN}": 3,
                f"@group:{group_a.pk}": 2, f"@edition:{second.pk}": 2}
    for by, count in expected.items():
        assert _count(client.get(url, {"by": by}).content.decode()) == count, by
    # Filters combine: NGOs of Poznań in the 2020 edition (the 4th person only).
    page = client.get(url, {"by": [f"@gmina:{POZNAN}", "@sector:ngo",
                                   f"@edition:{second.pk}"]}).content.decode()
    # At most MAX_FILTERS (2) are applied: the gmina and the sector.
    assert _count(page) == 2
    page = client.get(url, {"by": ["@sector:ngo", f"@edition:{second.pk}", ""]})
    assert _count(page.content.decode()) == 1
    # A breakdown of a named survey by answers combines with one by organisation (everyone
    # answered "NGO" to the sector question).
    page = client.get(url, {"by": ["sector:ngo", f"@group:{group_b.pk}"]}).content.decode()
    assert _count(page) == 2
    page = client.get(url, {"by": ["sector:jst", f"@group:{group_b.pk}"]}).content.decode()
    assert _count(page) == 0


def test_anonymous_breakdowns_that_would_isolate_a_small_group_are_refused(programme):
    survey = build_survey(programme)
    for _n in range(6):
        answer(survey, sector="ngo", rating="4")
    for _n in range(5):
        answer(survey, sector="jst", rating="2")
    sector = breakdowns.find_filter(survey, "sector", "ngo")
    assert sector is not None
    shown = results.compute(survey, [sector])
    assert shown.shown
    assert shown.count == 6
    # One respondent with "other": everyone minus NGOs minus local government would be them.
    answer(survey, sector="__other__", other="spółdzielnia")
    refused = results.compute(survey, [sector])
    assert refused.isolating
    assert not refused.shown
    assert not refused.questions
    # Yes/no asked of NGOs only (the others have no answer): 7 NGOs said yes, but the
    # combination "jst and no answer" etc. are checked too.
    for _n in range(4):
        answer(survey, sector="__other__", other="spółdzielnia")
    again = results.compute(survey, [sector])
    assert again.shown
    assert again.count == 6
    yes = breakdowns.find_filter(survey, "ngo_only", "yes")
    assert yes is not None
    assert breakdowns.answer_groups(survey, [sector, yes]) == {
        ("ngo", "yes"): 6, ("jst", None): 5, ("__other__", None): 5}
    assert breakdowns.answer_groups(survey, [sector]) == {
        ("ngo",): 6, ("jst",): 5, ("__other__",): 5}
    both = results.compute(survey, [sector, yes])
    assert both.shown
    assert both.count == 6
    rating = breakdowns.chosen_filters(survey, ["sector:jst", "ngo_only:yes", "nonsense:x"])
    assert [f.code for f in rating] == ["sector", "ngo_only"]
    assert results.compute(survey, rating).count == 0
    assert not results.compute(survey, rating).shown


def test_filtered_results_queries_do_not_grow_with_responses(
        client, survey, programme_coordinator, django_assert_max_num_queries):
    client.force_login(programme_coordinator)
    for n in range(10):
        answer(survey, sector="ngo" if n % 2 else "jst")
    url = reverse("surveys:results", args=[survey.slug])
    query = {"by": ["sector:ngo", "ngo_only:yes"]}
    with django_assert_max_num_queries(40) as captured:
        page = client.get(url, query).content.decode()
    assert _count(page) == 5
    assert "<svg class=\"chart" in page
    few = len(captured)
    for n in range(20):
        answer(survey, sector="ngo" if n % 2 else "jst")
    with django_assert_max_num_queries(few):
        page = client.get(url, query).content.decode()
    assert _count(page) == 15
