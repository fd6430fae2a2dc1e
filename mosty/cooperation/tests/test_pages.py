"""The official's and the NGO's pages, through the forms, and the list's query count."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.cooperation import services
from mosty.cooperation.models import Comment, CooperationProgramme, Element, Status
from mosty.cooperation.tests.conftest import POZNAN, texts, write

pytestmark = pytest.mark.django_db


def test_the_official_starts_next_year_from_last_years_programme(client, poznan_official,
                                                                 programme_2019):
    client.force_login(poznan_official)
    page = client.get(reverse("cooperation:start"))
    assert "Poznań (gmina)" in page.content.decode()
    response = client.post(reverse("cooperation:start"), {
        "territory": POZNAN, "year": 2020, "copy_from": programme_2019.pk})
    programme = CooperationProgramme.objects.get(year=2020)
    assert response.status_code == 302
    assert response["Location"] == programme.get_absolute_url()
    assert programme.paragraphs.count() == 12
    again = client.post(reverse("cooperation:start"), {"territory": POZNAN, "year": 2020})
    assert "już ma program na 2020" in again.content.decode()


def test_the_completeness_check_blocks_marking_final(client, poznan_official):
    programme = services.start_programme(None, POZNAN, 2021)
    chapters = texts()
    del chapters[Element.FUNDS]
    write(programme, chapters)
    client.force_login(poznan_official)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Brakujące lub puste wymagane elementy" in page
    assert "Wysokość środków planowanych na realizację programu" in page
    response = client.post(reverse("cooperation:action", args=[programme.pk, "final"]),
                           follow=True)
    assert "W programie brakuje wymaganych elementów" in response.content.decode()
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT
    client.post(reverse("cooperation:chapter", args=[programme.pk, "funds"]), {
        "text": "Kwota 1 000 000 zł.\n\nZ zastrzeżeniem zmian budżetu.",
        "version": programme.version})
    assert list(programme.paragraphs.filter(element="funds").values_list("text", flat=True)) \
        == ["Kwota 1 000 000 zł.", "Z zastrzeżeniem zmian budżetu."]
    client.post(reverse("cooperation:action", args=[programme.pk, "final"]))
    programme.refresh_from_db()
    assert programme.status == Status.FINAL


def test_consultation_comment_answer_and_report(client, poznan_official, ngo, ngo_member,
                                                programme_2019):
    programme = services.start_programme(None, POZNAN, 2020, copy_from=programme_2019)
    client.force_login(poznan_official)
    today = timezone.localdate()
    client.post(reverse("cooperation:consultation", args=[programme.pk]), {
        "form": "open", "consultation_start": today, "consultation_end": today + timedelta(7)})
    programme.refresh_from_db()
    assert programme.status == Status.CONSULTATION
    paragraph = programme.paragraphs.get(element=Element.SCOPE)
    client.force_login(ngo_member)
    form = client.get(reverse("cooperation:comment", args=[programme.pk])
                      + f"?paragraph={paragraph.pk}").content.decode()
    assert f'value="p-{paragraph.pk}" selected' in form
    assert f"<strong>§ 4.</strong> {paragraph.text}" in form  # the paragraph quoted
    client.post(reverse("cooperation:comment", args=[programme.pk]), {
        "organisation": ngo.pk, "target": f"p-{paragraph.pk}", "kind": "wording",
        "text": "Dopiszmy sport.", "proposed_text": "Zakres obejmuje także sport."})
    made = Comment.objects.get()
    assert (made.paragraph, made.organisation, made.author) == (paragraph, ngo, ngo_member)
    client.force_login(poznan_official)
    client.post(reverse("cooperation:answers", args=[programme.pk]), {
        "comment": made.pk, f"c{made.pk}-decision": "accepted",
        f"c{made.pk}-reason": "Dopisano sport."})
    made.refresh_from_db()
    assert made.decision == "accepted"
    client.post(reverse("cooperation:action", args=[programme.pk, "report"]))
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Wpłynęła 1 uwaga od 1 organizacji: 1 uwzględniono" in page
    client.logout()
    public = client.get(programme.get_absolute_url()).content.decode()
    assert "Dopisano sport." in public
    assert "Dopiszmy sport." in public


def test_versions_show_what_changed_since_publication(client, poznan_official, draft):
    services.save_chapter(None, draft, Element.GOALS, ["Cel główny: partnerska współpraca "
                                                       "z biznesem.", "Cele szczegółowe: dialog."])
    client.force_login(poznan_official)
    page = client.get(reverse("cooperation:versions", args=[draft.pk])).content.decode()
    assert "Zmieniono 1 paragraf." in page
    assert "<del>współpraca.</del><ins>współpraca z biznesem.</ins>" in page


def test_the_implementation_report_is_generated_and_downloads(client, poznan_official,
                                                             programme_2019):
    client.force_login(poznan_official)
    response = client.post(reverse("cooperation:report", args=[programme_2019.pk]), {
        "open_competitions": 12, "offers_received": 410, "grants_given": 340,
        "grants_amount": "41250000.50", "small_grants": 85, "small_grants_amount": "850000",
        "tasks_commissioned": 352, "notes": "", "generate": "1"})
    assert response.status_code == 302
    assert programme_2019.implementation_report.generated_at is not None
    pdf = client.get(reverse("cooperation:download",
                             args=[programme_2019.pk, "implementation", "pdf"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    docx = client.get(reverse("cooperation:download",
                              args=[programme_2019.pk, "programme", "docx"]))
    assert docx.status_code == 200
    assert 'filename="program-wspolpracy-3064011-2019.docx"' in docx["Content-Disposition"]


def test_the_list_does_not_grow_in_queries(client, django_assert_max_num_queries,
                                           programme_2019):
    for year in range(2020, 2026):
        programme = services.start_programme(None, POZNAN, year, copy_from=programme_2019)
        services.open_consultation(None, programme, timezone.localdate(), timezone.localdate())
    with django_assert_max_num_queries(4):
        page = client.get(reverse("cooperation:index"))
    assert page.content.decode().count("Poznań") >= 6


def test_the_programme_page_does_not_grow_in_queries_with_comments(
        client, django_assert_max_num_queries, draft, ngo, ngo_member, poznan_official):
    paragraphs = list(draft.paragraphs.all())
    for index in range(12):
        services.add_comment(ngo_member, draft, services.CommentData(
            organisation_id=ngo.pk, paragraph_id=paragraphs[index % 5].pk,
            text=f"Uwaga {index}."))
    client.force_login(poznan_official)
    with django_assert_max_num_queries(16):  # 14 today, with 1 or 12 comments
        page = client.get(draft.get_absolute_url())
    assert page.content.decode().count('class="comment"') == 12


def test_the_api_gives_the_programme_with_numbered_paragraphs(client, draft):
    body = client.get(f"/api/cooperation/programmes/{draft.pk}").json()
    paragraphs = body.pop("paragraphs")
    assert body == {
        "id": draft.pk, "territory": POZNAN, "territory_name": "Poznań", "year": 2020,
        "title": "Program współpracy z organizacjami pozarządowymi na rok 2020 – Poznań",
        "status": "consultation",
        "consultation_start": draft.consultation_start.isoformat(),
        "consultation_end": draft.consultation_end.isoformat(),
        "adoption_deadline": "2019-11-30", "report_deadline": "2021-05-31",
        "resolution_number": "", "adopted_on": None, "missing_elements": None,
        "url": f"http://testserver/cooperation/{draft.pk}/"}
    assert [p["number"] for p in paragraphs] == list(range(1, 13))
    assert paragraphs[0]["chapter"] == "goals"
    assert paragraphs[-1]["chapter"] == "committees"


def test_editing_a_chapter_shows_its_comments(client, poznan_official, draft, comment):
    client.force_login(poznan_official)
    page = client.get(reverse("cooperation:chapter", args=[draft.pk, "forms"])).content.decode()
    assert "Uwagi do tego rozdziału" in page
    assert "Dopiszcie użyczanie sal." in page
    other = client.get(reverse("cooperation:chapter", args=[draft.pk, "funds"])).content.decode()
    assert "Dopiszcie użyczanie sal." not in other
