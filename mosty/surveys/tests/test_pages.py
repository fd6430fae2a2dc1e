"""The pages: building a survey, answering on the public link, results and exports."""
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mosty.surveys import services
from mosty.surveys.models import Answer, Question, Response, Survey
from mosty.surveys.tests.conftest import answer, build_survey

pytestmark = pytest.mark.django_db


def test_coordinator_builds_a_survey_without_javascript(client, programme,
                                                        programme_coordinator):
    client.force_login(programme_coordinator)
    response = client.post(reverse("surveys:create"), {
        "programme": programme.pk, "template": "blank", "title_pl": "Potrzeby mieszkańców",
        "anonymous": "on"})
    survey = Survey.objects.get(title_pl="Potrzeby mieszkańców")
    assert response.status_code == 302
    assert response["Location"] == survey.get_absolute_url()
    section = survey.sections.get()
    url = reverse("surveys:question_new", args=[survey.slug])
    assert client.get(url).status_code == 200
    for text in ("Pierwsze", "Drugie"):
        response = client.post(url, {
            "kind": "single", "section": section.pk, "text_pl": text, "text_en": text + " EN",
            "options": "tak | yes\nnie | no", "allow_other": "on", "required": "on",
            "scale_points": 5})
        assert response.status_code == 302, response.content.decode()[:3000]
    first, second = survey.questions.order_by("position")
    assert first.options == [{"value": "1", "pl": "tak", "en": "yes"},
                             {"value": "2", "pl": "nie", "en": "no"}]
    client.post(reverse("surveys:question_action", args=[survey.slug, second.pk, "up"]))
    assert list(survey.questions.order_by("position").values_list("text_pl", flat=True)) == \
        ["Drugie", "Pierwsze"]
    client.post(reverse("surveys:question_action", args=[survey.slug, first.pk, "delete"]))
    assert list(survey.questions.values_list("text_pl", flat=True)) == ["Drugie"]
    response = client.post(url, {"kind": "single", "section": section.pk, "text_pl": "Zła",
                                 "options": "jedna", "scale_points": 5})
    assert response.status_code == 200
    assert "co najmniej dwóch" in response.content.decode()
    client.post(reverse("surveys:status", args=[survey.slug]), {"status": "open"})
    assert Survey.objects.get(pk=survey.pk).status == "open"
    page = client.get(survey.get_absolute_url()).content.decode()
    assert "Drugie" in page
    assert "Drugie EN" in page


def test_index_and_evaluation_templates(client, programme, programme_coordinator, event):
    client.force_login(programme_coordinator)
    client.post(reverse("surveys:create"), {"programme": programme.pk, "template": "index",
                                            "place": "Poznań", "year": 2019, "anonymous": "on"})
    survey = Survey.objects.get(kind="index")
    assert survey.questions.filter(indicator__startswith="policy_").count() == 4
    client.post(reverse("surveys:create"), {"programme": programme.pk,
                                            "template": "evaluation", "event": event.slug})
    evaluation = Survey.objects.get(kind="evaluation")
    assert evaluation.event == event
    assert evaluation.questions.count() == 5


def walk(client, url: str, sector: str = "ngo"):
    """A respondent on the public link: page 1, page 2, submit."""
    assert client.get(url).status_code == 200
    response = client.post(url, {"page": 1, "action": "next", "q-sector": sector,
                                 "q-rating": "4"})
    assert response.status_code == 302
    assert response["Location"].endswith("?page=2")
    page = client.get(response["Location"]).content.decode()
    assert "Strona 2 z 2" in page
    return client.post(url, {"page": 2, "action": "submit", "q-forms": ["grant", "__other__"],
                             "q-forms-other": "wolontariusze", "q-matrix-a": "2",
                             "q-matrix-b": "3", "q-ngo_only": "no", "q-count": "3",
                             "q-when": "2020-01-02", "q-short": "ok", "q-long": "dobrze"})


