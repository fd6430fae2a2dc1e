"""The whole path of a programme, in real headless Chromium, in Polish and in English.

A coordinator builds a recruitment call with a required PDF; a member of a library applies
(a fake PDF is refused, a real one accepted); the coordinator accepts the application and
puts the library in a group, then schedules the three workshops of seed 000 for that group;
the applicant accepts the invitations and subscribes to their calendar; at the first
workshop the facilitator checks them in on a phone and then publishes the conclusions with
an attachment, which an anonymous visitor sees on the event page.

Only the base data (organisations, the programme, its edition and group, accounts) comes
from the ORM; every step is done through the pages. Each browser starts in the *other*
language (its Accept-Language) and switches with the site's language buttons, and every
step checks a visible heading, button or message against Django's own translation, so the
test fails if a page does not render in the chosen language.
"""
import functools
import re
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from mosty.core.pdf import new_document, to_bytes
from mosty.core.tests.browser import open_menu, screenshot
from mosty.directory.models import Membership, Territory
from mosty.directory.teryt import load_terc
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.events import cycles
from mosty.events.cycle_data import KI_WORKSHOPS
from mosty.events.models import Conclusions, EventFile, Registration
from mosty.programmes.models import (
    Edition, Event, Group, GroupMember, Programme, ProgrammeStaff, StaffRole)
from mosty.recruitment.models import Application, RecruitmentCall

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"
LANGUAGES = ["pl", "en"]
# Each browser asks for the other language first, so only the language buttons can make the
# pages come in the language under test.
BROWSER_LOCALE = {"pl": "en-GB", "en": "pl-PL"}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
CALL_TITLE = "Nabór 2027: grupa Śmigiel"
GROUP_NAME = "grupa Śmigiel"
MOTIVATION = "Chcemy współpracować z ośrodkiem pomocy społecznej za ścianą."
CONCLUSIONS = "Instytucje znają już swoje oferty i zasoby."
RECOMMENDATIONS = "Wspólne zajęcia dla seniorów raz w miesiącu."


def tr(lang: str, message: str, **values: object) -> str:
    """The message as Django renders it in `lang`; it must differ between the languages,
    or checking it would not tell them apart."""
    rendered = {}
    for code in LANGUAGES:
        with translation.override(code):
            rendered[code] = gettext(message) % values if values else gettext(message)
    assert rendered["pl"] != rendered["en"], f"{message!r} is not translated"
    return rendered[lang]


@functools.lru_cache
def pdf_bytes(text: str) -> bytes:
    """A real PDF, made the way Mosty makes its own documents."""
    pdf = new_document(text)
    pdf.add_page()
    pdf.cell(text=text)
    return to_bytes(pdf)


