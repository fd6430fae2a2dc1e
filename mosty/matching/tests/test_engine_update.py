"""Incremental updates give the same answers as a fresh index."""

from __future__ import annotations

import dataclasses

from mosty.matching.engine import Item, MatchIndex, Org
from mosty.matching.engine.synthetic import fake_gminas, make_directory

GMINAS = fake_gminas(2, 3, 4)


def _orgs() -> list[Org]:
    return make_directory(150, GMINAS, seed=21)


def _same_answers(a: MatchIndex, b: MatchIndex) -> None:
    assert [o.id for o in a.orgs] == [o.id for o in b.orgs]
    for org in a.orgs[::5]:
        assert [c.org_id for c in a.candidates(org.id)] == [c.org_id for c in b.candidates(org.id)]


def test_replacing_items_changes_recommendations() -> None:
    orgs = _orgs()
    index = MatchIndex(orgs)
    me = orgs[0]
    helper = next(o for o in orgs if o.sector != me.sector and o.teryt[:4] == me.teryt[:4])

    def helper_score() -> float:
        cands = index.candidates(me.id, limit=len(orgs), radius="powiat")
        return next((c.need_score for c in cands if c.org_id == helper.id), 0.0)

    before = helper_score()
    need = Item("need", "transport", "przewóz uczniów autokarem na zawody pływackie")
    index.upsert(dataclasses.replace(me, items=me.items + (need,)))
    index.upsert(dataclasses.replace(helper, items=helper.items + (
        Item("offer", "transport", "autokar do przewozu uczniów na zawody pływackie"),)))
    assert helper_score() > before + 1.0
    reason = next(r for r in index.explain(me.id, helper.id) if r.need == need)
    assert reason.offer.text.startswith("autokar")
    assert reason.direction == "they_meet_our_need"
    assert {"autokar", "uczeń", "zawody"} <= set(reason.shared_terms)


def test_upsert_insert_move_remove_then_rebuild_equals_fresh_index() -> None:
    orgs = _orgs()
    index = MatchIndex(orgs)
    new = Org(5_000, "Nowa Fundacja", "ngo", GMINAS[3][0], (
        Item("offer", "space", "świetlica wiejska na 40 osób"),
        Item("need", "equipment", "namiot na festyn")))
    index.upsert(new)
    moved = dataclasses.replace(orgs[10], teryt=GMINAS[-1][0])
    index.upsert(moved)
    index.remove(orgs[20].id)
    assert new.id in index
    assert orgs[20].id not in index
    assert index.get(moved.id).teryt == GMINAS[-1][0]
    expected = [o for o in orgs if o.id not in (orgs[20].id, moved.id)] + [new, moved]
    fresh = MatchIndex(expected)
    # Before a rebuild only IDF weights can differ; the rows are in place.
    assert sorted(o.id for o in index.orgs) == sorted(o.id for o in fresh.orgs)
    assert [o.teryt for o in index.orgs] == sorted(o.teryt for o in index.orgs)
    index.rebuild()
    _same_answers(index, fresh)


def test_updated_org_is_found_by_search() -> None:
    index = MatchIndex(_orgs())
    org = index.orgs[3]
    index.upsert(dataclasses.replace(org, items=(
        Item("offer", "equipment", "teleskop astronomiczny na pokazy nieba"),)))
    hits = index.search_text("pokaz nieba przez teleskop")
    assert hits[0].org_id == org.id


def test_an_empty_index_answers_and_accepts_a_first_organisation() -> None:
    from mosty.matching.engine import Item, MatchIndex, Org

    index = MatchIndex([])
    assert index.search_text("sala na warsztaty") == []
    index.upsert(Org(1, "Biblioteka", "public_institution", "3011053",
                     (Item("offer", "space", "sala na warsztaty"),)))
    index.upsert(Org(2, "Stowarzyszenie", "ngo", "3011053",
                     (Item("need", "space", "sala na spotkania"),)))
    assert [r.org_id for r in index.recommend(2)] == [1]
    index.remove(1)
    index.remove(2)
    assert index.search_text("sala") == []
