"""In real headless Chromium, with the demo's programmes and accounts: every demo role logs in
and lands on its start page with its own items; the coordinator creates a programme and
edits it. No page is wider than the screen, at 360 and at 1280 px."""
import pytest

from mosty.core.tests.browser import screenshot
from mosty.demo.builders.seeds import DEMO_PASSWORD, load_seeds
from mosty.home.start import start_page
from mosty.accounts.models import User
from mosty.programmes.models import Programme, ProgrammeStaff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1280)
ROLES = ("koordynator", "uczestnik", "moderator", "urzednik", "admin")


def log_in(browser, base: str, who: str, width: int):
    context = browser.new_context(locale="pl-PL", viewport={"width": width, "height": 900})
    context.set_default_timeout(30_000)  # a shared, busy test machine
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill(f"{who}@mosty.example")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    return context, page


def fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, (page.url, width, viewport)


def test_every_role_lands_on_its_start_page(browser, live_server):
    load_seeds()
    for who in ROLES:
        user = User.objects.get(email=f"{who}@mosty.example")
        expected = start_page(user)
        for width in WIDTHS:
            context, page = log_in(browser, live_server.url, who, width)
            assert page.url == live_server.url + "/start/"
            assert page.get_by_role("heading", level=1).inner_text() == "Mój pulpit"
            assert page.get_by_test_id("menu-start").get_attribute("aria-current") == "page"
            cards = page.get_by_test_id("run-programme")
            assert cards.count() == len(expected.running), who
            for run in expected.running:
                card = page.locator(f'[data-programme="{run.programme.slug}"]')
                assert card.locator(".task-list li").count() == len(run.steps)
            assert page.get_by_test_id("upcoming-event").count() == len(expected.events)
            organisations = page.get_by_test_id("organisations").locator("li")
            assert organisations.count() == len(expected.organisations)
            fits(page)
            screenshot(page, f"start-{who}-{width}")
            context.close()
    coordinator = User.objects.get(email="koordynator@mosty.example")
    assert start_page(coordinator).running  # the demo's coordinator runs programmes


def test_the_coordinator_creates_a_programme_and_edits_it(browser, live_server):
    load_seeds()
    context, page = log_in(browser, live_server.url, "koordynator", 360)
    with page.expect_navigation():
        page.get_by_test_id("new-programme").first.click()
    fits(page)
    page.get_by_label("Nazwa").fill("Sąsiedzi razem 2027")
    page.get_by_label("Streszczenie").fill("Trzy warsztaty dla bibliotek i OPS.")
    page.get_by_label("ukraiński").check()
    page.get_by_label("polski", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Utwórz program").click()
    programme = Programme.objects.get(name="Sąsiedzi razem 2027")
    assert page.url.endswith(programme.get_absolute_url())
    assert ProgrammeStaff.objects.filter(programme=programme,
                                         user__email="koordynator@mosty.example").exists()
    assert "ukraiński" in page.locator("main").inner_text()
    fits(page)

    with page.expect_navigation():
        page.get_by_test_id("edit-programme").first.click()
    page.get_by_label("Finansowanie").fill("Program Kultura – Interwencje")
    # A mistake keeps what was typed.
    page.get_by_label("Nazwa").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Zapisz").click()
    assert page.get_by_label("Finansowanie").input_value() == "Program Kultura – Interwencje"
    fits(page)
    page.get_by_label("Nazwa").fill("Sąsiedzi razem 2027/28")
    with page.expect_navigation():
        page.get_by_role("button", name="Zapisz").click()
    programme.refresh_from_db()
    assert (programme.name, programme.funding, programme.version) == (
        "Sąsiedzi razem 2027/28", "Program Kultura – Interwencje", 2)
    screenshot(page, "programme-edited-360")
    context.close()
