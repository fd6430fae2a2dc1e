"""A small speed-networking evening end to end in real headless Chromium, on phone screens.

The coordinator creates a session for the event, adds people by hand and from an XLSX file,
plans and publishes the seating and starts the evening; two participants open their personal
links (no account), mark each other, and both see the follow-up contact appear without
reloading. Assertions use data-testid attributes and numbers, not translated text.
"""
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from openpyxl import Workbook

from mosty.accounts.models import Role, User
from mosty.core.tests.browser import screenshot
from mosty.directory.models import Organisation
from mosty.directory.tests.factories import UserFactory
from mosty.networking.models import NetworkingSession, Participant
from mosty.programmes.models import Event, Programme, ProgrammeStaff, StaffRole

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def event(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.5
    coordinator = UserFactory(email="koordynatorka@example.org", role=Role.COORDINATOR)
    organiser = Organisation.objects.create(name="Urząd Miasta Poznania", slug="um-poznan",
                                            sector="jst", kind="municipal_office")
    programme = Programme.objects.create(name="Poznań 2019", slug="poznan-2019",
                                         organiser=organiser)
    # Coordinators manage the sessions of the programmes they run, not every session.
    ProgrammeStaff.objects.create(programme=programme, user=coordinator,
                                  role=StaffRole.COORDINATOR)
    start = datetime(2019, 12, 12, 17, tzinfo=ZoneInfo("Europe/Warsaw"))
    return Event.objects.create(programme=programme, title="Speed dating biznes × NGO",
                                slug="speed-dating", kind="networking", start=start,
                                end=start.replace(hour=20), place="Bajgle Króla Jana")


def spreadsheet() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["imię i nazwisko", "organizacja", "sektor", "o sobie", "e-mail",
                  "zgoda na udostępnienie kontaktu"])
    sheet.append(["Łucja Kamińska", "Drukarnia Jeżycka", "biznes", "Plakaty z rabatem",
                  "lucja@example.org", "tak"])
    sheet.append(["Natalia Wróbel", "Fundacja „Zielona Wilda”", "organizacja pozarządowa",
                  "Sadzimy drzewa", "natalia@example.org", "tak"])
    sheet.append(["Michał Szymański", "Wartka IT", "biznes", "Wolontariat pracowniczy",
                  "michal@example.org", "nie"])
    sheet.append(["Zofia Wawrzyniak", "Stowarzyszenie „Łazarz Razem”", "ngo", "Klub seniora",
                  "", "tak"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).click()


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than a 360px phone"


def test_a_whole_evening_on_phones(browser, live_server, event):
    coordinator = browser.new_context(locale="pl-PL", viewport=PHONE)
    coordinator.set_default_timeout(10_000)
    page = coordinator.new_page()
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill("koordynatorka@example.org")
    page.locator("#id_password").fill(PASSWORD)
    submit(page, "main form button[type=submit]")

    # A session for the event: pairs, 3 rounds.
    page.goto(base + f"/networking/event/{event.slug}/")
    page.locator("#id_title").fill("Speed dating")
    page.locator("#id_table_size").fill("2")
    page.locator("#id_rounds").fill("3")
    page.locator("#id_minutes_per_round").fill("5")
    submit(page, "main form button[type=submit]")
    session = NetworkingSession.objects.get(event=event)
    no_sideways_scroll(page)

    # Two people by hand (a validation error first), four from a spreadsheet.
    page.locator("#id_name").fill("Jan Królikowski")
    page.locator("#id_absent_rounds").fill("9")
    submit(page, "form[action$='#add'] button[type=submit]")
    assert page.locator(".field-error #id_absent_rounds").count() == 1
    assert page.locator("#id_name").input_value() == "Jan Królikowski"
    page.locator("#id_absent_rounds").fill("")
    page.locator("#id_organisation_name").fill("Bajgle Króla Jana")
    page.locator("#id_sector").select_option("business")
    submit(page, "form[action$='#add'] button[type=submit]")
    page.locator("#id_name").fill("Stanisław Żółkiewski")
    page.locator("#id_organisation_name").fill("Spółdzielnia „Zakwas”")
    page.locator("#id_sector").select_option("ngo")
    submit(page, "form[action$='#add'] button[type=submit]")
    page.goto(base + f"/networking/s/{session.pk}/participants/import/")
    page.locator("#id_file").set_input_files(files=[{
        "name": "uczestnicy.xlsx", "buffer": spreadsheet(),
        "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}])
    submit(page, "main form[enctype] button[type=submit]")
    assert page.locator("[data-testid=participants] tbody tr").count() == 6

    # Plan, publish, start.
    page.goto(base + f"/networking/s/{session.pk}/")
    submit(page, "[data-testid=optimise]")
    assert page.locator("[data-testid=optimiser-stats]").is_visible()
    assert "9 / 9" in page.locator("[data-testid=optimiser-stats]").inner_text()
    submit(page, "[data-testid=publish]")
    submit(page, "[data-testid=start]")
    no_sideways_scroll(page)

    # Two guests open their personal links on their phones.
    natalia = Participant.objects.get(name="Natalia Wróbel")
    table = natalia.seats.get(round=1).table
    partner = session.seats.filter(round=1, table=table).exclude(participant=natalia) \
        .get().participant
    phones = []
    for person in (natalia, partner):
        context = browser.new_context(locale="pl-PL", viewport=PHONE)
        context.set_default_timeout(10_000)
        phone = context.new_page()
        phone.goto(base + person.get_absolute_url())
        phones.append(phone)
    natalia_phone, partner_phone = phones
    assert natalia_phone.locator("[data-testid=round]").inner_text() == "1"
    assert natalia_phone.locator("[data-testid=table]").inner_text() == str(table)
    assert partner.name in natalia_phone.locator("[data-testid=meet-list]").inner_text()
    assert "Sadzimy drzewa" in partner_phone.locator("[data-testid=meet-list]").inner_text()
    no_sideways_scroll(natalia_phone)
    screenshot(natalia_phone, "networking-phone")

    # Natalia marks her partner (the request goes in the background, no page load).
    natalia_phone.locator(f"[data-testid=mark-{partner.pk}]").click()
    natalia_phone.wait_for_selector(f"[data-testid=mark-{partner.pk}][aria-pressed=true]")
    # The partner answers by keyboard.
    button = partner_phone.locator(f"[data-testid=mark-{natalia.pk}]")
    button.focus()
    partner_phone.keyboard.press("Enter")
    partner_phone.wait_for_selector("[data-testid=match]")
    assert natalia.name in partner_phone.locator("[data-testid=match]").inner_text()

    # The coordinator moves on; Natalia's phone follows on its own (polling, no reload).
    page.goto(base + f"/networking/s/{session.pk}/")
    submit(page, "[data-testid=next]")
    expect(natalia_phone.locator("[data-testid=round]")).to_have_text("2", timeout=9_000)
    match = natalia_phone.locator("[data-testid=match]")
    assert partner.name in match.inner_text()
    if partner.share_contact and partner.email:
        assert partner.email in match.inner_text()
    new_table = str(natalia.seats.get(round=2).table)
    assert natalia_phone.locator("[data-testid=table]").inner_text() == new_table
    screenshot(natalia_phone, "networking-phone-match")

    # The big screen and the statistics on the coordinator's side.
    page.goto(base + f"/networking/s/{session.pk}/screen/")
    assert page.locator("[data-testid=screen-round]").inner_text().strip().endswith("2")
    page.goto(base + f"/networking/s/{session.pk}/statistics/")
    assert page.locator("[data-testid=matches]").inner_text() == "1"
    assert page.locator("[data-testid=pairs-met]").inner_text() == "6"
    for context in [coordinator] + [p.context for p in phones]:
        context.close()


@pytest.fixture
def seed_002(settings):
    from mosty.directory.models import Territory
    from mosty.directory.teryt import load_terc
    from mosty.demo.builders.networking import load_networking_demo
    from mosty.demo.builders.seeds import load_seeds

    settings.NETWORKING_OPTIMISER_SECONDS = 0.5
    # Transactional tests flush tables, including the register loaded by a migration.
    if not Territory.objects.exists():
        load_terc(Territory)
    load_seeds()
    session = load_networking_demo()
    # The demo coordinator runs the Poznań programme (the events builder does this in the demo).
    ProgrammeStaff.objects.get_or_create(
        programme=session.event.programme, role=StaffRole.COORDINATOR,
        user=User.objects.get(email="koordynator@mosty.example"))
    return session


def test_the_seed_002_evening_on_a_phone(browser, live_server, seed_002):
    """The Poznań café evening: 20 businesses and 20 NGOs, tables of 4, 6 rounds."""
    from mosty.demo.builders.seeds import DEMO_PASSWORD

    session = seed_002
    context = browser.new_context(locale="pl-PL", viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill("koordynator@mosty.example")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    submit(page, "main form button[type=submit]")
    page.goto(base + f"/networking/event/{session.event.slug}/")
    submit(page, f"[data-testid=sessions] a[href$='/s/{session.pk}/']")
    assert "40" in page.locator("[data-testid=participant-count]").inner_text()
    submit(page, "[data-testid=start]")
    for path in ("participants/", "seating/?round=1", "statistics/", ""):
        page.goto(base + f"/networking/s/{session.pk}/{path}")
        no_sideways_scroll(page)
    page.goto(base + f"/networking/s/{session.pk}/seating/?round=1")
    assert page.locator("[data-testid=tables] > li").count() == 10
    assert page.locator("[data-testid=problems]").count() == 0
    page.goto(base + f"/networking/s/{session.pk}/screen/")
    assert page.locator("[data-testid=screen-tables] li").count() == 10
    no_sideways_scroll(page)

    guest = session.participants.get(name="Natalia Wróbel")
    phone = context.new_page()
    phone.goto(base + guest.get_absolute_url())
    assert phone.locator("[data-testid=round]").inner_text() == "1"
    assert phone.locator("[data-testid=table]").inner_text() == \
        str(guest.seats.get(round=1).table)
    people = phone.locator("[data-testid=meet-list] li")
    assert people.count() == 3
    sectors = {p.sector for p in session.participants.filter(
        seats__round=1, seats__table=guest.seats.get(round=1).table)}
    assert sectors == {"business", "ngo"}
    no_sideways_scroll(phone)
    screenshot(phone, "networking-seed-002-phone")

    # The same evening's requested one-to-one meetings: placed and published by the demo.
    meetings = NetworkingSession.objects.get(event=session.event, kind="requested")
    teresa = meetings.participants.get(name="Teresa Pietrzak")
    seat = teresa.seats.get()
    phone.goto(base + teresa.get_absolute_url())
    place = phone.locator("[data-testid=meeting-place]").inner_text()
    assert str(seat.table) in place
    assert f"{seat.round}" in place
    no_sideways_scroll(phone)
    screenshot(phone, "networking-seed-002-meetings-phone")
    page.goto(base + f"/networking/s/{meetings.pk}/meetings/")
    assert page.locator("[data-testid=grid] td.taken").count() == 8
    no_sideways_scroll(page)
    context.close()
