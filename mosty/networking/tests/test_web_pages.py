"""Pages and the phone's JSON: who may open what, what they see, and what it costs."""
import re

import pytest
from django.urls import reverse

from mosty.directory.tests.factories import UserFactory
from mosty.networking import services
from mosty.networking.models import NetworkingSession, Seat
from mosty.networking.tests.test_web_support import make_session, people_of, tablemates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


@pytest.fixture
def evening(coordinator):
    return make_session(people=8, rounds=3, publish=True, user=coordinator)


def linked_user(session, index: int = 0):
    user = UserFactory.create()
    person = people_of(session)[index]
    person.user = user
    person.save(update_fields=["user"])
    return user


@pytest.fixture
def here(evening):
    return linked_user(evening)


@pytest.fixture
def elsewhere(coordinator):
    return linked_user(make_session(people=4, rounds=2, publish=True, user=coordinator))


ROLES = ["anonymous", "outsider", "official", "here", "elsewhere", "coordinator", "staff"]
MANAGERS = {"coordinator", "staff"}


def log_in(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


def manager_urls(session):
    person = people_of(session)[0]
    simple = ["session", "session_edit", "session_delete", "participants", "add_members",
              "import", "seating", "statistics", "screen", "screen_json", "optimiser_status",
              "table_cards", "agendas"]
    return ([reverse("networking:event_sessions", args=[session.event.slug]),
             reverse("networking:participant_edit", args=[session.pk, person.pk])]
            + [reverse(f"networking:{name}", args=[session.pk]) for name in simple])


@pytest.mark.parametrize("who", ROLES)
def test_coordinator_pages_by_role(client, request, evening, who):
    log_in(client, request, who)
    for url in manager_urls(evening):
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302, url
            assert "/accounts/login/" in response["Location"], url
        else:
            assert response.status_code == (200 if who in MANAGERS else 403), url


@pytest.mark.parametrize("who", ROLES)
def test_coordinator_actions_by_role_change_nothing_for_others(client, request, evening, who):
    log_in(client, request, who)
    person = people_of(evening)[0]
    other = people_of(evening)[-1]

    def state():
        evening.refresh_from_db()
        return (evening.status, evening.title, evening.schedule_version,
                list(evening.participants.values_list("pk", "name", "token")),
                list(Seat.objects.filter(session=evening).values_list("pk", "table", "locked")))

    before = state()
    url = lambda name, *args: reverse(f"networking:{name}", args=[evening.pk, *args])  # noqa
    # (address, data, what a coordinator gets): 200 shows an incomplete form again, 400 refuses
    # a swap of a schedule that does not exist yet.
    posts = [
        (url("clock"), {"action": "start"}, 302),
        (url("session_status"), {"status": "scheduled"}, 302),
        (url("session_edit"), {"title": "Przejęta", "table_size": 2, "mode": "mixed",
                               "rounds": 2, "minutes_per_round": 5, "changeover_seconds": 0},
         200),
        (url("optimise"), {}, 302),
        (url("swap"), {"round": 1, "first": person.pk, "second": other.pk, "version": 1}, 400),
        (url("locks"), {"action": "lock_all"}, 302),
        (url("participants"), {"name": "Intruz", "sector": "ngo"}, 302),
        (url("add_members"), {"members": ["1"]}, 302),
        (url("add_registered"), {}, 302),
        (url("import"), {}, 200),
        (url("participant_edit", person.pk), {"name": "Zmieniony", "sector": "ngo"}, 302),
        (url("participant_new_link", person.pk), {}, 302),
        (url("participant_remove", person.pk), {}, 302),
        (url("session_delete"), {}, 302),
    ]
    for target, data, status in posts:
        response = client.post(target, data)
        if who == "anonymous":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        elif who not in MANAGERS:
            assert response.status_code == 403, target
        else:
            assert response.status_code == status, target
    if who in MANAGERS:
        assert not NetworkingSession.objects.filter(pk=evening.pk).exists()
    if who not in MANAGERS:
        assert state() == before


def test_unknown_session_is_404_for_coordinators(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("networking:session", args=[999])).status_code == 404
    assert client.get(reverse("networking:event_sessions", args=["nie-ma"])).status_code == 404


def test_participant_of_another_session_is_404_inside_this_one(client, coordinator, evening):
    other = make_session(people=4, rounds=2, user=coordinator)
    stranger = people_of(other)[0]
    client.force_login(coordinator)
    url = reverse("networking:participant_edit", args=[evening.pk, stranger.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 302), ("outsider", 404), ("elsewhere", 404), ("coordinator", 404),
    ("here", 302)])
