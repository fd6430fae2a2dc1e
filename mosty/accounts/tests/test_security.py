"""Two-factor authentication, session limits, "log out my other sessions", common passwords
and the audit entries of logins (docs/security.md)."""
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from mosty.accounts import security
from mosty.accounts.middleware import LOGIN_AT, SEEN_AT
from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "haslo-testowe-123"


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the authenticator app shows, computed from the device's key with django-otp's
    own TOTP; `steps_ahead` gives a later one (a code is accepted once, a neighbour too)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def login(client: Client, email: str, password: str = PASSWORD, **extra: str):
    return client.post(reverse("accounts:login"),
                       {"username": email, "password": password, **extra})


def enrol(client: Client, user) -> list[str]:
    """Set up two-factor authentication through the pages; returns the recovery codes."""
    assert client.post(reverse("accounts:two_factor_setup")).status_code == 302
    page = client.get(reverse("accounts:two_factor_setup"))
    assert 'class="segno"' in page.content.decode()  # the QR code
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code_for(device)})
    assert response.status_code == 302
    codes_page = client.get(response.url)
    return codes_page.context["codes"]


@pytest.fixture
def anna(db):
    return UserFactory(email="anna@example.org")


@pytest.fixture
def enrolled(client, anna):
    client.force_login(anna)
    codes = enrol(client, anna)
    client.logout()
    return codes


def test_enrolment_with_a_real_code_shows_ten_recovery_codes_once(client, anna):
    client.force_login(anna)
    codes = enrol(client, anna)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert security.has_two_factor(anna)
    assert StaticToken.objects.filter(device__user=anna).count() == 10
    # Shown once: the page sends back to the security page afterwards.
    assert client.get(reverse("accounts:two_factor_codes")).status_code == 302
    assert AuditEntry.objects.filter(action="accounts.two_factor.enabled", user=anna).exists()
    # The session that enrolled stays logged in.
    assert client.get(reverse("accounts:security")).status_code == 200


def test_a_wrong_code_does_not_enrol(client, anna):
    client.force_login(anna)
    client.post(reverse("accounts:two_factor_setup"))
    response = client.post(reverse("accounts:two_factor_setup"), {"code": "000000x"})
    assert response.status_code == 200
    assert not security.has_two_factor(anna)


def test_login_without_two_factor_needs_only_the_password(client, anna):
    response = login(client, "anna@example.org")
    assert response.status_code == 302
    assert response.url == reverse("home:start")
    assert client.session["_auth_user_id"] == str(anna.pk)


