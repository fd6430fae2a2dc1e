"""Plain-data types, TERYT helpers and rendering details."""

from __future__ import annotations

from pathlib import Path

import pytest

from mosty.matching.engine import (
    Item,
    MatchIndex,
    Org,
    geo_level,
    read_gmina_codes,
    render_reason,
)
from mosty.matching.engine.teryt import area_key, level_of_prefix, within


def test_item_and_org_validation() -> None:
    with pytest.raises(ValueError, match="unknown item kind"):
        Item("gift", "space", "sala")  # type: ignore[arg-type]  # the wrong kind is the test
    with pytest.raises(ValueError, match="unknown category"):
        Item("offer", "rooms", "sala")
    with pytest.raises(ValueError, match="unknown sector"):
        Org(1, "A", "church", "0201011")
    with pytest.raises(ValueError, match="TERYT code must have 7 digits"):
        Org(1, "A", "ngo", "02010")
    # A list where a tuple is declared: Org must store it as a tuple.
    org = Org(1, "A", "ngo", "0201011", [Item("offer", "space", "sala")])  # type: ignore[arg-type]
    assert isinstance(org.items, tuple)
    assert org.offers == org.items
    assert org.needs == ()


def test_duplicate_ids_rejected() -> None:
    org = Org(1, "A", "ngo", "0201011")
    with pytest.raises(ValueError, match="organisation ids must be unique"):
        MatchIndex([org, Org(1, "B", "business", "0201022")])


def test_geo_levels() -> None:
    # Town and rural part of one urban-rural gmina differ only in RODZ.
    assert geo_level("3011054", "3011055") == "gmina"
    assert geo_level("3011053", "3011023") == "powiat"
    assert geo_level("3011053", "3064011") == "voivodeship"
    assert geo_level("3011053", "0201011") == "country"
    assert area_key("3011053", "powiat") == "3011"
    assert within("powiat", "voivodeship")
    assert not within("voivodeship", "powiat")
    assert [level_of_prefix(p) for p in ("", "30", "3011", "301105")] == \
        ["country", "voivodeship", "powiat", "gmina"]
    with pytest.raises(ValueError, match="0, 2, 4 or 6 digits"):
        level_of_prefix("301")


def test_read_gmina_codes(tmp_path: Path) -> None:
    terc = tmp_path / "TERC.csv"
    terc.write_text(
        "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n"
        "30;;;;WIELKOPOLSKIE;województwo;2024-01-01\n"
        "30;11;;;kościański;powiat;2024-01-01\n"
        "30;11;05;3;Śmigiel;gmina miejsko-wiejska;2024-01-01\n"
        "30;11;05;4;Śmigiel;miasto;2024-01-01\n"
        "30;11;05;5;Śmigiel;obszar wiejski;2024-01-01\n"
        "30;11;01;1;Kościan;gmina miejska;2024-01-01\n",
        encoding="utf-8",
    )
    assert read_gmina_codes(str(terc)) == [("3011053", "Śmigiel"), ("3011011", "Kościan")]


def test_category_only_reason_says_so() -> None:
    g = "3011053"
    a = Org(1, "Biblioteka w Śmiglu", "public_institution", g,
            (Item("need", "space", "sala na spotkania autorskie"),))
    b = Org(2, "OSP Śmigiel", "ngo", g, (Item("offer", "space", "remiza strażacka"),))
    (reason,) = MatchIndex([a, b]).explain(1, 2)
    assert reason.shared_terms == ()
    assert reason.same_category
    assert render_reason(reason) == (
        "Biblioteka w Śmiglu potrzebuje: sala na spotkania autorskie; OSP Śmigiel oferuje w tej "
        "samej kategorii (sale i pomieszczenia): remiza strażacka (ta sama gmina)")


def test_cross_category_text_match_counts() -> None:
    g = "3011053"
    a = Org(1, "Klub Seniora", "informal", g,
            (Item("need", "other", "pomoc w organizacji festynu dożynkowego"),))
    b = Org(2, "OSP Śmigiel", "ngo", g,
            (Item("offer", "volunteers", "strażacy pomogą w organizacji festynu dożynkowego"),))
    c = Org(3, "Piekarnia", "business", g, (Item("offer", "funding", "nagrody rzeczowe"),))
    cands = MatchIndex([a, b, c]).candidates(1)
    assert [x.org_id for x in cands] == [2]
    assert not cands[0].mutual
    assert cands[0].need_score > 0


def test_batch_radius_gmina_and_country() -> None:
    orgs = [
        Org(1, "A", "ngo", "0201011", (Item("need", "space", "sala"),)),
        Org(2, "B", "business", "0201011", (Item("offer", "space", "sala"),)),
        Org(3, "C", "jst", "0201021", (Item("offer", "space", "sala"),)),
        Org(4, "D", "academia", "1201011", (Item("offer", "space", "sala"),)),
    ]
    index = MatchIndex(orgs)
    assert [c.org_id for c in index.recommend_all(radius="gmina").for_org(1)] == [2]
    by_country = index.recommend_all(radius="country").for_org(1)
    assert [c.org_id for c in by_country] == [2, 3, 4]
    assert [c.geo_level for c in by_country] == ["gmina", "powiat", "country"]
    # B needs nothing, but it can help A: a one-way match seen from B's side.
    (back,) = index.recommend_all(radius="country").for_org(2)
    assert back.org_id == 1
    assert back.need_score == 0
    assert back.offer_score > 0