def test_public_link_answers_page_by_page_and_once_per_browser(client, survey):
    url = reverse("surveys:public", args=[survey.public_token])
    response = client.post(url, {"page": 1, "action": "next", "q-sector": "ngo"})
    assert response.status_code == 400
    assert "wymaga odpowiedzi" in response.content.decode()
    response = walk(client, url)
    assert response.status_code == 302
    assert "Dziękujemy" in client.get(response["Location"]).content.decode()
    saved = Response.objects.get(survey=survey)
    assert saved.submitted
    assert saved.key_hash == ""
    assert Answer.objects.get(response=saved, question__code="forms", text="__other__").other \
        == "wolontariusze"
    # The same browser cannot answer again; another one can.
    assert "Dziękujemy" in client.get(url).content.decode()
    client.cookies.clear()
    assert "Strona 1 z 2" in client.get(url).content.decode()


def test_invitation_link_is_resumable(client, survey):
    invitation = services.invite(None, survey, ["osoba@example.org"])
    assert invitation == 1
    url = survey.invitations.get().get_absolute_url()
    client.post(url, {"page": 1, "action": "next", "q-sector": "jst", "q-rating": "2"})
    page = client.get(url + "?page=1").content.decode()
    assert 'value="2" checked' in page  # the saved answer is back
    client.post(url, {"page": 2, "action": "submit"})
    assert survey.invitations.get().answered
    assert "Dziękujemy" in client.get(url).content.decode()


def test_results_hide_fewer_than_five_and_show_charts_from_five(client, survey,
                                                                programme_coordinator):
    client.force_login(programme_coordinator)
    for _n in range(4):
        answer(survey)
    url = reverse("surveys:results", args=[survey.slug])
    page = client.get(url).content.decode()
    assert 'data-testid="too-few"' in page
    assert '<svg class="chart"' not in page
    xlsx = load_workbook(io.BytesIO(client.get(
        reverse("surveys:export", args=[survey.slug, "xlsx"])).content))
    assert xlsx.active.max_row == 2  # headers only
    answer(survey)
    answer(survey, sector="jst")
    page = client.get(url).content.decode()
    assert '<svg class="chart"' in page
    assert "too-few" not in page
    # A breakdown of one answer (sector jst) is not shown either, and neither is the
    # breakdown of the 5 others: the whole minus them would give the one away.
    page = client.get(url, {"by": "sector:jst"}).content.decode()
    assert 'data-testid="isolating"' in page
    assert "<svg class=\"chart" not in page
    page = client.get(url, {"by": "sector:ngo"}).content.decode()
    assert 'data-testid="isolating"' in page
    assert "<svg class=\"chart" not in page
    for _n in range(4):
        answer(survey, sector="jst")
    page = client.get(url, {"by": "sector:ngo"}).content.decode()
    assert "isolating" not in page
    assert "too-few" not in page
    assert '<strong data-testid="response-count">5</strong>' in page


