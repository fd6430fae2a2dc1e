"""In real headless Chromium: set up two-factor authentication from the QR page's key (as an
authenticator app would), log out, and log in again with a password and a code."""
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from mosty.core.tests.browser import screenshot
from mosty.directory.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed in by hand."""
    totp = TOTP(b32decode(secret.replace(" ", "")), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


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
    page.get_by_label("Kod").fill(app_code(secret, steps_ahead=1))
    with page.expect_navigation():
        page.get_by_role("button", name="Zaloguj się", exact=True).click()
    page.goto(page.base + "/accounts/security/")
    assert page.get_by_text("Włączone").is_visible()
    screenshot(page, "security-2fa-on")