def test_my_page_in_a_session_by_role(client, request, evening, who, status):
    log_in(client, request, who)
    response = client.get(reverse("networking:me", args=[evening.pk]))
    assert response.status_code == status
    if who == "here":
        assert response["Location"] == people_of(evening)[0].get_absolute_url()


def test_the_personal_link_is_the_key(client, evening):
    person = people_of(evening)[0]
    page = client.get(person.get_absolute_url())
    assert page.status_code == 200
    assert person.name in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    assert "noindex" in page["X-Robots-Tag"]
    assert client.get(reverse("networking:phone", args=["x" * 22])).status_code == 404
    assert client.get(reverse("networking:live", args=["x" * 22])).status_code == 404
    services.new_link(None, person)
    assert client.get(f"/networking/p/{page.wsgi_request.path.split('/')[3]}/").status_code \
        == 404


def test_the_phone_shows_the_first_table_and_nobody_elses_contacts(client, evening):
    person = people_of(evening)[0]
    html = client.get(person.get_absolute_url()).content.decode()
    first = person.seats.get(round=1).table
    assert 'data-testid="before"' in html
    for mate in tablemates(evening, person, 1):
        assert mate.name in html
        assert mate.about in html
        assert mate.email not in html
    assert f"{first}" in re.sub(r"\s+", " ", html)


def test_a_draft_session_shows_no_seating_but_takes_wishes(client, coordinator):
    session = make_session(people=6, rounds=2, seat=True, user=coordinator)
    person = people_of(session)[0]
    html = client.get(person.get_absolute_url()).content.decode()
    assert 'data-testid="meet-list"' not in html
    assert reverse("networking:wishes", args=[person.token]) in html
    other = people_of(session)[1]
    response = client.post(reverse("networking:wishes", args=[person.token]),
                           {"wish": [other.pk]})
    assert response.status_code == 302
    assert list(person.wishes_made.values_list("to_participant_id", "kind")) == [
        (other.pk, "wish")]
    response = client.post(reverse("networking:wishes", args=[person.token]),
                           {"wish": [person.pk]})
    assert response.status_code == 400
    assert person.wishes_made.count() == 1


def test_live_json_answers_304_until_something_changes(client, coordinator, evening):
    person = people_of(evening)[0]
    url = reverse("networking:live", args=[person.token])
    first = client.get(url)
    assert first.status_code == 200
    data = first.json()
    assert data["clock"]["phase"] == "before"
    assert data["now"] is None
    assert "agenda" not in data
    assert all(p.name in data["html"] for p in tablemates(evening, person, 1))
    tag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304
    assert again.content == b""
    services.control_clock(coordinator, evening, "start")
    changed = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200
    now = changed.json()
    assert now["clock"]["phase"] == "talk"
    assert now["clock"]["round"] == 1
    assert now["now"]["table"] == person.seats.get(round=1).table
    assert 0 < now["clock"]["remaining"] <= 480
    assert 'data-testid="round">1<' in now["html"]


def test_marking_from_the_phone_and_the_follow_up_both_sides_see(client, coordinator, evening):
    services.control_clock(coordinator, evening, "start")
    me = people_of(evening)[0]
    mate = next(p for p in tablemates(evening, me, 1) if p.share_contact)
    me.share_contact = True
    me.save()
    mark = reverse("networking:mark", args=[me.token])
    assert client.post(mark, {"to": mate.pk, "on": "1"}).status_code == 302
    response = client.post(reverse("networking:mark", args=[mate.token]),
                           {"to": me.pk, "on": "1"}, HTTP_ACCEPT="application/json")
    assert response.json() == {"ok": True, "mutual": True}
    mine = client.get(reverse("networking:live", args=[me.token])).json()
    assert [m["name"] for m in mine["matches"]] == [mate.name]
    assert mine["matches"][0]["email"] == mate.email
    theirs = client.get(reverse("networking:live", args=[mate.token])).json()
    assert [m["email"] for m in theirs["matches"]] == [me.email]
    stranger = next(p for p in people_of(evening)
                    if p != me and p not in tablemates(evening, me, 1))
    refused = client.post(mark, {"to": stranger.pk, "on": "1"}, HTTP_ACCEPT="application/json")
    assert refused.status_code == 400
    assert refused.json()["ok"] is False
    other_session = make_session(people=2, rounds=1, user=coordinator)
    assert client.post(mark, {"to": people_of(other_session)[0].pk, "on": "1"}) \
        .status_code == 404


