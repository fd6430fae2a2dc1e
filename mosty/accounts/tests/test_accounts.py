import re

import pytest
from django.core import mail
from django.urls import reverse

from mosty.accounts.models import User
from mosty.directory.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "haslo-testowe-123"


def login(client, email: str, password: str):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_login_with_email_in_any_case(client):
    user = UserFactory(email="anna@example.org")
    response = login(client, "Anna@Example.org", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused_with_a_polish_message(client):
    UserFactory(email="anna@example.org")
    response = login(client, "anna@example.org", "zle-haslo")
    assert response.status_code == 200
    assert "Adres e-mail lub hasło są nieprawidłowe" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_throttled(client):
    UserFactory(email="anna@example.org")
    for _ in range(5):
        login(client, "anna@example.org", "zle-haslo")
    response = login(client, "anna@example.org", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by anna's failures.
    UserFactory(email="bogdan@example.org")
    assert login(client, "bogdan@example.org", PASSWORD).status_code == 302


def login_from(client, email: str, password: str, remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(reverse("accounts:login"), {"username": email, "password": password},
                       **headers)


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out_elsewhere(client):
    """Throttling is per (account, address): an attacker cannot lock anyone else out."""
    UserFactory(email="anna@example.org")
    for _ in range(6):
        login_from(client, "anna@example.org", "zle-haslo", "203.0.113.66")
    assert login_from(client, "anna@example.org", PASSWORD, "203.0.113.66").status_code == 429
    assert login_from(client, "anna@example.org", PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.parametrize("proxies", [1, 2])
def test_behind_proxies_throttling_sees_the_clients_address(client, settings, proxies):
    settings.PROXY_COUNT = proxies
    proxy_chain = ", ".join(["10.0.0.2"] * (proxies - 1))
    UserFactory(email="anna@example.org")

    def via_proxy(client_address: str, password: str, forged: str = "1.2.3.4"):
        # What the client sent first (forgeable), then what each proxy appended.
        chain = ", ".join(part for part in (forged, client_address, proxy_chain) if part)
        return login_from(client, "anna@example.org", password, "127.0.0.1", chain)

    for attempt in range(6):
        via_proxy("203.0.113.66", "zle-haslo", forged=f"192.0.2.{attempt}")
    # A new forged entry on the left does not escape the lock ...
    assert via_proxy("203.0.113.66", PASSWORD, forged="192.0.2.200").status_code == 429
    # ... and the owner, behind the same proxy from another address, logs in.
    assert via_proxy("198.51.100.7", PASSWORD).status_code == 302


def test_without_proxies_a_forwarded_header_is_ignored(client, settings):
    settings.PROXY_COUNT = 0
    UserFactory(email="anna@example.org")
    for attempt in range(6):
        login_from(client, "anna@example.org", "zle-haslo", "203.0.113.66",
                   f"192.0.2.{attempt}")
    assert login_from(client, "anna@example.org", PASSWORD, "203.0.113.66",
                      "198.51.100.7").status_code == 429


def test_password_reset_by_email(client):
    user = UserFactory(email="anna@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "anna@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)",
                     str(mail.outbox[0].body)).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    new_password = "Nowe-Haslo-2026!"
    response = client.post(form_page.redirect_chain[-1][0],
                           {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nowe-Haslo-2026!")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nikt@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_signup_creates_a_participant_and_logs_in(client):
    response = client.post(reverse("accounts:signup"), {
        "full_name": "Zofia Nowa", "email": "Zofia@Example.org",
        "password1": "Bardzo-Dobre-Haslo-7", "password2": "Bardzo-Dobre-Haslo-7",
        "accept_terms": "on"})
    assert response.status_code == 302
    user = User.objects.get(email="zofia@example.org")
    assert user.role == "participant"
    assert not user.is_staff
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_errors_keep_what_was_typed(client):
    UserFactory(email="zajety@example.org")
    response = client.post(reverse("accounts:signup"), {
        "full_name": "Zofia Nowa", "email": "zajety@example.org",
        "password1": "abc", "password2": "abd"})
    page = response.content.decode()
    assert "Konto z tym adresem e-mail już istnieje" in page
    assert "Zofia Nowa" in page
    assert User.objects.count() == 1


def test_profile_lists_memberships(client, member, organisation):
    client.force_login(member)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert organisation.name in page
    assert reverse("directory:edit", args=[organisation.slug]) in page


def test_admin_is_for_staff_only(client, coordinator, staff):
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 302
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/directory/organisation/").status_code == 200


@pytest.fixture
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_password_reset_emails_are_limited_per_address(client, settings, fresh_cache):
    settings.PASSWORD_RESET_PER_ADDRESS = 3
    UserFactory(email="anna@example.org")
    for attempt in range(6):
        response = client.post(reverse("accounts:password_reset"),
                               {"email": "Anna@example.org"},
                               REMOTE_ADDR=f"198.51.100.{attempt}")
        assert response.status_code == 302  # the same answer: nothing is revealed
    assert len(mail.outbox) == 3
    UserFactory(email="bogdan@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "bogdan@example.org"})
    assert len(mail.outbox) == 4


def test_password_reset_requests_are_limited_per_client_address(client, settings, fresh_cache):
    settings.PASSWORD_RESET_PER_IP = 5
    for index in range(5):
        UserFactory(email=f"osoba{index}@example.org")
        assert client.post(reverse("accounts:password_reset"),
                           {"email": f"osoba{index}@example.org"},
                           REMOTE_ADDR="203.0.113.9").status_code == 302
    refused = client.post(reverse("accounts:password_reset"), {"email": "osoba1@example.org"},
                          REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert "Zbyt wiele" in refused.content.decode()
    assert len(mail.outbox) == 5
    assert client.post(reverse("accounts:password_reset"), {"email": "osoba1@example.org"},
                       REMOTE_ADDR="198.51.100.1").status_code == 302
