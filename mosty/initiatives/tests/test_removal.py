"""Taking someone off the team or a partner off an idea asks first and can be undone
(mosty.core.undo), with what the partner contributes."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core import undo
from mosty.core.models import Deletion
from mosty.initiatives import services
from mosty.initiatives.models import Partner, TeamMember
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


def test_removing_a_partner_asks_then_offers_to_undo_with_its_resources(
        client, idea, author, osp):
    resource = osp.resources.get()
    partner = services.save_partner(author, idea, osp, "sala na 40 osób", (resource.pk,))
    client.force_login(author)
    page_url = reverse("initiatives:partners", args=[idea.slug])
    url = reverse("initiatives:remove_partner", args=[idea.slug, partner.pk])
    ask_then_remove(client, page_url, url, mentions=["sala na 40 osób"],
                    exists=Partner.objects.filter(pk=partner.pk).exists)
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    restored = Partner.objects.get(pk=partner.pk)
    assert restored.contribution == "sala na 40 osób"
    assert list(restored.resources.all()) == [resource]


def test_removing_a_team_member_asks_then_offers_to_undo(client, idea, author, teammate):
    member = idea.team.get(user=teammate)
    client.force_login(author)
    url = reverse("initiatives:remove_member", args=[idea.slug, member.pk])
    assert str(teammate) in client.get(url).content.decode()
    client.post(url)
    assert not idea.team.filter(user=teammate).exists()
    deletion = Deletion.objects.get()
    client.force_login(teammate)
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    client.force_login(author)
    client.post(reverse("core:undo", args=[deletion.pk]))
    assert TeamMember.objects.get(pk=member.pk).user == teammate


def test_the_rules_still_hold_on_the_confirmed_post(client, idea, author, teammate):
    """The last person cannot leave: the refusal shows on the page it goes back to."""
    services.remove_member(author, idea, idea.team.get(user=teammate), "/")
    client.force_login(author)
    url = reverse("initiatives:remove_member", args=[idea.slug, idea.team.get().pk])
    response = client.post(url, follow=True)
    assert "Ostatnia osoba nie może opuścić zespołu." in response.content.decode()
    assert idea.team.count() == 1


def test_only_the_team_is_asked_and_undo_ends_after_a_while(client, idea, author, osp,
                                                            osp_member):
    partner = services.save_partner(author, idea, osp, "sala")
    url = reverse("initiatives:remove_partner", args=[idea.slug, partner.pk])
    client.force_login(osp_member)
    assert client.get(url).status_code in (403, 404)
    assert client.post(url).status_code in (403, 404)
    deletion = services.remove_partner(author, idea, partner, "/")
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(author, deletion)
    assert not Partner.objects.filter(pk=partner.pk).exists()
