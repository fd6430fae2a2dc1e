"""record_relation: the service other modules call (networking, agreements, initiatives)."""
from datetime import date, datetime

import pytest
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.matching.models import Relation
from mosty.matching.services import MatchingError, record_relation

pytestmark = pytest.mark.django_db


def test_idempotent_for_an_unordered_pair(planted, member, programme_setup):
    programme = programme_setup["programme"]
    first = record_relation(planted.osp, planted.library, "met", "networking", user=member,
                            when=date(2023, 6, 1))
    assert (first.org_a_id, first.org_b_id) == tuple(sorted((planted.osp.pk, planted.library.pk)))
    # Again, the other way round, later, with a programme: the same row, date kept, programme
    # filled in; ids work as well as objects.
    again = record_relation(planted.library.pk, planted.osp.pk, "met", "networking",
                            programme=programme, when=date(2023, 7, 1))
    assert again.pk == first.pk
    assert Relation.objects.count() == 1
    again.refresh_from_db()
    assert again.programme == programme
    assert timezone.localtime(again.created_at).date() == date(2023, 6, 1)
    # An earlier date moves the relation back: it existed since then.
    record_relation(planted.osp, planted.library, "met", "networking", when=date(2023, 1, 15))
    again.refresh_from_db()
    assert timezone.localtime(again.created_at).date() == date(2023, 1, 15)
    # Another kind is another relation.
    record_relation(planted.osp, planted.library, "agreement", "agreement")
    assert Relation.objects.count() == 2
    entries = AuditEntry.objects.filter(action="matching.relation.created")
    assert entries.count() == 2
    assert entries.filter(user=member).count() == 1


def test_dates_and_datetimes(planted):
    naive = record_relation(planted.osp, planted.library, "met", "manual",
                            when=datetime(2023, 5, 5, 18, 30))
    assert timezone.is_aware(naive.created_at)
    assert timezone.localtime(naive.created_at).hour == 18
    now = record_relation(planted.osp, planted.bakery, "met", "manual")
    assert abs((timezone.now() - now.created_at).total_seconds()) < 60


def test_refused_inputs(planted):
    with pytest.raises(MatchingError):
        record_relation(planted.osp, planted.osp, "met", "manual")
    with pytest.raises(ValueError, match="unknown relation kind"):
        record_relation(planted.osp, planted.library, "friends", "manual")
    with pytest.raises(ValueError, match="unknown relation origin"):
        record_relation(planted.osp, planted.library, "met", "gossip")
    assert not Relation.objects.exists()
