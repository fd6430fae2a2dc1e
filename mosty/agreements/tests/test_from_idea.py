"""A project idea becomes a draft agreement in one click: its organisations are the parties,
its canvas the text, its partners' contributions (with profile resources) theirs."""
from datetime import date

import pytest

from mosty.agreements import services
from mosty.agreements.models import Agreement, ContributionKind
from mosty.api.models import ApiToken
from mosty.directory.tests.factories import (
    MembershipFactory, OrganisationFactory, ResourceFactory, UserFactory)
from mosty.initiatives import services as ideas

pytestmark = pytest.mark.django_db


@pytest.fixture
def osp(db):
    org = OrganisationFactory(name="OSP Ostrów Mazowiecka", slug="osp-ostrow", sector="ngo",
                              kind="fire_brigade", municipality_id="1416011")
    ResourceFactory(organisation=org, kind="offer", category="volunteers",
                    description="druhowie pomogą przy przewozie seniorów")
    return org


@pytest.fixture
def idea(programme, group, mdk, mops, osp, users):
    author = users["party_member"]  # a member of the MDK
    made = ideas.create_idea(author, ideas.IdeaData(
        "Seniorzy w domu kultury", "Zajęcia MDK dla seniorów z klubu MOPS.",
        programme=programme, group=group), mdk)
    colleague = UserFactory.create()
    MembershipFactory(user=colleague, organisation=mops)
    ideas.add_member(author, made, colleague, mops)
    ideas.save_section(author, made, "problem", "Seniorzy nie przychodzą do domu kultury.")
    ideas.save_section(author, made, "goals", "Raz w miesiącu zajęcia dla seniorów.")
    ideas.save_section(author, made, "target_group", "Seniorzy z klubu MOPS.")
    ideas.save_section(author, made, "results", "15 seniorów na każdych zajęciach.")
    ideas.save_section(author, made, "activities", rows=[
        {"what": "Warsztaty plastyczne", "start": "2027-03-01", "end": "2027-06-30",
         "who": "MDK"},
        {"what": "Dowóz seniorów", "start": "2027-02-15", "end": "2027-09-30", "who": "OSP"}])
    ideas.save_partner(author, made, osp, "Dowóz seniorów na zajęcia.",
                       tuple(osp.resources.values_list("pk", flat=True)))
    return made


def test_the_team_turns_the_idea_into_a_draft_agreement(client, idea, users, mdk, mops, osp,
                                                         programme, group):
    client.force_login(users["party_member"])
    page = client.get(idea.get_absolute_url())
    assert b'data-testid="agreement-from-idea"' in page.content
    response = client.post(f"/agreements/from-idea/{idea.slug}/")
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response.url == f"/agreements/{agreement.pk}/edit/"
    assert agreement.source_idea == idea
    assert (agreement.programme, agreement.group) == (programme, group)
    assert [p.organisation for p in agreement.parties.order_by("position")] == [mdk, mops, osp]
    assert agreement.purpose == ("Raz w miesiącu zajęcia dla seniorów.\n\n"
                                 "Problem, na który odpowiadamy: Seniorzy nie przychodzą do "
                                 "domu kultury.")
    assert "– Warsztaty plastyczne" in agreement.scope
    assert "Grupa docelowa: Seniorzy z klubu MOPS." in agreement.scope
    assert "– Dowóz seniorów (2027-02-15 – 2027-09-30): OSP" in agreement.work_plan
    assert (agreement.start_date, agreement.end_date) == (date(2027, 2, 15), date(2027, 9, 30))
    assert agreement.indicators == "15 seniorów na każdych zajęciach."
    contributions = agreement.parties.get(organisation=osp).contributions.all()
    assert [(c.kind, c.description, c.resource) for c in contributions] == [
        (ContributionKind.IN_KIND, "Dowóz seniorów na zajęcia.", None),
        (ContributionKind.STAFF, "druhowie pomogą przy przewozie seniorów",
         osp.resources.get())]
    assert agreement.versions.count() == 1
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f'href="/agreements/{agreement.pk}/"' in page
    assert 'data-testid="agreement-from-idea"' not in page
    detail = client.get(f"/agreements/{agreement.pk}/").content.decode()
    assert f'href="{idea.get_absolute_url()}"' in detail
    _token, secret = ApiToken.issue(users["party_member"], "test")
    api = client.get(f"/api/agreements/{agreement.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.json()["source_idea"] == idea.slug


def test_a_second_agreement_from_the_same_idea_is_refused(client, idea, users):
    first = services.create_from_idea(users["coordinator"], idea)
    with pytest.raises(services.AlreadyCreated) as refused:
        services.create_from_idea(users["coordinator"], idea)
    assert refused.value.existing == first
    client.force_login(users["party_member"])
    response = client.post(f"/agreements/from-idea/{idea.slug}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/agreements/{first.pk}/"
    assert "już" in response.content.decode()
    assert Agreement.objects.count() == 1


def test_an_idea_without_organisations_has_no_parties(programme, users):
    lonely = ideas.create_idea(None, ideas.IdeaData("Sam pomysł", programme=programme))
    with pytest.raises(services.AgreementError):
        services.create_from_idea(users["coordinator"], lonely)
    assert not Agreement.objects.exists()


@pytest.mark.parametrize(("role", "status"), [
    ("party_member", 302), ("coordinator", 302), ("staff", 302), ("facilitator", 403),
    ("other_coordinator", 404), ("outsider_member", 404)])
def test_the_team_and_the_coordinators_make_it(client, idea, users, role, status):
    client.force_login(users[role])
    page = client.get(idea.get_absolute_url())
    assert page.status_code == (404 if status == 404 else 200)
    assert (b'data-testid="agreement-from-idea"' in page.content) == (status == 302)
    assert client.post(f"/agreements/from-idea/{idea.slug}/").status_code == status
    assert Agreement.objects.filter(source_idea=idea).exists() == (status == 302)
    if status != 302:
        with pytest.raises(services.AgreementError):
            services.create_from_idea(users[role], idea)
