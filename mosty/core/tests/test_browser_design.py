"""The design system in real Chromium: the phone header, the menu's disclosures by keyboard
and without JavaScript, the error summary's focus, tables that become cards (docs/design.md)."""
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mosty.core.tests.browser import screenshot
from mosty.directory.tests.factories import OrganisationFactory
from mosty.programmes.models import Event, Programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def events():
    programme = Programme.objects.create(name="Program mostów", slug="program-mostow",
                                         organiser=OrganisationFactory(name="Biblioteka"))
    start = timezone.now() + timedelta(days=3)
    for n in range(2):
        Event.objects.create(programme=programme, slug=f"warsztat-{n}", kind="workshop",
                             title=f"Warsztat numer {n} o współpracy międzysektorowej",
                             place="Sala konferencyjna, ul. Długa 1", start=start,
                             end=start + timedelta(hours=2))


def width_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_phone_header_is_one_row_and_tables_become_cards(browser, live_server, events):
    context = browser.new_context(locale="pl-PL", viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/programmes/events/")
    boxes = [page.locator(selector).bounding_box() for selector in (
        ".brand", ".lang-switch button[value=en]", ".display-settings summary", ".menu-toggle")]
    assert all(box is not None for box in boxes)
    middles = [box["y"] + box["height"] / 2 for box in boxes]
    assert max(middles) - min(middles) < 4, boxes
    assert page.locator(".header-bar").bounding_box()["height"] < 64
    # The language in use is not a button on a phone; the other one is.
    expect(page.locator(".lang-switch button[value=pl]")).to_be_hidden()
    # The menu folds behind its button; it opens the groups.
    expect(page.locator("#main-menu")).to_be_hidden()
    page.locator(".menu-toggle").click()
    expect(page.locator(".menu-toggle")).to_have_attribute("aria-expanded", "true")
    page.locator(".main-nav summary", has_text="Wydarzenia").click()
    expect(page.get_by_role("link", name="Wszystkie wydarzenia")).to_be_visible()
    # Each row of the events table is a card: its header hidden, each cell labelled.
    # (visually hidden: screen readers still have the table's headers)
    assert page.locator("table.responsive thead").bounding_box()["height"] <= 1
    label = page.locator("table.responsive tbody td").first.evaluate(
        "cell => getComputedStyle(cell, '::before').content")
    assert label == '"Data"'
    assert width_overflow(page) <= 0
    screenshot(page, "design-events-phone")
    # Display settings open in a panel that fits the phone.
    page.locator(".display-settings summary").click()
    panel = page.locator(".display-settings .disclosure-panel").bounding_box()
    assert panel["x"] >= 0
    assert panel["x"] + panel["width"] <= 360
    context.close()


def test_menu_groups_by_keyboard(page, events):
    page.goto(page.base + "/programmes/events/")
    expect(page.locator("table.responsive thead")).to_be_visible()
    groups = page.locator(".main-nav details")
    first = page.locator(".main-nav summary").first
    first.focus()
    page.keyboard.press("Enter")
    expect(groups.first).to_have_attribute("open", "")
    expect(page.get_by_role("link", name="Katalog organizacji")).to_be_visible()
    # Opening another group closes the first; Escape closes it and gives the focus back.
    second = page.locator(".main-nav summary").nth(1)
    second.focus()
    page.keyboard.press("Space")
    expect(groups.nth(1)).to_have_attribute("open", "")
    expect(groups.first).not_to_have_attribute("open", "")
    page.keyboard.press("Tab")  # into the panel: its first link
    assert page.evaluate("document.activeElement.textContent") == "Wszystkie programy"
    page.keyboard.press("Escape")
    expect(groups.nth(1)).not_to_have_attribute("open", "")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    # The current group is marked.
    expect(page.locator(".main-nav details.current summary")).to_contain_text("Wydarzenia")


def test_without_javascript_the_menu_is_open_and_groups_still_work(browser, live_server):
    context = browser.new_context(locale="pl-PL", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    page.locator(".main-nav summary", has_text="Organizacje").click()
    expect(page.get_by_role("link", name="Katalog organizacji")).to_be_visible()
    page.locator(".display-settings summary").click()
    expect(page.get_by_role("button", name="Wysoki kontrast")).to_be_visible()
    context.close()


def test_error_summary_takes_the_focus_and_links_to_the_field(page):
    page.goto(page.base + "/accounts/signup/")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Wystąpił problem")
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id").startswith("id_")