def local(moment) -> str:
    """A value for <input type="datetime-local">."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def in_language(page, lang: str) -> None:
    assert page.locator("html").get_attribute("lang") == lang


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def success(page) -> str:
    return page.locator(".messages .message-success").inner_text()


@pytest.fixture
def scene():
    """Base data: a programme with an edition and an empty group, its coordinator and
    facilitator, and a librarian whose library is not in any group yet."""
    # Transactional tests flush tables, including those filled by data migrations.
    if not Territory.objects.exists():
        load_terc(Territory)
    cycles.install_shipped_templates()
    organiser = OrganisationFactory(name="Mazowiecki Instytut Kultury", kind="culture_institute",
                                    sector="public_institution", municipality_id="1465011")
    programme = Programme.objects.create(name="Kultura: Inicjatywy", slug="kultura-inicjatywy",
                                         organiser=organiser)
    edition = Edition.objects.create(programme=programme, name="2027")
    group = Group.objects.create(edition=edition, name=GROUP_NAME, area_rule="gmina")
    library = OrganisationFactory(name="Miejska Biblioteka Publiczna w Śmiglu",
                                  slug="mbp-smigiel", sector="public_institution",
                                  kind="library", municipality_id="3011053")
    applicant = UserFactory(email="bibliotekarka@example.org", full_name="Żaneta Łęcka")
    Membership.objects.create(user=applicant, organisation=library)
    people = {"applicant": applicant}
    for role, email, name in (
            (StaffRole.COORDINATOR, "koordynatorka@example.org", "Katarzyna Koordynatorka"),
            (StaffRole.FACILITATOR, "moderatorka@example.org", "Ewa Moderatorka")):
        people[role] = UserFactory(email=email, full_name=name)
        ProgrammeStaff.objects.create(programme=programme, user=people[role], role=role)
    return {"programme": programme, "edition": edition, "group": group, "library": library,
            **people}


@pytest.fixture
def contexts(browser) -> Iterator[list]:
    """Browser contexts opened by the test, closed even when it fails half-way."""
    opened: list = []
    yield opened
    for context in opened:
        context.close()


class People:
    """Opens a browser for a person, switches it to the language under test through the
    site's buttons, and logs in through the login form."""

    def __init__(self, browser, live_server, contexts: list, lang: str) -> None:
        self.browser, self.base, self.contexts, self.lang = (
            browser, live_server.url, contexts, lang)

    def browse(self, path: str, **options: object):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = self.browser.new_context(locale=BROWSER_LOCALE[self.lang], **options)
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        page = context.new_page()
        page.goto(self.base + path)
        other = "en" if self.lang == "pl" else "pl"
        in_language(page, other)  # the browser's own language, before the switch
        with page.expect_navigation():
            page.locator(f".lang-switch button[name=language][value={self.lang}]").click()
        in_language(page, self.lang)
        assert page.locator(f".lang-switch button[value={self.lang}]").get_attribute(
            "aria-current") == "true"
        return page

    def log_in(self, email: str, **options: object):
        page = self.browse("/accounts/login/", **options)
        assert heading(page) == tr(self.lang, "Log in")
        page.locator("#id_username").fill(email)
        page.locator("#id_password").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        # On a phone the main menu may fold behind a "Menu" button: open it as a person would.
        toggle = page.locator(".main-nav .menu-toggle")
        if toggle.count() and toggle.is_visible():
            toggle.click()
        assert page.get_by_role("button", name=tr(self.lang, "Log out")).is_visible()
        return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_from_recruitment_call_to_published_conclusions(browser, live_server, contexts,
                                                        scene, lang):
    base = live_server.url
    people = People(browser, live_server, contexts, lang)
    programme, group = scene["programme"], scene["group"]

    # 1. The coordinator builds the call: a motivation and a required signed PDF.
    coordinator = people.log_in("koordynatorka@example.org")
    coordinator.goto(f"{base}/programmes/{programme.slug}/")
    manage = coordinator.get_by_test_id("manage-programme")
    assert manage.inner_text() == tr(lang, "Manage the programme")
    with coordinator.expect_navigation():
        manage.click()
    assert heading(coordinator) == tr(lang, "Managing %(name)s", name=programme.name)
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("new-call").click()
    assert heading(coordinator) == tr(lang, "New recruitment call")
    coordinator.locator("#id_edition").select_option(str(scene["edition"].pk))
    coordinator.locator("#id_title").fill(CALL_TITLE)
    coordinator.locator("#id_opens_at").fill(local(timezone.now() - timedelta(days=1)))
    coordinator.locator("#id_deadline").fill(local(timezone.now() + timedelta(days=14)))
    coordinator.locator("#id_is_published").check()
    coordinator.locator("#id_questions-0-label").fill("Dlaczego się zgłaszacie?")
    coordinator.locator("#id_questions-0-kind").select_option("long_text")
    coordinator.locator("#id_questions-0-required").check()
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("add-question").click()
    coordinator.locator("#id_questions-1-position").fill("2")
    coordinator.locator("#id_questions-1-label").fill("Podpisana deklaracja (PDF)")
    coordinator.locator("#id_questions-1-kind").select_option("file")
    coordinator.locator("input[name='questions-1-file_types'][value='pdf']").check()
    coordinator.locator("#id_questions-1-required").check()
    coordinator.locator("#id_questions-1-max_size_mb").fill("2")
    save = coordinator.get_by_test_id("save-call")
    assert save.inner_text() == tr(lang, "Save the call")
    screenshot(coordinator, f"full-path-{lang}-1-call-form")
    save.click()
    coordinator.wait_for_url(re.compile(r"/recruitment/calls/\d+/edit/$"))
    assert success(coordinator) == tr(lang, "The call has been saved.")
    call = RecruitmentCall.objects.get()
    motivation, declaration = call.questions.all()
    assert (declaration.kind, declaration.required, declaration.file_types) == (
        "file", True, ["pdf"])

    # 2. The librarian applies: a text file named .pdf is refused, a real PDF accepted.
    applicant = people.log_in("bibliotekarka@example.org")
    applicant.goto(f"{base}/programmes/{programme.slug}/")
    with applicant.expect_navigation():
        applicant.get_by_test_id("programme-recruitment").get_by_role(
            "link", name=CALL_TITLE).click()
    apply = applicant.get_by_test_id("apply")
    assert apply.inner_text() == tr(lang, "Apply")
    with applicant.expect_navigation():
        apply.click()
    assert heading(applicant) == tr(lang, "Apply: %(title)s", title=CALL_TITLE)
    applicant.locator("#id_organisation").select_option("mbp-smigiel")
    applicant.locator(f"#id_q_{motivation.pk}").fill(MOTIVATION)
    applicant.locator(f"#id_q_{declaration.pk}").set_input_files({
        "name": "deklaracja.pdf", "mimeType": "application/pdf",
        "buffer": b"Oswiadczam, ze... Podpisano.\n" * 10})
    submit = applicant.get_by_test_id("submit-application")
    assert submit.inner_text() == tr(lang, "Submit the application")
    with applicant.expect_navigation():
        submit.click()
    with translation.override(lang):
        allowed = ", ".join(declaration.file_type_labels)
        what = gettext("not a document Mosty recognises")
    refusal = tr(lang, "“%(name)s” is not one of the accepted kinds of file (%(allowed)s): "
                       "its content is %(what)s, whatever its name says.",
                 name="deklaracja.pdf", allowed=allowed, what=what)
    error = applicant.locator(f"#id_q_{declaration.pk}_error")
    assert error.is_visible()
    assert error.inner_text() == refusal
    assert applicant.locator(".messages .message-error").inner_text() == tr(
        lang, "Nothing has been saved: correct what is marked below. Your answers are still "
              "in the form and the files of your draft are kept.")
    assert applicant.locator(f"#id_q_{motivation.pk}").input_value() == MOTIVATION
    assert applicant.locator("#id_organisation").input_value() == "mbp-smigiel"
    assert not Application.objects.exists()
    screenshot(applicant, f"full-path-{lang}-2-bad-attachment")
    applicant.locator(f"#id_q_{declaration.pk}").set_input_files({
        "name": "deklaracja.pdf", "mimeType": "application/pdf",
        "buffer": pdf_bytes("Deklaracja uczestnictwa: MBP w Śmiglu")})
    applicant.get_by_test_id("submit-application").click()
    applicant.wait_for_url(re.compile(r"/recruitment/applications/\d+/$"))
    assert heading(applicant) == tr(lang, "Application: %(title)s", title=CALL_TITLE)
    assert success(applicant) == tr(lang, "Your application has been submitted. We have sent "
                                          "you a confirmation by e-mail.")
    assert applicant.get_by_test_id("status").get_attribute("data-status") == "submitted"
    application = Application.objects.get()
    assert application.files.get().file_type == "pdf"
    assert application.language == lang
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["bibliotekarka@example.org"],
         tr(lang, "Application received: %(call)s", call=CALL_TITLE))]

    # 3. The coordinator accepts it and puts the library in the group.
    with coordinator.expect_navigation():
        coordinator.locator(f"a[href='/recruitment/calls/{call.pk}/applications/']").first.click()
    assert heading(coordinator) == tr(lang, "Applications: %(title)s", title=CALL_TITLE)
    with coordinator.expect_navigation():
        coordinator.locator(f"tr[data-application='{application.pk}'] a").first.click()
    assert heading(coordinator) == tr(lang, "Application of %(name)s",
                                      name=scene["library"].name)
    coordinator.locator("input[name=decision][value=accepted]").check()
    decide = coordinator.get_by_test_id("decide")
    assert decide.inner_text() == tr(lang, "Save the decision")
    with coordinator.expect_navigation():
        decide.click()
    assert success(coordinator) == tr(lang, "The decision has been saved. The applicant gets "
                                            "an e-mail whenever it changes.")
    assert coordinator.get_by_test_id("status").get_attribute("data-status") == "accepted"
    assert coordinator.get_by_role("heading", name=tr(lang, "Place in a group")).is_visible()
    coordinator.locator("#id_group").select_option(str(group.pk))
    assign = coordinator.get_by_test_id("assign")
    assert assign.inner_text() == tr(lang, "Assign to the group")
    with coordinator.expect_navigation():
        assign.click()
    assert success(coordinator) == tr(lang, "%(organisation)s is now in group “%(group)s”.",
                                      organisation=scene["library"].name, group=GROUP_NAME)
    assert coordinator.get_by_test_id("group").inner_text() == GROUP_NAME
    member = GroupMember.objects.get(group=group)
    assert member.organisation == scene["library"]
    assert list(member.people.all()) == [scene["applicant"]]
    assert mail.outbox[-1].subject == tr(
        lang, "Your application has been accepted: %(call)s", call=CALL_TITLE)
    screenshot(coordinator, f"full-path-{lang}-3-accepted")

    # 4. The coordinator schedules the three workshops of seed 000 for the group.
    coordinator.goto(f"{base}/programmes/{programme.slug}/")
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("manage-events").click()
    assert heading(coordinator) == tr(lang, "Events of %(name)s", name=programme.name)
    schedule = coordinator.get_by_test_id("schedule-cycle")
    assert schedule.inner_text() == tr(lang, "Schedule a cycle for a group")
    with coordinator.expect_navigation():
        schedule.click()
    assert heading(coordinator) == tr(lang, "Schedule a cycle for a group")
    coordinator.get_by_test_id("template").select_option(KI_WORKSHOPS["slug"])
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("choose-template").click()
    coordinator.locator("#id_group").select_option(str(group.pk))
    coordinator.locator("#id_place").fill("Miejska Biblioteka Publiczna w Śmiglu, ul. Ogrodowa 8")
    first_day = timezone.localdate() + timedelta(days=1)
    for number in range(1, 4):
        coordinator.locator(f"#id_date_{number}").fill(
            f"{first_day + timedelta(days=14 * (number - 1)):%Y-%m-%d}")
    create = coordinator.get_by_test_id("schedule")
    assert create.inner_text() == tr(lang, "Create the events")
    with coordinator.expect_navigation():
        create.click()
    assert coordinator.url == f"{base}/events/programme/{programme.slug}/"
    assert success(coordinator) == tr(lang, "The cycle has been scheduled: %(count)s events "
                                            "created and the group invited.", count=3)
    workshops = list(Event.objects.filter(group=group).order_by("start"))
    assert [w.title for w in workshops] == [f"{step['title']} — {GROUP_NAME}"
                                            for step in KI_WORKSHOPS["steps"]]
    assert coordinator.locator("[data-testid^='managed-']").count() == 3
    first = workshops[0]

    # 5. The librarian sees the three invitations, accepts them and subscribes to them.
    open_menu(applicant, tr(lang, "Events"))
    with applicant.expect_navigation():
        applicant.locator(".main-nav").get_by_role("link", name=tr(lang, "My events")).click()
    assert heading(applicant) == tr(lang, "My events")
    cards = applicant.locator("[data-testid^='registration-']")
    assert cards.locator("h3").all_inner_texts() == [w.title for w in workshops]
    assert {cards.nth(i).get_attribute("data-status") for i in range(3)} == {"invited"}
    for workshop in workshops:
        accept = applicant.get_by_test_id(f"accept-{workshop.slug}")
        assert accept.inner_text() == tr(lang, "Accept the invitation")
        with applicant.expect_navigation():
            accept.click()
        assert success(applicant) == tr(lang, "You are registered. See you there!")
        assert applicant.get_by_test_id(f"registration-{workshop.slug}").get_attribute(
            "data-status") == "confirmed"
    assert set(Registration.objects.values_list("status", "language")) == {("confirmed", lang)}
    assert applicant.get_by_role("heading", name=tr(lang, "My calendar")).is_visible()
    make_calendar = applicant.get_by_test_id("make-calendar")
    assert make_calendar.inner_text() == tr(lang, "Create my calendar address")
    with applicant.expect_navigation():
        make_calendar.click()
    assert applicant.get_by_label(tr(lang, "Address of my calendar")).is_visible()
    feed_url = applicant.get_by_test_id("calendar-url").input_value()
    screenshot(applicant, f"full-path-{lang}-5-my-events")
    # A calendar program has no session: the secret address is enough.
    with urllib.request.urlopen(feed_url, timeout=10) as response:
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        feed = Calendar.from_ical(response.read())
    vevents = sorted(feed.walk("VEVENT"), key=lambda v: v["DTSTART"].dt)
    assert [(str(v["SUMMARY"]), v["DTSTART"].dt, str(v["STATUS"])) for v in vevents] == [
        (w.title, w.start, "CONFIRMED") for w in workshops]
    starts = [v["DTSTART"].dt for v in vevents]  # a date-only DTSTART would drop out below
    assert [timezone.localtime(start).hour for start in starts
            if isinstance(start, datetime)] == [10, 10, 10]

    # 6. At the first workshop the facilitator checks her in on a 360 px phone.
    registration = Registration.objects.get(event=first, user=scene["applicant"])
    facilitator = people.log_in("moderatorka@example.org", **PHONE)
    facilitator.goto(f"{base}{first.get_absolute_url()}")
    check_in_link = facilitator.get_by_test_id("check-in-link")
    assert check_in_link.inner_text() == tr(lang, "Check-in (phone)")
    with facilitator.expect_navigation():
        check_in_link.click()
    assert heading(facilitator) == tr(lang, "Check-in")
    assert facilitator.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    present = facilitator.get_by_test_id("present-count")
    assert present.inner_text() == tr(lang, "Present: %(present)s of %(total)s",
                                      present=0, total=1)
    button = facilitator.get_by_test_id(f"checkin-{registration.pk}")
    assert button.locator(".checkin-name").inner_text() == "Żaneta Łęcka"
    assert button.locator(".checkin-state").inner_text() == tr(lang, "tap to check in")
    box = button.bounding_box()
    assert box["height"] >= 48
    assert box["width"] >= 300
    with facilitator.expect_navigation():
        button.tap()
    button = facilitator.get_by_test_id(f"checkin-{registration.pk}")
    assert button.get_attribute("data-present") == "1"
    assert button.locator(".checkin-state").inner_text() == \
        "✓ " + tr(lang, "present — tap to undo")
    assert present.inner_text() == tr(lang, "Present: %(present)s of %(total)s",
                                      present=1, total=1)
    screenshot(facilitator, f"full-path-{lang}-6-check-in-phone")
    registration.refresh_from_db()
    assert registration.attended_at is not None

    # 7. After the workshop she records the conclusions with an attachment and publishes.
    summary = pdf_bytes("Konkluzje z warsztatu 1: zasoby i potencjały")
    facilitator.goto(f"{base}{first.get_absolute_url()}")
    with facilitator.expect_navigation():
        facilitator.get_by_test_id("conclusions-link").click()
    assert heading(facilitator) == tr(lang, "Conclusions and recommendations")
    assert facilitator.get_by_test_id("publication").get_attribute("data-published") == "0"
    facilitator.locator("#id_conclusions").fill(CONCLUSIONS)
    facilitator.locator("#id_recommendations").fill(RECOMMENDATIONS)
    facilitator.locator("#id_attachment").set_input_files({
        "name": "konkluzje.pdf", "mimeType": "application/pdf", "buffer": summary})
    facilitator.locator("#id_attachment_title").fill("Konkluzje z warsztatu 1")
    facilitator.get_by_label(tr(lang, "Publish on the event page")).check()
    save = facilitator.get_by_test_id("save-conclusions")
    assert save.inner_text() == tr(lang, "Save")
    with facilitator.expect_navigation():
        save.click()
    assert success(facilitator) == tr(lang, "The conclusions have been published.")
    assert facilitator.get_by_test_id("publication").get_attribute("data-published") == "1"
    assert Conclusions.objects.get(event=first).is_published
    assert EventFile.objects.get(event=first).title == "Konkluzje z warsztatu 1"

    # 8. Anyone sees them on the public event page, and downloads the attachment.
    visitor = people.browse(first.get_absolute_url())
    assert heading(visitor) == first.title
    assert visitor.get_by_role("button", name=tr(lang, "Log out")).count() == 0
    section = visitor.get_by_test_id("conclusions")
    assert section.get_by_role("heading", level=2).inner_text() == tr(
        lang, "Conclusions and recommendations")
    assert section.get_by_role("heading", name=tr(lang, "Recommendations"),
                               exact=True).is_visible()
    assert visitor.get_by_test_id("conclusions-text").inner_text() == CONCLUSIONS
    assert visitor.get_by_test_id("recommendations-text").inner_text() == RECOMMENDATIONS
    link = visitor.get_by_test_id("attachments").get_by_role("link")
    assert link.inner_text() == "Konkluzje z warsztatu 1"
    download = visitor.request.get(base + link.get_attribute("href"))
    assert download.status == 200
    assert download.body() == summary
    screenshot(visitor, f"full-path-{lang}-8-published-conclusions")
