"""Events saved from typed values, as the API and commands would save them."""
from dataclasses import replace
from datetime import time, timedelta

import pytest

from mosty.core.models import AuditEntry
from mosty.events.content import AgendaItemInput, EventError, EventInput, save_event
from mosty.events.tests.conftest import soon
from mosty.programmes.models import Edition, Event

pytestmark = pytest.mark.django_db


def event_input(**changes) -> EventInput:
    start = soon(10)
    values = {"title": "Warsztat 3", "kind": "workshop", "start": start,
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
