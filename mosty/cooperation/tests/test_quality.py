"""The implementation report shows the cooperation-quality index of the unit's self-assessment:
on the page, in the DOCX and in the PDF; too few answers and no self-assessment in one sentence."""
from decimal import Decimal

import pytest
from django.urls import reverse

from mosty.cooperation import documents, services as cooperation
from mosty.cooperation.tests.conftest import POZNAN
from mosty.cooperation.tests.test_documents import docx_text, pdf_text
from mosty.directory.tests.factories import OrganisationFactory
from mosty.programmes.models import Programme
from mosty.surveys import answering, services as surveys
from mosty.surveys.answering import Given
from mosty.surveys.models import Survey

pytestmark = pytest.mark.django_db

NGO_STATEMENTS = {
    1: ("policy_consultation", "policy_programme", "policy_dialogue", "policy_feedback"),
    2: ("tasks_calls", "tasks_forms", "tasks_reporting"),
    3: ("conditions_information", "conditions_premises", "conditions_support"),
}


@pytest.fixture
def partnership(db):
    return Programme.objects.create(name="Program ankiet", slug="program-ankiet",
                                    organiser=OrganisationFactory(name="Organizator",
                                                                  municipality_id=POZNAN),
                                    is_public=True)


def self_assessment(programme: Programme, year: int, rating: str, responses: int = 5,
                    figures: dict[str, float | bool | None] | None = None,
                    place: str = "Poznań") -> Survey:
    """A closed self-assessment in which NGO respondents rate every statement they see."""
    survey = surveys.set_status(None, surveys.create_index_survey(None, programme, place, year),
                                "open")
    if figures:
        surveys.set_figures(None, survey, figures)
    sections = list(survey.sections.all())
    for _n in range(responses):
        response = answering.start_response(survey, None, answering.new_key())
        answering.save_page(response, sections[0], {"respondent": Given(("ngo",))})
        for page, codes in NGO_STATEMENTS.items():
            answering.save_page(response, sections[page],
                                {code: Given((rating,)) for code in codes})
        answering.submit(response)
    return surveys.set_status(None, survey, "closed")


def report_texts(programme, tmp_path) -> tuple[str, str]:
    report = cooperation.save_report_figures(None, programme, cooperation.ReportFigures(
        grants_given=3, grants_amount=Decimal("1000")), generate=True)
    built = documents.implementation_document(programme, report)
    return (docx_text(documents.render_docx(built)),
            pdf_text(documents.render_pdf(built), tmp_path))


def test_the_report_shows_the_index_its_areas_and_the_year_before(
        client, poznan_official, programme_2019, partnership, tmp_path):
    # 2019: statements 4 of 5 (75); figures give policy 75, tasks 65 → index 72.
    self_assessment(partnership, 2019, "4", responses=6, figures={
        "policy_consultations_count": 5, "policy_programme_consulted": True,
        "tasks_budget_share": 2.5, "tasks_small_grants": 10})
    self_assessment(partnership, 2018, "3")  # 50 everywhere
    self_assessment(partnership, 2019, "1", place="Ryga")  # another municipality
    expected = [
        "Indeks jakości współpracy (0–100) według samooceny za 2019 r. (odpowiedzi: 6): "
        "72 (2018: 50).",
        "Współtworzenie polityki publicznej: 75 (2018: 50).",
        "Realizacja zadań publicznych: 65 (2018: 50).",
        "Infrastruktura i warunki dla aktywności obywatelskiej: 75 (2018: 50).",
    ]
    client.force_login(poznan_official)
    page = client.get(reverse("cooperation:report", args=[programme_2019.pk]),
                      HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    for line in expected:
        assert f"<p>{line}</p>" in page
    docx, pdf = report_texts(programme_2019, tmp_path)
    assert "6. Indeks jakości współpracy" in docx
    for line in expected:
        assert line in docx
    assert "(odpowiedzi: 6): 72 (2018: 50)." in pdf
    assert "Realizacja zadań publicznych: 65 (2018: 50)." in pdf
    assert "Współtworzenie polityki publicznej: 75 (2018: 50)." in pdf


def test_too_few_answers_are_not_shown(client, poznan_official, programme_2019, partnership,
                                       tmp_path):
    self_assessment(partnership, 2019, "4", responses=4)
    sentence = ("Samoocena jakości współpracy za 2019 r. miała za mało odpowiedzi, by pokazać "
                "wyniki (4; potrzeba co najmniej 5).")
    client.force_login(poznan_official)
    page = client.get(reverse("cooperation:report", args=[programme_2019.pk]),
                      HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert sentence in page
    docx, pdf = report_texts(programme_2019, tmp_path)
    assert sentence in docx
    assert "(0–100)" not in docx
    assert "miała za mało odpowiedzi" in pdf


def test_without_a_closed_self_assessment_the_report_says_so(
        client, poznan_official, programme_2019, partnership, tmp_path):
    surveys.create_index_survey(None, partnership, "Poznań", 2019)  # a draft does not count
    sentence = "W Mostach nie zapisano zamkniętej samooceny jakości współpracy za ten rok."
    client.force_login(poznan_official)
    page = client.get(reverse("cooperation:report", args=[programme_2019.pk]),
                      HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert sentence in page
    docx, pdf = report_texts(programme_2019, tmp_path)
    assert sentence in docx
    assert "nie zapisano zamkniętej samooceny" in pdf


def test_a_self_assessment_named_after_the_city_but_run_elsewhere_does_not_count(
        client, poznan_official, programme_2019, tmp_path):
    """Naming "Poznań" is not enough: the organiser of the survey's programme must be there."""
    elsewhere = Programme.objects.create(
        name="Program gdzie indziej", slug="gdzie-indziej", is_public=True,
        organiser=OrganisationFactory(name="Organizator z Warszawy", municipality_id="1465011"))
    self_assessment(elsewhere, 2019, "5")
    docx, _pdf = report_texts(programme_2019, tmp_path)
    assert "nie zapisano zamkniętej samooceny" in docx
    assert "(0–100)" not in docx
