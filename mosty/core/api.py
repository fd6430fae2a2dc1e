"""What every app's API router shares: the error body and who may call an endpoint.

The apps' routers sit below mosty.api (which assembles them into one API), so they take their
authentication from here. The token table itself belongs to mosty.api: settings.API_TOKEN_USER
names the function that finds the account of a bearer token, as AUTHENTICATION_BACKENDS names
Django's login backends.
"""
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db.models import Field as ModelField, Model
from django.forms import BaseForm
from django.http import HttpRequest
from django.utils.module_loading import import_string
from ninja import Schema
from ninja.security import HttpBearer, SessionAuth
from pydantic import Field


class Error(Schema):
    detail: str


def form_errors(form: BaseForm) -> str:
    """A filter form's errors as one line for an `Error` body: "field: message; field: …"."""
    return "; ".join(f"{name}: {' '.join(map(str, errors))}"
                     for name, errors in form.errors.items())


def choices_of(model: type[Model], field: str, *, blank: bool = False) -> Any:
    """The values of a model field's choices as the OpenAPI `enum` of a string:
    `sector: Annotated[str, choices_of(Organisation, "sector")]`. `blank` adds "" (a filter
    that is not set, a field left empty)."""
    model_field = model._meta.get_field(field)
    assert isinstance(model_field, ModelField), f"{model.__name__}.{field} is no column"
    values = [str(value) for value, _label in model_field.flatchoices]
    return one_of([""] * blank + values)


def one_of(values: Iterable[str]) -> Any:
    """A string that is one of `values`, as the OpenAPI `enum` (for values no model field
    holds, such as a computed status)."""
    return Field(json_schema_extra={"enum": list(values)})


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
