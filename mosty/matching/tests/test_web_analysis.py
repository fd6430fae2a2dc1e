"""Coordinators' pages: the sectors x categories matrix and the relationship map."""
import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.matching.models import Relation
from mosty.matching.services import record_relation
from mosty.matching.tests.conftest import SMIGIEL, make_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(coordinator, organisation):
    """A coordinator who belongs to the library, the organiser of the planted programme:
    they run it (the coordinator role alone opens no programme)."""
    from mosty.directory.tests.factories import MembershipFactory

    MembershipFactory(user=coordinator, organisation=organisation)
    return coordinator


def get(client, user, name, *args, **params):
    client.force_login(user)
    response = client.get(reverse(f"matching:{name}", args=args), params)
    assert response.status_code == 200, response.status_code
    return response


def cell(html: str, table: str, sector: str, category: str) -> int:
    body = html.split(f'data-testid="{table}-matrix"')[1].split("</table>")[0]
    row = body.split(f'data-sector="{sector}"')[1].split("</tr>")[0]
    return int(re.search(rf'data-category="{category}">(\d+)<', row).group(1))


def test_gmina_matrix_counts_gaps_and_unmet_needs(client, planted, coordinator):
    html = get(client, coordinator, "matrix", "gmina", SMIGIEL).content.decode()
    assert 'data-testid="org-count"' in html
    assert cell(html, "offers", "ngo", "volunteers") == 2  # the OSP and the seniors
    assert cell(html, "offers", "public_institution", "space") == 1
    assert cell(html, "needs", "business", "promotion") == 1
    assert cell(html, "offers", "academia", "space") == 0
    # Accessible table: caption and header scopes.
    table = html.split('data-testid="offers-matrix"')[1].split("</table>")[0]
    assert "<caption>" in table
    assert 'scope="col"' in table
    assert 'scope="row"' in table
    balance = html.split('data-testid="balance"')[1].split("</table>")[0]
    assert 'data-category="promotion" data-status="missing"' in balance
    assert 'data-category="volunteers" data-status="plentiful"' in balance
    # Promotion: the OSP and the bakery need it, nobody in Śmigiel offers it.
    unmet = html.split('data-testid="unmet"')[1].split("</table>")[0]
    assert "promocja naboru do młodzieżowej drużyny pożarniczej" in unmet
    assert "reklama w lokalnych mediach" in unmet
    assert planted.osp.get_absolute_url() in unmet
    # The heaviest cell of a table gets the strongest colour, empty cells none.
    assert re.search(r'class="heat-4" data-category="volunteers">2<', html)
    assert re.search(r'class="heat-0" data-category="funding">0<', html)


def test_powiat_and_group_matrices(client, planted, coordinator, programme_setup):
    powiat = get(client, coordinator, "matrix", "powiat", "3011").content.decode()
    assert cell(powiat, "offers", "business", "promotion") == 1  # the printer in Kościan
    group = get(client, coordinator, "matrix", "group", programme_setup["group"].pk)
    html = group.content.decode()
    # Library, OSP and bakery only: the seniors' association is not in the group.
    assert cell(html, "offers", "ngo", "volunteers") == 1
    assert cell(html, "offers", "business", "funding") == 1


def test_matrix_query_count_does_not_grow(client, planted, coordinator, count_queries):
    get(client, coordinator, "matrix", "gmina", SMIGIEL)
    with count_queries() as few:
        get(client, coordinator, "matrix", "gmina", SMIGIEL)
    for i in range(12):
        make_org(f"Koło {i}", "ngo", "rural_women_circle", SMIGIEL,
                 needs=[("transport", f"bus na wycieczkę {i}")])
    get(client, coordinator, "matrix", "gmina", SMIGIEL)
    with count_queries() as many:
        html = get(client, coordinator, "matrix", "gmina", SMIGIEL).content.decode()
    assert "bus na wycieczkę 11" in html
    assert len(many) == len(few)


def map_html(client, user, kind, key):
    return get(client, user, "map", kind, key).content.decode()


