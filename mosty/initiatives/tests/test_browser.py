"""The BLISKO training in real headless Chromium: a team creates an idea on a phone, meets a
conflicting edit, the facilitator runs the presentations with the big-screen timer, another
team gives feedback from a phone, the team accepts the offer of help, sees the matching
funding sources and exports the DOCX that LibreOffice opens."""
import shutil
import subprocess
from decimal import Decimal

import pytest

from mosty.accounts.models import Role
from mosty.core.tests.browser import screenshot
from mosty.directory.models import Territory
from mosty.directory.teryt import load_terc
from mosty.directory.models import Organisation
from mosty.directory.tests.factories import UserFactory
from mosty.initiatives import services, workshop
from mosty.initiatives.models import Idea, Partner, PresentationSession
from mosty.initiatives.tests.conftest import person
from mosty.programmes.models import Programme, ProgrammeStaff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "haslo-testowe-123"
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def training(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    if not Territory.objects.exists():
        load_terc(Territory)
    def organisation(name: str, slug: str, sector: str, kind: str) -> Organisation:
        return Organisation.objects.create(name=name, slug=slug, sector=sector, kind=kind,
                                           municipality_id="3011053")

    library = organisation("Biblioteka w Śmiglu", "mbp", "public_institution", "library")
    kgw = organisation("KGW Nietążkowo", "kgw", "ngo", "rural_women_circle")
    osp = organisation("OSP Stare Bojanowo", "osp", "ngo", "fire_brigade")
    school = organisation("Szkoła w Czaczu", "sp", "public_institution", "school")
    programme = Programme.objects.create(name="BLISKO", slug="blisko", organiser=library)
    facilitator = UserFactory(email="trenerka@example.org", role=Role.FACILITATOR)
    ProgrammeStaff.objects.create(programme=programme, user=facilitator, role="facilitator")
    people = {"author": person(library, email="biblioteka@example.org"),
              "teammate": person(kgw, email="kgw@example.org"),
              "osp": person(osp, email="osp@example.org"),
              "school": person(school, email="szkola@example.org")}
    other = services.create_idea(people["osp"], services.IdeaData(
        "Remiza czyta", programme=programme), osp)
    services.add_member(None, other, people["school"], school)
    third = services.create_idea(people["school"], services.IdeaData(
        "Wiatraki opowiadają", programme=programme), school)
    workshop.save_source(None, workshop.SourceData(
        "Mały grant (art. 19a)", "Gmina Śmigiel", "small_grant", ("ngo",),
        None, Decimal("10000")))
    return {"programme": programme, "people": people, "others": (other, third)}


def login(browser, email: str, viewport: dict | None = None):
    context = browser.new_context(locale="pl-PL", viewport=viewport or PHONE,
                                  accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


def sign_in(page, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    submit(page, "main form button[type=submit]")


def submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than a 360px phone"


def test_blisko_training(browser, live_server, training, tmp_path):
    base = live_server.url
    people = training["people"]
    # A team creates its idea on a phone and adds a person of the KGW.
    _team, page = login(browser, "biblioteka@example.org")
    sign_in(page, base, "biblioteka@example.org")
    page.goto(base + "/initiatives/new/")
    page.locator("#id_title").fill("Bajkowe wieczory pod remizą")
    page.locator("#id_programme").select_option(label="BLISKO")
    page.locator("#id_organisation").select_option(label="Biblioteka w Śmiglu")
    submit(page, "main form button[type=submit]")
    idea = Idea.objects.get(title="Bajkowe wieczory pod remizą")
    assert page.locator("[data-testid=team-warning]").count() >= 1
    page.goto(base + f"/initiatives/{idea.slug}/partners/")
    page.locator("#id_email").fill("kgw@example.org")
    submit(page, "form[action$='/team/'] button[type=submit]")
    assert idea.team.count() == 2
    no_sideways_scroll(page)

    # Two people edit the goals at once: the second save is stopped and shows both.
    page.goto(base + f"/initiatives/{idea.slug}/sections/goals/")
    services.save_section(people["teammate"], idea, "goals", "Cel według KGW")
    page.locator("#id_text").fill("Cel według biblioteki")
    submit(page, "main form button[type=submit]")
    assert "Cel według KGW" in page.locator("[data-testid=conflict]").inner_text()
    assert page.locator("#id_text").input_value() == "Cel według biblioteki"
    submit(page, "main form button[type=submit]")
    assert idea.sections.get(key="goals").text == "Cel według biblioteki"
    page.goto(base + f"/initiatives/{idea.slug}/sections/budget/")
    page.locator("#id_rows-0-item").fill("Książki")
    page.locator("#id_rows-0-own_in_kind").fill("1000")
    page.locator("#id_rows-0-requested").fill("5000")
    submit(page, "main form button[type=submit]")

    # The facilitator sets up the presentations and starts the clock on the big screen.
    _room, desk = login(browser, "trenerka@example.org", {"width": 1280, "height": 800})
    sign_in(desk, base, "trenerka@example.org")
    desk.goto(base + "/initiatives/sessions/new/?programme=blisko")
    desk.locator("#id_title").fill("Prezentacje BLISKO")
    desk.locator("#id_criteria").fill("odpowiada na potrzebę\njest wykonalny")
    for title in ("Remiza czyta", "Wiatraki opowiadają", "Bajkowe wieczory pod remizą"):
        desk.get_by_label(title).check()
    submit(desk, "main form button[type=submit]")
    session = PresentationSession.objects.get()
    assert desk.locator("[data-testid=running-order] li").count() == 3
    submit(desk, "button[value=next]")
    desk.goto(base + f"/initiatives/sessions/{session.pk}/screen/")
    assert desk.locator("[data-testid=screen-title]").inner_text() == "Remiza czyta"
    first = desk.locator("[data-countdown]").inner_text()
    desk.wait_for_timeout(1500)
    assert desk.locator("[data-countdown]").inner_text() != first  # the timer runs
    screenshot(desk, "initiatives-screen")

    # Another team gives feedback from a phone and offers help.
    _phone, phone = login(browser, "osp@example.org")
    sign_in(phone, base, "osp@example.org")
    phone.goto(base + f"/initiatives/sessions/{session.pk}/")
    submit(phone, f"a[href$='/feedback/{idea.slug}/']")
    phone.locator("#id_strengths").fill("Remiza to dobre miejsce")
    phone.locator("#id_can_help").fill("Użyczymy remizy na wieczory")
    phone.locator("#id_organisation").select_option(label="OSP Stare Bojanowo")
    phone.locator("input[name=rating_0][value='5']").check()
    no_sideways_scroll(phone)
    screenshot(phone, "initiatives-feedback-phone")
    submit(phone, "main form button[type=submit]")
    assert idea.feedback.count() == 1

    # The team accepts the offer, sees funding sources and exports the DOCX.
    page.goto(base + idea.get_absolute_url())
    assert "Remiza to dobre miejsce" in page.locator("[data-testid=feedback]").inner_text()
    submit(page, "[data-testid=offer] button[value=accept]")
    assert Partner.objects.filter(idea=idea, organisation__slug="osp", origin="offer").exists()
    assert "Mały grant" in page.locator("[data-testid=sources]").inner_text()
    no_sideways_scroll(page)
    screenshot(page, "initiatives-idea")
    with page.expect_download() as download:
        page.get_by_role("link", name="Opis projektu (DOCX)").click()
    path = tmp_path / "opis.docx"
    download.value.save_as(path)
    if shutil.which("soffice"):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
                       capture_output=True, check=True, timeout=120)
        text = (tmp_path / "opis.txt").read_text(encoding="utf-8-sig")
        assert "Bajkowe wieczory pod remizą" in text
        assert "Cel według biblioteki" in text
        assert "OSP Stare Bojanowo" in text
        assert "Książki" in text
