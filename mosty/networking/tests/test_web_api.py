"""Networking in the REST API: the same permissions as the pages, whole responses."""
import pytest

from mosty.api.models import ApiToken
from mosty.directory.tests.factories import UserFactory
from mosty.networking import services
from mosty.networking.tests.test_web_support import make_session, people_of, tablemates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


def bearer(user) -> dict[str, str]:
    _token, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def evening(coordinator):
    return make_session(people=8, rounds=3, publish=True, user=coordinator)


@pytest.fixture
def here(evening):
    user = UserFactory.create()
    person = people_of(evening)[0]
    person.user = user
    person.save(update_fields=["user"])
    return user


@pytest.fixture
def elsewhere(coordinator):
    other = make_session(people=4, rounds=2, publish=True, user=coordinator)
    user = UserFactory.create()
    person = people_of(other)[0]
    person.user = user
    person.save(update_fields=["user"])
    return user


MANAGER_ONLY = ["/participants", "/seats", "/optimiser", "/statistics"]


@pytest.mark.parametrize(("who", "session_status", "manager_status", "me_status"), [
    ("anonymous", 401, 401, 401),
    ("outsider", 404, 403, 404),
    ("elsewhere", 404, 403, 404),
    ("here", 200, 403, 200),
    ("coordinator", 200, 200, 404),
    ("staff", 200, 200, 404),
])
def test_api_by_role(client, request, evening, who, session_status, manager_status,
                     me_status):
    headers = {} if who == "anonymous" else bearer(request.getfixturevalue(who))
    base = f"/api/networking/sessions/{evening.pk}"
    assert client.get(base, **headers).status_code == session_status
    for suffix in MANAGER_ONLY:
        assert client.get(base + suffix, **headers).status_code == manager_status, suffix
    assert client.get(base + "/me", **headers).status_code == me_status
    optimise = client.post(base + "/optimise", **headers)
    assert optimise.status_code == (202 if manager_status == 200 else manager_status)


def test_session_list_is_scoped(client, coordinator, evening, here, elsewhere):
    draft = make_session(people=2, rounds=1, user=coordinator)
    everything = client.get("/api/networking/sessions", **bearer(coordinator)).json()
    other = elsewhere.networking_participations.get().session_id
    assert {s["id"] for s in everything} == {evening.pk, draft.pk, other}
    mine = client.get("/api/networking/sessions", **bearer(here)).json()
    assert [s["id"] for s in mine] == [evening.pk]
    assert client.get("/api/networking/sessions").status_code == 401


def test_whole_session_response(client, coordinator, evening):
    data = client.get(f"/api/networking/sessions/{evening.pk}", **bearer(coordinator)).json()
    assert data == {
        "id": evening.pk, "event": evening.event.slug, "title": "Speed dating",
        "status": "published", "rounds": 3, "table_size": 4, "tables": None, "mode": "mixed",
        "cross_sector": True, "minutes_per_round": 8, "changeover_seconds": 60,
        "planned_start": "2019-12-12T16:00:00Z", "schedule_version": evening.schedule_version,
        "schedule_outdated": False, "stats": evening.stats, "kind": "rotation",
        "request_cap": 5, "requests_need_acceptance": True}


def test_coordinator_builds_a_session_through_the_api(client, coordinator, evening):
    headers = bearer(coordinator)
    created = client.post("/api/networking/sessions", {
        "event": evening.event.slug, "title": "API", "rounds": 2, "table_size": 2},
        content_type="application/json", **headers)
    assert created.status_code == 201
    assert created.json()["planned_start"] == "2019-12-12T16:00:00Z"
    assert client.post("/api/networking/sessions", {"event": evening.event.slug, "rounds": 0},
                       content_type="application/json", **headers).status_code == 400
    pk = created.json()["id"]
    url = f"/api/networking/sessions/{pk}/participants"
    bad = client.post(url, {"name": "", "absent_rounds": [5]}, content_type="application/json",
                      **headers)
    assert bad.status_code == 400
    for name, sector in (("Ala Żak", "ngo"), ("Olek Łoś", "business"), ("Ewa Ćma", "ngo"),
                         ("Jan Bąk", "business")):
        response = client.post(url, {"name": name, "sector": sector, "organisation": name},
                               content_type="application/json", **headers)
        assert response.status_code == 201
    person = response.json()
    assert person["name"] == "Jan Bąk"
    assert person["link"].startswith("http://testserver/")
    run = client.post(f"/api/networking/sessions/{pk}/optimise", **headers)
    assert run.status_code == 202
    assert run.json()["state"] == "done"
    seats = client.get(f"/api/networking/sessions/{pk}/seats?round=1", **headers).json()
    assert len(seats) == 4
    assert {s["table"] for s in seats} == {1, 2}
    first = next(s for s in seats if s["table"] == 1)
    second = next(s for s in seats if s["table"] == 2)
    swapped = client.post(f"/api/networking/sessions/{pk}/seats/swap", {
        "round": 1, "first": first["participant"], "second": second["participant"]},
        content_type="application/json", **headers)
    assert swapped.status_code == 200
    assert isinstance(swapped.json(), list)
    again = client.post(f"/api/networking/sessions/{pk}/seats/swap", {
        "round": 1, "first": first["participant"], "second": first["participant"]},
        content_type="application/json", **headers)
    assert again.status_code == 400
    assert client.post(f"/api/networking/sessions/{pk}/publish", **headers).json()["status"] \
        == "published"