def test_login_asks_for_the_code_after_the_password(client, anna, enrolled):
    response = login(client, "anna@example.org")
    assert response.url == reverse("accounts:login_code")
    assert "_auth_user_id" not in client.session
    device = TOTPDevice.objects.get(user=anna)
    response = client.post(reverse("accounts:login_code"), {"code": code_for(device, 1)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(anna.pk)
    assert client.get(reverse("api_tokens")).status_code == 200


def test_a_wrong_code_does_not_log_in_and_is_recorded_without_the_code(client, anna, enrolled):
    login(client, "anna@example.org")
    response = client.post(reverse("accounts:login_code"), {"code": "123456"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    entry = AuditEntry.objects.get(action="accounts.login.code_failed")
    assert "123456" not in str(entry.data)


def test_wrong_codes_are_throttled_and_end_the_attempt(client, anna, enrolled):
    login(client, "anna@example.org")
    for _ in range(5):
        response = client.post(reverse("accounts:login_code"), {"code": "123456"})
    assert response.url == reverse("accounts:login")
    # The attempt is over: even the right code does not log in now.
    device = TOTPDevice.objects.get(user=anna)
    response = client.post(reverse("accounts:login_code"), {"code": code_for(device, 1)})
    assert response.url == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    # django-otp has counted the failures on the device (each one doubles the wait).
    assert device.throttling_failure_count >= 1


def test_a_recovery_code_works_once(client, anna, enrolled):
    code = enrolled[0]
    login(client, "anna@example.org")
    response = client.post(reverse("accounts:login_code"), {"code": code.upper()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(anna.pk)
    client.logout()
    login(client, "anna@example.org")
    response = client.post(reverse("accounts:login_code"), {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert StaticToken.objects.filter(device__user=anna).count() == 9


def test_a_login_round_the_code_page_is_ended(client, anna, enrolled):
    # force_login is what the admin's own login page does: a password, no code.
    client.force_login(anna)
    response = client.get(reverse("api_tokens"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_disable_needs_a_code(client, anna, enrolled):
    login(client, "anna@example.org")
    client.post(reverse("accounts:login_code"), {"code": enrolled[0]})
    client.post(reverse("accounts:two_factor_disable"), {"disable-code": "nonsense"})
    assert security.has_two_factor(anna)
    client.post(reverse("accounts:two_factor_disable"), {"disable-code": enrolled[1]})
    assert not security.has_two_factor(anna)
    assert not StaticToken.objects.filter(device__user=anna).exists()
    assert AuditEntry.objects.filter(action="accounts.two_factor.disabled").exists()
    client.logout()
    assert login(client, "anna@example.org").url == reverse("home:start")


def test_staff_must_enrol_when_the_instance_requires_it(client, settings, staff):
    settings.MFA_REQUIRED_FOR = ["staff", "official"]
    client.force_login(staff)
    response = client.get(reverse("directory:list"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:security")
    assert client.get(reverse("accounts:security")).status_code == 200
    enrol(client, staff)
    assert client.get(reverse("directory:list")).status_code == 200


def test_required_for_names_roles(settings, official, outsider, staff):
    settings.MFA_REQUIRED_FOR = ["official"]
    assert security.two_factor_required(official)
    assert not security.two_factor_required(outsider)
    assert not security.two_factor_required(staff)


def test_nobody_is_sent_to_enrol_by_default(client, staff):
    client.force_login(staff)
    assert client.get(reverse("directory:list")).status_code == 200


# Sessions

def test_idle_session_is_ended(client, anna, settings):
    client.force_login(anna)
    session = client.session
    session[SEEN_AT] = int(time.time()) - settings.SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert AuditEntry.objects.filter(action="accounts.logout", data__reason="idle").exists()


def test_session_ends_hours_after_login_even_when_active(client, anna, settings):
    client.force_login(anna)
    session = client.session
    session[LOGIN_AT] = int(time.time()) - settings.SESSION_MAX_HOURS * 3600 - 5
    session.save()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_an_active_session_goes_on(client, anna):
    client.force_login(anna)
    session = client.session
    session[SEEN_AT] = int(time.time()) - 120
    session.save()
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert client.session[SEEN_AT] >= int(time.time()) - 5


def test_log_out_my_other_sessions(anna):
    here, there = Client(), Client()
    here.force_login(anna)
    there.force_login(anna)
    assert there.get(reverse("accounts:profile")).status_code == 200
    here.post(reverse("accounts:end_other_sessions"))
    assert here.get(reverse("accounts:profile")).status_code == 200
    assert there.get(reverse("accounts:profile")).status_code == 302


def test_password_change_ends_other_sessions_and_is_recorded(anna):
    here, there = Client(), Client()
    here.force_login(anna)
    there.force_login(anna)
    response = here.post(reverse("accounts:password_change"), {
        "old_password": PASSWORD, "new_password1": "Zupelnie-Nowe-77",
        "new_password2": "Zupelnie-Nowe-77"})
    assert response.status_code == 302
    assert here.get(reverse("accounts:profile")).status_code == 200
    assert there.get(reverse("accounts:profile")).status_code == 302
    entry = AuditEntry.objects.get(action="accounts.password.changed")
    assert "Zupelnie" not in str(entry.data)


def test_common_passwords_are_refused_at_sign_up_and_change(client, anna):
    response = client.post(reverse("accounts:signup"), {
        "email": "nowy@example.org", "full_name": "Nowy", "password1": "password123",
        "password2": "password123"})
    assert response.status_code == 200
    assert "zbyt powszechne" in response.content.decode()
    client.force_login(anna)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": PASSWORD, "new_password1": "qwertyuiop",
        "new_password2": "qwertyuiop"})
    assert response.status_code == 200
    assert "zbyt powszechne" in response.content.decode()
    anna.refresh_from_db()
    assert anna.check_password(PASSWORD)


# The audit log of logins

def test_logins_failed_logins_and_logouts_are_recorded_without_passwords(client, anna):
    login(client, "anna@example.org", "zle-haslo")
    login(client, "anna@example.org")
    client.post(reverse("accounts:logout"))
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["accounts.login.failed", "accounts.login", "accounts.logout"]
    failed = AuditEntry.objects.get(action="accounts.login.failed")
    assert failed.data["email"] == "anna@example.org"
    for entry in AuditEntry.objects.all():
        assert "zle-haslo" not in str(entry.data)
        assert PASSWORD not in str(entry.data)
