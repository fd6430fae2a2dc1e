"""iCalendar feeds, parsed back with the icalendar library as a calendar program would."""
from datetime import timedelta, UTC

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from mosty.events import services
from mosty.events.tests.conftest import make_event
from mosty.programmes.models import AgendaItem

pytestmark = pytest.mark.django_db


def parse(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return list(calendar.walk("VEVENT"))


def personal_feed_url(client, user) -> str:
    client.force_login(user)
    client.post(reverse("events:reset_feed"))
    page = client.get(reverse("events:mine"))
    client.logout()
    url = page.context["feed_url"]
    assert url.startswith("http://testserver/events/calendar/")
    assert url.endswith(".ics")
    return url


def test_event_file_has_every_field_google_and_outlook_need(client, event):
    event.description = "Opis; z przecinkami, średnikami i \\ ukośnikiem.\nDruga linia."
    event.save()
    AgendaItem.objects.create(event=event, title="Powitanie i przedstawienie projektu")
    response = client.get(reverse("events:event_feed", args=[event.slug]))
    [vevent] = parse(response)
    start = event.start.astimezone(UTC)
    assert f"DTSTART:{start:%Y%m%dT%H%M%S}Z\r\n".encode() in response.content
    assert str(vevent["UID"]) == f"mosty-event-{event.pk}@127.0.0.1"
    assert vevent["DTSTART"].dt == event.start
    assert vevent["DTSTART"].dt.utcoffset() == timedelta(0)  # written in UTC ("…Z")
    assert vevent["DTEND"].dt == event.end
    assert vevent["DTSTAMP"].dt.utcoffset() == timedelta(0)
    assert str(vevent["SUMMARY"]) == "Warsztat otwarty: zasoby i potencjały"
    assert str(vevent["LOCATION"]) == "Biblioteka w Śmiglu, ul. Ogrodowa 8"
    assert str(vevent["URL"]) == f"http://testserver/programmes/events/{event.slug}/"
    description = str(vevent["DESCRIPTION"])
    assert description.startswith("Opis; z przecinkami, średnikami i \\ ukośnikiem.\nDruga")
    assert "Powitanie i przedstawienie projektu" in description
    # The public file has no online link: only registered people get it.
    assert "tajny-pokoj" not in client.get(
        reverse("events:event_feed", args=[event.slug])).content.decode()


def test_lines_are_folded_and_text_escaped(client, event):
    event.description = "Zażółć gęślą jaźń, " * 30
    event.save()
    raw = client.get(reverse("events:event_feed", args=[event.slug])).content
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    assert "Zażółć gęślą jaźń\\, Zażółć gęślą jaźń\\, " in raw.replace(b"\r\n ", b"").decode()


def test_personal_feed_works_without_a_session_and_shows_my_events(client, event, member,
                                                                   programme, group):
    services.register(member, event)
    group_event = make_event(programme, "grupowe", audience="group", group=group,
                             title="Warsztat grupy")
    services.invite_group(None, group_event)
    elsewhere = make_event(programme, "inne", title="Inne wydarzenie")
    url = personal_feed_url(client, member)
    events = {str(v["SUMMARY"]): v for v in parse(client.get(url))}
    assert set(events) == {event.title, group_event.title}
    assert elsewhere.title not in events
    assert str(events[event.title]["STATUS"]) == "CONFIRMED"
    assert str(events[group_event.title]["STATUS"]) == "TENTATIVE"  # invited, not yet accepted
    assert "tajny-pokoj" in str(events[event.title]["DESCRIPTION"])


def test_replacing_the_address_stops_the_old_one(client, member):
    old = personal_feed_url(client, member)
    new = personal_feed_url(client, member)
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert client.get(reverse("events:person_feed", args=["zgadywanie"])).status_code == 404


def test_a_deactivated_account_has_no_feed(client, member):
    url = personal_feed_url(client, member)
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 404


def test_staff_see_their_programmes_events_and_consultations(client, event, facilitator,
                                                             member):
    from mosty.events import slots
    from mosty.programmes.models import ProgrammeStaff

    expert = ProgrammeStaff.objects.get(user=facilitator)
    start = timezone.localtime(event.start)
    slot = slots.create_slots(None, event, expert, start.date(), start.time(),
                              (start + timedelta(hours=1)).time(), 60)[0]
    slots.book(member, slot, "budżet projektu")
    summaries = [str(v["SUMMARY"]) for v in parse(client.get(
        personal_feed_url(client, facilitator)))]
    assert event.title in summaries
    assert any(member.get_full_name() in s for s in summaries)
    member_feed = [str(v["SUMMARY"]) for v in parse(client.get(
        personal_feed_url(client, member)))]
    assert any(facilitator.get_full_name() in s for s in member_feed)


def test_programme_feed_has_a_constant_number_of_queries(client, programme, count_queries):
    url = reverse("events:programme_feed", args=[programme.slug])
    make_event(programme, "e0")
    with count_queries() as few:
        assert len(parse(client.get(url))) == 1
    for number in range(1, 15):
        event = make_event(programme, f"e{number}")
        AgendaItem.objects.create(event=event, title=f"Moduł {number}")
    with count_queries() as many:
        assert len(parse(client.get(url))) == 15
    assert len(many) == len(few)


def test_personal_feed_has_a_constant_number_of_queries(client, programme, member,
                                                        count_queries):
    url = personal_feed_url(client, member)
    services.register(member, make_event(programme, "e0", capacity=None))
    with count_queries() as few:
        assert len(parse(client.get(url))) == 1
    for number in range(1, 10):
        services.register(member, make_event(programme, f"e{number}", capacity=None))
    with count_queries() as many:
        assert len(parse(client.get(url))) == 10
    assert len(many) == len(few)


def test_resetting_the_feed_replaces_the_address_and_is_audited(db):
    from mosty.core.models import AuditEntry
    from mosty.directory.tests.factories import UserFactory
    from mosty.events import services

    person = UserFactory.create()
    first = services.reset_calendar_feed(person).token
    second = services.reset_calendar_feed(person).token
    assert first != second
    replaced = AuditEntry.objects.get(action="events.calendar_feed.replaced")
    assert replaced.data == {"token": {"before": first[:6], "after": second[:6]}}
    assert AuditEntry.objects.filter(action="events.calendar_feed.created").count() == 1
