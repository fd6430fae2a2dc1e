"""'Partners for us': ranking quality through the Django layer, hiding, marking cooperation."""
import re

import pytest
from django.urls import reverse

from mosty.core.models import AuditEntry
from mosty.directory.services import refresh_search_text
from mosty.directory.tests.factories import ResourceFactory
from mosty.matching.models import HiddenPartner, Relation
from mosty.matching.services import record_relation
from mosty.matching.tests.conftest import SMIGIEL, make_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(coordinator, organisation, other_organisation):
    """A coordinator of a programme the OSP and the library take part in (as partners): they
    see both organisations' partners; the coordinator role alone would not."""
    from mosty.programmes.models import Programme, ProgrammePartner, ProgrammeStaff

    programme = Programme.objects.create(name="Śmigiel razem", slug="smigiel-razem",
                                         organiser=organisation)
    ProgrammePartner.objects.create(programme=programme, organisation=other_organisation)
    ProgrammeStaff.objects.create(programme=programme, user=coordinator, role="coordinator")
    return coordinator


def partner_slugs(html: str) -> list[str]:
    """Recommended partners in page order (read from data attributes, not from text)."""
    return re.findall(r'data-testid="suggestion" data-partner="([^"]+)"', html)


def open_partners(client, user, org, **params):
    client.force_login(user)
    response = client.get(reverse("matching:partners", args=[org.slug]), params)
    assert response.status_code == 200
    return response.content.decode()


def act(client, org, action, partner, radius=""):
    return client.post(reverse("matching:partner_action", args=[org.slug]),
                       {"action": action, "partner": partner.pk, "radius": radius})


def test_complementary_neighbours_rank_in_each_others_top_three(client, planted, member,
                                                                 coordinator):
    library_page = open_partners(client, member, planted.library)
    assert planted.osp.slug in partner_slugs(library_page)[:3]
    osp_page = open_partners(client, coordinator, planted.osp)
    assert planted.library.slug in partner_slugs(osp_page)[:3]
    # Only other sectors: the OSP never sees its fellow NGO; nobody sees the foreign one.
    assert planted.ngo_twin.slug not in partner_slugs(osp_page)
    assert planted.abroad.slug not in partner_slugs(library_page + osp_page)


def test_the_recommendation_is_explained_mutual_and_local(client, planted, member):
    html = open_partners(client, member, planted.library)
    card = html.split(f'data-partner="{planted.osp.slug}"')[1].split("</li>\n")[0]
    assert 'data-mutual="true"' in card
    assert 'data-geo="gmina"' in card
    assert 'data-testid="mutual-badge"' in card
    # Both directions, with both organisations' own words.
    they = card.split('data-testid="they-give"')[1].split("</ul>")[0]
    assert "wolontariusze do pomocy przy festynie" in they
    assert "strażacy ochotnicy do pomocy przy festynach" in they
    we = card.split('data-testid="we-give"')[1].split("</ul>")[0]
    assert "sala na zebrania i szkolenia strażaków" in we
    assert "sala na 60 osób" in we


def test_mutual_matches_come_before_one_way_ones(client, planted, member):
    html = open_partners(client, member, planted.library, radius="country")
    flags = re.findall(r'data-testid="suggestion" data-partner="[^"]+" data-mutual="(\w+)"', html)
    assert "false" in flags
    assert flags == sorted(flags, key=lambda f: f != "true")


def test_radius_by_administrative_level(client, planted, member):
    by_radius = {radius: partner_slugs(open_partners(client, member, planted.library,
                                                     radius=radius))
                 for radius in ("gmina", "powiat", "voivodeship", "country")}
    assert planted.koscian.slug not in by_radius["gmina"]
    assert planted.koscian.slug in by_radius["powiat"]
    assert planted.poznan.slug not in by_radius["powiat"]
    assert planted.poznan.slug in by_radius["voivodeship"]
    assert planted.warsaw.slug not in by_radius["voivodeship"]
    assert planted.warsaw.slug in by_radius["country"]
    html = open_partners(client, member, planted.library, radius="powiat")
    assert re.search(r'<option value="powiat" selected>', html)
    geo = re.findall(r'data-geo="(\w+)"', html)
    assert set(geo) <= {"gmina", "powiat"}


def test_hide_and_show_again(client, planted, member):
    html = open_partners(client, member, planted.library)
    assert planted.osp.slug in partner_slugs(html)
    response = act(client, planted.library, "hide", planted.osp, "powiat")
    assert response.status_code == 302
    assert response["Location"].endswith("?radius=powiat")
    assert HiddenPartner.objects.filter(organisation=planted.library, partner=planted.osp,
                                        created_by=member).exists()
    html = open_partners(client, member, planted.library)
    assert planted.osp.slug not in partner_slugs(html)
    hidden = html.split('data-testid="hidden"')[1].split("</ul>")[0]
    assert f'data-partner="{planted.osp.slug}"' in hidden
    assert f'data-testid="unhide-{planted.osp.slug}"' in hidden
    act(client, planted.library, "hide", planted.osp)  # twice: still one row
    assert HiddenPartner.objects.count() == 1
    act(client, planted.library, "unhide", planted.osp)
    assert not HiddenPartner.objects.exists()
    assert planted.osp.slug in partner_slugs(open_partners(client, member, planted.library))
    actions = list(AuditEntry.objects.filter(action__startswith="matching.partner")
                   .order_by("id").values_list("action", "user", "object_id"))
    assert actions == [("matching.partner.hidden", member.pk, str(planted.library.pk)),
                       ("matching.partner.unhidden", member.pk, str(planted.library.pk))]


