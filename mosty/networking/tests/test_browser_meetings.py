"""Requested one-to-one meetings end to end in headless Chromium: two phones (360 px) browse,
ask and accept; the organiser places the meeting and publishes; both phones show the same
table and time. Assertions use data-testid attributes and numbers, not translated text."""
import pytest

from mosty.core.tests.browser import screenshot
from mosty.directory.tests.factories import UserFactory
from mosty.networking.models import MeetingRequest, Seat
from mosty.networking.tests.meeting_support import people_of, requested_session
from mosty.networking.tests.test_browser_networking import PASSWORD, PHONE, no_sideways_scroll
from mosty.networking.tests.test_web_support import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"width": 1280, "height": 900}


def submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).click()


def phone_of(browser, url: str):
    context = browser.new_context(locale="pl-PL", viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(url)
    return page


def test_two_phones_request_accept_and_see_their_meeting(browser, live_server):
    organiser = UserFactory.create(email="koordynatorka@example.org")
    session = requested_session(people=6, slots=3, tables=2, cap=2, user=organiser,
                                event=make_event(coordinator=organiser))
    natalia, michal = people_of(session)[:2]
    base = live_server.url

    # Natalia browses the people on her phone and asks Michał for a meeting.
    first = phone_of(browser, base + natalia.get_absolute_url())
    submit(first, "[data-testid=people-link]")
    assert first.locator("[data-testid=profiles] > li").count() == 5
    no_sideways_scroll(first)
    screenshot(first, "meetings-people-360")
    submit(first, f"[data-testid=ask-{michal.pk}]")
    first.locator("textarea").fill("Porozmawiajmy o wolontariacie pracowniczym")
    submit(first, "[data-testid=send-request]")
    assert first.locator("[data-testid=sent] li").count() == 1
    request = MeetingRequest.objects.get()

    # Michał sees the request with its message and accepts it.
    second = phone_of(browser, base + michal.get_absolute_url())
    received = second.locator("[data-testid=received]")
    assert "wolontariacie" in received.inner_text()
    no_sideways_scroll(second)
    screenshot(second, "meetings-received-360")
    submit(second, f"[data-testid=accept-{request.pk}]")
    assert second.locator("[data-testid=agreed] li").count() == 1

    # The organiser places the meeting on the grid and publishes.
    desk_context = browser.new_context(locale="pl-PL", viewport=DESKTOP)
    desk_context.set_default_timeout(10_000)
    desk = desk_context.new_page()
    desk.goto(base + "/accounts/login/")
    desk.locator("#id_username").fill("koordynatorka@example.org")
    desk.locator("#id_password").fill(PASSWORD)
    submit(desk, "main form button[type=submit]")
    desk.goto(base + f"/networking/s/{session.pk}/meetings/")
    submit(desk, "[data-testid=schedule]")
    assert desk.locator("[data-testid=grid] td.taken").count() == 1
    screenshot(desk, "meetings-grid-1280")
    desk.goto(base + f"/networking/s/{session.pk}/")
    submit(desk, "[data-testid=publish]")

    # Both phones show the meeting with the same slot, table and time.
    seat = Seat.objects.get(session=session, participant=natalia)
    places = []
    for phone in (first, second):
        phone.reload()
        place = phone.locator("[data-testid=meeting-place]").inner_text()
        assert f"{seat.table}" in place
        assert "17:" in place  # the slots start at the event's 17:00
        places.append(place)
        no_sideways_scroll(phone)
    assert places[0] == places[1]
    screenshot(first, "meetings-phone-360")
    # The grid on a phone scrolls inside its own box, not the page.
    desk.set_viewport_size(PHONE)
    desk.goto(base + f"/networking/s/{session.pk}/meetings/")
    no_sideways_scroll(desk)
    screenshot(desk, "meetings-grid-360")
