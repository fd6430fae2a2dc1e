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
