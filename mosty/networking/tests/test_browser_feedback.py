"""Meeting feedback end to end in headless Chromium at 360 px: two phones rate their meeting
"cooperation possible" (one tap each, one with a note), the organisations appear on the
programme's relationship map, the organiser sees the pair in the statistics and downloads
the follow-up list as XLSX (read back with openpyxl). Assertions use data-testid attributes
and data, not translated text."""
import io

import pytest
from openpyxl import load_workbook

from mosty.core.tests.browser import screenshot
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.matching.models import Relation
from mosty.networking import services
from mosty.networking.models import MeetingFeedback, Participant
from mosty.networking.tests.test_browser_meetings import phone_of, submit
from mosty.networking.tests.test_browser_networking import PASSWORD, PHONE, no_sideways_scroll
from mosty.networking.tests.test_web_support import (
    make_event, make_session, people_of, tablemates)
from mosty.programmes.models import ProgrammePartner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOTE = "Wspólny festyn na Wildzie w maju"


def test_two_phones_rate_cooperation_and_the_organiser_follows_up(browser, live_server,
                                                                   settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.3
    organiser = UserFactory.create(email="koordynatorka@example.org")
    event = make_event(coordinator=organiser)
    session = make_session(event=event, people=8, rounds=3, publish=True, user=organiser)
    session = services.control_clock(organiser, session, "start")
    natalia = people_of(session)[0]
    michal = tablemates(session, natalia, 1)[0]
    for person in (natalia, michal):
        organisation = OrganisationFactory()
        ProgrammePartner.objects.create(programme=event.programme, organisation=organisation)
        Participant.objects.filter(pk=person.pk).update(organisation=organisation)
    base = live_server.url

    # Natalia rates the meeting with a note for the organisers; Michał with one tap.
    first = phone_of(browser, base + natalia.get_absolute_url())
    row = first.locator(f"[data-testid=rate-1-{michal.pk}]")
    row.locator("summary").click()
    row.locator("textarea").fill(NOTE)
    row.locator("[data-testid=outcome-cooperation]").click()
    first.locator(f"[data-testid=rate-1-{michal.pk}] "
                  "[data-testid=outcome-cooperation][aria-pressed=true]").wait_for()
    no_sideways_scroll(first)
    screenshot(first, "feedback-phone-360")
    second = phone_of(browser, base + michal.get_absolute_url())
    assert NOTE not in second.content()
    second.locator(f"[data-testid=rate-1-{natalia.pk}] [data-testid=outcome-cooperation]").click()
    second.locator(f"[data-testid=rate-1-{natalia.pk}] "
                   "[data-testid=outcome-cooperation][aria-pressed=true]").wait_for()
    # Both sides: a follow-up contact on the phone (the live region refreshes by itself).
    second.locator(f"[data-testid=match][data-person='{natalia.pk}']").wait_for()
    assert MeetingFeedback.objects.filter(outcome="cooperation").count() == 2
    assert MeetingFeedback.objects.get(rater=natalia).note == NOTE
    assert Relation.objects.filter(kind="met", origin="networking").count() == 1

    # The organiser sees the relation on the programme's map and the pair in the statistics.
    context = browser.new_context(locale="pl-PL", viewport=PHONE, accept_downloads=True)
    context.set_default_timeout(10_000)
    desk = context.new_page()
    desk.goto(base + "/accounts/login/")
    desk.locator("#id_username").fill("koordynatorka@example.org")
    desk.locator("#id_password").fill(PASSWORD)
    submit(desk, "main form button[type=submit]")
    desk.goto(base + f"/matching/programme/{event.programme.slug}/map/")
    assert desk.locator("[data-testid=relation-table] tr[data-kind=met]").count() == 1
    desk.goto(base + f"/networking/s/{session.pk}/statistics/")
    assert desk.locator("[data-testid=total-cooperation]").inner_text() == "2"
    follow_up = desk.locator("[data-testid=follow-up]")
    assert follow_up.count() == 1
    assert follow_up.get_attribute("data-both") == "1"
    assert NOTE in follow_up.inner_text()
    no_sideways_scroll(desk)
    screenshot(desk, "feedback-statistics-360")
    with desk.expect_download() as download:
        desk.locator("[data-testid=follow-ups-xlsx]").click()
    content = open(download.value.path(), "rb").read()
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert {rows[1][0], rows[1][4]} == {natalia.name, michal.name}
    assert NOTE in rows[1][10]
    desk.set_viewport_size({"width": 1280, "height": 900})
    screenshot(desk, "feedback-statistics-1280")
