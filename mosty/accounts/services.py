"""State changes of accounts: sign-up, e-mail confirmation, the interface language.

An address counts as the person's only after they proved they read it: they opened the
confirmation link sent at sign-up, or set a new password through the reset link. Until then
nothing that finds people by e-mail (organisation invitations, applications in an
organisation's name, shared contacts) treats the account as the owner of the address; see
`require_confirmed`.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.accounts.signals import signed_up
from mosty.accounts.tasks import send_confirmation_email
from mosty.core.audit import log_action, log_change, snapshot
from mosty.core.errors import DomainError

CONFIRMATION_SALT = "mosty.accounts.confirm-email"
CONFIRMATION_MAX_AGE = timedelta(days=3)
RESEND_INTERVAL = timedelta(minutes=1)
TERMS = "terms"  # the purpose of accepting the terms of use, as mosty.privacy names it


class AccountError(DomainError):
    """A translated reason why an account change cannot be made."""


class UnconfirmedEmailError(AccountError):
    """The person has not confirmed their e-mail address yet."""


@dataclass(frozen=True)
class SignUp:
    email: str
    password: str
    full_name: str = ""
    language: str = ""
    # The purposes the person agreed to on the form: "terms" (required) and optional ones;
    # mosty.privacy records them with the version of their text.
    consents: tuple[str, ...] = ()


def unconfirmed_problem(user: User) -> str | None:
    """Why this account may not yet act as the owner of its address, or None."""
    if user.email_confirmed:
        return None
    return _("First confirm your e-mail address %(email)s: open the link we sent to it. "
             "Until then nobody can tell that the address is yours. You can have the link "
             "sent again on your account page.") % {"email": user.email}


def require_confirmed(user: User) -> None:
    """Raise UnconfirmedEmailError unless the account's e-mail address is confirmed."""
    problem = unconfirmed_problem(user)
    if problem:
        raise UnconfirmedEmailError(problem)


@transaction.atomic
def sign_up(data: SignUp) -> User:
    """Create an account whose address stays unconfirmed until its link is opened; the
    person must accept the terms of use (and privacy notice)."""
    if TERMS not in data.consents:
        raise AccountError(_("To create an account, accept the terms of use and the privacy "
                             "notice."), "accept_terms")
    email = data.email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise AccountError(_("An account with this e-mail address already exists."))
    user = User.objects.create_user(email, data.password, full_name=data.full_name.strip(),
                                    language=data.language, email_confirmed_at=None)
    log_action(user, "accounts.signed_up", user, email=email)
    signed_up.send(sender=User, user=user, consents=data.consents)
    _queue_confirmation(user, timezone.now())
    return user


def confirmation_token(user: User) -> str:
    """A signed link token naming the account and the address it was sent to."""
    return signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRMATION_SALT)


def _queue_confirmation(user: User, now: datetime) -> None:
    User.objects.filter(pk=user.pk).update(confirmation_sent_at=now)
    user.confirmation_sent_at = now
    token = confirmation_token(user)
    transaction.on_commit(lambda: send_confirmation_email.enqueue(user.pk, token))


@transaction.atomic
def send_confirmation_again(user: User) -> None:
    """Send a new confirmation link; at most once a minute."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    before = snapshot(locked, ["confirmation_sent_at"])
    if locked.email_confirmed:
        raise AccountError(_("Your e-mail address is already confirmed."))
    now = timezone.now()
    if locked.confirmation_sent_at and now - locked.confirmation_sent_at < RESEND_INTERVAL:
        raise AccountError(_("We sent a link less than a minute ago. Check your inbox (and "
                             "the spam folder), or try again in a minute."))
    _queue_confirmation(locked, now)
    log_change(user, "accounts.confirmation.sent", locked, before, email=locked.email)
    user.confirmation_sent_at = now


def _confirm(user: User, via: str) -> User:
    if user.email_confirmed:
        return user
    before = snapshot(user, ["email_confirmed_at"])
    user.email_confirmed_at = timezone.now()
    user.save(update_fields=["email_confirmed_at"])
    log_change(user, "accounts.email.confirmed", user, before, email=user.email, via=via)
    return user


@transaction.atomic
def confirm_email(token: str) -> User:
    """Confirm the address a link was sent to; a tampered, expired or outdated link (the
    address changed since) changes nothing."""
    try:
        payload = signing.loads(token, salt=CONFIRMATION_SALT,
                                max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise AccountError(_("This confirmation link has expired (links are valid for %(days)s "
                             "days). Log in and have a new one sent from your account page.")
                           % {"days": CONFIRMATION_MAX_AGE.days}) from error
    except signing.BadSignature as error:
        raise AccountError(_("This confirmation link is not valid. Copy the whole link from "
                             "the e-mail, or log in and have a new one sent.")) from error
    user = User.objects.select_for_update().filter(
        pk=payload.get("user"), is_active=True).first()
    if user is None or user.email.lower() != str(payload.get("email", "")).lower():
        raise AccountError(_("This confirmation link is not valid. Copy the whole link from "
                             "the e-mail, or log in and have a new one sent."))
    return _confirm(user, "link")


@transaction.atomic
def confirm_by_password_reset(user: User) -> User:
    """A password set through the link e-mailed to the address proves the person reads it."""
    return _confirm(User.objects.select_for_update().get(pk=user.pk), "password_reset")


@transaction.atomic
def change_language(user: User, language: str) -> None:
    """Remember the interface language on the account: e-mails are written in it."""
    if language not in dict(settings.LANGUAGES):
        raise AccountError(_("Unknown language."))
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.language == language:
        return
    before = snapshot(locked, ["language"])
    locked.language = user.language = language
    locked.save(update_fields=["language"])
    log_change(user, "accounts.language.changed", locked, before)
