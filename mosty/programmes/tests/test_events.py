"""A programme's events: saved from typed values (as the API and commands would save them),
created and edited on the programme's pages, listed for its staff."""
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.programmes.models import Edition, Event, Programme
from mosty.programmes.services import (
    AgendaItemInput, EventError, EventInput, save_event, unique_event_slug)

pytestmark = pytest.mark.django_db


def soon(days: int = 7, hour: int = 10) -> datetime:
    """A moment `days` from now at a full hour, Warsaw time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def other_programme(db):
    return Programme.objects.create(name="Razem dla Regionu", slug="razem-dla-regionu",
                                    organiser=OrganisationFactory(name="Klub Myśli Społecznej"))


@pytest.fixture
def prog_coordinator(programme_coordinator):
    return programme_coordinator


def event_input(**changes: Any) -> EventInput:
    start = soon(10)
    values: dict[str, Any] = {
        "title": "Warsztat 3", "kind": "workshop", "start": start,
        "end": start + timedelta(hours=4), "capacity": 10,
        "agenda": [AgendaItemInput("Powitanie", starts_at=time(10), ends_at=time(10, 30))]}
    return EventInput(**(values | changes))


def test_save_event_creates_an_event_with_its_agenda(programme, prog_coordinator):
    event = save_event(prog_coordinator, Event(programme=programme), event_input())
    assert event.slug == "warsztat-3"
    assert [a.title for a in event.agenda_items.all()] == ["Powitanie"]
    entry = AuditEntry.objects.get(action="events.event.created")
    assert entry.data["programme"] == programme.slug
    assert entry.data["changes"]["title"] == [None, "Warsztat 3"]
    assert entry.data["changes"]["agenda"] == [None, ["10:00–10:30 Powitanie"]]


def test_save_event_changes_fields_and_agenda_and_logs_before_after(programme,
                                                                    prog_coordinator):
    event = save_event(prog_coordinator, Event(programme=programme), event_input())
    item = event.agenda_items.get()
    save_event(prog_coordinator, event, event_input(
        capacity=20, place="MDK",
        agenda=[replace(AgendaItemInput("Powitanie i kawa"), id=item.pk),
                AgendaItemInput("Praca w grupach", day=1)]))
    event.refresh_from_db()
    assert event.capacity == 20
    assert event.place == "MDK"
    assert [a.title for a in event.agenda_items.order_by("pk")] == [
        "Powitanie i kawa", "Praca w grupach"]
    changes = AuditEntry.objects.get(action="events.event.updated").data["changes"]
    assert changes["capacity"] == [10, 20]
    assert changes["place"] == ["", "MDK"]
    assert changes["agenda"] == [["10:00–10:30 Powitanie"],
                                 ["Powitanie i kawa", "Praca w grupach"]]
    assert "title" not in changes


def test_save_event_refuses_bad_input(programme, other_programme, prog_coordinator):
    start = soon(10)
    with pytest.raises(EventError) as error:
        save_event(prog_coordinator, Event(programme=programme),
                   event_input(end=start - timedelta(hours=1), start=start))
    assert error.value.field == "end"
    assert error.value.message == "Wydarzenie nie może skończyć się przed rozpoczęciem."
    with pytest.raises(EventError) as error:
        save_event(prog_coordinator, Event(programme=programme), event_input(audience="group"))
    assert error.value.field == "group"
    foreign = Edition.objects.create(programme=other_programme, name="Obca edycja")
    with pytest.raises(EventError) as error:
        save_event(prog_coordinator, Event(programme=programme), event_input(edition=foreign))
    assert error.value.field == "edition"
    with pytest.raises(EventError):
        save_event(prog_coordinator, Event(programme=programme), event_input(kind="party"))
    assert not Event.objects.exists()
    assert not AuditEntry.objects.exists()


def event_data(**changes: str) -> dict[str, str]:
    start = soon(10)
    data = {"title": "Warsztat 2: Współpraca — zasoby i potencjały", "kind": "workshop",
            "start": f"{start:%Y-%m-%dT10:00}", "end": f"{start:%Y-%m-%dT15:00}",
            "place": "MDK Ostrów Mazowiecka", "online_link": "meet.example.org/w2",
            "capacity": "12", "audience": "all", "edition": "", "group": "", "description": "",
            "agenda-TOTAL_FORMS": "2", "agenda-INITIAL_FORMS": "0",
            "agenda-0-day": "1", "agenda-0-starts_at": "10:00", "agenda-0-ends_at": "10:30",
            "agenda-0-title": "Co się wydarzyło od pierwszego spotkania",
            "agenda-0-facilitator": "Ewa Moderatorka", "agenda-0-method": "runda",
            "agenda-1-day": "1", "agenda-1-title": ""}
    data.update(changes)
    return data


def test_a_coordinator_creates_an_event_with_agenda_modules(client, programme, prog_coordinator):
    client.force_login(prog_coordinator)
    url = reverse("programmes:event_create", args=[programme.slug])
    assert url == f"/events/programme/{programme.slug}/new/"
    response = client.post(url, event_data())
    event = Event.objects.get(programme=programme)
    assert response["Location"] == event.get_absolute_url()
    assert event.slug == "warsztat-2-wspolpraca-zasoby-i-potencjaly"
    assert event.online_link == "https://meet.example.org/w2"
    assert [(a.title, a.facilitator, a.method, a.time_range) for a in event.agenda_items.all()] \
        == [("Co się wydarzyło od pierwszego spotkania", "Ewa Moderatorka", "runda",
             "10:00–10:30")]
    assert AuditEntry.objects.filter(action="events.event.created").exists()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Co się wydarzyło od pierwszego spotkania" in page


def test_a_coordinator_edits_an_event_and_its_agenda(client, programme, prog_coordinator):
    client.force_login(prog_coordinator)
    client.post(reverse("programmes:event_create", args=[programme.slug]), event_data())
    event = Event.objects.get()
    item = event.agenda_items.get()
    url = reverse("programmes:event_edit", args=[event.slug])
    assert url == f"/events/{event.slug}/edit/"
    page = client.get(url).content.decode()
    assert "Co się wydarzyło od pierwszego spotkania" in page
    response = client.post(url, event_data(**{
        "place": "Biblioteka", "agenda-TOTAL_FORMS": "1", "agenda-INITIAL_FORMS": "1",
        "agenda-0-id": str(item.pk), "agenda-0-event": str(event.pk),
        "agenda-0-title": "Runda powitalna"}))
    assert response["Location"] == event.get_absolute_url()
    event.refresh_from_db()
    assert event.place == "Biblioteka"
    assert [a.title for a in event.agenda_items.all()] == ["Runda powitalna"]
    changes = AuditEntry.objects.get(action="events.event.updated").data["changes"]
    assert changes["place"] == ["MDK Ostrów Mazowiecka", "Biblioteka"]


@pytest.mark.parametrize(("changes", "field"), [
    ({"end": "2020-01-01T10:00"}, "end"),
    ({"audience": "group"}, "group"),
    ({"title": ""}, "title"),
])
def test_invalid_events_are_not_saved(client, programme, prog_coordinator, changes, field):
    client.force_login(prog_coordinator)
    response = client.post(reverse("programmes:event_create", args=[programme.slug]),
                           event_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.exists()


def test_a_group_of_another_programme_cannot_be_chosen(client, programme, other_programme,
                                                       prog_coordinator, group):
    group.edition.programme = other_programme
    group.edition.save()
    client.force_login(prog_coordinator)
    response = client.post(reverse("programmes:event_create", args=[programme.slug]),
                           event_data(audience="group", group=str(group.pk)))
    assert "group" in response.context["form"].errors
    assert not Event.objects.exists()


def test_the_staff_list_shows_events_and_tools_by_role(client, programme, prog_coordinator,
                                                       facilitator):
    save_event(prog_coordinator, Event(programme=programme), event_input())
    url = reverse("programmes:events_manage", args=[programme.slug])
    assert url == f"/events/programme/{programme.slug}/"
    client.force_login(prog_coordinator)
    page = client.get(url).content.decode()
    assert 'data-testid="managed-warsztat-3"' in page
    assert reverse("programmes:event_edit", args=["warsztat-3"]) in page
    assert reverse("programmes:event_create", args=[programme.slug]) in page
    client.force_login(facilitator)
    page = client.get(url).content.decode()
    assert 'data-testid="managed-warsztat-3"' in page
    assert reverse("programmes:event_edit", args=["warsztat-3"]) not in page
    assert client.get(reverse("programmes:event_edit", args=["warsztat-3"])).status_code == 403


def test_only_the_programmes_coordinators_create_and_edit(client, programme, other_programme,
                                                          prog_coordinator):
    event = save_event(prog_coordinator, Event(programme=programme), event_input())
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(reverse("programmes:events_manage", args=[programme.slug])) \
        .status_code == 403
    response = client.post(reverse("programmes:event_edit", args=[event.slug]),
                           event_data(title="Przejęte"))
    assert response.status_code == 403
    assert client.post(reverse("programmes:event_create", args=[programme.slug]),
                       event_data()).status_code == 403
    programme.is_public = False
    programme.save()
    assert client.get(reverse("programmes:event_edit", args=[event.slug])).status_code == 404
    event.refresh_from_db()
    assert event.title == "Warsztat 3"
    assert Event.objects.count() == 1


def test_event_slugs_never_take_the_reserved_words(programme):
    assert unique_event_slug("Mine") == "mine-2"
    assert unique_event_slug("Programme") == "programme-2"
    assert unique_event_slug("Łódź — spotkanie") == "lodz-spotkanie"


def test_an_event_in_the_past_is_saved_only_once_the_warning_is_confirmed(
        client, programme, prog_coordinator):
    client.force_login(prog_coordinator)
    url = reverse("programmes:event_create", args=[programme.slug])
    past = {"start": "2001-05-10T10:00", "end": "2001-05-10T15:00"}
    response = client.post(url, event_data(**past))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wydarzenie zaczyna się w przeszłości (10 maja 2001, 10:00)" in page
    assert 'name="confirm_warnings"' in page
    assert 'value="MDK Ostrów Mazowiecka"' in page  # everything entered is kept
    assert not Event.objects.exists()
    response = client.post(url, event_data(**past, confirm_warnings="on"))
    assert response.status_code == 302
    assert Event.objects.get().start.year == 2001


def test_an_event_years_ahead_is_refused_and_a_past_one_edited_needs_no_confirmation(
        client, programme, prog_coordinator):
    client.force_login(prog_coordinator)
    url = reverse("programmes:event_create", args=[programme.slug])
    year = timezone.localdate().year + 6
    response = client.post(url, event_data(start=f"{year}-05-10T10:00",
                                           end=f"{year}-05-10T15:00", confirm_warnings="on"))
    assert "ponad 5 lat od teraz" in response.content.decode()
    assert not Event.objects.exists()
    # A new event form has no confirmation box until something needs it.
    assert 'name="confirm_warnings"' not in client.get(url).content.decode()
    client.post(url, event_data(start="2001-05-10T10:00", end="2001-05-10T15:00",
                                confirm_warnings="on"))
    event = Event.objects.get()
    response = client.post(reverse("programmes:event_edit", args=[event.slug]), event_data(
        start="2001-05-10T10:00", end="2001-05-10T15:00", place="Biblioteka",
        **{"agenda-TOTAL_FORMS": "0"}))
    assert response.status_code == 302  # the date did not change: no warning again
    event.refresh_from_db()
    assert event.place == "Biblioteka"
