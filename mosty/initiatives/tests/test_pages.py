"""The pages through HTTP: create, edit with a conflict, history, partners, feedback,
exports, and list pages whose query count does not grow with the data."""
import io
import shutil
import subprocess
import zipfile

import pytest
from django.urls import reverse

from mosty.initiatives import services, workshop
from mosty.initiatives.models import Idea, Partner, PartnerOffer, Section, TeamMember
from mosty.matching.models import Relation

pytestmark = pytest.mark.django_db


def test_create_an_idea(client, author, library, programme, programme_coordinator):
    client.force_login(author)
    response = client.post(reverse("initiatives:create"), {
        "title": "Nowy pomysł", "summary": "Krótko.", "organisation": library.pk})
    idea = Idea.objects.get(title="Nowy pomysł")
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url()
    assert TeamMember.objects.get(idea=idea).user == author
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "tylko z jednej organizacji" in page


def test_a_conflicting_save_keeps_the_users_text_and_shows_both(client, idea, author,
                                                                teammate):
    url = reverse("initiatives:section", args=[idea.slug, "goals"])
    client.force_login(author)
    assert 'name="version" value="0"' in client.get(url).content.decode()
    services.save_section(teammate, idea, "goals", "Cel zapisany przez KGW")
    response = client.post(url, {"version": "0", "text": "Cel wpisany przez bibliotekę"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cel zapisany przez KGW" in html
    assert "Cel wpisany przez bibliotekę" in html
    assert 'data-testid="conflict"' in html
    assert 'name="version" value="1"' in html
    assert Section.objects.get(idea=idea, key="goals").text == "Cel zapisany przez KGW"
    response = client.post(url, {"version": "1", "text": "Cel wspólny"})
    assert response.status_code == 302
    assert Section.objects.get(idea=idea, key="goals").version == 2


def test_row_sections_are_edited_as_tables(client, idea, author):
    client.force_login(author)
    url = reverse("initiatives:section", args=[idea.slug, "budget"])
    response = client.post(url, {
        "version": "0", "rows-TOTAL_FORMS": "2", "rows-INITIAL_FORMS": "0",
        "rows-0-item": "Książki", "rows-0-own_cash": "100", "rows-0-requested": "900",
        "rows-1-item": ""})
    assert response.status_code == 302
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Książki" in page
    assert "1000,00" in page


def test_history_compares_and_restores(client, idea, author):
    services.save_section(author, idea, "problem", "Drugi opis problemu")
    client.force_login(author)
    html = client.get(reverse("initiatives:history", args=[idea.slug, "problem"])).content \
        .decode()
    assert "+ Drugi opis problemu" in html
    assert "- Seniorzy z wiosek" in html
    client.post(reverse("initiatives:restore", args=[idea.slug, "problem", 1]))
    assert Section.objects.get(idea=idea, key="problem").text.startswith("Seniorzy z wiosek")


def test_a_gap_finds_an_organisation_that_is_invited_and_accepts(client, idea, author, osp,
                                                                  osp_member, library):
    client.force_login(author)
    url = reverse("initiatives:partners", args=[idea.slug])
    html = client.get(url, {"need": "potrzebujemy sali dla 40 osób"}).content.decode()
    assert "OSP Stare Bojanowo" in html
    client.post(reverse("initiatives:invite", args=[idea.slug]), {
        "organisation": osp.pk, "need": "sala dla 40 osób"})
    offer = PartnerOffer.objects.get(idea=idea, organisation=osp)
    client.force_login(osp_member)
    assert "sala dla 40 osób" in client.get(reverse("initiatives:index")).content.decode()
    client.post(reverse("initiatives:answer", args=[offer.pk]), {"answer": "accept"})
    assert Partner.objects.filter(idea=idea, organisation=osp, origin="invitation").exists()
    assert Relation.objects.filter(kind="codesign", origin="initiative").count() == 2


def test_feedback_from_a_phone_becomes_an_offer(client, idea, programme, facilitator, osp,
                                                osp_member, author):
    other = services.create_idea(osp_member, services.IdeaData("Remiza", programme=programme),
                                 osp)
    session = workshop.create_session(facilitator, workshop.SessionData(
        "Prezentacje", programme, (idea, other), ("wykonalność",)))
    client.force_login(osp_member)
    url = reverse("initiatives:session_feedback", args=[session.pk, idea.slug])
    response = client.post(url, {"strengths": "Dobre", "can_help": "sala w remizie",
                                 "organisation": osp.pk, "rating_0": "4"})
    assert response.status_code == 302
    client.force_login(author)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "sala w remizie" in page
    assert "wykonalność: 4/5" in page
    offer = PartnerOffer.objects.get(idea=idea, direction="offer")
    client.post(reverse("initiatives:answer", args=[offer.pk]), {"answer": "accept"})
    assert Partner.objects.filter(idea=idea, organisation=osp, origin="offer").exists()
    client.force_login(facilitator)
    html = client.get(reverse("initiatives:session", args=[session.pk])).content.decode()
    assert "wykonalność: 4.0/5" in html or "wykonalność: 4,0/5" in html


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml").decode()


def test_docx_and_pdf_exports(client, idea, author, tmp_path):
    services.save_section(author, idea, "activities", rows=[
        {"what": "Wieczory czytania", "start": "2024-02-01", "end": "2024-03-31",
         "who": "OSP"}])
    services.save_section(author, idea, "budget", rows=[
        {"item": "Książki", "own_cash": "100", "requested": "2500"}])
    client.force_login(author)
    docx = client.get(reverse("initiatives:export", args=[idea.slug, "docx"])).content
    xml = _docx_text(docx)
    assert "Czytanie pod remizą" in xml
    assert "Wieczory czytania" in xml
    assert 'w:val="Heading1"' in xml
    assert "Budżet" in xml
    assert "2 500.00" in xml
    assert "{%" not in xml
    assert "{{" not in xml
    pdf = client.get(reverse("initiatives:export", args=[idea.slug, "pdf"])).content
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / "idea.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Czytanie pod remizą" in text
        assert "Wieczory czytania" in text
    if shutil.which("soffice"):
        path = tmp_path / "idea.docx"
        path.write_bytes(docx)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
                       capture_output=True, check=True, timeout=120)
        text = (tmp_path / "idea.txt").read_text(encoding="utf-8-sig")
        assert "Czytanie pod remizą" in text
        assert "Seniorzy z wiosek" in text


def test_list_pages_cost_the_same_few_queries(client, author, library, teammate, kgw,
                                              programme, django_assert_max_num_queries):
    for number in range(6):
        idea = services.create_idea(author, services.IdeaData(
            f"Pomysł {number}", programme=programme, is_public=True), library)
        services.add_member(author, idea, teammate, kgw)
    client.force_login(author)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("initiatives:index")).status_code == 200
    with django_assert_max_num_queries(12):
        assert len(client.get("/api/initiatives/ideas").json()) == 6
    with django_assert_max_num_queries(6):
        assert client.get(reverse("initiatives:funding")).status_code == 200


