"""The accessibility and width audit (issue 14, docs/accessibility.md): every kind of page of
the demo, for every role, passes axe-core's WCAG 2.1 A and AA rules at 1280 and 360 px, and no
page is wider than a 360 px phone. Key pages are photographed into artifacts/screenshots/.

The demo is loaded once per test run (demo_snapshot.py: the first worker loads it, the others copy
it; a later run with the same code copies it too) and removed afterwards; each role is a test of
its own, so that the workers share the roles."""
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from mosty.accounts.models import User
from mosty.core.tests import demo_snapshot
from mosty.core.tests.audit_crawler import (
    PHONE, UNLINKED, WIDE, AuditedStructures, axe_source, crawl, report, save_report)

# The database marker only makes pytest-django create the test database; each test's own
# transaction holds nothing: the demo is committed by demo_site, which removes it at the end.
pytestmark = [
    pytest.mark.browser, pytest.mark.django_db,
    # The pages are the same on both databases; the audit runs once per CI run, on SQLite,
    # where the demo is a copied snapshot (on PostgreSQL every worker would load it anew).
    pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="the accessibility audit runs on SQLite only")]

# Longest crawl first (most kinds of page), so that xdist's workers end together.
ROLES = {
    "coordinator": "koordynator@mosty.example",
    "staff": "admin@mosty.example",
    "moderator": "moderator@mosty.example",
    "official": "urzednik@mosty.example",
    "participant": "uczestnik@mosty.example",
    "anonymous": "",
}


@dataclass
class DemoSite:
    url: str
    cookies: dict[str, list[dict]]  # role -> a logged-in session's cookie
    token_pages: list[str]  # pages opened by a link sent to someone (no login), not linked


def token_pages() -> list[str]:
    """A networking participant's phone page and an open survey's public link."""
    from django.urls import reverse

    from mosty.networking.models import Participant
    from mosty.surveys.models import Survey

    pages = [participant.get_absolute_url()
             for participant in Participant.objects.order_by("pk")[:1]]
    pages += [reverse("surveys:public", args=[survey.public_token]) for survey in
              Survey.objects.filter(public_link=True, status="open").order_by("pk")[:1]]
    return pages


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, browser) -> Iterator[DemoSite]:
    """The demo, committed in the test database, served by a server of this module, and a
    session for each role. Not the `live_server` fixture: that flushes the database after every
    test, and the demo takes long to load."""
    from mosty.demo.loader import load_demo

    with django_db_blocker.unblock():
        demo_snapshot.load(load_demo, demo_snapshot.shipped_data)
        server = LiveServer("localhost")
        try:
            yield DemoSite(server.url, {role: session_cookie(server.url, email)
                                        for role, email in ROLES.items() if email},
                           token_pages())
        finally:
            server.stop()
            # Leave the database as a transactional test does: empty but for shipped data.
            call_command("flush", interactive=False, verbosity=0)
            demo_snapshot.shipped_data()


@pytest.fixture(scope="module")
def audited_structures(tmp_path_factory) -> AuditedStructures:
    """The page structures audited with axe so far in this run, by any role in any xdist worker
    (a folder of the run's temporary directory, which the workers' own ones are inside)."""
    run = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run = run.parent
    folder = run / "axe-structures"
    folder.mkdir(exist_ok=True)
    return AuditedStructures(folder)


def session_cookie(base: str, email: str) -> list[dict]:
    client = Client()
    client.force_login(User.objects.get(email=email))
    name = settings.SESSION_COOKIE_NAME
    return [{"name": name, "value": client.cookies[name].value, "url": base}]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe_and_fits_a_phone(role, browser, demo_site, audited_structures):
    context = browser.new_context(locale="pl-PL", viewport={"width": WIDE, "height": 900})
    context.set_default_timeout(15_000)
    context.add_init_script(script=axe_source())
    if ROLES[role]:
        context.add_cookies(demo_site.cookies[role])
    page = context.new_page()
    try:
        start = UNLINKED + (demo_site.token_pages if role == "anonymous" else [])
        audit = crawl(page, demo_site.url, role, start, structures=audited_structures)
    finally:
        context.close()
    print(f"\n{report(audit)}See {save_report(audit)}")
    assert len(audit.pages) >= 10, f"the crawl reached only {sorted(audit.pages)}"
    if role == "anonymous":
        assert {"networking:phone", "surveys:public", "api:openapi-view"} <= audit.pages.keys()
    findings = "\n".join(str(finding) for finding in audit.findings)
    assert not audit.findings, (
        f"{len(audit.findings)} accessibility or width problems for {role} "
        f"(axe WCAG 2.1 A/AA, page width; at {WIDE} and {PHONE} px):\n{findings}")