def test_phone_json_and_seating_page_do_not_grow_queries(client, coordinator, count_queries):
    def measure(people: int) -> tuple[int, int, int]:
        session = make_session(people=people, rounds=3, publish=True, user=coordinator)
        services.control_clock(coordinator, session, "start")
        person = people_of(session)[0]
        services.set_mark(person, tablemates(session, person, 1)[0], True)
        client.force_login(coordinator)
        url = reverse("networking:live", args=[person.token])
        with count_queries() as full:
            tag = client.get(url)["ETag"]
        with count_queries() as unchanged:
            assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 304
        with count_queries() as seating:
            client.get(reverse("networking:seating", args=[session.pk]) + "?round=1")
        return len(full), len(unchanged), len(seating)

    small, big = measure(8), measure(40)
    assert small == big
    assert small[1] <= 3  # session + user + participant at most, for a 304


def test_an_unchanged_phone_costs_one_query_and_loads_no_account(
        client, coordinator, evening, settings, count_queries):
    # Terms not accepted (the terms check would send this person away from any page):
    # polling is no page of the account, so no account is even loaded.
    settings.PRIVACY_ASK_FOR_TERMS = True
    person = people_of(evening)[0]
    client.force_login(UserFactory())
    url = reverse("networking:live", args=[person.token])
    tag = client.get(url)["ETag"]
    with count_queries() as queries:
        assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 304
    # The ETag's counters, and the session (kept in the database in tests, in Redis in
    # production); nothing of the account.
    tables = [re.findall(r'FROM "(\w+)"', query["sql"]) for query in queries]
    assert tables == [["django_session"], ["networking_participant"]]
    person.version += 1
    person.save(update_fields=["version"])
    changed = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200
    assert changed["ETag"] != tag
    assert client.get(url, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304
    gone = reverse("networking:live", args=["x" * 22])
    assert client.get(gone, HTTP_IF_NONE_MATCH=tag).status_code == 404
    assert client.get(reverse("networking:live", args=["x" * 65]),
                      HTTP_IF_NONE_MATCH=tag).status_code == 404


def test_the_big_screen_shows_the_round_and_tables(client, coordinator, evening):
    client.force_login(coordinator)
    services.control_clock(coordinator, evening, "start")
    page = client.get(reverse("networking:screen", args=[evening.pk])).content.decode()
    assert 'data-testid="screen-round"' in page
    assert 'data-countdown' in page
    data = client.get(reverse("networking:screen_json", args=[evening.pk])).json()
    assert data["clock"]["round"] == 1
    assert len(data["tables"]) == 2
    assert sorted(n for t in data["tables"] for n in t["people"]) == \
        sorted(p.name for p in people_of(evening))


def test_coordinator_creates_a_session_and_adds_people(client, coordinator, evening):
    client.force_login(coordinator)
    url = reverse("networking:event_sessions", args=[evening.event.slug])
    bad = client.post(url, {"title": "", "rounds": 0, "table_size": 1, "mode": "mixed",
                            "minutes_per_round": 8, "changeover_seconds": 60})
    assert bad.status_code == 200
    assert evening.event.networking_sessions.count() == 1
    response = client.post(url, {"title": "Druga tura", "rounds": 4, "table_size": 2,
                                 "mode": "mixed", "cross_sector": "on",
                                 "minutes_per_round": 5, "changeover_seconds": 30})
    session = evening.event.networking_sessions.get(title="Druga tura")
    assert response["Location"] == reverse("networking:participants", args=[session.pk])
    add = reverse("networking:participants", args=[session.pk])
    missing = client.post(add, {"name": "Jan", "absent_rounds": "7"})
    assert missing.status_code == 200
    assert session.participants.count() == 0
    client.post(add, {"name": "Jan Kowalski", "sector": "business",
                      "organisation_name": "Wartka IT", "absent_rounds": "1, 3"})
    person = session.participants.get()
    assert (person.name, person.absent_rounds) == ("Jan Kowalski", [1, 3])


def test_adding_members_of_directory_organisations(client, coordinator, evening, member,
                                                   organisation):
    from mosty.programmes.models import ProgrammePartner

    ProgrammePartner.objects.create(programme=evening.event.programme, organisation=organisation)
    client.force_login(coordinator)
    url = reverse("networking:add_members", args=[evening.pk])
    found = client.get(url, {"q": "Śmigl"}).content.decode()
    assert member.full_name in found
    membership = member.memberships.get()
    client.post(url, {"members": [membership.pk]})
    client.post(url, {"members": [membership.pk]})
    added = evening.participants.get(user=member)
    assert (added.organisation, added.sector) == (organisation, "public_institution")


def test_members_of_organisations_outside_ones_programmes_are_neither_found_nor_added(
        client, coordinator, evening, member, organisation):
    """Their people's e-mails and phones would come along: the directory shows them only to
    whoever keeps the organisation (its members, coordinators of programmes it is in)."""
    member.full_name, member.phone = "", "600 555 444"
    member.save(update_fields=["full_name", "phone"])
    client.force_login(coordinator)
    url = reverse("networking:add_members", args=[evening.pk])
    found = client.get(url, {"q": "Śmigl"}).content.decode()
    assert member.email not in found
    assert organisation.name not in found
    client.post(url, {"members": [member.memberships.get().pk]})
    assert not evening.participants.filter(user=member).exists()


def test_swap_and_locks_on_the_seating_page(client, coordinator, evening):
    client.force_login(coordinator)
    url = reverse("networking:swap", args=[evening.pk])
    seats = list(Seat.objects.filter(session=evening, round=2).order_by("table", "id"))
    a, b = seats[0], next(s for s in seats if s.table != seats[0].table)
    table_a, table_b = a.table, b.table
    before = list(Seat.objects.filter(session=evening, round=2).order_by("id")
                  .values_list("pk", "table", "locked"))
    same = client.post(url, {"round": 2, "first": a.participant_id, "second": a.participant_id,
                             "version": evening.schedule_version})
    assert same.status_code == 400
    mate = next(s for s in seats if s.table == a.table and s != a)
    together = client.post(url, {"round": 2, "first": a.participant_id,
                                 "second": mate.participant_id,
                                 "version": evening.schedule_version})
    assert together.status_code == 400
    assert 'role="alert"' in together.content.decode()
    assert list(Seat.objects.filter(session=evening, round=2).order_by("id")
                .values_list("pk", "table", "locked")) == before
    done = client.post(url, {"round": 2, "first": a.participant_id,
                             "second": b.participant_id, "lock": "on",
                             "version": evening.schedule_version})
    assert done.status_code == 302
    assert done["Location"].endswith("?round=2")
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.table, b.table, a.locked, b.locked) == (table_b, table_a, True, True)
    stale = client.post(url, {"round": 2, "first": a.participant_id,
                              "second": b.participant_id, "version": 0})
    assert stale.status_code == 400
    a.refresh_from_db()
    assert a.table == table_b
    evening.refresh_from_db()
    locks = reverse("networking:locks", args=[evening.pk])
    round_1 = list(Seat.objects.filter(session=evening, round=1).order_by("id"))
    client.post(locks, {"round": 1, "locked": [round_1[0].pk, round_1[1].pk],
                        "version": evening.schedule_version})
    assert set(Seat.objects.filter(session=evening, locked=True, round=1)
               .values_list("pk", flat=True)) == {round_1[0].pk, round_1[1].pk}


