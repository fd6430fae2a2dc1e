"""Recommendations on a planted directory: ranking, filters and explanations."""

from __future__ import annotations

import pytest

from mosty.matching.engine import (
    Item,
    MatchIndex,
    Org,
    ScoringConfig,
    geo_level,
    render_reason,
    render_recommendation,
)
from mosty.matching.engine.synthetic import fake_gminas, make_directory, plant_pairs

GMINAS = fake_gminas()  # 4 voivodeships x 4 powiats x 5 gminas
N_RANDOM = 400
N_PAIRS = 20
Pairs = list[tuple[Org, Org]]


@pytest.fixture(scope="module")
def pairs() -> Pairs:
    return plant_pairs(GMINAS, N_PAIRS, first_id=10_000)


@pytest.fixture(scope="module")
def index(pairs: Pairs) -> MatchIndex:
    orgs = make_directory(N_RANDOM, GMINAS, seed=11)
    orgs += [o for pair in pairs for o in pair]
    return MatchIndex(orgs)


def test_planted_partners_rank_in_top_three(index: MatchIndex, pairs: Pairs) -> None:
    for a, b in pairs:
        top_a = [r.org_id for r in index.candidates(a.id, limit=3)]
        top_b = [r.org_id for r in index.candidates(b.id, limit=3)]
        assert b.id in top_a, (a.name, top_a)
        assert a.id in top_b, (b.name, top_b)


def test_planted_partner_is_mutual_and_local(index: MatchIndex, pairs: Pairs) -> None:
    a, b = pairs[0]
    rec = next(r for r in index.recommend(a.id) if r.org_id == b.id)
    assert rec.mutual
    assert rec.geo_level == "gmina"
    assert rec.need_score > 0
    assert rec.offer_score > 0


@pytest.mark.parametrize("radius", ["gmina", "powiat", "voivodeship", "country"])
def test_other_sectors_only_and_radius_respected(index: MatchIndex, radius: str) -> None:
    prefix = {"gmina": 6, "powiat": 4, "voivodeship": 2, "country": 0}[radius]
    for org in index.orgs[::25]:
        for cand in index.candidates(org.id, limit=10, radius=radius):
            other = index.get(cand.org_id)
            assert other.sector != org.sector
            assert other.teryt[:prefix] == org.teryt[:prefix]
            assert cand.geo_level == geo_level(org.teryt, other.teryt)


def test_mutual_matches_rank_above_one_way(index: MatchIndex) -> None:
    for org in index.orgs[::20]:
        flags = [c.mutual for c in index.candidates(org.id, limit=10)]
        assert flags == sorted(flags, reverse=True), org.name


def _trio(cfg: ScoringConfig | None = None) -> MatchIndex:
    """R needs volunteers and a bus and offers a room.  M complements R both
    ways but weakly; O meets both of R's needs word for word, yet needs
    nothing R has."""
    g = "0201011"
    r = Org(1, "Biblioteka", "public_institution", g, (
        Item("need", "volunteers", "wolontariusze do pomocy przy festynie"),
        Item("need", "transport", "bus na wycieczkę"),
        Item("offer", "space", "sala na 60 osób z rzutnikiem")))
    m = Org(2, "OSP", "ngo", g, (
        Item("offer", "volunteers", "strażacy ochotnicy"),
        Item("need", "space", "sali na zebrania")))
    o = Org(3, "Fundacja", "ngo", g, (
        Item("offer", "volunteers", "wolontariusze do pomocy przy festynach"),
        Item("offer", "transport", "bus na wycieczki"),
        Item("need", "funding", "dotacji na projekt")))
    return MatchIndex([r, m, o], cfg)


def test_mutual_beats_better_one_way_match() -> None:
    cands = _trio().candidates(1)
    assert [c.org_id for c in cands] == [2, 3]
    assert cands[0].mutual
    assert not cands[1].mutual
    # The one-way partner scores higher on its own ...
    assert cands[1].score > cands[0].score
    # ... and wins once mutuality is only a bonus instead of a tier.
    cands = _trio(ScoringConfig(mutual_first=False, mutual_bonus=0.0)).candidates(1)
    assert [c.org_id for c in cands] == [3, 2]
    cands = _trio(ScoringConfig(mutual_first=False, mutual_bonus=5.0)).candidates(1)
    assert [c.org_id for c in cands] == [2, 3]


def test_same_sector_never_recommended() -> None:
    g = "0201011"
    a = Org(1, "A", "ngo", g, (Item("need", "space", "sala"),))
    b = Org(2, "B", "ngo", g, (Item("offer", "space", "sala"),))
    c = Org(3, "C", "business", g, (Item("offer", "space", "sala"),))
    assert [x.org_id for x in MatchIndex([a, b, c]).candidates(1)] == [3]


