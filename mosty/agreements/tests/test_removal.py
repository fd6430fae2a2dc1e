"""Removing a party or a contribution of a draft asks first and can be undone
(mosty.core.undo); undoing changes the text again, so it is a new version, and it is
refused once the agreement is signed."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.agreements import services
from mosty.agreements.models import Agreement, Contribution, Party, Status
from mosty.core import undo
from mosty.core.models import Deletion
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def mops_party(agreement, mops):
    return agreement.parties.get(organisation=mops)


def test_removing_a_party_asks_then_offers_to_undo(client, users, agreement, mops_party,
                                                   mops):
    agreement = services.add_contribution(
        None, mops_party, services.ContributionDetails(kind="in_kind", description="świetlica")
    ).party.agreement
    services.approve(users["coordinator"], agreement.parties.exclude(pk=mops_party.pk).get())
    client.force_login(users["coordinator"])
    detail = reverse("agreements:detail", args=[agreement.pk])
    url = reverse("agreements:party_remove", args=[agreement.pk, mops_party.pk])
    versions = agreement.versions.count()
    ask_then_remove(client, detail, url, mentions=["świetlica"],
                    exists=agreement.parties.filter(pk=mops_party.pk).exists)
    assert list(agreement.parties.values_list("organisation", flat=True)) == [
        agreement.parties.get().organisation_id]
    assert not Contribution.objects.filter(party_id=mops_party.pk).exists()
    assert agreement.versions.count() == versions + 1
    assert not agreement.parties.filter(approved_at__isnull=False).exists()
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    restored = Party.objects.get(pk=mops_party.pk)
    assert restored.organisation == mops
    assert [c.description for c in restored.contributions.all()] == ["świetlica"]
    assert agreement.versions.count() == versions + 2
    assert mops.name in agreement.versions.order_by("-number").first().text


def test_undo_is_refused_once_the_agreement_is_signed(users, agreement, mops_party):
    deletion = services.remove_party(users["coordinator"], mops_party, "/")
    Agreement.objects.filter(pk=agreement.pk).update(status=Status.SIGNED)
    with pytest.raises(undo.UndoError, match="Podpisan"):
        undo.restore(users["coordinator"], deletion)
    assert not Party.objects.filter(pk=mops_party.pk).exists()
    assert Deletion.objects.filter(pk=deletion.pk).exists()


def test_removing_a_contribution_asks_then_offers_to_undo(client, users, agreement,
                                                          mops_party):
    contribution = services.add_contribution(
        None, mops_party, services.ContributionDetails(kind="in_kind", description="świetlica"))
    client.force_login(users["coordinator"])
    party_page = reverse("agreements:party", args=[agreement.pk, mops_party.pk])
    url = reverse("agreements:contribution_remove",
                  args=[agreement.pk, mops_party.pk, contribution.pk])
    assert f'href="{url}"' in client.get(party_page).content.decode()
    assert "świetlica" in client.get(url).content.decode()
    assert Contribution.objects.filter(pk=contribution.pk).exists()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == party_page
    assert not Contribution.objects.filter(pk=contribution.pk).exists()
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    assert Contribution.objects.get(pk=contribution.pk).description == "świetlica"


@pytest.mark.parametrize("role", ["outsider_member", "facilitator", "other_coordinator"])
def test_only_those_who_edit_the_agreement_are_asked(client, users, agreement, mops_party,
                                                     role):
    client.force_login(users[role])
    url = reverse("agreements:party_remove", args=[agreement.pk, mops_party.pk])
    assert client.get(url).status_code in (403, 404)
    assert client.post(url).status_code in (403, 404)
    assert Party.objects.filter(pk=mops_party.pk).exists()


def test_undo_is_the_remover_s_only_and_only_for_a_while(client, users, agreement,
                                                         mops_party):
    deletion = services.remove_party(users["coordinator"], mops_party, "/")
    client.force_login(users["staff"])
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(users["coordinator"], deletion)
    assert not Party.objects.filter(pk=mops_party.pk).exists()
