"""The demo's data files: every value is one the models accept, every reference resolves."""
from collections import Counter

from mosty.accounts.models import Role
from mosty.demo import content
from mosty.demo.builders.seeds import _aware, _date
from mosty.directory.models import Organisation, Resource
from mosty.programmes.models import Event


def choices(model: type, field: str) -> set[str]:
    return {value for value, _label in model._meta.get_field(field).choices}


def test_organisations_use_known_values_and_unique_slugs():
    organisations = content.organisations()
    assert len(organisations) == 76
    assert [s for s, n in Counter(o["slug"] for o in organisations).items() if n > 1] == []
    for organisation in organisations:
        assert organisation["sector"] in choices(Organisation, "sector"), organisation["slug"]
        assert organisation["kind"] in choices(Organisation, "kind"), organisation["slug"]
        teryt = organisation.get("teryt")
        assert teryt is None or (isinstance(teryt, str) and len(teryt) == 7), organisation["slug"]
        for item in organisation.get("resources", []) + organisation.get("needs", []):
            assert item["category"] in choices(Resource, "category"), organisation["slug"]
            assert item.get("cost", "") in choices(Resource, "cost") | {""}


def test_programmes_and_accounts_name_existing_organisations():
    slugs = {o["slug"] for o in content.organisations()}
    seeds = content.programmes()
    assert [s["programme"]["slug"] for s in seeds] == [
        "kultura-inicjatywy", "miedzysektorowa-wspolpraca-rydultowy",
        "poznan-wspolpraca-miedzysektorowa-2019", "razem-dla-regionu", "blisko-smigiel"]
    for seed in seeds:
        programme = seed["programme"]
        assert programme["organiser"] in slugs
        assert {p["org"] for p in programme.get("partners", [])} <= slugs
        assert _date(programme["start"]) <= _date(programme["end"])
        for event in seed["events"]:
            assert event["kind"] in choices(Event, "kind"), event["slug"]
            assert event.get("audience", "all") in choices(Event, "audience"), event["slug"]
            assert _aware(event["start"]) <= _aware(event["end"]), event["slug"]
            # A line without a time ("Wprowadzenie") is a module with no set hours.
            assert all(isinstance(line, str) for line in event.get("agenda", [])), event["slug"]
    events = [e["slug"] for seed in seeds for e in seed["events"]]
    assert len(events) == len(set(events)) == 36
    for account in content.accounts():
        assert account["role"] in Role.values
        assert account.get("organisation") is None or account["organisation"] in slugs


def test_module_files_name_existing_organisations_and_programmes():
    slugs = {o["slug"] for o in content.organisations()}
    programmes = {s["programme"]["slug"] for s in content.programmes()}
    groups = content.read("groups.yaml")
    assert set(groups) <= programmes
    names = [g["name"] for editions in groups.values() for e in editions for g in e["groups"]]
    assert len(names) == len(set(names)) == 5
    assert {m for editions in groups.values() for e in editions for g in e["groups"]
            for m in g["members"]} <= slugs
    call = content.read("recruitment.yaml")["call"]
    assert call["group"] in names
    assert {a["organisation"] for a in call["applications"]} <= slugs
    assert all(len(a["answers"]) == len(call["questions"]) - 1 for a in call["applications"])
    people = content.read("networking.yaml")["people"]
    assert len(people) == 40
    assert {p["organisation"] for p in people} <= slugs
    people_names = {p["name"] for p in people}
    requests = content.read("networking.yaml")["requested"]["requests"]
    assert {n for row in requests for n in row[:2]} <= people_names
    relations = content.read("matching.yaml")["relations"]
    assert {s for row in relations for s in row[:2]} <= slugs
    assert {row[4] for row in relations if row[4]} <= programmes
