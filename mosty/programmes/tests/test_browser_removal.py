"""In real Chromium, without JavaScript and by keyboard only: taking a role away asks first,
and the "Cofnij" button on the next page gives it back (mosty.core.undo)."""
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.programmes.models import Programme, ProgrammeStaff, StaffRole

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_taking_a_role_away_and_undoing_it_by_keyboard_without_javascript(browser,
                                                                          live_server):
    programme = Programme.objects.create(name="Kultura: Inicjatywy", slug="kultura",
                                         organiser=OrganisationFactory(name="MIK"))
    coordinator = UserFactory.create(full_name="Katarzyna Koordynatorka")
    ProgrammeStaff.objects.create(programme=programme, user=coordinator,
                                  role=StaffRole.COORDINATOR)
    facilitator = UserFactory.create(full_name="Ewa Moderatorka", email="ewa@example.org")
    role = ProgrammeStaff.objects.create(programme=programme, user=facilitator,
                                         role=StaffRole.FACILITATOR)
    client = Client()
    client.force_login(coordinator)
    context = browser.new_context(locale="pl-PL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    page = context.new_page()
    staff_page = f"{live_server.url}/recruitment/programmes/kultura/manage/staff/"
    page.goto(staff_page)

    remove = page.get_by_role("link", name="Usuń ewa@example.org")
    remove.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Odbierz rolę")
    expect(page.get_by_test_id("confirm")).to_contain_text("Ewa Moderatorka")
    confirm = page.get_by_test_id("confirm-button")
    confirm.focus()
    page.keyboard.press("Tab")  # the way out is next to it
    expect(page.get_by_role("link", name="Anuluj")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == staff_page
    assert not ProgrammeStaff.objects.filter(pk=role.pk).exists()
    expect(page.get_by_test_id("staff")).not_to_contain_text("ewa@example.org")

    page.get_by_test_id("undo-button").focus()
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert page.url == staff_page
    expect(page.get_by_test_id("staff")).to_contain_text("ewa@example.org")
    assert ProgrammeStaff.objects.get(pk=role.pk).role == StaffRole.FACILITATOR
    context.close()
