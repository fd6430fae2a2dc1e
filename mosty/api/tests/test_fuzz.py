"""The whole API fuzzed from its own OpenAPI description (schemathesis).

Every operation of every router mounted in mosty.api.api is generated from the schema, so a new
router is fuzzed without touching this file. Each operation gets a few valid and invalid
requests, anonymous and with the token of someone taking part in a networking evening (the
path keys then name objects that exist, so the calls get past the 404s); the answers must not
be 5xx, must use a status code the schema documents, and must match the documented body.
Bounded (few examples, no deadline) and derandomised, so the run is short and the same every
time; `MOSTY_FUZZ_EXAMPLES=50` digs deeper by hand.

With the token, schemathesis's coverage phase adds its systematic cases (each parameter
missing, of the wrong type, at its bounds; methods an operation does not have). Anonymous
calls get the examples and the random cases only: there nearly all coverage cases stopped at
the login wall (1,429 of 1,868 were 401 or 403, the rest the same method probes), a minute
spent proving one thing again. The evening and its token are made once for the module (in a
transaction rolled back at its end); each test's own transaction undoes what its calls change.
"""
import os
import zlib
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance)

from mosty.accounts.models import Role
from mosty.api.api import api
from mosty.api.models import ApiToken
from mosty.directory.tests.factories import UserFactory, library_in_smigiel
from mosty.networking.tests.test_web_support import make_session, people_of

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
anonymous_schema = schemathesis.openapi.from_dict(
    api.get_openapi_schema(),
    config=SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}}))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
FUZZ = settings(max_examples=int(os.environ.get("MOSTY_FUZZ_EXAMPLES", "5")), deadline=None,
                derandomize=True, database=None, suppress_health_check=list(HealthCheck))
APP = WSGIHandler()


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests go to the WSGI handler itself, not through Django's test client, so do what
    the client does: keep the end of a request from closing the connection that holds the
    test's transaction (PostgreSQL closes it, being outside autocommit)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def participant_token(django_db_setup, django_db_blocker):
    """A token of someone at a published evening, with the keys that exist; made once for the
    module, in a transaction that the module's end rolls back (each test's own transaction is
    a savepoint inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        organisation = library_in_smigiel()
        coordinator = UserFactory.create(role=Role.COORDINATOR)
        with override_settings(NETWORKING_OPTIMISER_SECONDS=0.2):
            evening = make_session(people=6, rounds=2, publish=True, user=coordinator)
        people = people_of(evening)
        person = people[0]
        user: Any = UserFactory()
        person.user = user
        person.save(update_fields=["user"])
        _token, raw = ApiToken.issue(person.user, "fuzz")
        event = evening.event
        known = {"slug": [organisation.slug, event.slug, event.programme.slug],
                 "pk": [evening.pk], "other": [p.pk for p in people],
                 "participant": [p.pk for p in people]}
        yield raw, known
        transaction.set_rollback(True)


def use_known_keys(case, known: dict[str, list]) -> None:
    """Swap generated path keys for ones that exist, picked from the generated value so that
    the choice stays deterministic and varies between examples."""
    for name, value in (case.path_parameters or {}).items():
        if name in known:
            choices = known[name]
            case.path_parameters[name] = choices[zlib.crc32(repr(value).encode()) % len(choices)]


@anonymous_schema.parametrize()
@FUZZ
def test_anonymous_calls(case, participant_token):
    case.call_and_validate(app=APP, checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_calls_with_a_token(case, participant_token):
    raw, known = participant_token
    use_known_keys(case, known)
    case.call_and_validate(app=APP, headers={"Authorization": f"Bearer {raw}"}, checks=CHECKS)


# Strings named like a choices field that are not enumerations.
NOT_ENUMERATIONS = {
    ("TerritoryOut", "kind"),  # the gmina's kind as words ("gmina miejska"), for people
    ("ProgrammeOut", "audience"),  # free text of the programme
    ("FileOut", "file_type"),  # a file's detected type
    ("KnowledgeFileOut", "file_type"),  # the same, of a knowledge item's file
    ("PartnerOut", "role"),  # a programme partner's role in its own words
    ("AgreementOut", "purpose"),  # the agreement's purpose, free text
    ("CommentOut", "reason"),  # the reason given with an answer to a comment
    ("AnswerIn", "reason"),
    ("ProgrammeIn", "audience"),  # the same free text, as written
    ("PartnerIn", "role"),
    ("PracticeOut", "outcome"),  # a good practice's outcome, free text
    ("ScopeOut", "key"),  # the TERYT code or slug of a scope
    ("/api/matching/{kind}/{key}/matrix", "key"),
    ("/api/matching/{kind}/{key}/relations", "key"),
}


def test_choices_are_enumerations_in_the_schema():
    """Every string named like a choices field of a model lists its values (`enum`), so that
    clients and the fuzzer know them; new routers are held to it too."""
    from django.apps import apps

    choice_fields = {field.name for model in apps.get_models()
                     if model.__module__.startswith("mosty.")
                     for field in model._meta.get_fields() if getattr(field, "choices", None)}
    description = api.get_openapi_schema()
    plain = []
    for name, component in description["components"]["schemas"].items():
        for prop, spec in component.get("properties", {}).items():
            if prop in choice_fields and spec.get("type") == "string" and "enum" not in spec:
                plain.append((name, prop))
    for path, operations in description["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                spec = parameter["schema"]
                if parameter["name"] in choice_fields and spec.get("type") == "string" \
                        and "enum" not in spec:
                    plain.append((path, parameter["name"]))
    assert set(plain) <= NOT_ENUMERATIONS


def test_no_two_schemas_share_a_name():
    """The description names each schema by its class name only: a second class of the same
    name in another router silently replaces the first for every operation using it."""
    from ninja import Schema

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    api.get_openapi_schema()  # imports every router
    by_name: dict[str, dict[str, object]] = {}
    for cls in subclasses(Schema):
        if cls.__module__.startswith("mosty."):
            by_name.setdefault(cls.__name__, {})[cls.__module__] = cls.model_json_schema()
    clashes = {name: sorted(modules) for name, modules in by_name.items()
               if len({repr(s) for s in modules.values()}) > 1}
    assert clashes == {}
