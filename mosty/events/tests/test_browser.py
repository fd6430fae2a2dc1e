"""A workshop cycle from scheduling to published conclusions, in real headless Chromium.

Assertions use ids, data-testid attributes and values, never translated text, so the test
passes whether or not the Polish catalogue already has these messages.
"""
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from mosty.core.tests.browser import screenshot
from mosty.directory.models import Membership
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.events import cycles
from mosty.events.cycle_data import KI_WORKSHOPS
from mosty.events.models import Registration
from mosty.events.tests.files import pdf_bytes
from mosty.programmes.models import (
    Edition, Event, Group, GroupMember, Programme, ProgrammeStaff, StaffRole)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cast():
    """A programme with one group, its coordinator and facilitator, and a participant."""
    cycles.install_shipped_templates()  # transactional tests empty the table between tests
    organiser = OrganisationFactory(name="Mazowiecki Instytut Kultury", municipality_id=None,
                                    sector="public_institution", kind="culture_institute")
    programme = Programme.objects.create(name="Kultura: Inicjatywy", slug="kultura-inicjatywy",
                                         organiser=organiser)
    library = OrganisationFactory(name="Gminna Biblioteka Publiczna w Jadowie",
                                  municipality_id=None, sector="public_institution",
                                  kind="library")
    group = Group.objects.create(edition=Edition.objects.create(programme=programme, name="2027"),
                                 name="grupa Jadów")
    GroupMember.objects.create(group=group, organisation=library)
    participant = UserFactory(full_name="Żaneta Łęcka", email="zaneta@example.org")
    Membership.objects.create(user=participant, organisation=library)
    people = {"participant": participant}
    for role, name in ((StaffRole.COORDINATOR, "Katarzyna Koordynatorka"),
                       (StaffRole.FACILITATOR, "Ewa Moderatorka")):
        people[role] = UserFactory(full_name=name)
        ProgrammeStaff.objects.create(programme=programme, user=people[role], role=role)
    return {"programme": programme, "group": group, **people}


def signed_in(browser, live_server, user, **options):
    """A browser context with the user's session (logging in is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="pl-PL", **options)
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    page = context.new_page()
    page.base = live_server.url
    return page


def test_a_workshop_cycle_from_scheduling_to_published_conclusions(browser, live_server, cast):
    programme, group = cast["programme"], cast["group"]
    first_day = timezone.localdate() + timedelta(days=1)

    # The coordinator schedules the three workshops of seed 000 for the group.
    page = signed_in(browser, live_server, cast[StaffRole.COORDINATOR],
                     viewport={"width": 1280, "height": 900})
    page.goto(f"{page.base}/events/programme/{programme.slug}/")
    with page.expect_navigation():
        page.get_by_test_id("schedule-cycle").click()
    page.get_by_test_id("template").select_option(KI_WORKSHOPS["slug"])
    with page.expect_navigation():
        page.get_by_test_id("choose-template").click()
    page.locator("#id_group").select_option(str(group.pk))
    page.locator("#id_place").fill("Gminna Biblioteka Publiczna w Jadowie, ul. Cmentarna 1")
    for number in range(3):
        page.locator(f"#id_date_{number + 1}").fill(
            f"{first_day + timedelta(days=14 * number):%Y-%m-%d}")
    with page.expect_navigation():
        page.get_by_test_id("schedule").click()
    assert page.url == f"{page.base}/events/programme/{programme.slug}/"
    events = list(Event.objects.filter(group=group).order_by("start"))
    assert len(events) == 3
    assert page.locator("[data-testid^='managed-']").count() == 3
    workshop = events[0]
    page.context.close()

    # The participant, a member of the group's library, accepts the first invitation.
    page = signed_in(browser, live_server, cast["participant"])
    page.goto(f"{page.base}/events/mine/")
    cards = page.locator("[data-testid^='registration-']")
    assert cards.count() == 3
    assert {cards.nth(i).get_attribute("data-status") for i in range(3)} == {"invited"}
    with page.expect_navigation():
        page.get_by_test_id(f"accept-{workshop.slug}").click()
    assert page.get_by_test_id(f"registration-{workshop.slug}").get_attribute(
        "data-status") == "confirmed"
    with page.expect_navigation():
        page.get_by_test_id("make-calendar").click()
    feed_url = page.get_by_test_id("calendar-url").input_value()
    # A calendar program has no session: fetch the feed from a fresh, cookie-less context.
    anonymous = browser.new_context()
    response = anonymous.request.get(feed_url)
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    feed = {str(v["URL"]).rstrip("/").rsplit("/", 1)[-1]: v
            for v in Calendar.from_ical(response.body()).walk("VEVENT")}
    assert set(feed) == {e.slug for e in events}
    assert str(feed[workshop.slug]["STATUS"]) == "CONFIRMED"
    assert str(feed[workshop.slug]["SUMMARY"]) == workshop.title
    assert feed[workshop.slug]["DTSTART"].dt == workshop.start
    page.context.close()

    # At the workshop the facilitator checks her in on a 360 px phone.
    registration = Registration.objects.get(user=cast["participant"], event=workshop)
    page = signed_in(browser, live_server, cast[StaffRole.FACILITATOR],
                     viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(f"{page.base}/events/{workshop.slug}/check-in/")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    button = page.get_by_test_id(f"checkin-{registration.pk}")
    box = button.bounding_box()
    assert box["height"] >= 48
    assert box["width"] >= 300
    assert button.get_attribute("data-present") == "0"
    with page.expect_navigation():
        button.tap()
    assert page.get_by_test_id(f"checkin-{registration.pk}").get_attribute(
        "data-present") == "1"
    screenshot(page, "events-check-in-phone")
    registration.refresh_from_db()
    assert registration.attended_at is not None

    # After the workshop she records the conclusions, attaches the summary and publishes.
    page.goto(f"{page.base}/events/{workshop.slug}/conclusions/")
    page.locator("#id_conclusions").fill("Instytucje znają już swoje oferty i zasoby.")
    page.locator("#id_recommendations").fill("Wspólne zajęcia dla seniorów raz w miesiącu.")
    summary = pdf_bytes("Konkluzje z warsztatu: zasoby i potencjały")
    page.locator("#id_attachment").set_input_files({
        "name": "konkluzje.pdf", "mimeType": "application/pdf", "buffer": summary})
    page.locator("#id_attachment_title").fill("Konkluzje z warsztatu 1")
    page.locator("#id_is_published").check()
    with page.expect_navigation():
        page.get_by_test_id("save-conclusions").click()
    assert page.get_by_test_id("publication").get_attribute("data-published") == "1"
    page.context.close()

    # Everyone sees them on the public event page, with the attachment.
    page = anonymous.new_page()
    page.goto(f"{live_server.url}/programmes/events/{workshop.slug}/")
    assert page.get_by_test_id("conclusions-text").inner_text() == \
        "Instytucje znają już swoje oferty i zasoby."
    link = page.get_by_test_id("attachments").get_by_role("link")
    assert link.inner_text() == "Konkluzje z warsztatu 1"
    download = anonymous.request.get(live_server.url + link.get_attribute("href"))
    assert download.status == 200
    assert download.body() == summary
    screenshot(page, "events-published-conclusions")
    anonymous.close()
