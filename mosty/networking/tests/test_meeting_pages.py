"""Pages of requested meetings: the phone (browse, ask, answer), the organiser's grid, who may
open what, suggestions from the matching module, and query counts independent of size."""
import pytest
from django.urls import reverse

from mosty.matching.tests.conftest import planted  # noqa: F401 - a fixture used below
from mosty.networking import meeting_services as ms
from mosty.networking import services
from mosty.networking.models import MeetingRequest, Seat
from mosty.networking.tests.meeting_support import agree, ask, people_of, requested_session

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "official", "coordinator", "staff"]
MANAGERS = {"coordinator", "staff"}


@pytest.fixture
def meetings_session(coordinator):
    session = requested_session(people=6, slots=3, tables=2, cap=3, user=coordinator)
    a, b, c, d = people_of(session)[:4]
    agree(a, b, "Sekret A do B")
    ask(c, d, "Sekret C do D")
    return session


def log_in(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


@pytest.mark.parametrize("who", ROLES)
def test_the_grid_and_its_actions_by_role(client, request, meetings_session, who):
    log_in(client, request, who)
    session = meetings_session
    request_id = MeetingRequest.objects.filter(state="accepted").get().pk
    urls = [reverse("networking:meetings", args=[session.pk])]
    posts = [(reverse("networking:meetings_schedule", args=[session.pk]), {}, 302),
             (reverse("networking:meetings_move", args=[session.pk]),
              {"meeting": request_id, "slot": 3, "table": 2, "version": 0}, 400)]
    for url in urls:
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302
        else:
            assert response.status_code == (200 if who in MANAGERS else 403)
    for url, data, status in posts:
        response = client.post(url, data)
        if who == "anonymous":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == (status if who in MANAGERS else 403)
    if who not in MANAGERS:
        assert not Seat.objects.filter(session=session).exists()
    else:
        assert Seat.objects.filter(session=session).count() == 2


def test_the_grid_of_a_rotation_session_is_404(client, coordinator):
    from mosty.networking.tests.test_web_support import make_session
    session = make_session(people=4, user=coordinator)
    client.force_login(coordinator)
    assert client.get(reverse("networking:meetings", args=[session.pk])).status_code == 404
    person = people_of(session)[0]
    assert client.get(reverse("networking:people", args=[person.token])).status_code == 404


def test_messages_reach_only_the_two_people(client, meetings_session):
    a, b, c, d, e, _f = people_of(meetings_session)
    page_of = {p.pk: client.get(reverse("networking:phone", args=[p.token])).content.decode()
               for p in (a, b, c, d, e)}
    assert "Sekret A do B" in page_of[a.pk]
    assert "Sekret A do B" in page_of[b.pk]
    assert "Sekret C do D" in page_of[d.pk]
    for person in (c, d, e):
        assert "Sekret A do B" not in page_of[person.pk]
    assert "Sekret C do D" not in page_of[e.pk]
    # The organiser's grid names the pairs, never the messages.
    client.force_login(meetings_session.event.programme.staff.first().user)
    grid = client.get(reverse("networking:meetings", args=[meetings_session.pk]))
    assert "Sekret" not in grid.content.decode()
    # Someone else's request cannot be answered with one's own link.
    pending = MeetingRequest.objects.get(state="pending")
    client.post(reverse("networking:answer", args=[e.token, pending.pk]), {"action": "accept"})
    assert MeetingRequest.objects.get(pk=pending.pk).state == "pending"


def test_browse_ask_and_answer_on_the_phone(client, coordinator):
    session = requested_session(people=4, user=coordinator)
    a, b = people_of(session)[:2]
    people = client.get(reverse("networking:people", args=[a.token]))
    assert people.status_code == 200
    assert f'data-testid="ask-{b.pk}"' in people.content.decode()
    sent = client.post(reverse("networking:ask", args=[a.token, b.pk]),
                       {"message": "Porozmawiajmy o wolontariacie"})
    assert sent.status_code == 302
    request = MeetingRequest.objects.get()
    assert request.message == "Porozmawiajmy o wolontariacie"
    phone_b = client.get(reverse("networking:phone", args=[b.token])).content.decode()
    assert f'data-testid="accept-{request.pk}"' in phone_b
    client.post(reverse("networking:answer", args=[b.token, request.pk]), {"action": "accept"})
    assert MeetingRequest.objects.get().state == "accepted"
    ms.schedule_meetings(coordinator, session)
    services.set_status(coordinator, session, "published")
    phone_a = client.get(reverse("networking:phone", args=[a.token])).content.decode()
    assert 'data-testid="meeting-place"' in phone_a
    assert "17:00" in phone_a  # the first slot starts at the event's hour


def test_a_refused_request_shows_the_reason(client, coordinator):
    session = requested_session(people=4, cap=1, user=coordinator)
    a, b, c = people_of(session)[:3]
    ask(a, b)
    response = client.post(reverse("networking:ask", args=[a.token, c.pk]), {"message": ""})
    assert response.status_code == 400
    assert MeetingRequest.objects.count() == 1
    page = response.content.decode()
    assert 'role="alert"' in page
    assert 'data-testid="send-request"' not in page  # the cap is reached: no form


def test_suggestions_put_mutual_interest_first(client, coordinator, planted):  # noqa: F811
    session = requested_session(people=0, user=coordinator)
    people = {}
    for org in (planted.bakery, planted.library, planted.koscian, planted.osp):
        people[org.pk] = services.add_participant(coordinator, session, {
            "name": f"Osoba z {org.name}", "organisation": org, "organisation_name": org.name,
            "sector": org.sector})
    me = people[planted.library.pk]
    page = client.get(reverse("networking:people", args=[me.token])).content.decode()
    order = [page.index(f'data-person="{p.pk}"') for p in
             (people[planted.osp.pk], people[planted.bakery.pk])]
    assert order == sorted(order)  # the OSP complements the library both ways
    assert "mutual interest" in page or "wzajemne" in page
    assert "namiot i ławki" in page  # what the OSP offers, from the directory


def test_phone_page_and_grid_do_not_grow_queries(client, coordinator, count_queries):
    def measure(size: int) -> tuple[int, int, int]:
        session = requested_session(people=size, slots=4, tables=size // 2, cap=3,
                                    user=coordinator)
        people = people_of(session)
        for index in range(0, size - 1, 2):
            agree(people[index], people[index + 1], "Hej")
        for index in range(1, size - 2, 2):
            ask(people[index], people[index + 2], "Cześć")
        ms.schedule_meetings(coordinator, session)
        services.set_status(coordinator, session, "published")
        me = people[2]
        client.get(reverse("networking:phone", args=[me.token]))  # warm the seating cache
        with count_queries() as phone:
            assert client.get(reverse("networking:phone", args=[me.token])).status_code == 200
        with count_queries() as browse:
            assert client.get(reverse("networking:people", args=[me.token])).status_code == 200
        client.force_login(coordinator)
        with count_queries() as grid:
            assert client.get(reverse("networking:meetings",
                                      args=[session.pk])).status_code == 200
        client.logout()
        return len(phone), len(browse), len(grid)

    assert measure(8) == measure(40)
