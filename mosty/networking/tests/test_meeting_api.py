"""Requested meetings in the REST API: a participant sees only their own requests and
messages; organisers place and move meetings; others get 401/403/404."""
import pytest

from mosty.api.models import ApiToken
from mosty.directory.tests.factories import UserFactory
from mosty.networking import services
from mosty.networking.models import MeetingRequest
from mosty.networking.tests.meeting_support import agree, ask, people_of, requested_session

pytestmark = pytest.mark.django_db
API = "/api/networking/sessions"


def bearer(user) -> dict[str, str]:
    _token, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def link(person):
    user = UserFactory.create()
    person.user = user
    person.save(update_fields=["user"])
    return user


@pytest.fixture
def session(coordinator):
    return requested_session(people=6, slots=3, tables=2, cap=3, user=coordinator)


def test_a_participant_asks_answers_and_reads_only_their_own_requests(client, session,
                                                                      coordinator):
    a, b, c, d = people_of(session)[:4]
    user_a, user_b, user_c = link(a), link(b), link(c)
    ask(c, d, "Wiadomość C do D")
    sent = client.post(f"{API}/{session.pk}/me/requests", {"to": b.pk, "message": "Cześć B"},
                       content_type="application/json", **bearer(user_a))
    assert sent.status_code == 201
    request_id = sent.json()["id"]
    mine_b = client.get(f"{API}/{session.pk}/me/requests", **bearer(user_b)).json()
    assert [(r["id"], r["message"], r["incoming"]) for r in mine_b] == \
        [(request_id, "Cześć B", True)]
    # Nobody else's messages: C sees only their own request.
    mine_c = client.get(f"{API}/{session.pk}/me/requests", **bearer(user_c)).json()
    assert [r["message"] for r in mine_c] == ["Wiadomość C do D"]
    # C cannot answer A's request to B; B can.
    assert client.post(f"{API}/{session.pk}/me/requests/{request_id}/answer", {"accept": True},
                       content_type="application/json", **bearer(user_c)).status_code == 400
    answered = client.post(f"{API}/{session.pk}/me/requests/{request_id}/answer",
                           {"accept": True}, content_type="application/json",
                           **bearer(user_b))
    assert answered.json()["state"] == "accepted"
    people = client.get(f"{API}/{session.pk}/me/people", **bearer(user_a)).json()
    assert {p["id"] for p in people} == {p.pk for p in people_of(session)} - {a.pk}
    assert next(p for p in people if p["id"] == b.pk)["request_state"] == "accepted"
    # The organiser places the meeting; both see slot and table, the organiser no message.
    placed = client.post(f"{API}/{session.pk}/meetings/schedule", **bearer(coordinator))
    assert placed.json()["placed"] == 1
    meetings = client.get(f"{API}/{session.pk}/meetings", **bearer(coordinator)).json()
    assert meetings[0]["slot"] is not None
    assert "message" not in meetings[0]
    hidden = client.get(f"{API}/{session.pk}/me/requests", **bearer(user_a)).json()[0]
    assert hidden["slot"] is None  # not published yet
    services.set_status(coordinator, session, "published")
    row = client.get(f"{API}/{session.pk}/me/requests", **bearer(user_a)).json()[0]
    assert (row["slot"], row["table"]) == (meetings[0]["slot"], meetings[0]["table"])
    cancelled = client.post(f"{API}/{session.pk}/me/requests/{request_id}/cancel",
                            **bearer(user_a))
    assert cancelled.json()["state"] == "cancelled"


def test_organiser_endpoints_refuse_others(client, session, coordinator, outsider):
    a, b = people_of(session)[:2]
    meeting = agree(a, b)
    participant_user = link(a)
    for who, status in ((outsider, 403), (participant_user, 403)):
        assert client.get(f"{API}/{session.pk}/meetings", **bearer(who)).status_code == status
        assert client.post(f"{API}/{session.pk}/meetings/schedule",
                           **bearer(who)).status_code == status
        assert client.post(f"{API}/{session.pk}/meetings/{meeting.pk}/move",
                           {"slot": 1, "table": 1}, content_type="application/json",
                           **bearer(who)).status_code == status
    assert client.get(f"{API}/{session.pk}/meetings").status_code == 401
    moved = client.post(f"{API}/{session.pk}/meetings/{meeting.pk}/move",
                        {"slot": 2, "table": 2}, content_type="application/json",
                        **bearer(coordinator))
    assert moved.status_code == 204
    listed = client.get(f"{API}/{session.pk}/meetings", **bearer(coordinator)).json()
    assert (listed[0]["slot"], listed[0]["table"], listed[0]["locked"]) == (2, 2, True)


def test_someone_not_taking_part_gets_404(client, session, outsider):
    assert client.get(f"{API}/{session.pk}/me/requests", **bearer(outsider)).status_code == 404
    assert client.post(f"{API}/{session.pk}/me/requests", {"to": 1},
                       content_type="application/json", **bearer(outsider)).status_code == 404
    assert not MeetingRequest.objects.exists()
