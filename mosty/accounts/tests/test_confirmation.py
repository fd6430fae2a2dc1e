"""E-mail confirmation: whoever signs up first with an invited address does not take over
the invitation; the owner of the mailbox does (through the link or a password reset)."""
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from mosty.accounts import services
from mosty.accounts.models import User
from mosty.core.models import AuditEntry
from mosty.directory.models import Membership, MembershipInvitation

pytestmark = pytest.mark.django_db

INVITED = "ola@example.org"
PASSWORD = "haslo-testowe-123"


@pytest.fixture
def invitation(organisation, member):
    return MembershipInvitation.objects.create(organisation=organisation, email=INVITED,
                                               invited_by=member)


@pytest.fixture(autouse=True)
def mail_after_commit(django_capture_on_commit_callbacks, monkeypatch):
    """E-mails are queued when the transaction commits; send them right away in tests."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())


def sign_up(client, email: str = INVITED):
    mail.outbox.clear()
    response = client.post(reverse("accounts:signup"), {
        "full_name": "Ola", "email": email, "password1": PASSWORD, "password2": PASSWORD,
        "accept_terms": "on"})
    assert response.status_code == 302
    return User.objects.get(email=email)


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_an_attacker_with_the_invited_address_cannot_take_the_invitation(
        client, organisation, invitation):
    user = sign_up(client)
    assert not user.email_confirmed
    assert [m.to for m in mail.outbox] == [[INVITED]]
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert 'data-testid="confirm-banner"' in profile
    assert organisation.name not in profile
    response = client.post(reverse("directory:answer_invitation", args=[invitation.pk]),
                           {"answer": "accept"}, follow=True)
    assert "Najpierw potwierdź swój adres e-mail" in response.content.decode()
    assert not Membership.objects.filter(user=user).exists()
    assert MembershipInvitation.objects.filter(pk=invitation.pk).exists()
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Anna Tajna" not in page


def test_the_owner_confirms_through_the_link_then_joins_and_sees_private_contacts(
        client, organisation, invitation):
    user = sign_up(client)
    response = client.get(link_in(mail.outbox[0]), follow=True)
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.email_confirmed
    assert 'data-testid="confirm-banner"' not in response.content.decode()
    entry = AuditEntry.objects.get(action="accounts.email.confirmed", object_id=str(user.pk))
    assert entry.data["via"] == "link"
    assert entry.data["changes"]["email_confirmed_at"][0] is None
    assert organisation.name in client.get(reverse("accounts:profile")).content.decode()
    client.post(reverse("directory:answer_invitation", args=[invitation.pk]),
                {"answer": "accept"})
    assert Membership.objects.filter(user=user, organisation=organisation).exists()
    assert "Anna Tajna" in client.get(organisation.get_absolute_url()).content.decode()


def test_a_password_reset_by_e_mail_confirms_the_address(client, organisation, invitation):
    sign_up(client)  # the attacker, who cannot read the mailbox
    client.logout()
    mail.outbox.clear()
    client.post(reverse("accounts:password_reset"), {"email": INVITED})
    reset = client.get(link_in(mail.outbox[0]), follow=True)
    new = "zupelnie-nowe-haslo-42"
    client.post(reset.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    user = User.objects.get(email=INVITED)
    assert user.email_confirmed
    assert user.check_password(new)
    client.post(reverse("accounts:login"), {"username": INVITED, "password": new})
    client.post(reverse("directory:answer_invitation", args=[invitation.pk]),
                {"answer": "accept"})
    assert Membership.objects.filter(user=user, organisation=organisation).exists()


def test_a_tampered_or_expired_link_changes_nothing(client):
    user = sign_up(client)
    link = link_in(mail.outbox[0])
    response = client.get(link[:-3] + "abc/")
    assert response.status_code == 400
    assert "nie jest prawidłowy" in response.content.decode()
    with mock.patch("django.core.signing.time.time",
                    return_value=timezone.now().timestamp() - 4 * 24 * 3600):
        old = services.confirmation_token(user)
    response = client.get(reverse("accounts:confirm_email", args=[old]))
    assert response.status_code == 400
    assert "wygasł" in response.content.decode()
    other = signing.dumps({"user": user.pk, "email": "inny@example.org"},
                          salt=services.CONFIRMATION_SALT)
    assert client.get(reverse("accounts:confirm_email", args=[other])).status_code == 400
    user.refresh_from_db()
    assert not user.email_confirmed
    assert not AuditEntry.objects.filter(action="accounts.email.confirmed").exists()


def test_the_link_is_sent_again_at_most_once_a_minute(client):
    user = sign_up(client)
    response = client.post(reverse("accounts:resend_confirmation"), follow=True)
    assert "mniej niż minutę temu" in response.content.decode()
    assert len(mail.outbox) == 1
    User.objects.filter(pk=user.pk).update(
        confirmation_sent_at=timezone.now() - timedelta(minutes=2))
    response = client.post(reverse("accounts:resend_confirmation"), follow=True)
    assert "Wysłaliśmy nowy link" in response.content.decode()
    assert len(mail.outbox) == 2
    assert client.get(link_in(mail.outbox[1])).status_code == 302
    sent = AuditEntry.objects.get(action="accounts.confirmation.sent")
    assert list(sent.data["changes"]) == ["confirmation_sent_at"]


def test_accounts_made_by_staff_and_commands_count_as_confirmed(db):
    assert User.objects.create_user("a@example.org", PASSWORD).email_confirmed
    assert User.objects.create_superuser("root@example.org", PASSWORD).email_confirmed


def test_sign_up_and_language_changes_write_audit_entries(db):
    user = services.sign_up(services.SignUp(email="Nowa@Example.org", password=PASSWORD,
                                            consents=("terms",)))
    assert user.email == "nowa@example.org"
    assert not user.email_confirmed
    assert AuditEntry.objects.filter(action="accounts.signed_up", object_id=str(user.pk)).exists()
    with pytest.raises(services.AccountError):
        services.sign_up(services.SignUp(email="nowa@example.org", password=PASSWORD,
                                         consents=("terms",)))
    services.change_language(user, "en")
    entry = AuditEntry.objects.get(action="accounts.language.changed")
    assert entry.data == {"changes": {"language": ["", "en"]}}
    with pytest.raises(services.AccountError):
        services.change_language(user, "xx")