def test_we_already_cooperate_creates_a_relation_and_can_be_withdrawn(client, planted, member,
                                                                       coordinator):
    client.force_login(member)
    act(client, planted.library, "cooperate", planted.osp)
    relation = Relation.objects.get()
    assert (relation.kind, relation.origin, relation.created_by) == ("cooperate", "member", member)
    assert {relation.org_a, relation.org_b} == {planted.library, planted.osp}
    html = open_partners(client, member, planted.library)
    assert planted.osp.slug not in partner_slugs(html)
    known = html.split('data-testid="cooperating"')[1].split("</ul>")[0]
    assert f'data-testid="uncooperate-{planted.osp.slug}"' in known
    # The relation belongs to the pair: the OSP's side lists the library too.
    osp_page = open_partners(client, coordinator, planted.osp)
    assert planted.library.slug in osp_page.split('data-testid="cooperating"')[1]
    client.force_login(member)
    act(client, planted.library, "uncooperate", planted.osp)
    assert not Relation.objects.exists()
    assert planted.osp.slug in partner_slugs(open_partners(client, member, planted.library))
    assert list(AuditEntry.objects.filter(action__startswith="matching.relation")
                .order_by("id").values_list("action", flat=True)) == [
        "matching.relation.created", "matching.relation.deleted"]


def test_relations_from_other_modules_are_listed_but_not_withdrawable(client, planted, member):
    record_relation(planted.osp, planted.library, "agreement", "agreement")
    html = open_partners(client, member, planted.library)
    assert planted.osp.slug not in partner_slugs(html)
    known = html.split('data-testid="cooperating"')[1].split("</ul>")[0]
    assert planted.osp.slug in known
    assert "uncooperate-" not in known
    response = act(client, planted.library, "uncooperate", planted.osp)
    assert response.status_code == 302
    assert Relation.objects.count() == 1
    # Having only met at an event does not take a partner off the list.
    Relation.objects.all().delete()
    record_relation(planted.osp, planted.library, "met", "networking")
    assert planted.osp.slug in partner_slugs(open_partners(client, member, planted.library))


def test_bad_actions_are_refused(client, planted, member):
    client.force_login(member)
    assert act(client, planted.library, "delete", planted.osp).status_code == 400
    response = client.post(reverse("matching:partner_action", args=[planted.library.slug]),
                           {"action": "hide", "partner": 999_999})
    assert response.status_code == 404
    act(client, planted.library, "hide", planted.library)
    assert not HiddenPartner.objects.exists()
    assert client.get(reverse("matching:partner_action",
                              args=[planted.library.slug])).status_code == 405


def test_profile_changes_show_up_at_once(client, planted, member):
    """The cached index notices a changed profile (updated_at moves) on the next request."""
    assert planted.bakery.slug not in partner_slugs(open_partners(client, member,
                                                                  planted.library))
    ResourceFactory(organisation=planted.bakery, kind="offer", category="volunteers",
                    description="pracownicy piekarni jako wolontariusze na festyn")
    refresh_search_text(planted.bakery)
    assert planted.bakery.slug in partner_slugs(open_partners(client, member, planted.library))


def test_an_organisation_abroad_gets_an_explanation(client, planted, staff):
    html = open_partners(client, staff, planted.abroad)
    assert 'data-testid="not-indexed"' in html
    assert partner_slugs(html) == []


def test_query_count_does_not_grow_with_the_directory(client, planted, member, count_queries):
    open_partners(client, member, planted.library)  # build the index first
    with count_queries() as few:
        open_partners(client, member, planted.library, radius="country")
    for i in range(15):
        make_org(f"Firma {i}", "business", "company", SMIGIEL,
                 offers=[("volunteers", f"wolontariat pracowniczy przy festynie {i}")],
                 needs=[("space", "sala na szkolenie")])
    HiddenPartner.objects.create(organisation=planted.library, partner=planted.poznan)
    record_relation(planted.library, planted.warsaw, "cooperate", "manual")
    open_partners(client, member, planted.library)  # absorbs the index update
    with count_queries() as many:
        html = open_partners(client, member, planted.library, radius="country")
    assert len(partner_slugs(html)) == 10
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_profile_page_links_members_to_their_partners(client, planted, member, outsider):
    url = reverse("matching:partners", args=[planted.library.slug])
    client.force_login(member)
    assert url in client.get(planted.library.get_absolute_url()).content.decode()
    client.force_login(outsider)
    assert url not in client.get(planted.library.get_absolute_url()).content.decode()
