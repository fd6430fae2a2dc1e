"""No double booking under concurrent requests: real threads, each with its own database
connection, against PostgreSQL (SQLite serialises writers, so there is nothing to race)."""
import threading
from collections.abc import Callable, Sequence
from datetime import time

import pytest
from django.db import connection, connections
from django.utils import timezone

from mosty.directory.models import Territory
from mosty.directory.teryt import load_terc
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory
from mosty.events import services, slots
from mosty.events.models import ConsultationSlot, Registration, RegistrationStatus as Status
from mosty.events.tests.conftest import make_event, staff_member
from mosty.programmes.models import ProgrammeStaff, StaffRole

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="row locks need PostgreSQL; SQLite runs one writer at a time"),
]


@pytest.fixture(autouse=True)
def teryt():
    # Transactional tests empty every table, the register loaded by a migration too.
    if not Territory.objects.exists():
        load_terc(Territory)


def race(jobs: Sequence[Callable[[], object]]) -> list[object]:
    """Start every job at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = jobs[index]()
        except Exception as error:  # noqa: BLE001 - the test inspects what each job got
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_twenty_people_race_for_five_places(programme):
    event = make_event(programme, capacity=5)
    organisation = OrganisationFactory()
    people = [MembershipFactory(organisation=organisation).user for _ in range(20)]
    results = race([lambda p=p: services.register(p, event) for p in people])
    assert not [r for r in results if isinstance(r, Exception)]
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 5
    assert event.registrations.filter(status=Status.WAITLISTED).count() == 15


def test_one_person_clicking_five_times_at_once_gets_one_place(programme, member):
    event = make_event(programme, capacity=5)
    results = race([lambda: services.register(member, event) for _ in range(5)])
    assert sum(isinstance(r, Registration) for r in results) == 1
    assert all(isinstance(r, services.RegistrationError) for r in results
               if not isinstance(r, Registration))
    assert Registration.objects.filter(event=event, user=member).count() == 1


def test_cancellations_and_registrations_at_once_never_overbook(programme):
    event = make_event(programme, capacity=3)
    organisation = OrganisationFactory()
    holders = [MembershipFactory.create(organisation=organisation).user for _ in range(3)]
    for person in holders:
        services.register(person, event)
    newcomers = [MembershipFactory(organisation=organisation).user for _ in range(9)]
    jobs = [lambda p=p: services.cancel(p, event) for p in holders]
    jobs += [lambda p=p: services.register(p, event) for p in newcomers]
    race(jobs)
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 3
    assert event.registrations.filter(status=Status.WAITLISTED).count() == 6


def test_ten_people_race_for_one_consultation(programme):
    panel = make_event(programme, "panel", capacity=None)
    expert = ProgrammeStaff.objects.get(user=staff_member(programme, StaffRole.FACILITATOR))
    slot = slots.create_slots(None, panel, expert, timezone.localdate(panel.start), time(10),
                              time(11), 60)[0]
    organisation = OrganisationFactory()
    people = [MembershipFactory(organisation=organisation).user for _ in range(10)]
    results = race([lambda p=p: slots.book(p, ConsultationSlot.objects.get(pk=slot.pk))
                    for p in people])
    assert sum(isinstance(r, ConsultationSlot) for r in results) == 1
    assert sum(isinstance(r, slots.SlotError) for r in results) == 9
