"""Free-text search and the coordinators' area report."""

from __future__ import annotations

import pytest

from mosty.matching.engine import (
    CATEGORIES,
    SECTORS,
    Item,
    MatchIndex,
    Org,
    area_matrix,
    render_hit,
)
from mosty.matching.engine.synthetic import fake_gminas, make_directory
from mosty.matching.engine.types import Kind

GMINAS = fake_gminas()
HOME = GMINAS[0][0]  # 0201012
FAR = GMINAS[-1][0]  # another voivodeship


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    orgs = make_directory(300, GMINAS, seed=5)
    orgs += [
        Org(90_001, "Klub Kajakowy Wir", "ngo", HOME, (
            Item("offer", "equipment", "kajaki dwuosobowe i kapoki na spływy rzeką"),
            Item("need", "funding", "dotacja na nowe wiosła"))),
        Org(90_002, "Wypożyczalnia Kajaków Nurt", "business", FAR, (
            Item("offer", "equipment", "kajak jednoosobowy na spływ rzeką"),)),
        Org(90_003, "Fundacja Aktywni Seniorzy", "ngo", HOME, (
            Item("offer", "target_group", "dostęp do seniorów z terenu gminy"),)),
    ]
    return MatchIndex(orgs)


def test_inflected_query_finds_the_right_organisation(index: MatchIndex) -> None:
    hits = index.search_text("potrzebujemy kajaków na spływ rzeką dla młodzieży")
    assert [h.org_id for h in hits[:2]] == [90_001, 90_002] or \
        [h.org_id for h in hits[:2]] == [90_002, 90_001]
    best = hits[0].matches[0]
    assert best.offer.category == "equipment"
    assert {"kajak", "spływ", "rzeka"} <= set(best.shared_terms)
    hits = index.search_text("Szukamy dostępu do seniorami z terenu naszej gminie")
    assert hits[0].org_id == 90_003


def test_search_restricted_by_area_and_radius(index: MatchIndex) -> None:
    near = index.search_text("kajaki na spływ", teryt=HOME, radius="voivodeship")
    assert 90_001 in [h.org_id for h in near]
    assert 90_002 not in [h.org_id for h in near]
    assert all(h.geo_level in ("gmina", "powiat", "voivodeship") for h in near)
    far = index.search_text("kajaki na spływ", area=FAR[:2])
    assert [h.org_id for h in far][:1] == [90_002]
    assert all(index.get(h.org_id).teryt.startswith(FAR[:2]) for h in far)
    # Closer organisations win when the match is comparable.
    both = index.search_text("kajak na spływ rzeką", teryt=HOME, radius="country")
    ids = [h.org_id for h in both]
    assert ids.index(90_001) < ids.index(90_002)


def test_search_filters_and_rendering(index: MatchIndex) -> None:
    hits = index.search_text("kajaki na spływ", sectors={"business"})
    assert hits
    assert all(h.sector == "business" for h in hits)
    assert 90_001 not in [h.org_id for h in index.search_text("kajaki", exclude={90_001})]
    assert index.search_text("zzyzx qwerty") == []
    hit = index.search_text("kajaki", teryt=HOME)[0]
    assert render_hit(hit)[0].startswith(f"{hit.org_name} oferuje: ")
    assert render_hit(hit)[0].endswith("(ta sama gmina)")


def test_search_does_not_grow_the_vocabulary(index: MatchIndex) -> None:
    size = len(index.encoder.vocab)
    index.search_text("zupełnie nowe słowa jak hulajnoga elektryczna")
    assert len(index.encoder.vocab) == size


def _org(i: int, sector: str, *items: tuple[Kind, str, str]) -> Org:
    return Org(i, f"Org {i}", sector, "0201011", tuple(Item(k, c, t) for k, c, t in items))


def test_area_matrix_counts_and_unmet_needs() -> None:
    orgs = [
        _org(1, "ngo", ("offer", "volunteers", "wolontariusze"), ("need", "space", "sala"),
             ("need", "funding", "dotacja")),
        _org(2, "public_institution", ("offer", "space", "sala"), ("offer", "space", "boisko"),
             ("need", "volunteers", "pomoc")),
        _org(3, "business", ("need", "transport", "bus"), ("offer", "transport", "bus")),
    ]
    rep = area_matrix(orgs)
    assert rep.n_orgs == 3
    assert rep.offers["public_institution"]["space"] == 2
    assert rep.needs["ngo"]["space"] == 1
    assert rep.needs["ngo"]["funding"] == 1
    assert set(rep.offers) == set(SECTORS)
    assert set(rep.offers["ngo"]) == set(CATEGORIES)
    assert rep.totals("offers")["space"] == 2
    assert rep.totals("needs")["volunteers"] == 1
    # Nobody offers funding; org 3's own bus does not close its own need.
    assert {(u.org_id, u.need.category) for u in rep.unmet} == {(1, "funding"), (3, "transport")}
    assert "nikt w tym obszarze nie oferuje: finansowanie" in rep.unmet[0].sentence()
    assert len(rep.rows()) == len(SECTORS) * len(CATEGORIES)


def test_index_area_report_uses_teryt_prefix(index: MatchIndex) -> None:
    gmina = [o for o in index.orgs if o.teryt.startswith(HOME[:6])]
    rep = index.area_report(HOME[:6])
    assert rep.n_orgs == len(gmina)
    assert rep == area_matrix(gmina)
    assert index.area_report(HOME[:2]).n_orgs > rep.n_orgs
    assert index.area_report("").n_orgs == len(index)
