"""The issue's whole flow in real headless Chromium, as the demo's official of Poznań: 2020's
programme started from 2019's, the completeness check, a consultation with three comments made
by NGO members on phones and answered, the documents downloaded and read, the implementation
report generated."""
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from mosty.core.tests.browser import screenshot
from mosty.cooperation.models import Comment, CooperationProgramme, Status
from mosty.demo.builders.cooperation import load_programmes
from mosty.demo.builders.seeds import DEMO_PASSWORD, load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}
OFFICIAL = "urzednik@mosty.example"
NGO_MEMBERS = [("natalia.wrobel@mosty.example", "Posadzone drzewa potrzebują opieki."),
               ("marek.blaszczyk@mosty.example", "Lokale na kluby sąsiedzkie na stałe."),
               ("teresa.pietrzak@mosty.example", "Członków komisji niech wskazują KDO.")]


def log_in(browser, base: str, email: str, viewport: dict[str, int]):
    context = browser.new_context(locale="pl-PL", viewport=viewport, accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    return context, page


def click(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def download(page, name: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(str(path))
    return path


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_official_runs_the_2020_programme_and_its_consultation(browser, live_server,
                                                                    tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    load_seeds()
    load_programmes(only_years=(2019,))
    base = live_server.url
    context, page = log_in(browser, base, OFFICIAL, {"width": 1280, "height": 900})

    # Start 2020 from 2019.
    page.goto(base + "/cooperation/")
    with page.expect_navigation():
        page.get_by_role("link", name="Rozpocznij program").click()
    page.get_by_label("Rok").fill("2020")
    page.get_by_label("Zacznij od").select_option(
        label="Program współpracy z organizacjami pozarządowymi na rok 2019 – Poznań")
    click(page, "Rozpocznij")
    programme = CooperationProgramme.objects.get(year=2020)
    assert programme.paragraphs.count() == 15

    # Empty one chapter: the completeness check names it and blocks marking the draft final.
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"Edytuj rozdział\W+Wysokość środków")).click()
    page.get_by_label("Paragrafy").fill("")
    click(page, "Zapisz")
    assert page.get_by_role("status").filter(has_text="Brakujące lub puste").is_visible()
    click(page, "Oznacz projekt jako ostateczny")
    assert "W programie brakuje wymaganych elementów (art. 5a ust. 4): Wysokość środków " \
           "planowanych na realizację programu." in page.content()
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT
    with page.expect_navigation():
        page.get_by_role("link", name="Wysokość środków planowanych na realizację programu",
                         exact=True).click()
    page.get_by_label("Paragrafy").fill("Na realizację programu planuje się przeznaczyć "
                                        "nie mniej niż 62 000 000 zł.")
    click(page, "Zapisz")
    assert "Wszystkie wymagane elementy są na miejscu." in page.content()

    # Publish the draft for consultation from today for two weeks.
    with page.expect_navigation():
        page.get_by_role("link", name="Konsultacje i przyjęcie").click()
    today = timezone.localdate()
    page.get_by_label("Początek konsultacji").fill(today.isoformat())
    page.get_by_label("Koniec konsultacji").fill((today + timedelta(days=14)).isoformat())
    click(page, "Opublikuj do konsultacji")
    programme.refresh_from_db()
    assert programme.status == Status.CONSULTATION

    # Three NGO members comment on their phones, each on a paragraph.
    for number, (email, text) in enumerate(NGO_MEMBERS, start=1):
        phone, ngo_page = log_in(browser, base, email, PHONE)
        ngo_page.goto(base + f"/cooperation/{programme.pk}/")
        assert ngo_page.evaluate("document.documentElement.scrollWidth") <= 360
        with ngo_page.expect_navigation():
            ngo_page.get_by_role("link", name=re.compile(
                rf"Zgłoś uwagę do paragrafu\s*§ {number + 3}$")).click()
        ngo_page.get_by_label("Uwaga i jej uzasadnienie").fill(text)
        if number == 1:
            ngo_page.get_by_label("propozycja nowego brzmienia").check()
            ngo_page.get_by_label("Proponowane brzmienie").fill("Nowe brzmienie paragrafu.")
            screenshot(ngo_page, "cooperation-comment-phone")
            width = ngo_page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360
        click(ngo_page, "Wyślij uwagę")
        assert "Dziękujemy: uwaga została przekazana do urzędu." in ngo_page.content()
        phone.close()
    assert Comment.objects.filter(programme=programme).count() == 3

    # The official answers each comment and publishes the consultation report.
    page.goto(base + f"/cooperation/{programme.pk}/answers/")
    for number, decision in enumerate(["uwzględniona", "uwzględniona częściowo", "odrzucona"],
                                      start=1):
        card = page.locator("section.card").nth(number - 1)
        card.get_by_label("Rozstrzygnięcie").select_option(label=decision)
        card.get_by_label("Uzasadnienie").fill(f"Uzasadnienie rozstrzygnięcia nr {number}.")
        with page.expect_navigation():
            card.get_by_role("button", name="Zapisz rozstrzygnięcie").click()
    assert not Comment.objects.filter(programme=programme, decision="").exists()
    page.goto(base + f"/cooperation/{programme.pk}/")
    click(page, "Opublikuj sprawozdanie z konsultacji")
    assert "Wpłynęły 3 uwagi od 3 organizacji: 1 uwzględniono, 1 uwzględniono częściowo, " \
           "1 odrzucono." in page.content()
    screenshot(page, "cooperation-programme")

    # The consultation report and the programme as DOCX (LibreOffice opens it) and PDF.
    documents = page.locator("h2:has-text('Dokumenty') + ul")
    with page.expect_download() as info:
        documents.locator("li", has_text="Sprawozdanie z konsultacji").get_by_role(
            "link", name="PDF").click()
    report_pdf = tmp_path / "raport.pdf"
    info.value.save_as(str(report_pdf))
    report_text = pdf_text(report_pdf)
    for _email, text in NGO_MEMBERS:
        assert text in report_text
    assert "Uzasadnienie rozstrzygnięcia nr 3." in report_text
    with page.expect_download() as info:
        documents.locator("li", has_text="Sprawozdanie z konsultacji").get_by_role(
            "link", name="DOCX").click()
    report_docx = tmp_path / "raport.docx"
    info.value.save_as(str(report_docx))
    with page.expect_download() as info:
        documents.locator("li", has_text="Program").first.get_by_role("link", name="DOCX").click()
    programme_docx = tmp_path / "program.docx"
    info.value.save_as(str(programme_docx))
    with page.expect_download() as info:
        documents.locator("li", has_text="Program").first.get_by_role("link", name="PDF").click()
    programme_pdf = tmp_path / "program.pdf"
    info.value.save_as(str(programme_pdf))
    assert "Rozdział 8. Wysokość środków planowanych na realizację programu" in pdf_text(
        programme_pdf)
    if shutil.which("soffice"):
        out = tmp_path / "converted"
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "pdf", "--outdir", str(out), str(report_docx),
                        str(programme_docx)], check=True, capture_output=True, timeout=180)
        assert NGO_MEMBERS[1][1] in pdf_text(out / "raport.pdf")
        assert "§ 1. Celem głównym programu" in pdf_text(out / "program.pdf")

    # The implementation report of 2019 from recorded data and the office's figures.
    page.goto(base + "/cooperation/")
    with page.expect_navigation():
        page.get_by_role("link", name="2019", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Sprawozdanie z realizacji").click()
    page.get_by_label("Ogłoszone otwarte konkursy ofert").fill("12")
    page.get_by_label("Udzielone dotacje").fill("340")
    page.get_by_label("Kwota dotacji (zł)").fill("41250000")
    click(page, "Wygeneruj sprawozdanie")
    with page.expect_download() as info:
        page.get_by_role("status").get_by_role("link", name="PDF").click()
    implementation = tmp_path / "sprawozdanie.pdf"
    info.value.save_as(str(implementation))
    text = pdf_text(implementation)
    assert "Udzielone dotacje: 340, na kwotę 41 250 000,00 zł." in text
    assert "Warsztat o Rocznym Programie" in text  # a 2019 event of Poznań, recorded
    screenshot(page, "cooperation-report")
    context.close()
