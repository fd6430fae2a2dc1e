"""Removing a participant asks first and can be undone (mosty.core.undo) with their seats
and wishes, only before the evening starts; the plans' versions move on both times."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core import undo
from mosty.core.models import Deletion
from mosty.directory.tests.factories import UserFactory
from mosty.networking import services
from mosty.networking.models import NetworkingSession, Participant, Status, Wish
from mosty.networking.tests.test_web_support import make_session, people_of
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


def test_removing_asks_then_undo_brings_back_seats_and_wishes(client, coordinator):
    session = make_session(people=8, rounds=2, seat=True, user=coordinator)
    person, other, *_rest = people_of(session)
    services.set_wishes(coordinator, person, [other.pk], [], by_coordinator=True)
    seats = sorted(person.seats.values_list("round", "table"))
    client.force_login(coordinator)
    edit = reverse("networking:participant_edit", args=[session.pk, person.pk])
    url = reverse("networking:participant_remove", args=[session.pk, person.pk])
    version = NetworkingSession.objects.get(pk=session.pk).schedule_version
    ask_then_remove(client, edit, url, mentions=[person.name],
                    exists=Participant.objects.filter(pk=person.pk).exists,
                    back_url=reverse("networking:participants", args=[session.pk]))
    deletion = Deletion.objects.get()
    client.force_login(UserFactory())
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    client.force_login(coordinator)
    client.post(reverse("core:undo", args=[deletion.pk]))
    restored = Participant.objects.get(pk=person.pk)
    assert sorted(restored.seats.values_list("round", "table")) == seats
    assert Wish.objects.filter(from_participant=restored).exists()
    assert NetworkingSession.objects.get(pk=session.pk).schedule_version == version + 2


def test_undo_is_refused_once_the_evening_runs_and_after_a_while(coordinator):
    session = make_session(people=6, rounds=2, user=coordinator)
    person = people_of(session)[0]
    deletion = services.remove_participant(coordinator, person, "/")
    NetworkingSession.objects.filter(pk=session.pk).update(status=Status.RUNNING)
    with pytest.raises(undo.UndoError, match="rozpoczęło"):
        undo.restore(coordinator, deletion)
    assert not Participant.objects.filter(pk=person.pk).exists()
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(coordinator, deletion)
