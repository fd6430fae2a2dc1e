"""In real headless Chromium: a workshop evaluation filled on a 360 px phone with the
connection dropping in the middle, then the coordinator's comparison of Poznań, Ryga and
Helsinki in 2019 and 2020 (radar and bars), the method, the results with their charts at
1280 and 360 px, the XLSX and the PDF report (read back with pdftotext), and a big
survey's file prepared in the background; no Content-Security-Policy violation anywhere."""
import io
import subprocess

import pytest
from django.db import connection
from openpyxl import load_workbook
from playwright.sync_api import Error as PlaywrightError

from mosty.core.tests import demo_snapshot
from mosty.core.tests.browser import screenshot
from mosty.demo.builders.events import load_events_demo
from mosty.demo.builders.seeds import DEMO_PASSWORD, load_seeds
from mosty.demo.builders.surveys import load_surveys_demo
from mosty.demo.loader import load_demo
from mosty.surveys import exports
from mosty.surveys.models import Answer, Response, Survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def surveys_demo() -> None:
    """The seeds with the events and surveys demos. On SQLite the whole demo, copied from the
    snapshot the accessibility audit uses (demo_snapshot: under a second once made); loading
    the surveys demo alone answers 150 surveys through the services, half a minute."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        demo_snapshot.load(load_demo, demo_snapshot.shipped_data)
        return
    load_seeds()
    load_events_demo()
    load_surveys_demo()


def test_evaluation_on_a_phone_survives_a_dropped_connection(page, browser, live_server):
    surveys_demo()
    survey = Survey.objects.get(event__slug="ki-2020-mszczonow-warsztat-1")
    url = f"{live_server.url}/surveys/a/{survey.public_token}/"
    phone = browser.new_context(locale="pl-PL", viewport={"width": 360, "height": 740},
                                is_mobile=True, has_touch=True)
    phone.set_default_timeout(10_000)
    mobile = phone.new_page()
    mobile.goto(url)
    assert "Strona 1 z 2" in mobile.content()
    mobile.get_by_label("bardzo dobrze").check()
    items = mobile.locator("fieldset.matrix-item")
    for n in range(3):
        items.nth(n).get_by_label("raczej się zgadzam").check()
    mobile.get_by_label("inne:").check()
    mobile.get_by_label("Inne, jakie?").fill("współpracujemy od lat")
    with mobile.expect_navigation():
        mobile.get_by_role("button", name="Zapisz i dalej").click()
    assert "Strona 2 z 2" in mobile.content()
    response = Response.objects.get(survey=survey)
    assert Answer.objects.filter(response=response).count() == 5  # page 1 is saved
    assert response.user_id is None
    assert not response.submitted
    mobile.get_by_label("Co było najcenniejsze?").fill("Mapa zasobów obu instytucji")
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(mobile, "surveys-phone-page-2")
    phone.set_offline(True)
    mobile.get_by_role("button", name="Wyślij odpowiedzi").click(no_wait_after=True)
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        mobile.wait_for_url("**done=1", timeout=3000)
    assert not Response.objects.get(pk=response.pk).submitted
    phone.set_offline(False)
    mobile.goto(url + "?page=2")
    assert mobile.get_by_label("Co było najcenniejsze?").input_value() == \
        "Mapa zasobów obu instytucji"  # kept in the browser, nothing typed is lost
    with mobile.expect_navigation():
        mobile.get_by_role("button", name="Wyślij odpowiedzi").click()
    assert "Dziękujemy za odpowiedzi" in mobile.content()
    kept = "Object.keys(localStorage).filter(k => k.startsWith('mosty-survey:')).length"
    assert mobile.evaluate(kept) == 0  # nothing typed stays on a shared phone
    assert mobile.get_by_role("link", name="Zmień odpowiedzi").is_visible()  # until it closes
    response.refresh_from_db()
    assert response.submitted
    assert response.submitted_at is None
    assert Answer.objects.get(response=response, question__code="best").text == \
        "Mapa zasobów obu instytucji"
    assert Answer.objects.get(response=response, question__code="contacts").other == \
        "współpracujemy od lat"
    phone.close()

    page.goto(page.base + "/accounts/login/")
    page.locator("#id_username").fill("koordynator@mosty.example")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(page.base + "/surveys/compare/?programme=poznan-wspolpraca-miedzysektorowa-2019")
    assert page.locator("svg.chart").count() == 2  # the radar and the grouped bars
    assert page.locator("svg.radar polygon[fill-opacity]").count() == 6  # 3 cities x 2 years
    for city in ("Poznań", "Ryga", "Helsinki"):
        for year in (2019, 2020):
            assert page.get_by_role("link", name=f"{city} {year}").is_visible()
    screenshot(page, "surveys-compare")
    page.goto(page.base + "/surveys/method/")
    assert page.get_by_role("heading", name="Realizacja zadań publicznych").is_visible()
    poznan = Survey.objects.get(place="Poznań", year=2020)
    page.goto(page.base + f"/surveys/{poznan.slug}/results/")
    assert "Indeks jakości współpracy" in page.content()
    assert page.locator("svg.radar").count() == 1
    assert page.locator("section.result svg.chart line").count() >= 1  # a diverging chart
    screenshot(page, "surveys-index-results")
    page.set_viewport_size({"width": 360, "height": 800})
    for path in (f"/surveys/{poznan.slug}/results/", f"/surveys/{poznan.slug}/",
                 "/surveys/compare/"):
        page.goto(page.base + path)
        wide = page.evaluate("""[...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > 361).slice(0, 5)
            .map(e => e.tagName + '.' + e.className)""")  # what sticks out, if anything
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, (path, wide)
        screenshot(page, "surveys-phone" + path.replace("/", "-").rstrip("-"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base + f"/surveys/{poznan.slug}/results/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Odpowiedzi jako XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet is not None
    assert sheet.max_row == 2 + poznan_responses(poznan)
    with page.expect_download() as download:
        page.get_by_role("link", name="Raport w PDF").click()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(download.value.path()), "-"],
                          capture_output=True, check=True, text=True).stdout
    assert "Poznań" in text
    assert "Współtworzenie polityki publicznej" in text
    # A big survey's file is prepared in the background, then downloaded by its coordinator.
    exports.IMMEDIATE_RESPONSES = 0
    try:
        page.get_by_role("link", name="Odpowiedzi jako XLSX").click()
        page.wait_for_url("**/exports/")
        with page.expect_navigation():
            page.get_by_role("button", name="Przygotuj odpowiedzi jako XLSX").click()
        assert page.locator("[data-testid=exports] li[data-state=ready]").count() == 1
        with page.expect_download() as download:
            page.get_by_role("link", name="Pobierz").click()
        sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
        assert sheet is not None
        assert sheet.max_row == 2 + poznan_responses(poznan)
    finally:
        exports.IMMEDIATE_RESPONSES = 2000
    assert violations == []


def poznan_responses(survey: Survey) -> int:
    return Response.objects.filter(survey=survey, submitted_on__isnull=False).count()
