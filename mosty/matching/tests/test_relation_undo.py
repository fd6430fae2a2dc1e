"""Removing a relation from a map asks first and can be undone (mosty.core.undo); undoing
links the agreement that named it again."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.agreements.models import Agreement
from mosty.core import undo
from mosty.core.models import Deletion
from mosty.directory.tests.factories import UserFactory
from mosty.matching.models import Relation
from mosty.matching.services import record_relation
from mosty.programmes.models import ProgrammeStaff
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def relation(planted, programme_setup):
    return record_relation(planted.library, planted.bakery, "met", "manual",
                           programme=programme_setup["programme"])


def test_removing_asks_then_offers_to_undo_and_undo_relinks(client, planted, programme_setup,
                                                            relation):
    agreement = Agreement.objects.create(title="Porozumienie", relation=relation)
    slug = programme_setup["programme"].slug
    client.force_login(programme_setup["coordinator"])
    map_page = reverse("matching:map", args=["programme", slug])
    url = reverse("matching:relation_delete", args=["programme", slug, relation.pk])
    ask_then_remove(client, map_page, url, mentions=[planted.bakery.name],
                    exists=Relation.objects.filter(pk=relation.pk).exists,
                    back_url=map_page + "#relations")
    agreement.refresh_from_db()
    assert agreement.relation_id is None
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    restored = Relation.objects.get(pk=relation.pk)
    assert (restored.kind, restored.programme_id) == ("met", relation.programme_id)
    agreement.refresh_from_db()
    assert agreement.relation_id == relation.pk


def test_the_same_rule_asks_and_removes(client, planted, programme_setup, relation):
    """Facts other modules recorded stay out of a programme coordinator's reach: 404 for
    the question as for the removal."""
    fact = record_relation(planted.library, planted.bakery, "agreement", "agreement",
                           programme=programme_setup["programme"])
    slug = programme_setup["programme"].slug
    client.force_login(programme_setup["coordinator"])
    url = reverse("matching:relation_delete", args=["programme", slug, fact.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    facilitator = UserFactory()
    ProgrammeStaff.objects.create(programme=programme_setup["programme"], user=facilitator,
                                  role="facilitator")
    client.force_login(facilitator)
    url = reverse("matching:relation_delete", args=["programme", slug, relation.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert Relation.objects.filter(pk=relation.pk).exists()


def test_undo_is_the_remover_s_only_and_only_for_a_while(client, programme_setup, relation):
    slug = programme_setup["programme"].slug
    coordinator = programme_setup["coordinator"]
    client.force_login(coordinator)
    client.post(reverse("matching:relation_delete", args=["programme", slug, relation.pk]))
    deletion = Deletion.objects.get()
    client.force_login(UserFactory(is_staff=True))
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(coordinator, deletion)
    assert not Relation.objects.filter(pk=relation.pk).exists()