def test_editing_the_format_detects_a_concurrent_edit(client, coordinator, evening):
    client.force_login(coordinator)
    url = reverse("networking:session_edit", args=[evening.pk])
    data = {"title": "Nowy tytuł", "table_size": 4, "mode": "mixed", "rounds": 4,
            "cross_sector": "on", "minutes_per_round": 8, "changeover_seconds": 60,
            "version": evening.setup_version - 1}
    stale = client.post(url, data)
    assert stale.status_code == 200
    assert 'role="alert"' in stale.content.decode()
    evening.refresh_from_db()
    assert (evening.title, evening.rounds) == ("Speed dating", 3)
    data["version"] = evening.setup_version
    assert client.post(url, data).status_code == 302
    evening.refresh_from_db()
    assert (evening.title, evening.rounds, evening.schedule_outdated) == ("Nowy tytuł", 4, True)


def test_the_optimiser_and_the_clock_from_the_overview(client, coordinator):
    session = make_session(people=1, rounds=2, user=coordinator)
    client.force_login(coordinator)
    client.post(reverse("networking:optimise", args=[session.pk]))
    page = client.get(reverse("networking:session", args=[session.pk])).content.decode()
    assert "message-error" in page
    assert not Seat.objects.exists()
    services.add_participant(coordinator, session, {"name": "Ala", "sector": "ngo"})
    services.add_participant(coordinator, session, {"name": "Olek", "sector": "business"})
    client.post(reverse("networking:optimise", args=[session.pk]))
    client.post(reverse("networking:session_status", args=[session.pk]),
                {"status": "published"})
    client.post(reverse("networking:clock", args=[session.pk]), {"action": "start"})
    session.refresh_from_db()
    assert (session.status, session.clock_round, Seat.objects.count()) == ("running", 1, 6)
    page = client.get(reverse("networking:session", args=[session.pk])).content.decode()
    assert 'data-testid="next"' in page


