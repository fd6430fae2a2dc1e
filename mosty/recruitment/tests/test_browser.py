"""Recruitment end to end in real headless Chromium: a coordinator builds a call with a
required PDF, an applicant applies (a fake PDF first, then a real one), the coordinator
accepts and assigns a group. Selectors use ids, values and data-testid, never translations."""
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mosty.accounts.models import Role
from mosty.core.tests.browser import screenshot
from mosty.directory.models import Membership, Territory
from mosty.directory.teryt import load_terc
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.programmes.models import (
    Edition, Group, GroupMember, Programme, ProgrammeStaff, StaffRole)
from mosty.recruitment.models import Application, RecruitmentCall
from mosty.recruitment.tests.helpers import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"


@pytest.fixture
def scene():
    # Transactional tests flush tables, including the register loaded by a migration.
    if not Territory.objects.exists():
        load_terc(Territory)
    organiser = OrganisationFactory(name="Mazowiecki Instytut Kultury", kind="culture_institute",
                                    sector="public_institution", municipality_id="1465011")
    programme = Programme.objects.create(name="Kultura: Inicjatywy", slug="kultura-inicjatywy",
                                         organiser=organiser)
    edition = Edition.objects.create(programme=programme, name="2019")
    group = Group.objects.create(edition=edition, name="grupa Śmigiel (2019)", area_rule="gmina")
    coordinator = UserFactory(email="koordynatorka@example.org", role=Role.PARTICIPANT)
    ProgrammeStaff.objects.create(programme=programme, user=coordinator,
                                  role=StaffRole.COORDINATOR)
    library = OrganisationFactory(name="Miejska Biblioteka Publiczna w Śmiglu",
                                  slug="mbp-smigiel", sector="public_institution",
                                  kind="library", municipality_id="3011053")
    applicant = UserFactory(email="bibliotekarka@example.org", role=Role.PARTICIPANT)
    Membership.objects.create(user=applicant, organisation=library)
    return {"programme": programme, "group": group, "library": library}


def logged_in(browser, live_server, email: str, width: int = 1280):
    context = browser.new_context(locale="pl-PL", viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    return context, page


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_build_a_call_apply_with_a_bad_then_a_good_pdf_accept_and_assign(
        browser, live_server, scene):
    base = live_server.url
    coordinator_context, coordinator = logged_in(browser, live_server, "koordynatorka@example.org")
    coordinator.goto(f"{base}/programmes/kultura-inicjatywy/")
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("manage-programme").click()
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("new-call").click()
    coordinator.locator("#id_title").fill("Nabór do grupy Śmigiel")
    coordinator.locator("#id_opens_at").fill(local(timezone.now() - timedelta(days=1)))
    coordinator.locator("#id_deadline").fill(local(timezone.now() + timedelta(days=14)))
    coordinator.locator("#id_is_published").check()
    coordinator.locator("#id_questions-0-label").fill("Why do you apply?")
    coordinator.locator("#id_questions-0-kind").select_option("long_text")
    coordinator.locator("#id_questions-0-required").check()
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("add-question").click()
    # Attachment settings appear only once the kind is "file" (progressive enhancement).
    assert not coordinator.locator("#id_questions-1-file_types_0").is_visible()
    coordinator.locator("#id_questions-1-position").fill("2")
    coordinator.locator("#id_questions-1-label").fill("Signed declaration (PDF)")
    coordinator.locator("#id_questions-1-kind").select_option("file")
    coordinator.locator("#id_questions-1-required").check()
    coordinator.locator("input[name='questions-1-file_types'][value='pdf']").check()
    coordinator.locator("#id_questions-1-max_size_mb").fill("2")
    screenshot(coordinator, "recruitment-call-form")
    coordinator.get_by_test_id("save-call").click()
    coordinator.wait_for_url(re.compile(r"/recruitment/calls/\d+/edit/$"))
    call = RecruitmentCall.objects.get()
    motivation, declaration = call.questions.all()
    assert (declaration.kind, declaration.required, declaration.file_types) == ("file", True,
                                                                               ["pdf"])

    applicant_context, applicant = logged_in(browser, live_server, "bibliotekarka@example.org")
    applicant.goto(f"{base}/recruitment/calls/{call.pk}/")
    with applicant.expect_navigation():
        applicant.get_by_test_id("apply").click()
    applicant.locator("#id_organisation").select_option("mbp-smigiel")
    applicant.locator(f"#id_q_{motivation.pk}").fill("We want to work with the OPS next door.")
    applicant.locator(f"#id_q_{declaration.pk}").set_input_files({
        "name": "deklaracja.pdf", "mimeType": "application/pdf",
        "buffer": b"I hereby declare. Signed.\n" * 10})
    with applicant.expect_navigation():
        applicant.get_by_test_id("submit-application").click()
    error = applicant.locator(f"#id_q_{declaration.pk}_error")
    assert error.is_visible()
    assert "deklaracja.pdf" in error.inner_text()
    assert applicant.locator(f"#id_q_{motivation.pk}").input_value() == \
        "We want to work with the OPS next door."
    assert applicant.locator("#id_organisation").input_value() == "mbp-smigiel"
    assert not Application.objects.exists()
    screenshot(applicant, "recruitment-bad-attachment")

    applicant.locator(f"#id_q_{declaration.pk}").set_input_files({
        "name": "deklaracja.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()})
    applicant.get_by_test_id("submit-application").click()
    applicant.wait_for_url(re.compile(r"/recruitment/applications/\d+/$"))
    assert applicant.get_by_test_id("status").get_attribute("data-status") == "submitted"
    application = Application.objects.get()
    assert application.files.get().file_type == "pdf"
    assert [m.to for m in mail.outbox] == [["bibliotekarka@example.org"]]

    coordinator.goto(f"{base}/recruitment/calls/{call.pk}/applications/")
    screenshot(coordinator, "recruitment-list")
    with coordinator.expect_navigation():
        coordinator.locator(f"tr[data-application='{application.pk}'] a").first.click()
    coordinator.locator("input[name=decision][value=accepted]").check()
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("decide").click()
    assert coordinator.get_by_test_id("status").get_attribute("data-status") == "accepted"
    coordinator.locator("#id_group").select_option(str(scene["group"].pk))
    with coordinator.expect_navigation():
        coordinator.get_by_test_id("assign").click()
    assert coordinator.get_by_test_id("group").inner_text() == "grupa Śmigiel (2019)"
    member = GroupMember.objects.get(group=scene["group"])
    assert member.organisation == scene["library"]
    assert len(mail.outbox) == 2
    screenshot(coordinator, "recruitment-review")

    applicant.reload()
    assert applicant.get_by_test_id("group").inner_text() == "grupa Śmigiel (2019)"
    # On a 360 px phone the applicant's pages and the coordinator's list fit the screen.
    for context, path in ((applicant_context, f"/recruitment/applications/{application.pk}/"),
                          (coordinator_context, f"/recruitment/calls/{call.pk}/applications/")):
        phone = browser.new_context(locale="pl-PL", viewport={"width": 360, "height": 740},
                                    storage_state=context.storage_state())
        page = phone.new_page()
        page.goto(base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than a 360px phone"
        phone.close()
    coordinator_context.close()
    applicant_context.close()