def test_no_match_no_recommendation() -> None:
    g = "0201011"
    a = Org(1, "A", "ngo", g, (Item("need", "space", "sala"),))
    b = Org(2, "B", "business", g, (Item("offer", "funding", "dotacje"),))
    assert MatchIndex([a, b]).candidates(1) == []


def test_hidden_organisations_are_excluded(index: MatchIndex, pairs: Pairs) -> None:
    a, b = pairs[1]
    assert b.id in [c.org_id for c in index.candidates(a.id)]
    assert b.id not in [c.org_id for c in index.candidates(a.id, exclude={b.id})]


def test_cooperating_partners_flagged_or_excluded(index: MatchIndex, pairs: Pairs) -> None:
    a, b = pairs[2]
    flagged = {c.org_id: c for c in index.candidates(a.id, cooperating={b.id})}
    assert flagged[b.id].already_cooperating
    assert not any(c.already_cooperating for i, c in flagged.items() if i != b.id)
    excluded = index.candidates(a.id, cooperating={b.id}, cooperating_mode="exclude")
    assert b.id not in [c.org_id for c in excluded]
    with pytest.raises(ValueError, match="cooperating_mode must be"):
        # An unknown mode, as an untyped caller could pass it.
        index.candidates(a.id, cooperating_mode="ignore")  # type: ignore[arg-type]


def test_explanations_name_both_organisations_and_items(index: MatchIndex, pairs: Pairs) -> None:
    a, b = pairs[0]
    rec = next(r for r in index.recommend(a.id) if r.org_id == b.id)
    directions = {r.direction for r in rec.reasons}
    assert directions == {"they_meet_our_need", "we_meet_their_need"}
    ours = next(r for r in rec.reasons if r.direction == "they_meet_our_need")
    assert ours.need == a.items[0]
    assert ours.offer == b.items[0]
    assert "wolontariusz" in ours.shared_terms
    sentence = render_reason(ours)
    assert sentence == (f"{a.name} potrzebuje: {a.items[0].text}; "
                        f"{b.name} oferuje: {b.items[0].text} (ta sama gmina)")
    text = "\n".join(render_recommendation(rec))
    for needle in (a.name, b.name, a.items[1].text, b.items[1].text, "obustronna"):
        assert needle in text


def test_sentences_go_through_translate(index: MatchIndex, pairs: Pairs) -> None:
    a, b = pairs[0]
    rec = next(r for r in index.recommend(a.id) if r.org_id == b.id)
    fake = {"ta sama gmina": "same municipality",
            "%(need_org)s potrzebuje: %(need)s; %(offer_org)s oferuje: %(offer)s (%(geo)s)":
            "%(need_org)s needs: %(need)s; %(offer_org)s offers: %(offer)s (%(geo)s)"}
    line = render_reason(rec.reasons[0], translate=lambda s: fake.get(s, s))
    assert line.startswith(f"{a.name} needs: ")
    assert line.endswith("(same municipality)")


def test_batch_matches_single_queries(index: MatchIndex) -> None:
    batch = index.recommend_all(limit=10, radius="voivodeship")
    for org in index.orgs[::7]:
        single = index.candidates(org.id, limit=10)
        assert [c.org_id for c in batch.for_org(org.id)] == [c.org_id for c in single]
        assert [c.score for c in batch.for_org(org.id)] == pytest.approx(
            [c.score for c in single], abs=1e-3)


def test_batch_in_two_processes_and_exclusions(index: MatchIndex, pairs: Pairs) -> None:
    a, b = pairs[3]
    one = index.recommend_all(limit=5, radius="powiat", hidden={a.id: {b.id}},
                              cooperating=[(pairs[4][1].id, pairs[4][0].id)])
    two = index.recommend_all(limit=5, radius="powiat", hidden={a.id: {b.id}},
                              cooperating=[(pairs[4][1].id, pairs[4][0].id)], workers=2)
    assert (one.partner_ids == two.partner_ids).all()
    assert b.id not in [c.org_id for c in one.for_org(a.id)]
    assert a.id in [c.org_id for c in one.for_org(b.id)]  # hiding is one-sided
    flagged = {c.org_id: c.already_cooperating for c in one.for_org(pairs[4][0].id)}
    assert flagged[pairs[4][1].id] is True


def test_unknown_radius_rejected(index: MatchIndex) -> None:
    with pytest.raises(ValueError, match="radius must be one of"):
        index.candidates(index.orgs[0].id, radius="planet")
