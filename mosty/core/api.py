"""What every app's API router shares: the error body and who may call an endpoint.

The apps' routers sit below mosty.api (which assembles them into one API), so they take their
authentication from here. The token table itself belongs to mosty.api: settings.API_TOKEN_USER
names the function that finds the account of a bearer token, as AUTHENTICATION_BACKENDS names
Django's login backends.
"""
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.forms import BaseForm
from django.http import HttpRequest
from django.utils.module_loading import import_string
from ninja import Schema
from ninja.security import HttpBearer, SessionAuth


class Error(Schema):
    detail: str


def form_errors(form: BaseForm) -> str:
    """A filter form's errors as one line for an `Error` body: "field: message; field: …"."""
    return "; ".join(f"{name}: {' '.join(map(str, errors))}"
                     for name, errors in form.errors.items())


def _token_user() -> Callable[[str], Any]:
    return import_string(settings.API_TOKEN_USER)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = _token_user()(token)
        if user is None:
            return None
        request.user = user
        return user


class OptionalAuth:
    """Callers without credentials pass as anonymous: public data needs no token.

    A caller that sent a token which did not match is refused (401), not treated as anonymous.
    """

    def __call__(self, request: HttpRequest) -> Any:
        return "HTTP_AUTHORIZATION" not in request.META


# Tried in order: a token, then the session, then anonymous.
PUBLIC: list[Callable[..., Any]] = [TokenAuth(), SessionAuth(), OptionalAuth()]
PRIVATE: list[Callable[..., Any]] = [TokenAuth(), SessionAuth()]
