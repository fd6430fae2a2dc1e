"""The API rate limit: per account, and per client address for anonymous callers."""
import pytest
from django.core.cache import cache

from mosty.api.models import ApiToken
from mosty.api.throttling import parse_rate
from mosty.directory.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    cache.clear()
    settings.API_RATE_ANON = "3/min"
    settings.API_RATE_USER = "5/min"
    yield settings
    cache.clear()


def bearer(user) -> dict[str, str]:
    _token, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def statuses(client, times: int, **headers) -> list[int]:
    return [client.get("/api/programmes", **headers).status_code for _ in range(times)]


def test_anonymous_callers_are_limited_per_address_with_retry_after(client):
    assert statuses(client, 3, REMOTE_ADDR="10.0.0.1") == [200, 200, 200]
    refused = client.get("/api/programmes", REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Zbyt wiele zapytań. Spróbuj ponownie za ")
    assert client.get("/api/programmes", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_message_follows_the_language(client):
    statuses(client, 3)
    refused = client.get("/api/programmes", HTTP_ACCEPT_LANGUAGE="en")
    assert refused.json()["detail"].startswith("Too many requests. Try again in ")


def test_behind_a_proxy_each_client_address_has_its_own_count(client, limits):
    limits.PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert statuses(client, 3, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy) == [200] * 3
    assert statuses(client, 1, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy) == [429]
    # A forged entry further left does not give the same client a new count.
    assert statuses(client, 1, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", **proxy) == [429]
    assert statuses(client, 1, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy) == [200]


def test_accounts_are_limited_per_account_not_per_address(client, member):
    headers = bearer(member)
    assert statuses(client, 5, REMOTE_ADDR="10.0.0.1", **headers) == [200] * 5
    assert statuses(client, 1, REMOTE_ADDR="10.0.0.9", **headers) == [429]
    # A second token of the same account shares the count; another account has its own.
    assert statuses(client, 1, **bearer(member)) == [429]
    assert statuses(client, 1, **bearer(UserFactory())) == [200]
    # The anonymous count of the address is separate from the accounts'.
    assert statuses(client, 1, REMOTE_ADDR="10.0.0.1") == [200]


def test_session_callers_are_counted_as_their_account(client, member):
    client.force_login(member)
    assert statuses(client, 5) == [200] * 5
    assert statuses(client, 1, **bearer(member)) == [429]


def test_routers_of_every_app_are_limited(client):
    statuses(client, 3)
    for path in ["/api/organisations", "/api/events", "/api/recruitment/calls",
                 "/api/knowledge/glossary"]:
        assert client.get(path).status_code == 429, path


def test_an_empty_rate_means_no_limit(client, limits):
    limits.API_RATE_ANON = ""
    assert statuses(client, 10) == [200] * 10


def test_every_operation_declares_the_429_answer(client):
    schema = client.get("/api/openapi.json").json()
    operations = [(path, method, operation) for path, methods in schema["paths"].items()
                  for method, operation in methods.items()]
    assert len(operations) > 20
    for path, method, operation in operations:
        answer = operation["responses"].get("429")
        assert answer, f"{method} {path}"
        assert "Retry-After" in answer["headers"]


@pytest.mark.parametrize(("rate", "parsed"), [
    ("60/min", (60, 60)), ("600/m", (600, 60)), ("10/s", (10, 1)), ("1000/day", (1000, 86400)),
    ("", None)])
def test_rates_are_read_like_ninjas(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["60", "x/min", "60/fortnight"])
def test_a_mistyped_rate_is_refused(rate):
    with pytest.raises(ValueError, match="60/min"):
        parse_rate(rate)
