"""Two people answering "cooperation possible" about each other at the same moment both end
up a mutual match with one relation on the map: real threads against PostgreSQL."""
import pytest
from django.db import connection

from mosty.directory.models import Territory
from mosty.directory.teryt import load_terc
from mosty.directory.tests.factories import OrganisationFactory
from mosty.events.tests.test_concurrency import race
from mosty.matching.models import Relation
from mosty.networking import feedback, services
from mosty.networking.feedback import FeedbackData, Rated
from mosty.networking.models import ContinueMark, MeetingFeedback, Participant
from mosty.networking.tests.test_web_support import make_session, people_of, tablemates

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="row locks need PostgreSQL; SQLite runs one writer at a time"),
]


@pytest.fixture(autouse=True)
def teryt(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2
    if not Territory.objects.exists():
        load_terc(Territory)


def test_both_sides_at_once_make_one_match_and_one_relation(coordinator):
    session = make_session(people=8, rounds=2, publish=True, user=coordinator)
    session = services.control_clock(coordinator, session, "start")
    me = people_of(session)[0]
    mate = tablemates(session, me, 1)[0]
    for person in (me, mate):
        Participant.objects.filter(pk=person.pk).update(organisation=OrganisationFactory())
    results = race([
        lambda: feedback.rate_meeting(None, me, FeedbackData(mate.pk, 1, "cooperation")),
        lambda: feedback.rate_meeting(None, mate, FeedbackData(me.pk, 1, "cooperation"))])
    assert all(isinstance(r, Rated) for r in results), results
    assert sorted(r.mutual for r in results) == [False, True]
    assert MeetingFeedback.objects.count() == 2
    assert ContinueMark.objects.count() == 2
    assert Relation.objects.filter(kind="met").count() == 1
