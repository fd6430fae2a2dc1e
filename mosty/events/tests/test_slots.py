"""The expert panel: consultation slots, one person per slot."""
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core import undo
from mosty.core.models import Deletion
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory
from mosty.events import slots
from mosty.events.models import ConsultationSlot
from mosty.events.tests.conftest import make_event, staff_member
from mosty.programmes.models import ProgrammeStaff, StaffRole
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(programme):
    return make_event(programme, "panel-ekspertow", kind="consultation", capacity=None,
                      title="Panel ekspertów", audience="ngo")


@pytest.fixture
def expert(programme):
    user = staff_member(programme, StaffRole.FACILITATOR, full_name="Marek Zieliński")
    staff = ProgrammeStaff.objects.get(user=user)
    staff.expertise = "finanse"
    staff.save()
    return staff


def ngo_person():
    return MembershipFactory(organisation=OrganisationFactory(sector="ngo")).user


def day_of(event):
    return timezone.localdate(event.start)


def test_a_series_of_slots_and_no_duplicates_when_entered_twice(panel, expert):
    created = slots.create_slots(None, panel, expert, day_of(panel), time(10), time(13), 45)
    assert [timezone.localtime(s.start).time() for s in created] == [
        time(10), time(10, 45), time(11, 30), time(12, 15)]
    again = slots.create_slots(None, panel, expert, day_of(panel), time(10), time(14), 45)
    assert [timezone.localtime(s.start).time() for s in again] == [time(13)]
    assert ConsultationSlot.objects.count() == 5


def test_only_experts_of_this_programme_hold_slots(panel, other_programme):
    outsider = staff_member(other_programme, StaffRole.FACILITATOR)
    with pytest.raises(slots.SlotError):
        slots.create_slots(None, panel, ProgrammeStaff.objects.get(user=outsider),
                           day_of(panel), time(10), time(12), 60)


def test_one_person_per_slot_and_one_slot_at_a_time(panel, expert):
    first, second = slots.create_slots(None, panel, expert, day_of(panel), time(10),
                                       time(12), 60)
    other_expert = staff_member(panel.programme, StaffRole.FACILITATOR)
    parallel = slots.create_slots(None, panel, ProgrammeStaff.objects.get(user=other_expert),
                                  day_of(panel), time(10), time(11), 60)[0]
    anna, jan = ngo_person(), ngo_person()
    assert slots.book(anna, first, "  budżet projektu  ").topic == "budżet projektu"
    with pytest.raises(slots.SlotError):
        slots.book(jan, first)
    with pytest.raises(slots.SlotError):
        slots.book(anna, parallel)  # she is with another expert at that time
    slots.book(anna, second)
    slots.release(anna, first)
    assert slots.book(jan, first).booked_by == jan


def test_the_panels_audience_applies_to_bookings(panel, expert, member):
    slot = slots.create_slots(None, panel, expert, day_of(panel), time(10), time(11), 60)[0]
    with pytest.raises(slots.SlotError):
        slots.book(member, slot)  # a library is not an NGO


def test_past_slots_cannot_be_booked(programme, expert):
    past = make_event(programme, "bylo", start=timezone.now() - timedelta(days=2))
    slot = slots.create_slots(None, past, expert, day_of(past), time(10), time(11), 60)[0]
    with pytest.raises(slots.SlotError):
        slots.book(ngo_person(), slot)


def test_booking_on_the_event_page(client, panel, expert):
    slot = slots.create_slots(None, panel, expert, day_of(panel), time(10), time(11), 60)[0]
    person = ngo_person()
    client.force_login(person)
    page = client.get(panel.get_absolute_url()).content.decode()
    assert "Marek Zieliński" in page
    assert "finanse" in page
    client.post(reverse("events:book_slot", args=[panel.slug, slot.pk]), {"topic": "budżet"})
    slot.refresh_from_db()
    assert slot.booked_by == person
    mine = client.get(reverse("events:mine")).content.decode()
    assert 'data-testid="bookings"' in mine
    assert "budżet" in mine
    client.force_login(ngo_person())
    page = client.get(panel.get_absolute_url()).content.decode()
    assert person.email not in page
    assert "budżet" not in page


def test_coordinators_add_and_remove_slots(client, panel, expert, prog_coordinator):
    client.force_login(prog_coordinator)
    url = reverse("events:slots", args=[panel.slug])
    client.post(url, {"expert": expert.pk, "day": f"{day_of(panel):%Y-%m-%d}",
                      "start": "10:00", "end": "12:00", "minutes": "60"})
    assert ConsultationSlot.objects.count() == 2
    booked, free = ConsultationSlot.objects.all()
    slots.book(ngo_person(), booked)
    client.post(reverse("events:delete_slot", args=[panel.slug, booked.pk]))
    client.post(reverse("events:delete_slot", args=[panel.slug, free.pk]))
    assert list(ConsultationSlot.objects.all()) == [booked]  # a booked slot stays


def test_a_series_wholly_taken_is_refused_with_the_reason(panel, expert):
    slots.create_slots(None, panel, expert, day_of(panel), time(10), time(12), 60)
    with pytest.raises(slots.SlotError, match="ma już konsultacje"):
        slots.create_slots(None, panel, expert, day_of(panel), time(10), time(12), 60)
    assert ConsultationSlot.objects.count() == 2


def test_slots_outside_the_event_dates_are_refused(panel, expert):
    for day in (day_of(panel) - timedelta(days=1), day_of(panel) + timedelta(days=400)):
        with pytest.raises(slots.SlotError, match="wybierz dzień w tym przedziale"):
            slots.create_slots(None, panel, expert, day, time(10), time(12), 60)
    assert not ConsultationSlot.objects.exists()


def test_the_page_says_why_nothing_or_less_was_added(client, panel, expert, prog_coordinator):
    slots.create_slots(None, panel, expert, day_of(panel), time(10), time(11), 60)
    client.force_login(prog_coordinator)
    url = reverse("events:slots", args=[panel.slug])
    data = {"expert": expert.pk, "day": day_of(panel).isoformat(), "start": "10:00",
            "end": "12:00", "minutes": 60}
    page = client.post(url, data, follow=True).content.decode()
    assert "Dodane terminy: 1." in page
    assert "Pominięto 1 termin: ekspert ma wtedy już konsultację." in page
    assert ConsultationSlot.objects.count() == 2
    page = client.post(url, data).content.decode()
    assert "Nie dodano żadnego terminu: Marek Zieliński ma już konsultacje" in page
    assert f'value="{day_of(panel).isoformat()}"' in page  # the form is kept


def test_removing_a_slot_asks_then_offers_to_undo(client, panel, expert, prog_coordinator):
    [slot] = slots.create_slots(None, panel, expert, day_of(panel), time(10), time(11), 60)
    client.force_login(prog_coordinator)
    page_url = reverse("events:slots", args=[panel.slug])
    url = reverse("events:delete_slot", args=[panel.slug, slot.pk])
    ask_then_remove(client, page_url, url, mentions=[expert.user.get_full_name()],
                    exists=ConsultationSlot.objects.exists)
    deletion = Deletion.objects.get()
    client.force_login(expert.user)
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    client.force_login(prog_coordinator)
    client.post(reverse("core:undo", args=[deletion.pk]))
    restored = ConsultationSlot.objects.get()
    assert (restored.pk, restored.start, restored.expert) == (slot.pk, slot.start, expert)
    Deletion.objects.all().delete()
    deletion = slots.delete_slot(prog_coordinator, restored, "/")
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(prog_coordinator, deletion)
    assert not ConsultationSlot.objects.exists()