def test_gmina_map_picture_measures_and_tables(client, planted, coordinator):
    record_relation(planted.library, planted.osp, "cooperate", "manual")
    record_relation(planted.osp, planted.library, "met", "networking")  # same pair, 2nd kind
    record_relation(planted.library, planted.koscian, "cooperate", "manual")  # other gmina
    html = map_html(client, coordinator, "gmina", SMIGIEL)
    svg = html.split('data-testid="map-now"')[1].split("</figure>")[0]
    assert 'role="img"' in svg
    assert 'data-nodes="4"' in svg
    assert 'data-links="1"' in svg
    # Non-colour cues: each sector its own shape and letter, in a legend too.
    assert svg.count('class="node"') == 4
    assert "<polygon" in svg
    assert "<circle" in svg
    isolated = html.split('data-testid="isolated"')[1].split("</ul>")[0]
    assert f'data-id="{planted.bakery.pk}"' in isolated
    assert f'data-id="{planted.osp.pk}"' not in isolated
    assert 'data-testid="missing-pairs"' in html  # business has no link to anyone
    most = html.split('data-testid="most-connected"')[1].split("</ol>")[0]
    assert f'data-id="{planted.library.pk}"' in most
    relations = html.split('data-testid="relation-table"')[1].split("</table>")[0]
    assert relations.count("data-relation=") == 2  # two kinds, one pair; Kościan is outside
    assert 'data-testid="map-start"' not in html  # an area has no start date


def test_map_query_count_does_not_grow(client, planted, coordinator, count_queries):
    map_html(client, coordinator, "gmina", SMIGIEL)
    with count_queries() as few:
        map_html(client, coordinator, "gmina", SMIGIEL)
    orgs = [make_org(f"Firma {i}", "business", "company", SMIGIEL) for i in range(10)]
    for org in orgs:
        record_relation(org, planted.library, "met", "networking")
    with count_queries() as many:
        html = map_html(client, coordinator, "gmina", SMIGIEL)
    assert 'data-nodes="14"' in html
    assert len(many) == len(few)


def test_before_and_after_maps_of_a_programme_differ(client, planted, coordinator,
                                                     programme_setup):
    programme = programme_setup["programme"]  # 2023-03-01 .. 2023-11-30
    record_relation(planted.library, planted.osp, "cooperate", "manual", when=date(2022, 5, 1))
    record_relation(planted.library, planted.bakery, "met", "networking", programme=programme,
                    when=date(2023, 6, 1))
    record_relation(planted.osp, planted.bakery, "agreement", "agreement", programme=programme,
                    when=date(2023, 10, 1))
    record_relation(planted.osp, planted.ngo_twin, "codesign", "initiative",
                    when=date(2024, 2, 1))  # after the end, and the twin is not in it
    for kind, key in (("programme", programme.slug), ("group", programme_setup["group"].pk)):
        html = map_html(client, coordinator, kind, key)
        start = re.search(r'data-testid="map-start" data-links="(\d+)"', html).group(1)
        end = re.search(r'data-testid="map-end" data-links="(\d+)"', html).group(1)
        assert (start, end) == ("1", "3"), kind
    api = client.get(f"/api/matching/programme/{programme.slug}/relations?at=start").json()
    assert len(api["relations"]) == 1
    assert api["measures"]["isolated"] == [planted.bakery.slug]
    assert len(client.get(f"/api/matching/programme/{programme.slug}/relations?at=end")
               .json()["relations"]) == 3


def export(client, user, fmt, **params):
    client.force_login(user)
    response = client.get(reverse("matching:map_export", args=["gmina", SMIGIEL, fmt]), params)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response


