"""Partner matching as people use it, in real headless Chromium, on the demo content.

Assertions read ids, data attributes and form values, never translated text.
"""
import pytest
from django.conf import settings
from django.test import Client

from mosty.accounts.models import Role
from mosty.core.tests.browser import screenshot
from mosty.directory.models import Membership, Organisation, Territory
from mosty.directory.teryt import load_terc
from mosty.demo.builders.matching import load_matching_demo
from mosty.demo.builders.seeds import load_seeds
from mosty.directory.tests.factories import UserFactory
from mosty.matching.models import HiddenPartner, Relation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NGO = "fundacja-smigielskie-wiatraki"


def logged_in_context(browser, live_server, user):
    """A browser context holding the user's session (no login form: its labels are
    translated, and logging in is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    return context


def suggestions(page) -> list[str]:
    return page.locator("[data-testid=suggestion]").evaluate_all(
        "items => items.map(i => i.dataset.partner)")


def test_member_finds_partners_and_coordinator_opens_the_map(browser, live_server):
    # Transactional tests flush tables, including the register loaded by a migration.
    if not Territory.objects.exists():
        load_terc(Territory)
    load_seeds()
    load_matching_demo()
    member = UserFactory(role=Role.PARTICIPANT)
    Membership.objects.create(user=member, organisation=Organisation.objects.get(slug=NGO))
    coordinator = UserFactory(role=Role.COORDINATOR)

    context = logged_in_context(browser, live_server, member)
    page = context.new_page()
    page.goto(f"{live_server.url}/matching/organisations/{NGO}/?radius=gmina")
    first = page.locator("[data-testid=suggestion]").first
    assert first.get_attribute("data-sector") != "ngo"  # cross-sector only
    assert first.get_attribute("data-mutual") == "true"
    assert first.locator("[data-testid=mutual-badge]").is_visible()
    # Explained: sentences naming a need of one side and an offer of the other.
    assert first.locator("[data-testid=they-give] li").count() >= 1
    assert first.locator("[data-testid=we-give] li").count() >= 1
    screenshot(page, "matching-partners")

    partners = suggestions(page)
    best, hidden = partners[0], partners[1]
    with page.expect_navigation():
        page.locator(f"[data-testid=hide-{hidden}]").click()
    assert hidden not in suggestions(page)
    assert page.locator(f"[data-testid=hidden] [data-partner={hidden}]").count() == 1
    assert page.get_by_role("combobox").input_value() == "gmina"  # the radius is kept
    with page.expect_navigation():
        page.locator(f"[data-testid=cooperate-{best}]").click()
    assert best not in suggestions(page)
    assert page.locator(f"[data-testid=cooperating] [data-partner={best}]").count() == 1
    assert HiddenPartner.objects.filter(partner__slug=hidden, created_by=member).exists()
    assert Relation.objects.filter(kind="cooperate", origin="member", created_by=member).exists()
    context.close()

    context = logged_in_context(browser, live_server, coordinator)
    page = context.new_page()
    page.goto(f"{live_server.url}/matching/analysis/")
    page.locator("#id_gmina").fill("3011053")
    page.locator("#id_view").select_option("map")
    with page.expect_navigation():
        page.locator("[data-testid=area-form] button[type=submit]").click()
    assert page.url.endswith("/matching/gmina/3011053/map/")
    picture = page.locator("[data-testid=map-now] svg[role=img]")
    assert picture.is_visible()
    in_gmina = Organisation.objects.filter(municipality_id="3011053").count()
    assert picture.locator("g.node").count() == in_gmina
    assert page.locator("[data-testid=node-table] tbody tr").count() == in_gmina
    assert page.locator("[data-testid=isolated] li").count() >= 1
    screenshot(page, "matching-map-smigiel")
    # On a phone the picture shrinks and wide tables scroll inside their box.
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()
