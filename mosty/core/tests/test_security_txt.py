"""/.well-known/security.txt (RFC 9116) gives the operator's own contact, and expires."""
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from mosty.core import security_txt

URL = "/.well-known/security.txt"


def fields(text: str) -> list[tuple[str, str]]:
    pairs = []
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        pairs.append((name, value))
    return pairs


@pytest.mark.django_db
def test_without_a_contact_there_is_no_file(client, settings):
    settings.SECURITY_CONTACT = []
    assert client.get(URL).status_code == 404


@pytest.mark.django_db
def test_the_file_names_the_operators_contacts_and_expires_within_a_year(client, settings):
    settings.SECURITY_CONTACT = ["security@gmina.example.pl", "https://gmina.example.pl/cert"]
    settings.SECURITY_POLICY_URL = "https://gmina.example.pl/bezpieczenstwo"
    settings.SECURITY_TXT_DAYS = 180

    response = client.get(URL, secure=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Content-Security-Policy" in response
    text = response.content.decode()
    assert text.endswith("\n")
    pairs = fields(text)
    assert pairs[:2] == [("Contact", "mailto:security@gmina.example.pl"),
                         ("Contact", "https://gmina.example.pl/cert")]
    values = dict(pairs)
    assert values["Policy"] == "https://gmina.example.pl/bezpieczenstwo"
    assert values["Preferred-Languages"] == "pl, en"
    assert values["Canonical"] == "https://testserver/.well-known/security.txt"
    expires = datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    now = datetime.now(UTC)
    assert now + timedelta(days=179) < expires <= now + timedelta(days=180)
    # Every line is a field the RFC defines, each required one exactly once.
    names = [name for name, _value in pairs]
    assert set(names) <= {"Contact", "Expires", "Policy", "Preferred-Languages", "Canonical"}
    assert names.count("Expires") == 1
    assert names.count("Canonical") == 1


def test_expires_is_never_a_year_or_more_ahead(settings):
    settings.SECURITY_CONTACT = ["security@gmina.example.pl"]
    settings.SECURITY_POLICY_URL = ""
    settings.SECURITY_TXT_DAYS = 1000
    now = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)

    text = security_txt.text("https://mosty.example.org" + URL, now)

    assert text is not None
    assert "Expires: 2027-12-02T00:00:00Z" in text
    assert "Policy" not in text


@pytest.mark.django_db
def test_a_signed_in_person_who_has_not_accepted_the_terms_sees_it_too(client, settings,
                                                                       outsider):
    settings.SECURITY_CONTACT = ["security@gmina.example.pl"]
    settings.PRIVACY_ASK_FOR_TERMS = True
    client.force_login(outsider)
    assert client.get(URL).status_code == 200


def test_a_contact_that_is_not_one_stops_the_checks(settings):
    settings.SECURITY_CONTACT = ["security at gmina"]
    with pytest.raises(SystemCheckError, match="SECURITY_CONTACT"):
        call_command("check")
    settings.SECURITY_CONTACT = ["mailto:security@gmina.example.pl", "tel:+48-61-000-00-00"]
    call_command("check")
