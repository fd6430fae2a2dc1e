"""Account security: two-factor authentication (django-otp) and ending sessions.

Two-factor authentication: an authenticator app (TOTP, RFC 6238) set up by scanning a QR code
and confirming one code, and 10 single-use recovery codes (django-otp's static tokens) for a
lost phone. An account has at most one app; once it has, logging in asks for a code after the
password (`mosty.accounts.security_views`). Wrong codes are throttled by django-otp (each
failure doubles the wait) and the login's own limit of attempts.

Sessions: every session of an account is signed with the account's `session_salt` (see
`User._get_session_auth_hash`); a new salt ends all of them at their next request, whether
sessions live in the database or in Redis.

Nothing here records a password or a code in the audit log.
"""
import secrets
from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.core.errors import DomainError

RECOVERY_CODES = 10
APP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


class SecurityError(DomainError):
    """A translated reason why a security change cannot be made."""


def has_two_factor(user: User) -> bool:
    """Whether the account has a confirmed authenticator app (one query)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_required(user: Any) -> bool:
    """Whether the instance makes this account set up two-factor authentication
    (settings.MFA_REQUIRED_FOR names "staff" and/or account roles)."""
    required = set(settings.MFA_REQUIRED_FOR)
    return bool((user.is_staff and "staff" in required) or user.role in required)


def pending_app(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


@transaction.atomic
def start_enrolment(user: User) -> TOTPDevice:
    """A new, not yet confirmed authenticator key for the account (an earlier unconfirmed
    one is replaced)."""
    if has_two_factor(user):
        raise SecurityError(_("Two-factor authentication is already on."))
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    """The key as an inline SVG QR code for the authenticator app (drawn here, no service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def secret_text(device: TOTPDevice) -> str:
    """The key as the app shows it when typed in by hand: base32 in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def confirm_enrolment(user: User, code: str) -> list[str]:
    """Turn two-factor authentication on when `code` is the app's current code; returns the
    new recovery codes (to be shown once) and ends the account's other sessions."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise SecurityError(_("Start again: scan a new QR code."))
    if not device.verify_token(_digits(code)):
        raise SecurityError(_("This code is not right. Check the time on your phone and type "
                              "the code the app shows now."), "code")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    end_sessions(user)
    log_action(user, "accounts.two_factor.enabled", user, recovery_codes=len(codes))
    return codes


def _digits(code: str) -> str:
    return "".join(code.split())


@transaction.atomic  # the devices are locked while a code is checked (throttling counts)
def check_code(user: User, code: str) -> Any | None:
    """The device that accepts `code` (a code from the app, or a recovery code, which is then
    used up), or None. django-otp makes each device wait longer after every failure."""
    code = _digits(code).lower()
    if not code:
        return None
    # Six digits are the app's; anything else is a recovery code. Asking only the device the
    # code is meant for keeps a recovery code from counting as a wrong app code (throttling).
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in devices_for_user(user, confirmed=True, for_verify=True):
        if isinstance(device, kind) and device.verify_token(code):
            return device
    return None


@transaction.atomic
def disable(user: User, code: str) -> None:
    """Turn two-factor authentication off; a current code or a recovery code proves it is the
    account's owner and not someone at an unlocked computer."""
    if not has_two_factor(user):
        raise SecurityError(_("Two-factor authentication is off."))
    if check_code(user, code) is None:
        raise SecurityError(_("This code is not right."), "code")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    log_action(user, "accounts.two_factor.disabled", user)


@transaction.atomic
def new_recovery_codes(user: User) -> list[str]:
    """Replace the recovery codes (the old ones stop working)."""
    if not has_two_factor(user):
        raise SecurityError(_("Two-factor authentication is off."))
    codes = _new_recovery_codes(user)
    log_action(user, "accounts.two_factor.recovery_codes_renewed", user)
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def end_sessions(user: User) -> None:
    """End every session of the account: a new salt invalidates what they were signed with.
    The caller keeps its own with `update_session_auth_hash`."""
    user.session_salt = secrets.token_hex(16)
    user.save(update_fields=["session_salt"])
    log_action(user, "accounts.sessions.ended", user)
