"""The business × NGO evening of seed 002: seated, published, and loaded only once."""
import pytest

from mosty.demo.builders.networking import load_networking_demo
from mosty.demo.builders.seeds import load_seeds
from mosty.networking.models import Participant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


def test_the_demo_evening_of_seed_002_is_loaded_once():
    load_seeds()
    session = load_networking_demo()
    assert session is not None
    assert session.status == "published"
    people = Participant.objects.filter(session=session)
    assert people.filter(sector="business").count() == 20
    assert people.filter(sector="ngo").count() == 20
    assert (session.rounds, session.table_size, session.minutes_per_round) == (6, 4, 8)
    assert session.seats.count() == 40 * 6
    assert session.stats["single_sector_tables"] == 0
    assert session.stats["same_organisation_pairs"] == 0
    version = session.schedule_version
    again = load_networking_demo()
    assert again.pk == session.pk
    assert again.schedule_version == version
    assert Participant.objects.filter(session=session).count() == 40


def test_the_same_evening_has_requested_meetings_placed_and_published():
    from mosty.networking.models import MeetingRequest, NetworkingSession

    load_seeds()
    load_networking_demo()
    session = NetworkingSession.objects.get(kind="requested")
    assert session.status == "published"
    assert session.participants.count() == 40
    requests = MeetingRequest.objects.filter(session=session)
    assert requests.filter(state="pending").count() == 2
    assert requests.filter(state="declined").count() == 1
    # Wróbel and Szymański asked each other: one mutual meeting, not two.
    assert requests.filter(mutual=True).count() == 1
    accepted = requests.filter(state="accepted").count()
    assert accepted == 8
    assert session.stats["meetings_placed"] == accepted
    assert session.seats.count() == 2 * accepted
    load_networking_demo()
    assert NetworkingSession.objects.filter(kind="requested").count() == 1
