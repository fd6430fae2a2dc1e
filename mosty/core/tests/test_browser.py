"""The directory as a person uses it, in real headless Chromium."""
import re

import pytest
from playwright.sync_api import expect

from mosty.accounts.models import Role
from mosty.core.tests.browser import open_menu, screenshot
from mosty.directory.models import Membership, Organisation, Territory
from mosty.directory.teryt import load_terc
from mosty.directory.tests.factories import OrganisationFactory, ResourceFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"


@pytest.fixture
def directory():
    # Transactional tests flush tables, including the register loaded by a migration.
    if not Territory.objects.exists():
        load_terc(Territory)
    library = OrganisationFactory(name="Miejska Biblioteka Publiczna w Śmiglu", slug="mbp-smigiel",
                                  sector="public_institution", kind="library",
                                  municipality_id="3011053")
    ResourceFactory(organisation=library, kind="need", category="volunteers",
                    description="wolontariusze do festynu")
    OrganisationFactory(name="Bajgle Króla Jana", sector="business", kind="company",
                        municipality_id="3064011")
    OrganisationFactory(name="OSP Śmigiel", sector="ngo", kind="fire_brigade",
                        municipality_id="3011053")
    user = UserFactory(email="bibliotekarka@example.org", role=Role.PARTICIPANT)
    Membership.objects.create(user=user, organisation=library)
    return library


def log_in(page, email: str = "bibliotekarka@example.org") -> None:
    page.goto(page.base + "/accounts/login/")
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url(re.compile(r"/$"))


def test_log_in_and_see_my_organisation(page, directory):
    log_in(page)
    assert page.get_by_role("button", name="Wyloguj się").is_visible()
    open_menu(page, "Moje konto")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Menu główne").get_by_role(
            "link", name="Moje konto").click()
    assert page.get_by_role("link", name="Miejska Biblioteka Publiczna w Śmiglu").is_visible()


def test_filter_the_directory_by_sector_and_gmina(page, directory):
    page.goto(page.base + "/directory/")
    assert re.search(r"\b3 organizacje\b", page.get_by_role("status").last.inner_text())
    page.get_by_label("Sektor").select_option("business")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtruj").click()
    assert page.locator(".cards h2").all_inner_texts() == ["Bajgle Króla Jana"]
    page.get_by_label("Sektor").select_option("")
    gmina = page.get_by_label("Gmina")
    gmina.press_sequentially("Śmig", delay=30)
    # Suggestions come from the server while typing.
    # Playwright's expect, not wait_for_function: the page's CSP forbids evaluating strings.
    expect(page.locator("#gmina-options option").first).to_be_attached()
    label = page.locator("#gmina-options option").first.get_attribute("value")
    assert "pow. kościański" in label
    gmina.fill(label)
    with page.expect_navigation():
        page.get_by_role("button", name="Filtruj").click()
    assert sorted(page.locator(".cards h2").all_inner_texts()) == [
        "Miejska Biblioteka Publiczna w Śmiglu", "OSP Śmigiel"]
    screenshot(page, "directory-filtered")


def test_edit_my_organisation_with_a_validation_error_then_save(page, directory):
    log_in(page)
    page.goto(page.base + "/directory/mbp-smigiel/edit/")
    page.locator("#id_description").fill("Biblioteka z salą na 60 osób.")
    page.get_by_label("NIP").fill("1234567890")
    with page.expect_navigation():
        page.get_by_role("button", name="Zapisz").click()
    # The error summary at the top links to the field, which shows the error too.
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary a[href='#id_nip']")).to_contain_text(
        "To nie jest poprawny NIP")
    assert page.locator(".field-error").get_by_text("To nie jest poprawny NIP").is_visible()
    assert page.locator("#id_description").input_value() == "Biblioteka z salą na 60 osób."
    page.get_by_label("NIP").fill("")
    page.locator("#id_offers-0-category").select_option("space")
    page.locator("#id_offers-0-description").fill("sala na 60 osób")
    page.get_by_role("button", name="Zapisz").click()
    page.wait_for_url(page.base + "/directory/mbp-smigiel/")
    assert page.get_by_text("sala na 60 osób").is_visible()
    organisation = Organisation.objects.get(slug="mbp-smigiel")
    assert organisation.description == "Biblioteka z salą na 60 osób."


def test_switch_language_font_size_and_contrast(page, directory):
    page.goto(page.base + "/directory/")
    assert page.get_by_role("heading", level=1).inner_text() == "Katalog organizacji"
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Directory of organisations"
    size = lambda: page.evaluate(  # noqa: E731
        "parseFloat(getComputedStyle(document.documentElement).fontSize)")
    before = size()
    settings = page.locator(".display-settings summary")  # a disclosure in the header
    settings.click()
    with page.expect_navigation():
        page.get_by_role("button", name="A++").click()
    assert size() > before * 1.3
    settings.click()
    with page.expect_navigation():
        page.get_by_role("button", name="High contrast").click()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"


def test_phone_width_and_keyboard(browser, live_server, directory):
    context = browser.new_context(locale="pl-PL", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + "/directory/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than a 360px phone"
    screenshot(page, "directory-phone")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Przejdź do treści"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


def test_pages_break_no_content_security_policy_rule(page, directory):
    """Chromium reports every blocked script, style or image: none on pages that use JS."""
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(page.base + "/directory/")
    page.get_by_label("Gmina").press_sequentially("Śmig", delay=30)
    expect(page.locator("#gmina-options option").first).to_be_attached()
    log_in(page)
    for url in ("/accounts/me/", "/directory/mbp-smigiel/edit/", "/api/docs"):
        page.goto(page.base + url)
        page.wait_for_load_state("networkidle")
    assert violations == []
