"""Who may see and change what in the directory, role by role."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core import undo
from mosty.core.models import Deletion
from mosty.directory.tests.factories import OrganisationFactory
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db

PRIVATE = "anna.tajna@example.org"


def page(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize(("who", "sees_contacts", "may_edit"), [
    ("anonymous", False, False),
    ("outsider", False, False),
    ("official", False, False),
    ("member", True, True),
    ("coordinator", False, False),
    ("partner_coordinator", True, True),
    ("staff", True, True),
])
def test_profile_contacts_and_edit_by_role(client, request, organisation, who, sees_contacts,
                                           may_edit):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    detail = page(client, user, organisation.get_absolute_url())
    assert detail.status_code == 200
    assert (PRIVATE in detail.content.decode()) is sees_contacts
    edit = client.get(reverse("directory:edit", args=[organisation.slug]))
    if who == "anonymous":
        assert edit.status_code == 302
        assert reverse("accounts:login") in edit["Location"]
    else:
        assert edit.status_code == (200 if may_edit else 403)


def test_outsider_cannot_change_another_organisation_by_posting(client, outsider, organisation):
    client.force_login(outsider)
    response = client.post(reverse("directory:edit", args=[organisation.slug]),
                           {"name": "Przejęta", "sector": "ngo", "kind": "association"})
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name == "Miejska Biblioteka Publiczna w Śmiglu"


def test_member_cannot_edit_an_organisation_they_do_not_belong_to(client, member,
                                                                   other_organisation):
    client.force_login(member)
    url = reverse("directory:edit", args=[other_organisation.slug])
    assert client.get(url).status_code == 403
    detail = client.get(other_organisation.get_absolute_url()).content.decode()
    assert "bogdan@example.org" not in detail


def test_unknown_organisation_is_404(client, member):
    client.force_login(member)
    assert client.get(reverse("directory:edit", args=["nie-ma-takiej"])).status_code == 404


def test_public_contacts_are_shown_to_everyone_private_ones_are_not(client, organisation):
    organisation.contacts.create(name="Jan Jawny", email="jan.jawny@example.org", is_public=True)
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "jan.jawny@example.org" in page
    assert PRIVATE not in page


@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 302), ("outsider", 403), ("member", 403), ("official", 403),
    ("coordinator", 200), ("staff", 200)])
def test_only_coordinators_import(client, request, organisation, who, status):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert page(client, user, reverse("directory:import")).status_code == status


@pytest.mark.parametrize(("who", "sees_contacts"), [
    ("anonymous", False), ("outsider", False), ("member", True), ("coordinator", False),
    ("partner_coordinator", True), ("staff", True)])
def test_export_includes_private_contacts_only_for_who_may_see_them(client, request, organisation,
                                                               who, sees_contacts):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    response = page(client, user, reverse("directory:export") + "?format=csv")
    assert response.status_code == 200
    assert (PRIVATE in response.content.decode("utf-8-sig")) is sees_contacts


def test_adding_an_organisation_needs_an_account(client):
    response = client.get(reverse("directory:create"))
    assert response.status_code == 302


@pytest.mark.parametrize(("who", "status"), [
    ("anonymous", 302), ("outsider", 403), ("official", 403), ("member", 200),
    ("coordinator", 403), ("partner_coordinator", 200)])
def test_members_page_by_role(client, request, organisation, who, status):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    url = reverse("directory:members", args=[organisation.slug])
    assert page(client, user, url).status_code == status


def test_a_colleague_joins_only_by_accepting_the_invitation(
        client, member, outsider, organisation, django_capture_on_commit_callbacks):
    from django.core import mail

    client.force_login(member)
    url = reverse("directory:members", args=[organisation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": outsider.email.upper()}, follow=True)
        unknown = client.post(url, {"email": "nikt@example.org"}, follow=True)
    # The same answer whether or not the address has an account: nothing to enumerate.
    message = lambda page: page.context["messages"]._loaded_messages[-1].message  # noqa: E731
    assert message(known).replace(outsider.email.upper(), "X") == \
        message(unknown).replace("nikt@example.org", "X")
    assert {m.to[0] for m in mail.outbox} == {outsider.email.upper().lower(), "nikt@example.org"}
    assert not organisation.memberships.filter(user=outsider).exists()
    invitation = organisation.invitations.get(email=outsider.email)
    client.force_login(member)
    assert client.post(reverse("directory:answer_invitation", args=[invitation.pk]),
                       {"answer": "accept"}).status_code == 404  # not member's invitation
    client.force_login(outsider)
    assert invitation.organisation.name in client.get(reverse("accounts:profile")).content.decode()
    client.post(reverse("directory:answer_invitation", args=[invitation.pk]), {"answer": "accept"})
    assert organisation.memberships.filter(user=outsider).exists()
    assert not organisation.invitations.filter(email=outsider.email).exists()
    client.force_login(member)
    membership = organisation.memberships.get(user=outsider)
    client.post(reverse("directory:member_remove", args=[organisation.slug, membership.pk]))
    assert not organisation.memberships.filter(user=outsider).exists()


def test_the_last_member_cannot_leave(client, member, organisation):
    client.force_login(member)
    url = reverse("directory:member_remove",
                  args=[organisation.slug, organisation.memberships.get().pk])
    response = client.post(url, follow=True)
    assert organisation.memberships.filter(user=member).exists()
    assert "Ostatni członek" in response.content.decode()


def test_a_coordinator_who_keeps_the_profile_cannot_remove_the_last_member(
        client, partner_coordinator, member, organisation):
    client.force_login(partner_coordinator)
    url = reverse("directory:member_remove",
                  args=[organisation.slug, organisation.memberships.get().pk])
    response = client.post(url, follow=True)
    assert organisation.memberships.filter(user=member).exists()
    assert "Ostatni członek" in response.content.decode()


def test_staff_may_remove_the_last_member(client, staff, member, organisation):
    client.force_login(staff)
    client.post(reverse("directory:member_remove",
                        args=[organisation.slug, organisation.memberships.get().pk]))
    assert not organisation.memberships.exists()


def test_an_outsider_cannot_invite_themselves(client, outsider, organisation):
    client.force_login(outsider)
    url = reverse("directory:members", args=[organisation.slug])
    assert client.post(url, {"email": outsider.email}).status_code == 403
    assert not organisation.memberships.filter(user=outsider).exists()


def test_withdrawing_someone_elses_or_a_missing_invitation_is_not_found(
        client, member, outsider, organisation):
    client.force_login(member)
    assert client.post(f"/directory/{organisation.slug}/invitations/abc/withdraw/"
                       ).status_code == 404
    other = OrganisationFactory()
    theirs = other.invitations.create(email="x@example.org", invited_by=outsider)
    url = reverse("directory:invitation_withdraw", args=[organisation.slug, theirs.pk])
    assert client.post(url).status_code == 404
    url = reverse("directory:invitation_withdraw", args=[other.slug, theirs.pk])
    assert client.post(url).status_code == 403
    assert other.invitations.exists()


def test_removing_a_member_asks_then_offers_to_undo(client, member, outsider, organisation):
    other = organisation.memberships.create(user=outsider)
    client.force_login(member)
    members = reverse("directory:members", args=[organisation.slug])
    url = reverse("directory:member_remove", args=[organisation.slug, other.pk])
    ask_then_remove(client, members, url, mentions=[outsider.email],
                    exists=organisation.memberships.filter(user=outsider).exists)
    deletion = Deletion.objects.get()
    client.force_login(outsider)
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    client.force_login(member)
    client.post(reverse("core:undo", args=[deletion.pk]))
    assert organisation.memberships.get(user=outsider).pk == other.pk


def test_who_leaves_goes_back_to_the_profile_and_may_undo_for_a_while(
        client, member, outsider, organisation):
    organisation.memberships.create(user=outsider)
    mine = organisation.memberships.get(user=member)
    client.force_login(member)
    url = reverse("directory:member_remove", args=[organisation.slug, mine.pk])
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == organisation.get_absolute_url()
    assert 'data-testid="undo"' in response.content.decode()
    assert client.get(reverse("directory:members", args=[organisation.slug])).status_code == 403
    deletion = Deletion.objects.get()
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(member, deletion)
    assert not organisation.memberships.filter(user=member).exists()


def test_withdrawing_an_invitation_is_audited(client, organisation, member):
    from mosty.core.models import AuditEntry

    client.force_login(member)
    invitation = organisation.invitations.create(email="kolega@example.org", invited_by=member)
    members = reverse("directory:members", args=[organisation.slug])
    url = reverse("directory:invitation_withdraw", args=[organisation.slug, invitation.pk])
    ask_then_remove(client, members, url, mentions=["Wycofać zaproszenie kolega@example.org"],
                    exists=organisation.invitations.exists)
    entry = AuditEntry.objects.get(action="directory.membership.withdrawn")
    assert entry.data == {"email": "kolega@example.org"}
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    assert organisation.invitations.get().pk == invitation.pk
