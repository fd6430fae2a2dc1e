"""The demo relations: idempotent, and telling a before/after story on the maps."""
import pytest

from mosty.core.models import AuditEntry
from mosty.demo.builders.matching import load_matching_demo, relations
from mosty.demo.builders.seeds import load_seeds
from mosty.directory.models import Organisation
from mosty.matching.maps import scope_network, snapshots
from mosty.matching.models import Relation
from mosty.matching.recommend import partner_page
from mosty.matching.scopes import resolve_scope
from mosty.programmes.models import Group, GroupMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_seeds()
    return load_matching_demo()


def test_loading_twice_changes_nothing(demo):
    counts = (Relation.objects.count(), Group.objects.count(), GroupMember.objects.count(),
              AuditEntry.objects.count())
    assert demo == len(relations())
    assert counts[0] == len(relations())
    assert counts[1] == 3
    load_seeds()
    load_matching_demo()
    assert (Relation.objects.count(), Group.objects.count(), GroupMember.objects.count(),
            AuditEntry.objects.count()) == counts


def test_the_demo_needs_the_directory():
    with pytest.raises(LookupError):
        load_matching_demo()


@pytest.mark.parametrize(("kind", "key", "before", "after"), [
    ("programme", "kultura-inicjatywy", 2, 9),
    ("programme", "blisko-smigiel", 3, 12),
])
def test_before_and_after_differ(demo, kind, key, before, after):
    scope = resolve_scope(kind, key)
    start, end = snapshots(scope, scope_network(scope))
    assert (start.network.graph.number_of_edges(), end.network.graph.number_of_edges()) == (
        before, after)


def test_groups_and_gmina_maps(demo):
    jadow = Group.objects.get(name="grupa Jadów (2019)")
    start, end = snapshots(resolve_scope("group", str(jadow.pk)),
                           scope_network(resolve_scope("group", str(jadow.pk))))
    assert start.network.graph.number_of_edges() == 0
    assert end.network.graph.number_of_edges() == 1
    measures = scope_network(resolve_scope("gmina", "3011053")).measures()
    assert [n.key for n in measures.isolated] == ["agroturystyka-pod-wiatrakiem"]


def test_a_demo_ngo_gets_explained_cross_sector_partners(demo):
    ngo = Organisation.objects.get(slug="fundacja-smigielskie-wiatraki")
    page = partner_page(ngo, "gmina")
    assert page.suggestions
    assert all(s.partner.sector != "ngo" for s in page.suggestions)
    best = page.suggestions[0]
    assert best.mutual
    assert best.geo_level == "gmina"
    assert best.they_give
    assert best.we_give
