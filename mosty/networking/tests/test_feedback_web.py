"""Meeting feedback on the pages and in the API: the phone's one-tap answers, who may open
the organiser's outcomes and the follow-up file, notes that never reach the other person,
and a phone page whose query count does not grow with the number of people."""
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mosty.accounts.models import Role
from mosty.directory.tests.factories import UserFactory
from mosty.networking import feedback, services
from mosty.networking.feedback import FeedbackData
from mosty.networking.models import MeetingFeedback
from mosty.networking.tests.test_meeting_api import bearer, link
from mosty.networking.tests.test_web_support import make_session, people_of, tablemates

pytestmark = pytest.mark.django_db
API = "/api/networking/sessions"
SECRET = "Tajna uwaga dla organizatorów"


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


@pytest.fixture
def evening(coordinator):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    return services.control_clock(coordinator, session, "start")


@pytest.fixture
def pair(evening):
    me = people_of(evening)[0]
    return me, tablemates(evening, me, 1)[0]


@pytest.fixture
def other_coordinator(db):
    return UserFactory(role=Role.COORDINATOR)


@pytest.fixture
def participant_account(pair):
    return link(pair[0])


def test_one_tap_on_the_phone_saves_the_answer_and_the_note(client, evening, pair):
    me, mate = pair
    phone = reverse("networking:phone", args=[me.token])
    page = client.get(phone).content.decode()
    assert f'data-testid="rate-1-{mate.pk}"' in page
    response = client.post(reverse("networking:rate", args=[me.token]), {
        "other": mate.pk, "round": 1, "outcome": "cooperation", "note": SECRET})
    assert response.status_code == 302
    assert response["Location"].endswith("#feedback")
    saved = MeetingFeedback.objects.get()
    assert (saved.rater, saved.other, saved.round, saved.outcome, saved.note) == \
        (me, mate, 1, "cooperation", SECRET)
    page = client.get(phone).content.decode()
    assert 'aria-pressed="true" data-testid="outcome-cooperation"' in page
    # The other person sees neither my answer nor my note: not on the page, not in live.json.
    theirs = client.get(reverse("networking:phone", args=[mate.token])).content.decode()
    assert SECRET not in theirs
    assert 'aria-pressed="true" data-testid="outcome-' not in theirs
    live = client.get(reverse("networking:live", args=[mate.token]),
                      HTTP_ACCEPT="application/json").json()
    assert live["ratings"] == []
    assert SECRET not in live["html"]


