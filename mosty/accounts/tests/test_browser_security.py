"""In real headless Chromium: set up two-factor authentication from the QR page's key (as an
authenticator app would), log out, and log in again with a password and a code."""
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from mosty.core.tests.browser import screenshot
from mosty.directory.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"


def app_code(secret: str, step: int | None = None) -> str:
    """What an authenticator app shows for the key typed in by hand, now or at a given 30 s step."""
    totp = TOTP(b32decode(secret.replace(" ", "")), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time() if step is None else step * 30 + 1
    return f"{totp.token():06d}"


def next_unused_code(secret: str) -> str:
    """The app's code for the step after the one used at enrolment: a code is accepted once, and
    the server's window (one step either side of its clock plus the drift it learnt at enrolment)
    always holds that step within a minute of enrolling. Taking "now + 30 s" instead failed
    whenever enrolment crossed a step boundary and the server learnt a drift of -1."""
    last_step = TOTPDevice.objects.get(user__email="anna@example.org").last_t
    return app_code(secret, step=last_step + 1)


def log_in(page, email: str) -> None:
    page.goto(page.base + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_enrol_log_out_and_log_in_with_a_code(page):
    UserFactory(email="anna@example.org")
    log_in(page, "anna@example.org")
    page.goto(page.base + "/accounts/security/")
    page.get_by_role("button", name="Włącz uwierzytelnianie dwuskładnikowe").click()
    assert page.locator(".qr svg").is_visible()
    secret = page.locator("#secret").inner_text()
    screenshot(page, "security-2fa-setup")
    page.get_by_label("Kod").fill(app_code(secret))
    page.get_by_role("button", name="Potwierdź").click()
    assert page.locator(".recovery-codes li").count() == 10
    page.get_by_role("link", name="Zapisałem/zapisałam je").click()
    assert page.get_by_text("Pozostało 10 kodów zapasowych.").is_visible()

    page.get_by_role("button", name="Wyloguj się", exact=True).click()
    log_in(page, "anna@example.org")
    assert page.url.endswith("/accounts/login/code/")
    page.get_by_label("Kod").fill(next_unused_code(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Zaloguj się", exact=True).click()
    page.goto(page.base + "/accounts/security/")
    assert page.get_by_text("Włączone").is_visible()
    screenshot(page, "security-2fa-on")
