"""Logins, failed logins and logouts go to the audit log (never a password or a code), and a
login starts the session's clocks and two-factor state (mosty.accounts.middleware)."""
from typing import Any

from axes.helpers import get_client_ip_address  # type: ignore[import-untyped]
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from mosty.accounts import security
from mosty.accounts.middleware import start_session
from mosty.accounts.models import User
from mosty.core.audit import log_action


def _ip(request: HttpRequest | None) -> str:
    return (get_client_ip_address(request) or "") if request is not None else ""


@receiver(user_logged_in, dispatch_uid="mosty.accounts.audit.logged_in")
def logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    two_factor = security.has_two_factor(user)
    if request is not None and hasattr(request, "session"):
        start_session(request, two_factor)
    log_action(user, "accounts.login", user, ip=_ip(request))


@receiver(user_login_failed, dispatch_uid="mosty.accounts.audit.login_failed")
def login_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None,
                 **kwargs: Any) -> None:
    # Django has already masked the password in `credentials`; only the name is kept.
    log_action(None, "accounts.login.failed", None,
               email=str(credentials.get("username", ""))[:254], ip=_ip(request))


@receiver(user_logged_out, dispatch_uid="mosty.accounts.audit.logged_out")
def logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None or not getattr(user, "is_authenticated", False):
        return
    # The row as it is now: the request's copy may be older (an account just erased keeps
    # its old name there, and the entry must not bring it back).
    account = User.objects.filter(pk=user.pk).first()
    if account is None:
        return
    reason = getattr(request, "mosty_logout_reason", "") or "user"
    log_action(account, "accounts.logout", account, reason=reason)
