"""Coordinators create calls and build their application forms."""
import pytest
from django.urls import reverse

from mosty.core.models import AuditEntry
from mosty.recruitment.models import Question, RecruitmentCall, Review
from mosty.recruitment.tests.helpers import submit

pytestmark = pytest.mark.django_db


def formset(prefix: str, rows: list[dict], initial: int = 0) -> dict[str, object]:
    data: dict[str, object] = {f"{prefix}-TOTAL_FORMS": len(rows),
                               f"{prefix}-INITIAL_FORMS": initial,
                               f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def call_data(edition, questions: list[dict], criteria: list[dict] | None = None,
              **fields: object) -> dict[str, object]:
    data = {"edition": edition.pk, "title": "Nabór 2020", "description": "Dla par z gminy.",
            "opens_at": "2030-03-01T09:00", "deadline": "2030-03-31T23:59",
            "is_published": "on", "applicant_mode": "pair", "pair_area_rule": "gmina",
            "allowed_kinds": ["culture_centre", "library", "museum", "social_assistance"],
            "max_accepted": "2", "score_max": "10"}
    data.update(fields)
    data.update(formset("questions", questions))
    data.update(formset("criteria", criteria or []))
    return data


QUESTIONS = [
    {"position": 1, "label": "Why together?", "kind": "long_text", "required": "on",
     "max_size_mb": 5},
    {"position": 2, "label": "Which dates?", "kind": "multiple_choice",
     "options_text": "8 March\n20 March", "max_size_mb": 5},
    {"position": 3, "label": "Signed declaration", "kind": "file", "required": "on",
     "file_types": ["pdf"], "max_size_mb": 2},
]


def test_a_coordinator_creates_a_call_with_its_form(client, programme, edition,
                                                    programme_coordinator):
    client.force_login(programme_coordinator)
    url = reverse("recruitment:call_create", args=[programme.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, call_data(edition, QUESTIONS,
                                          [{"position": 1, "name": "Motivation",
                                            "max_points": 5}]))
    call = RecruitmentCall.objects.get()
    assert response["Location"] == reverse("recruitment:call_edit", args=[call.pk])
    # The deadline was typed in Polish time.
    assert call.deadline.isoformat() == "2030-03-31T21:59:00+00:00"
    assert call.allowed_kinds == ["culture_centre", "library", "museum", "social_assistance"]
    assert [(q.label, q.kind, q.required) for q in call.questions.all()] == [
        ("Why together?", "long_text", True), ("Which dates?", "multiple_choice", False),
        ("Signed declaration", "file", True)]
    assert call.questions.get(kind="multiple_choice").options == ["8 March", "20 March"]
    attachment = call.questions.get(kind="file")
    assert (attachment.file_types, attachment.max_size_mb) == (["pdf"], 2)
    assert call.criteria.get().max_points == 5
    assert AuditEntry.objects.filter(action="recruitment.call.created").exists()


@pytest.mark.parametrize(("change", "field"), [
    ({"deadline": "2030-02-01T10:00"}, "deadline"),
])
def test_the_deadline_comes_after_the_opening(client, programme, edition,
                                              programme_coordinator, change, field):
    client.force_login(programme_coordinator)
    response = client.post(reverse("recruitment:call_create", args=[programme.slug]),
                           call_data(edition, [], **change))
    assert field in response.context["form"].errors
    assert not RecruitmentCall.objects.exists()


def test_questions_are_checked(client, programme, edition, programme_coordinator):
    client.force_login(programme_coordinator)
    bad = [{"position": 1, "label": "Pick one", "kind": "choice", "options_text": "only one",
            "max_size_mb": 5},
           {"position": 2, "label": "A file", "kind": "file", "max_size_mb": 5}]
    response = client.post(reverse("recruitment:call_create", args=[programme.slug]),
                           call_data(edition, bad))
    errors = response.context["questions"].errors
    assert "options_text" in errors[0]
    assert "file_types" in errors[1]
    assert not RecruitmentCall.objects.exists()


def test_answered_questions_are_not_removed(client, call, applicant, organisation,
                                            programme_coordinator):
    submit(call, applicant, organisation)
    client.force_login(programme_coordinator)
    rows = [{"id": q.pk, "position": q.position, "label": q.label, "kind": q.kind,
             "options_text": "\n".join(q.options), "file_types": q.file_types,
             "max_size_mb": q.max_size_mb, **({"required": "on"} if q.required else {})}
            for q in call.questions.all()]
    rows[0]["DELETE"] = "on"
    data = call_data(call.edition, [], title=call.title, applicant_mode="single",
                     opens_at="2020-01-01T09:00", deadline="2040-01-01T09:00")
    data.update(formset("questions", rows, initial=len(rows)))
    criteria = [{"id": c.pk, "position": c.position, "name": c.name, "max_points": c.max_points}
                for c in call.criteria.all()]
    data.update(formset("criteria", criteria, initial=len(criteria)))
    response = client.post(reverse("recruitment:call_edit", args=[call.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Question.objects.filter(pk=rows[0]["id"]).exists()
    # Rewording is fine.
    del rows[0]["DELETE"], data["questions-0-DELETE"]
    rows[0]["label"] = "Your motivation"
    data.update(formset("questions", rows, initial=len(rows)))
    assert client.post(reverse("recruitment:call_edit", args=[call.pk]), data).status_code == 302
    assert Question.objects.get(pk=rows[0]["id"]).label == "Your motivation"


def test_scored_criteria_keep_their_points(call, applicant, organisation,
                                           programme_coordinator, client):
    application = submit(call, applicant, organisation)
    Review.objects.create(application=application, reviewer=programme_coordinator,
                          scores={}, total=3)
    client.force_login(programme_coordinator)
    data = call_data(call.edition, [], title=call.title, applicant_mode="single",
                     opens_at="2020-01-01T09:00", deadline="2040-01-01T09:00")
    questions = [{"id": q.pk, "position": q.position, "label": q.label, "kind": q.kind,
                  "options_text": "\n".join(q.options), "file_types": q.file_types,
                  "max_size_mb": q.max_size_mb} for q in call.questions.all()]
    data.update(formset("questions", questions, initial=len(questions)))
    criteria = [{"id": c.pk, "position": c.position, "name": c.name, "max_points": 10}
                for c in call.criteria.all()]
    data.update(formset("criteria", criteria, initial=len(criteria)))
    response = client.post(reverse("recruitment:call_edit", args=[call.pk]), data)
    assert response.context["form"].non_field_errors()
    assert set(call.criteria.values_list("max_points", flat=True)) == {5}


def test_a_programme_without_editions_asks_for_one_first(client, programme,
                                                         programme_coordinator):
    client.force_login(programme_coordinator)
    response = client.get(reverse("recruitment:call_create", args=[programme.slug]))
    assert response["Location"] == reverse("programmes:edition_create", args=[programme.slug])


def test_a_call_wholly_in_the_past_needs_a_confirmation(client, programme, edition,
                                                        programme_coordinator):
    client.force_login(programme_coordinator)
    url = reverse("recruitment:call_create", args=[programme.slug])
    past = call_data(edition, [], opens_at="2020-03-01T09:00", deadline="2020-03-31T23:59")
    response = client.post(url, past)
    page = response.content.decode()
    assert "Termin (31 marca 2020, 23:59) już minął" in page
    assert 'value="Nabór 2020"' in page
    assert not RecruitmentCall.objects.exists()
    response = client.post(url, {**past, "confirm_warnings": "on"})
    assert response.status_code == 302
    assert RecruitmentCall.objects.get().deadline.year == 2020


def test_a_call_opening_years_ahead_is_refused(client, programme, edition,
                                               programme_coordinator):
    client.force_login(programme_coordinator)
    response = client.post(reverse("recruitment:call_create", args=[programme.slug]),
                           call_data(edition, [], opens_at="2099-03-01T09:00",
                                     deadline="2099-03-31T23:59", confirm_warnings="on"))
    assert "opens_at" in response.context["form"].errors
    assert not RecruitmentCall.objects.exists()


def test_add_a_question_keeps_everything_and_removes_one_without_saving(
        client, programme, edition, programme_coordinator):
    client.force_login(programme_coordinator)
    url = reverse("recruitment:call_create", args=[programme.slug])
    page = client.get(url).content.decode()
    assert page.count('data-testid="question-row"') == 1  # one empty question, not two
    data = call_data(edition, QUESTIONS[:1], title="Nabór z pytaniami")
    data["add_question"] = "1"
    response = client.post(url, data)
    page = response.content.decode()
    assert page.count('data-testid="question-row"') == 2
    assert 'value="Nabór z pytaniami"' in page
    assert "Why together?" in page
    assert 'name="questions-1-label"' in page
    assert 'name="questions-1-position" value="2"' in page  # numbered after the others
    assert response.context["questions"].forms[1].errors == {}  # the new row shows no errors
    assert not RecruitmentCall.objects.exists()  # nothing saved yet
    data = call_data(edition, [*QUESTIONS[:2], {**QUESTIONS[2], "DELETE": "on"}])
    response = client.post(url, data)
    assert response.status_code == 302
    call = RecruitmentCall.objects.get()
    assert [q.label for q in call.questions.all()] == ["Why together?", "Which dates?"]
    page = client.get(reverse("recruitment:call_edit", args=[call.pk])).content.decode()
    assert page.count('data-testid="question-row"') == 2  # no empty rows once it has some