def test_my_assignment_and_marks(client, coordinator, evening, here):
    headers = bearer(here)
    me = evening.participants.get(user=here)
    mate = tablemates(evening, me, 1)[0]
    base = f"/api/networking/sessions/{evening.pk}/me"
    before = client.get(base, **headers).json()
    assert before["clock"]["phase"] == "before"
    assert before["agenda"][0]["table"] == me.seats.get(round=1).table
    assert client.put(f"{base}/marks/{mate.pk}", **headers).status_code == 400
    services.control_clock(coordinator, evening, "start")
    now = client.get(base, **headers).json()
    assert now["now"]["round"] == 1
    assert {p["id"] for p in now["now"]["people"]} == {p.pk for p in tablemates(evening, me, 1)}
    assert "email" not in str(now["now"]["people"])
    assert client.put(f"{base}/marks/{mate.pk}", **headers).json() == {"mutual": False}
    services.set_mark(mate, me, True)
    after = client.get(base, **headers).json()
    assert [m["id"] for m in after["matches"]] == [mate.pk]
    assert client.delete(f"{base}/marks/{mate.pk}", **headers).status_code == 204
    assert client.get(base, **headers).json()["matches"] == []


def test_unmarking_oneself_is_a_400_not_a_500(client, evening, here):
    me = evening.participants.get(user=here)
    response = client.delete(f"/api/networking/sessions/{evening.pk}/me/marks/{me.pk}",
                             **bearer(here))
    assert response.status_code == 400
    assert response.json()["detail"]


def test_statistics_through_the_api(client, coordinator, evening):
    services.control_clock(coordinator, evening, "start")
    data = client.get(f"/api/networking/sessions/{evening.pk}/statistics",
                      **bearer(coordinator)).json()
    assert data["rounds_held"] == 1
    assert data["participants"] == 8
    assert data["pairs_met"] == sum(r["pairs_met"] for r in data["by_sector"]) == 12
    assert data["optimiser"] == evening.stats


def test_openapi_describes_networking(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/networking/sessions/{pk}/me" in schema["paths"]


@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 401), ("outsider", 403), ("elsewhere", 403), ("here", 403)])
def test_api_changes_are_for_coordinators_only(client, request, evening, who, status):
    headers = {} if who == "anonymous" else bearer(request.getfixturevalue(who))
    person = people_of(evening)[0]
    base = f"/api/networking/sessions/{evening.pk}"
    calls = [
        ("post", "/api/networking/sessions", {"event": evening.event.slug}),
        ("post", base + "/participants", {"name": "Intruz"}),
        ("delete", base + f"/participants/{person.pk}", None),
        ("post", base + "/publish", None),
        ("post", base + "/optimise", None),
        ("post", base + "/seats/swap", {"round": 1, "first": person.pk, "second": person.pk}),
    ]
    version = evening.schedule_version
    for method, url, data in calls:
        response = getattr(client, method)(url, data, content_type="application/json",
                                           **headers) if data else \
            getattr(client, method)(url, **headers)
        assert response.status_code == status, url
    evening.refresh_from_db()
    assert evening.schedule_version == version
    assert evening.participants.count() == 8
    assert evening.event.networking_sessions.count() == 1


@pytest.mark.parametrize(("who", "status"), [("anonymous", 401), ("outsider", 404),
                                         ("elsewhere", 404), ("coordinator", 404)])
def test_only_participants_mark_through_the_api(client, request, evening, who, status):
    headers = {} if who == "anonymous" else bearer(request.getfixturevalue(who))
    other = people_of(evening)[1]
    base = f"/api/networking/sessions/{evening.pk}/me/marks/{other.pk}"
    assert client.put(base, **headers).status_code == status
    assert client.delete(base, **headers).status_code == status


def test_marking_oneself_through_the_api_is_a_400_not_a_500(client, coordinator, evening, here):
    services.control_clock(coordinator, evening, "start")
    me = evening.participants.get(user=here)
    base = f"/api/networking/sessions/{evening.pk}/me/marks/{me.pk}"
    for method in (client.put, client.delete):
        response = method(base, **bearer(here))
        assert response.status_code == 400
        assert response.json()["detail"]