def test_an_expert_records_advice_and_the_team_sees_what_is_due(client, idea, facilitator,
                                                                author):
    client.force_login(facilitator)
    response = client.post(reverse("initiatives:advice", args=[idea.slug]), {
        "held_on": "2023-11-08", "advice": "Zróbcie ankietę potrzeb.",
        "steps-TOTAL_FORMS": "2", "steps-INITIAL_FORMS": "0",
        "steps-0-what": "Ankieta wśród seniorów", "steps-0-owner": "KGW",
        "steps-0-due_on": "2023-11-30", "steps-1-what": ""})
    assert response.status_code == 302
    client.force_login(author)
    assert client.get(reverse("initiatives:advice", args=[idea.slug])).status_code == 403
    html = client.get(reverse("initiatives:index")).content.decode()
    assert "Ankieta wśród seniorów" in html
    assert "po terminie" in client.get(idea.get_absolute_url()).content.decode()


def test_an_official_adds_a_funding_source(client):
    from mosty.accounts.models import Role
    from mosty.directory.tests.factories import UserFactory
    from mosty.initiatives.models import FundingSource

    client.force_login(UserFactory(role=Role.OFFICIAL))
    response = client.post(reverse("initiatives:source_create"), {
        "name": "Mały grant", "funder": "Gmina Śmigiel", "kind": "small_grant",
        "applicants": ["ngo"], "amount_max": "10000", "own_contribution_percent": "0",
        "link": "https://example.org/19a", "is_active": "on"})
    assert response.status_code == 302
    source = FundingSource.objects.get()
    assert source.applicants == ["ngo"]
    assert source.amount_max == 10000
    html = client.get(reverse("initiatives:funding")).content.decode()
    assert "Mały grant" in html


def test_an_attachment_is_uploaded_and_downloaded_by_the_team_only(client, idea, author,
                                                                   osp_member):
    client.force_login(author)
    pdf = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    pdf.name = "ankieta.pdf"
    client.post(reverse("initiatives:upload", args=[idea.slug]), {"file": pdf,
                                                                  "title": "Ankieta"})
    attachment = idea.attachments.get()
    url = reverse("initiatives:download", args=[idea.slug, attachment.pk])
    assert client.get(url).status_code == 200
    client.force_login(osp_member)
    assert client.get(url).status_code == 404