def test_a_refused_answer_says_why_in_json_and_changes_nothing(client, evening, pair):
    me, mate = pair
    response = client.post(reverse("networking:rate", args=[me.token]),
                           {"other": mate.pk, "round": 3, "outcome": "informative"},
                           HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["ok"] is False
    ok = client.post(reverse("networking:rate", args=[me.token]),
                     {"other": mate.pk, "round": 1, "outcome": "informative"},
                     HTTP_ACCEPT="application/json")
    assert ok.json() == {"ok": True, "mutual": False}
    assert client.post(reverse("networking:rate", args=["nieznany-link"]),
                       {"other": mate.pk, "round": 1, "outcome": "informative"}
                       ).status_code == 404
    assert MeetingFeedback.objects.count() == 1


ROLES = ["anonymous", "outsider", "other_coordinator", "participant_account", "coordinator",
         "staff"]
MANAGERS = {"coordinator", "staff"}


@pytest.mark.parametrize("who", ROLES)
def test_outcomes_follow_ups_and_closing_by_role(client, request, evening, pair, who):
    me, mate = pair
    for rater, other in ((me, mate), (mate, me)):
        feedback.rate_meeting(None, rater, FeedbackData(other.pk, 1, "cooperation", SECRET))
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    pages = [reverse("networking:statistics", args=[evening.pk]),
             reverse("networking:follow_ups", args=[evening.pk])]
    for url in pages:
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        elif who in MANAGERS:
            assert response.status_code == 200
        else:
            assert response.status_code == 403
            assert SECRET not in response.content.decode(errors="replace")
    closing = client.post(reverse("networking:feedback_close", args=[evening.pk]),
                          {"closed": "1"})
    evening.refresh_from_db()
    assert (evening.feedback_closed_at is not None) == (who in MANAGERS)
    assert closing.status_code == (302 if who in MANAGERS or who == "anonymous" else 403)
    headers = {} if who == "anonymous" else bearer(request.getfixturevalue(who))
    client.logout()
    api = client.get(f"{API}/{evening.pk}/outcomes", **headers)
    assert api.status_code == {"anonymous": 401}.get(who, 200 if who in MANAGERS else 403)
    if who in MANAGERS:
        data = api.json()
        assert data["cooperation_both"] == 1
        assert data["feedback_open"] is False
        assert data["follow_ups"][0]["notes"][0]["text"] == SECRET
        shared = {p["id"]: p["email"] for p in data["follow_ups"][0]["people"]}
        for person in (me, mate):
            assert shared[person.pk] == (person.email if person.share_contact else None)


def test_statistics_page_shows_outcomes_and_the_file_reads_back(client, coordinator, evening,
                                                                 pair):
    me, mate = pair
    feedback.rate_meeting(None, me, FeedbackData(mate.pk, 1, "cooperation", SECRET))
    client.force_login(coordinator)
    page = client.get(reverse("networking:statistics", args=[evening.pk])).content.decode()
    assert 'data-testid="total-cooperation">1<' in page
    assert page.count('data-testid="follow-up"') == 1
    assert SECRET in page
    response = client.get(reverse("networking:follow_ups", args=[evening.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert {rows[1][0], rows[1][4]} == {me.name, mate.name}


def test_api_participants_rate_only_their_own_meetings_and_never_read_notes(client, evening,
                                                                          pair):
    me, mate = pair
    mine, theirs = link(me), link(mate)
    url = f"{API}/{evening.pk}/me/feedback"
    listed = client.get(url, **bearer(mine)).json()
    assert {(row["round"], row["other"]) for row in listed} == \
        {(1, p.pk) for p in tablemates(evening, me, 1)}
    assert all(row["outcome"] is None for row in listed)
    sent = client.post(url, {"other": mate.pk, "round": 1, "outcome": "cooperation",
                             "note": SECRET}, content_type="application/json", **bearer(mine))
    assert sent.status_code == 200
    assert sent.json()["mutual"] is False
    both = client.post(url, {"other": me.pk, "round": 1, "outcome": "cooperation"},
                       content_type="application/json", **bearer(theirs))
    assert both.json()["mutual"] is True
    for user in (mine, theirs):
        for path in (url, f"{API}/{evening.pk}/me"):
            assert SECRET not in client.get(path, **bearer(user)).content.decode()
    # Somebody who does not take part, or a stranger at another table, cannot rate.
    stranger = next(p for p in people_of(evening)
                    if p != me and p not in tablemates(evening, me, 1))
    assert client.post(url, {"other": stranger.pk, "round": 1, "outcome": "informative"},
                       content_type="application/json", **bearer(mine)).status_code == 400
    outsider = UserFactory()
    assert client.post(url, {"other": mate.pk, "round": 1, "outcome": "informative"},
                       content_type="application/json", **bearer(outsider)).status_code == 404
    assert client.post(url, {"other": mate.pk, "round": 1, "outcome": "informative"},
                       content_type="application/json").status_code == 401
    assert MeetingFeedback.objects.filter(rater=me).get().note == SECRET


def test_phone_page_queries_do_not_grow_with_participants(client, coordinator, count_queries):
    def measure(size: int) -> int:
        session = make_session(people=size, rounds=3, publish=True, user=coordinator)
        session = services.control_clock(coordinator, session, "start")
        services.control_clock(coordinator, session, "next")
        people = people_of(session)
        me = people[0]
        for round_number in (1, 2):
            for mate in tablemates(session, me, round_number):
                feedback.rate_meeting(None, me, FeedbackData(mate.pk, round_number,
                                                             "informative", "Notatka"))
                feedback.rate_meeting(None, mate, FeedbackData(me.pk, round_number,
                                                               "cooperation"))
        url = reverse("networking:phone", args=[me.token])
        client.get(url)  # warm the seating cache
        with count_queries() as queries:
            page = client.get(url)
        assert page.status_code == 200
        assert page.content.decode().count('data-testid="outcome-informative"') == 6
        return len(queries)

    assert measure(8) == measure(40)
