"""Finding the account of a personal API token (settings.API_TOKEN_USER); the authentication
classes that use it are mosty.core.api."""
from typing import Any

from django.utils import timezone

from mosty.api.models import ApiToken, hash_token


def user_for_token(raw: str) -> Any:
    """The active account the token belongs to (and note its use), or None."""
    found = ApiToken.objects.select_related("user").filter(
        token_hash=hash_token(raw), user__is_active=True).first()
    if found is None:
        return None
    if not found.is_valid():
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user
