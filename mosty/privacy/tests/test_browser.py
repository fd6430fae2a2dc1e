"""RODO in real headless Chromium: sign up accepting the terms, give and withdraw a consent,
download the archive of one's data, erase the account."""
import re

import pytest

from mosty.accounts.models import User
from mosty.core.tests.browser import screenshot
from mosty.privacy.models import Consent, Erasure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Bardzo-Dobre-Haslo-7"


def test_sign_up_consent_download_and_erase(page, settings):
    settings.PRIVACY_ASK_FOR_TERMS = True
    page.goto(page.base + "/accounts/signup/")
    page.fill("input[name=full_name]", "Ewa Kowalska")
    page.fill("input[name=email]", "ewa@example.org")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    assert page.get_by_role("link", name="regulamin", exact=True).is_visible()
    page.check("input[name=accept_terms]")
    with page.expect_navigation():
        page.get_by_role("button", name="Załóż konto").click()
    assert page.url.endswith("/accounts/me/")
    user = User.objects.get(email="ewa@example.org")
    assert list(Consent.objects.filter(user=user).values_list("purpose", flat=True)) == ["terms"]

    with page.expect_navigation():
        page.get_by_role("button", name="Udziel zgody").click()
    assert page.get_by_text("Udzielono zgody").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Wycofaj zgodę").click()
    newsletter = Consent.objects.get(user=user, purpose="newsletter")
    assert newsletter.withdrawn_at is not None

    with page.expect_navigation():
        page.get_by_role("button", name="Przygotuj archiwum").click()
    link = page.get_by_role("link", name="Pobierz archiwum moich danych")
    with page.expect_download() as download:
        link.click()
    assert re.fullmatch(r"mosty-\d{4}-\d\d-\d\d\.zip", download.value.suggested_filename)
    screenshot(page, "privacy-account")

    with page.expect_navigation():
        page.get_by_role("link", name="Usuń moje konto i moje dane osobowe").click()
    page.fill("input[name=password]", PASSWORD)
    page.check("input[name=confirm]")
    with page.expect_navigation():
        page.get_by_role("button", name="Usuń moje konto na zawsze").click()
    assert page.get_by_text("Twoje konto zostało usunięte").is_visible()
    user.refresh_from_db()
    assert user.full_name == "Usunięty użytkownik"
    assert Erasure.objects.filter(user=user).exists()
    assert not User.objects.filter(email="ewa@example.org").exists()
