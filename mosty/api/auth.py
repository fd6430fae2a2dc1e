"""API authentication: a personal bearer token, or the browser session (with CSRF)."""
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from mosty.api.models import ApiToken, hash_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.select_related("user").filter(
            token_hash=hash_token(token), user__is_active=True).first()
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class OptionalAuth:
    """Callers without credentials pass as anonymous: public data needs no token.

    A caller that sent a token which did not match is refused (401), not treated as anonymous.
    """

    def __call__(self, request: HttpRequest) -> Any:
        return "HTTP_AUTHORIZATION" not in request.META


# Tried in order: a token, then the session, then anonymous.
PUBLIC = [TokenAuth(), SessionAuth(), OptionalAuth()]
PRIVATE = [TokenAuth(), SessionAuth()]
