import hashlib
import secrets
from datetime import datetime, timedelta

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from mosty.core.personal_data import Basis, Category, Erase, PersonalData


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def default_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.API_TOKEN_DAYS)


class ApiToken(models.Model):
    """A personal API token; only its hash is stored, the token is shown once."""

    PERSONAL_DATA = PersonalData(
        Category.TECHNICAL, _("API access"), Basis.CONTRACT,
        _("until revoked or the account's erasure"), person=("user",), fields=("name",),
        erase=Erase.DELETE)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("beginning of the token"), max_length=8)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    # The owner's password as it was when the token was made (Django's session hash): a
    # changed password ends the token, however it was changed.
    password_hash = models.CharField(max_length=128, default="")

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user: Any, name: str) -> tuple["ApiToken", str]:
        """Create a token and return it with the raw value, which is not stored."""
        raw = "mosty_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=raw[6:14],
                                   token_hash=hash_token(raw),
                                   password_hash=user.get_session_auth_hash())
        return token, raw

    def is_valid(self) -> bool:
        """Not expired, and the owner's password unchanged since it was made."""
        return self.expires_at > timezone.now() and constant_time_compare(
            self.password_hash, self.user.get_session_auth_hash())