def test_exports_are_valid_files(client, planted, coordinator, tmp_path):
    record_relation(planted.library, planted.osp, "agreement", "agreement")
    record_relation(planted.bakery, planted.osp, "met", "networking")
    svg = export(client, coordinator, "svg")
    root = ET.fromstring(svg.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg["Content-Type"].startswith(
        "image/svg+xml")
    png = export(client, coordinator, "png").content
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    gexf_path = tmp_path / "map.gexf"
    gexf_path.write_bytes(export(client, coordinator, "gexf").content)
    graph = nx.read_gexf(gexf_path)
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 2
    labels = {data["label"] for _node, data in graph.nodes(data=True)}
    assert "Ochotnicza Straż Pożarna w Śmiglu" in labels
    content = export(client, coordinator, "csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content), delimiter=";"))
    assert sorted(r["kind"] for r in rows) == ["agreement", "met"]
    assert {rows[0]["organisation_a"], rows[0]["organisation_b"]} <= {
        planted.library.slug, planted.osp.slug, planted.bakery.slug}
    client.force_login(coordinator)
    bad = reverse("matching:map_export", args=["gmina", SMIGIEL, "pdf"])
    assert client.get(bad).status_code == 404
    assert client.get(reverse("matching:map_export", args=["gmina", SMIGIEL, "svg"]),
                      {"at": "start"}).status_code == 404  # an area has no start


def test_coordinator_records_and_removes_relations(client, planted, coordinator,
                                                   programme_setup):
    client.force_login(coordinator)
    programme = programme_setup["programme"]
    url = reverse("matching:relation_add", args=["programme", programme.slug])
    response = client.post(url, {"org_a": planted.osp.pk, "org_b": planted.bakery.pk,
                                 "kind": "codesign", "since": "2023-05-05"})
    assert response.status_code == 302
    relation = Relation.objects.get()
    assert (relation.kind, relation.origin, relation.programme) == ("codesign", "manual",
                                                                     programme)
    assert timezone.localtime(relation.created_at).date() == date(2023, 5, 5)
    # Only organisations of the scope may be picked; one organisation twice is refused.
    outside = client.post(url, {"org_a": planted.osp.pk, "org_b": planted.warsaw.pk,
                                "kind": "met"})
    same = client.post(url, {"org_a": planted.osp.pk, "org_b": planted.osp.pk, "kind": "met"})
    assert outside.status_code == same.status_code == 400
    assert Relation.objects.count() == 1
    # Removing goes through the scope: a relation outside it is 404 there.
    other = record_relation(planted.ngo_twin, planted.warsaw, "met", "manual")
    delete = "matching:relation_delete"
    assert client.post(reverse(delete, args=["programme", programme.slug, other.pk])
                       ).status_code == 404
    assert client.post(reverse(delete, args=["programme", programme.slug, relation.pk])
                       ).status_code == 302
    assert list(Relation.objects.all()) == [other]
    assert AuditEntry.objects.filter(action="matching.relation.deleted",
                                     user=coordinator).count() == 1


def test_analysis_index_lists_areas_programmes_and_groups(client, planted, coordinator,
                                                          programme_setup):
    html = get(client, coordinator, "analysis").content.decode()
    group = programme_setup["group"]
    assert reverse("matching:map", args=["group", group.pk]) in html
    assert reverse("matching:matrix", args=["programme", "razem-w-smiglu"]) in html
    response = client.get(reverse("matching:analysis"), {"gmina": SMIGIEL, "view": "map"})
    assert response["Location"] == reverse("matching:map", args=["gmina", SMIGIEL])
    response = client.get(reverse("matching:analysis"), {"powiat": "3011", "view": "matrix"})
    assert response["Location"] == reverse("matching:matrix", args=["powiat", "3011"])
    # A programme's own coordinator sees that programme only, and no area picker.
    own = get(client, programme_setup["coordinator"], "analysis").content.decode()
    assert 'data-testid="area-form"' not in own
    assert "razem-w-smiglu" in own


def test_programme_page_links_coordinators_to_the_map(client, planted, coordinator, member,
                                                      programme_setup):
    programme = programme_setup["programme"]
    url = reverse("matching:map", args=["programme", programme.slug])
    client.force_login(coordinator)
    assert url in client.get(programme.get_absolute_url()).content.decode()
    client.force_login(member)
    assert url not in client.get(programme.get_absolute_url()).content.decode()
