"""The matching API: whole responses where they are deterministic, structure elsewhere."""
from datetime import date

import pytest

from mosty.matching.models import HiddenPartner
from mosty.matching.services import record_relation
from mosty.matching.tests.conftest import SMIGIEL

pytestmark = pytest.mark.django_db

# English: the scope title is then the msgid, whatever the Polish catalogue says.
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_relations_of_a_gmina_whole_response(client, planted, coordinator):
    first = record_relation(planted.osp, planted.library, "cooperate", "manual",
                            when=date(2022, 5, 1))
    second = record_relation(planted.library, planted.bakery, "agreement", "agreement",
                             when=date(2023, 10, 2))
    record_relation(planted.library, planted.warsaw, "met", "networking")  # outside Śmigiel
    client.force_login(coordinator)
    data = client.get(f"/api/matching/gmina/{SMIGIEL}/relations", **EN).json()
    library, osp, bakery, twin = (planted.library.slug, planted.osp.slug, planted.bakery.slug,
                                  planted.ngo_twin.slug)
    assert data == {
        "scope": {"kind": "gmina", "key": SMIGIEL,
                  "title": "gmina Śmigiel (gmina miejsko-wiejska), powiat kościański"},
        "at": "now",
        "organisations": [
            {"organisation": library, "name": "Miejska Biblioteka Publiczna w Śmiglu",
             "sector": "public_institution", "partners": 2},
            {"organisation": osp, "name": "Ochotnicza Straż Pożarna w Śmiglu",
             "sector": "ngo", "partners": 1},
            {"organisation": bakery, "name": "Piekarnia Śmigielska", "sector": "business",
             "partners": 1},
            {"organisation": twin, "name": "Stowarzyszenie Seniorów Śmigla", "sector": "ngo",
             "partners": 0},
        ],
        "relations": [
            {"id": first.pk, "organisation_a": library, "organisation_b": osp,
             "kind": "cooperate", "origin": "manual", "programme": None,
             "since": "2022-04-30T22:00:00Z"},
            {"id": second.pk, "organisation_a": library, "organisation_b": bakery,
             "kind": "agreement", "origin": "agreement", "programme": None,
             "since": "2023-10-01T22:00:00Z"},
        ],
        "measures": {
            "organisations": 4, "linked_pairs": 2, "clusters": 2, "density": 0.333,
            "isolated": [twin], "missing_sector_pairs": [["ngo", "business"]],
            "most_connected": [
                {"organisation": library, "name": "Miejska Biblioteka Publiczna w Śmiglu",
                 "sector": "public_institution", "partners": 2},
                {"organisation": osp, "name": "Ochotnicza Straż Pożarna w Śmiglu",
                 "sector": "ngo", "partners": 1},
                {"organisation": bakery, "name": "Piekarnia Śmigielska", "sector": "business",
                 "partners": 1},
            ]},
    }


def test_recommendations_endpoint(client, planted, member):
    HiddenPartner.objects.create(organisation=planted.library, partner=planted.ngo_twin)
    record_relation(planted.library, planted.warsaw, "cooperate", "manual")
    client.force_login(member)
    url = f"/api/matching/organisations/{planted.library.slug}/recommendations"
    data = client.get(url, {"radius": "powiat"}).json()
    assert (data["organisation"], data["radius"], data["indexed"]) == (
        planted.library.slug, "powiat", True)
    assert data["hidden"] == [planted.ngo_twin.slug]
    assert data["cooperating"] == [planted.warsaw.slug]
    partners = [r["organisation"] for r in data["results"]]
    assert partners[0] == planted.osp.slug
    assert planted.ngo_twin.slug not in partners
    assert {r["geo_level"] for r in data["results"]} <= {"gmina", "powiat"}
    osp = data["results"][0]
    assert osp["mutual"] is True
    assert osp["municipality"] == SMIGIEL
    assert osp["score"] > 0
    assert {(r["direction"], r["need_organisation"], r["offer_organisation"], r["need_category"],
             r["offer_category"]) for r in osp["reasons"]} >= {
        ("they_meet_our_need", planted.library.slug, planted.osp.slug, "volunteers",
         "volunteers"),
        ("we_meet_their_need", planted.osp.slug, planted.library.slug, "space", "space")}
    assert all(r["need"] in r["sentence"] and r["offer"] in r["sentence"]
               for r in osp["reasons"])
    assert client.get(url, {"radius": "galaxy"}).status_code == 400
    assert len(client.get(url, {"radius": "country", "limit": 2}).json()["results"]) == 2


def test_matrix_endpoint(client, planted, coordinator):
    client.force_login(coordinator)
    data = client.get(f"/api/matching/gmina/{SMIGIEL}/matrix", **EN).json()
    assert data["organisations"] == 4
    assert data["offers"]["ngo"]["volunteers"] == 2
    assert data["needs"]["business"]["promotion"] == 1
    assert data["sectors"][0] == "jst"
    assert data["categories"][-1] == "other"
    promotion = next(b for b in data["balance"] if b["category"] == "promotion")
    assert promotion == {"category": "promotion", "offers": 0, "needs": 2, "unmet": 2,
                         "status": "missing"}
    unmet = {(u["organisation"], u["need"], u["category"]) for u in data["unmet"]}
    assert (planted.bakery.slug, "reklama w lokalnych mediach", "promotion") in unmet


def test_openapi_describes_the_matching_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/matching/search", "/api/matching/{kind}/{key}/matrix",
            "/api/matching/{kind}/{key}/relations",
            "/api/matching/organisations/{slug}/recommendations"} <= set(paths)
