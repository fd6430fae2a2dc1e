"""Seed 000 in real headless Chromium: the Ostrów group's recommendations become an agreement.

The coordinator turns the recommendations of the third workshop into a draft, sees in the
checklist what is missing, fills in the terms and both parties with contributions from their
profiles; a member of the culture centre approves for it after logging in, the
social-assistance centre's representative (no account) through the secret link on a phone;
the coordinator marks it signed, and the programme's map shows the relation.
"""
import re

import pytest
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext

from mosty.accounts.models import Role
from mosty.agreements.models import Agreement, Status
from mosty.core.tests.browser import screenshot
from mosty.directory.tests.factories import MembershipFactory, UserFactory
from mosty.matching.models import Relation, RelationOrigin
from mosty.programmes.models import ProgrammeStaff, StaffRole

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "locale": "pl-PL"}


def log_in(page, email: str) -> None:
    page.goto(page.base + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def label(message: str) -> str:
    """A model field's label as the form shows it (translated, capitalised)."""
    return capfirst(gettext(message))


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def fill_party(page, representative: str, function: str, objectives: str,
               role: str) -> None:
    page.get_by_label(label("representative")).fill(representative)
    page.get_by_label(label("function of the representative")).fill(function)
    page.get_by_label(label("this party's objectives")).fill(objectives)
    page.get_by_label(label("role and tasks")).fill(role)
    page.get_by_test_id("save-party").click()


def add_contribution(page, kind: str) -> None:
    page.get_by_label(label("kind")).select_option(kind)
    page.get_by_label(label("from the profile")).select_option(index=1)
    page.get_by_test_id("add-contribution").click()


def test_seed_000_recommendations_become_a_signed_agreement(browser, page, live_server,
                                                            workshop, mdk, mops, programme):
    coordinator = UserFactory.create(role=Role.COORDINATOR, email="koordynatorka@example.org")
    ProgrammeStaff.objects.create(programme=programme, user=coordinator,
                                  role=StaffRole.COORDINATOR)
    member = UserFactory.create(role=Role.PARTICIPANT, email="mdk@example.org")
    MembershipFactory(user=member, organisation=mdk)

    log_in(page, coordinator.email)
    page.goto(page.base + reverse("events:conclusions", args=[workshop.slug]))
    page.get_by_test_id("agreement-from-recommendations").click()
    assert "świetlicy MOPS" in page.locator("main").inner_text()
    page.get_by_test_id("create-agreement").click()
    agreement = Agreement.objects.get()

    # The terms, from the recommendations onwards.
    assert page.get_by_label(label("scope and forms of cooperation")).input_value() \
        .startswith("Raz w miesiącu")
    page.get_by_label(label("purpose of the cooperation (shared objectives)")).fill(
        "Włączenie seniorów i rodzin w życie kulturalne miasta.")
    page.get_by_label(label("activities and work plan")).fill("Pierwszy wtorek miesiąca.")
    page.get_by_test_id("save-terms").click()
    assert page.get_by_test_id("status").get_attribute("data-status") == "draft"
    missing = page.get_by_test_id("checklist").locator("li.missing").all_inner_texts()
    assert any(gettext("Each partner's resource commitments") in line for line in missing)
    assert any(gettext("Review date") in line for line in missing)
    screenshot(page, "agreements-checklist")

    # Both parties with their representatives and contributions from their profiles.
    page.get_by_test_id(f"party-{mdk.slug}").get_by_role(
        "link", name="Edytuj stronę i jej wkład").click()
    add_contribution(page, "staff")
    fill_party(page, "Joanna Malinowska", "dyrektorka", "Nowa publiczność.",
               "Prowadzi zajęcia.")
    page.get_by_test_id(f"party-{mops.slug}").get_by_role(
        "link", name="Edytuj stronę i jej wkład").click()
    add_contribution(page, "in_kind")
    fill_party(page, "Agnieszka Zając", "kierowniczka", "Aktywizacja podopiecznych.",
               "Udostępnia świetlicę.")
    still_missing = page.get_by_test_id("checklist").locator("li.missing").all_inner_texts()
    assert not any(gettext("Each partner's resource commitments") in t for t in still_missing)
    link = page.get_by_test_id(f"link-{mops.slug}").inner_text().strip()
    pdf = page.request.get(f"{page.base}/agreements/{agreement.pk}/agreement.pdf")
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF")

    # The culture centre's member approves after logging in.
    context = browser.new_context(locale="pl-PL")
    other = context.new_page()
    other.base = page.base
    log_in(other, member.email)
    other.goto(f"{page.base}/agreements/{agreement.pk}/")
    other.get_by_test_id(f"approve-{mdk.slug}").click()
    assert other.get_by_test_id(f"party-{mdk.slug}").get_by_test_id("approved").is_visible()
    context.close()

    # The social-assistance centre's representative has no account: the link, on a phone.
    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()
    phone.goto(link)
    assert "Agnieszka Zając" in phone.get_by_test_id("agreement-text").inner_text()
    assert fits(phone)
    phone.get_by_test_id("link-approve").click()
    assert phone.get_by_test_id("link-approved").is_visible()
    screenshot(phone, "agreements-link-phone")
    phone.goto(f"{page.base}/agreements/{agreement.pk}/")
    assert re.search(r"/accounts/login/", phone.url)
    phone_context.close()

    # Agreed: the coordinator records the signing; the map shows the relation.
    page.reload()
    assert page.get_by_test_id("status").get_attribute("data-status") == "agreed"
    page.get_by_test_id("sign").click()
    assert page.get_by_test_id("status").get_attribute("data-status") == "signed"
    agreement.refresh_from_db()
    assert agreement.status == Status.SIGNED
    relation = Relation.objects.get(origin=RelationOrigin.AGREEMENT)
    assert agreement.relation == relation
    page.goto(page.base + reverse("matching:map", args=["programme", programme.slug]))
    row = page.get_by_test_id("relation-table").locator(f'tr[data-relation="{relation.pk}"]')
    assert mdk.name in row.inner_text()
    assert mops.name in row.inner_text()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{page.base}/agreements/{agreement.pk}/")
    assert fits(page)
