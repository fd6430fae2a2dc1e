"""Caps of requested meetings hold under concurrent clicks: real threads, each with its own
database connection, against PostgreSQL (SQLite runs one writer at a time)."""
import pytest
from django.db import connection

from mosty.directory.models import Territory
from mosty.directory.teryt import load_terc
from mosty.events.tests.test_concurrency import race
from mosty.networking import meeting_services as ms
from mosty.networking import services
from mosty.networking.models import MeetingRequest
from mosty.networking.tests.meeting_support import ask, people_of, requested_session

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="row locks need PostgreSQL; SQLite runs one writer at a time"),
]


@pytest.fixture(autouse=True)
def teryt():
    if not Territory.objects.exists():
        load_terc(Territory)


def test_two_people_accepting_at_once_never_overbook_the_sender():
    session = requested_session(people=8, slots=2, cap=6)
    sender, *others = people_of(session)
    # The sender has one free slot and asked six people; all six accept at the same moment.
    services.update_participant(None, sender, {"absent_rounds": [2]})
    requests = [ask(sender, other) for other in others[:6]]
    results = race([lambda r=r, o=o: ms.answer_request(None, o, r.pk, True)
                    for r, o in zip(requests, others[:6], strict=True)])
    accepted = [r for r in results if isinstance(r, MeetingRequest)]
    refused = [r for r in results if isinstance(r, ms.NetworkingError)]
    assert len(accepted) == 1
    assert len(refused) == 5
    assert MeetingRequest.objects.filter(state="accepted").count() == 1


def test_one_person_sending_many_requests_at_once_stays_within_the_cap():
    session = requested_session(people=10, slots=8, cap=3)
    sender, *others = people_of(session)
    results = race([lambda o=o: ask(sender, o) for o in others])
    assert sum(isinstance(r, MeetingRequest) for r in results) == 3
    assert MeetingRequest.objects.filter(sender=sender).count() == 3


def test_asking_each_other_at_once_makes_one_mutual_meeting():
    session = requested_session(people=4)
    a, b = people_of(session)[:2]
    results = race([lambda: ask(a, b, "A"), lambda: ask(b, a, "B")])
    assert not [r for r in results if isinstance(r, Exception) and
                not isinstance(r, ms.NetworkingError)]
    rows = list(MeetingRequest.objects.all())
    # Either one request accepted as mutual, or (the locks serialise) the same outcome.
    assert len(rows) == 1
    assert rows[0].state == "accepted"
    assert rows[0].mutual