def test_export_has_one_row_per_response_and_safe_texts(client, survey,
                                                        programme_coordinator):
    client.force_login(programme_coordinator)
    for _n in range(5):
        answer(survey)
    content = client.get(reverse("surveys:export", args=[survey.slug, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[0] == "odpowiedź"
    assert "e-mail" not in header
    assert "matrix.a" in header
    assert "forms" in header
    assert "sector.inne" in header
    data = rows[2:]
    assert len(data) == 5
    row = dict(zip(header, data[0], strict=True))
    assert row["forms"] == "grant; room"
    assert row["matrix.b"] == 4
    assert row["count"] == 12.5
    assert row["long"] == '=HYPERLINK("x")'
    cell = sheet.cell(row=3, column=header.index("long") + 1)
    assert cell.data_type == "s"  # text, never a formula
    csv = client.get(reverse("surveys:export", args=[survey.slug, "csv"])).content.decode()
    assert "'=HYPERLINK" in csv


def test_named_export_names_the_person(client, programme, programme_coordinator):
    from mosty.directory.tests.factories import UserFactory

    survey = build_survey(programme, anonymous=False)
    person = UserFactory(email="imienna@example.org")
    answer(survey, user=person)
    client.force_login(programme_coordinator)
    content = client.get(reverse("surveys:export", args=[survey.slug, "csv"])).content
    assert "imienna@example.org" in content.decode("utf-8-sig")


def test_results_page_queries_do_not_grow_with_responses(client, survey, programme_coordinator,
                                                         django_assert_max_num_queries):
    client.force_login(programme_coordinator)
    for _n in range(5):
        answer(survey)
    url = reverse("surveys:results", args=[survey.slug])
    with django_assert_max_num_queries(25) as captured:
        client.get(url)
    few = len(captured)
    for _n in range(10):
        answer(survey)
    with django_assert_max_num_queries(few):
        client.get(url)


def test_method_page_is_public(client):
    page = client.get(reverse("surveys:method")).content.decode()
    assert "Współtworzenie polityki publicznej" in page and "60,8" in page or "60.8" in page


def test_question_codes_survive_copying(client, survey, programme_coordinator):
    client.force_login(programme_coordinator)
    client.post(reverse("surveys:copy", args=[survey.slug]))
    copy = Survey.objects.exclude(pk=survey.pk).get()
    assert sorted(copy.questions.values_list("code", flat=True)) == \
        sorted(survey.questions.values_list("code", flat=True))
    conditional = Question.objects.get(survey=copy, code="ngo_only")
    assert conditional.condition_question.survey == copy


def test_partnership_self_assessment_shows_factor_means(client, programme,
                                                        programme_coordinator):
    from mosty.surveys import answering, partnership
    from mosty.surveys.answering import Given

    survey = services.create_partnership_survey(None, programme, "Jak działa nasze partnerstwo")
    survey = services.set_status(None, survey, "open")
    for level in ("5", "4", "4", "5", "4"):
        response = answering.start_response(survey, None, answering.new_key())
        for section in survey.sections.prefetch_related("questions"):
            question = section.questions.get()
            answering.save_page(response, section, {question.code: Given(items={
                value: ("2" if value == "means" else level)
                for value, _label in question.labelled_items()})})
        answering.submit(response)
    assert survey.questions.count() == len(partnership.CATEGORIES)
    client.force_login(programme_coordinator)
    page = client.get(reverse("surveys:results", args=[survey.slug])).content.decode()
    assert "Wzajemny szacunek i zaufanie" in page
    assert "4,4" in page
    assert "mocna strona" in page
    assert "problem do omówienia" in page


def test_named_results_break_down_by_the_respondents_sector(client, programme,
                                                            programme_coordinator):
    from mosty.directory.tests.factories import (
        MembershipFactory, OrganisationFactory, UserFactory)

    survey = build_survey(programme, anonymous=False)
    ngo = OrganisationFactory(sector="ngo", kind="association")
    office = OrganisationFactory(sector="jst", kind="municipal_office")
    for n in range(3):
        person = UserFactory()
        MembershipFactory(user=person, organisation=ngo if n < 2 else office)
        answer(survey, user=person, rating=str(n + 3))
    client.force_login(programme_coordinator)
    url = reverse("surveys:results", args=[survey.slug])
    assert 'value="@sector:ngo"' in client.get(url).content.decode()
    page = client.get(url, {"by": "@sector:ngo"}).content.decode()
    assert '<strong data-testid="response-count">2</strong>' in page
    page = client.get(url, {"by": "@kind:municipal_office"}).content.decode()
    assert '<strong data-testid="response-count">1</strong>' in page
    # Anonymous surveys offer no such breakdown: nothing links an answer to a person.
    anonymous = build_survey(programme)
    page = client.get(reverse("surveys:results", args=[anonymous.slug])).content.decode()
    assert "@sector" not in page


def test_municipality_figures_are_entered_and_scored(client, programme, programme_coordinator):
    survey = services.create_index_survey(None, programme, "Poznań", 2021)
    client.force_login(programme_coordinator)
    url = reverse("surveys:figures", args=[survey.slug])
    response = client.post(url, {"policy_consultations_count": "5",
                                 "policy_programme_consulted": "true",
                                 "tasks_budget_share": "2,5", "tasks_small_grants": ""})
    assert response.status_code == 302
    survey.figures.refresh_from_db()
    assert survey.figures.values == {"policy_consultations_count": 5.0,
                                     "policy_programme_consulted": True,
                                     "tasks_budget_share": 2.5, "tasks_small_grants": None}
    page = client.get(url).content.decode()
    assert '<option value="true" selected>' in page
    response = client.post(url, {"policy_consultations_count": "-1"})
    assert response.status_code == 200
    survey.figures.refresh_from_db()
    assert survey.figures.values["policy_consultations_count"] == 5.0


def test_list_and_comparison_queries_do_not_grow_with_surveys(
        client, programme, programme_coordinator, django_assert_max_num_queries):
    from mosty.surveys import answering
    from mosty.surveys.answering import Given

    def self_assessment(place: str, year: int) -> None:
        survey = services.set_status(None, services.create_index_survey(
            None, programme, place, year), "open")
        for _n in range(5):
            response = answering.start_response(survey, None, answering.new_key())
            sections = list(survey.sections.all())
            answering.save_page(response, sections[0], {"respondent": Given(("ngo",))})
            answering.save_page(response, sections[1], {"policy_consultation": Given(("4",))})
            answering.submit(response)
        services.set_status(None, survey, "closed")

    client.force_login(programme_coordinator)
    self_assessment("Poznań", 2019)
    counted = {}
    for name in ("surveys:list", "surveys:compare"):
        with django_assert_max_num_queries(20) as captured:
            assert client.get(reverse(name)).status_code == 200
        counted[name] = len(captured)
    for year in (2020, 2021, 2022):
        self_assessment("Ryga", year)
    for name, few in counted.items():
        with django_assert_max_num_queries(few):
            page = client.get(reverse(name)).content.decode()
        assert "Ryga" in page


def test_respondent_sees_questions_in_their_language(client, survey):
    url = reverse("surveys:public", args=[survey.public_token])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Page 1 of 2" in page
    assert "Sector" in page
    assert "local government" in page
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Sektor" in page
    assert "samorząd" in page


def test_settings_change_but_anonymity_stays_once_answered(client, programme,
                                                           programme_coordinator):
    survey = build_survey(programme, public_link=False)
    client.force_login(programme_coordinator)
    url = reverse("surveys:edit", args=[survey.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title_pl": "Nowy tytuł", "anonymous": "on",
                                 "public_link": "on"})
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.public_link
    assert survey.title_pl == "Nowy tytuł"
    page = client.get(survey.get_absolute_url()).content.decode()
    assert 'class="segno"' in page  # the QR code of the public link
    answer(survey)
    response = client.post(url, {"title_pl": "Nowy tytuł", "public_link": "on"})
    assert response.status_code == 200
    assert "nie można zmienić, czy ankieta jest anonimowa" in response.content.decode()
    survey.refresh_from_db()
    assert survey.anonymous


def test_inviting_only_known_addresses_says_why_nothing_was_created(client, survey,
                                                                   programme_coordinator):
    services.invite(None, survey, ["a@example.org"])
    client.force_login(programme_coordinator)
    page = client.post(reverse("surveys:invite", args=[survey.slug]),
                       {"emails": "a@example.org"}, follow=True).content.decode()
    assert "wszystkie podane adresy zostały już zaproszone" in page
    assert "Utworzone zaproszenia: 0" not in page