def test_adding_the_people_registered_for_the_event(client, coordinator, evening, member,
                                                    organisation, outsider):
    from django.utils import timezone

    from mosty.events.models import Registration

    for user, status in ((member, "confirmed"), (outsider, "cancelled")):
        Registration.objects.create(event=evening.event, user=user, status=status,
                                    queued_at=timezone.now())
    client.force_login(coordinator)
    page = client.get(reverse("networking:participants", args=[evening.pk])).content.decode()
    assert 'data-testid="add-registered"' in page
    url = reverse("networking:add_registered", args=[evening.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    added = evening.participants.get(user=member)
    assert (added.organisation, added.sector, added.name) == (
        organisation, "public_institution", member.full_name)
    assert not evening.participants.filter(user=outsider).exists()
    page = client.get(reverse("networking:participants", args=[evening.pk])).content.decode()
    assert 'data-testid="add-registered"' not in page


def test_participants_list_is_paged_and_costs_the_same_at_any_size(client, coordinator,
                                                                   count_queries):
    from mosty.networking.models import Participant, Wish
    from mosty.networking.views.manage import PARTICIPANTS_PER_PAGE

    def measure(people: int) -> tuple[int, int, str]:
        session = make_session(people=2, rounds=3, user=coordinator)
        Participant.objects.bulk_create(
            Participant(session=session, name=f"Osoba {i:03}", sector="ngo",
                        organisation_name=f"Fundacja {i}") for i in range(people - 2))
        first, second = people_of(session)[:2]
        Wish.objects.create(session=session, from_participant=first, to_participant=second)
        client.force_login(coordinator)
        url = reverse("networking:participants", args=[session.pk])
        with count_queries() as queries:
            page = client.get(url).content.decode()
        return len(queries), page.count('data-testid="phone-link"'), page

    small_queries, small_rows, _ = measure(8)
    big_queries, big_rows, page = measure(3 * PARTICIPANTS_PER_PAGE + 7)
    assert small_queries == big_queries
    assert (small_rows, big_rows) == (8, PARTICIPANTS_PER_PAGE)
    assert f"{3 * PARTICIPANTS_PER_PAGE + 7} " in page  # the total, above the first page
    assert 'rel="next"' in page
    last = client.get(reverse("networking:participants",
                              args=[NetworkingSession.objects.latest("pk").pk]) + "?page=4")
    assert last.content.decode().count('data-testid="phone-link"') == 7
