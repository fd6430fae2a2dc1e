"""Recruitment in the REST API: whole responses, and the same permissions as the pages."""
from datetime import datetime, UTC

import pytest

from mosty.api.models import ApiToken
from mosty.recruitment.models import Application, RecruitmentCall, Review
from mosty.recruitment.tests.helpers import submit

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:
    _token, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def fixed_call(call):
    """The call with fixed dates, for whole-response comparisons."""
    RecruitmentCall.objects.filter(pk=call.pk).update(
        opens_at=datetime(2019, 3, 1, 8, 0, tzinfo=UTC),
        deadline=datetime(2030, 3, 31, 21, 59, tzinfo=UTC))
    call.refresh_from_db()
    return call


def test_a_public_call(client, fixed_call):
    q = {question.label: question.pk for question in fixed_call.questions.all()}

    def question(label: str, position: int, kind: str, required: bool = False,
                 options: list[str] | None = None, file_types: list[str] | None = None) -> dict:
        return {"id": q[label], "position": position, "kind": kind, "label": label,
                "help_text": "", "required": required, "options": options or [],
                "file_types": file_types or [], "max_size_mb": 1}

    response = client.get(f"/api/recruitment/calls/{fixed_call.pk}")
    assert response.status_code == 200
    assert response.json() == {
        "id": fixed_call.pk, "title": "Nabór 2019", "programme": "kultura-inicjatywy",
        "edition": "2019", "description": "", "opens_at": "2019-03-01T08:00:00Z",
        "deadline": "2030-03-31T21:59:00Z", "phase": "open", "applicant_mode": "single",
        "allowed_sectors": [], "allowed_kinds": [], "max_applications": None,
        "max_accepted": None,
        "questions": [
            question("Motivation", 1, "long_text", required=True),
            question("Role", 2, "choice", options=["culture", "social"]),
            question("Dates", 3, "multiple_choice", options=["8 March", "20 March"]),
            question("Partnered before?", 4, "yes_no"),
            question("Founded", 5, "date"),
            question("People", 6, "number"),
            question("Signed declaration", 7, "file", required=True, file_types=["pdf"])],
        "url": f"http://testserver/recruitment/calls/{fixed_call.pk}/",
    }
    assert [c["id"] for c in client.get("/api/recruitment/calls").json()] == [fixed_call.pk]
    assert client.get("/api/recruitment/calls/999").status_code == 404


def test_my_applications(client, fixed_call, applicant, organisation):
    application = submit(fixed_call, applicant, organisation)
    Application.objects.filter(pk=application.pk).update(
        submitted_at=datetime(2030, 3, 2, 10, 30, tzinfo=UTC))
    keys = {q.label: q.key for q in fixed_call.questions.all()}
    response = client.get("/api/recruitment/my-applications", **bearer(applicant))
    assert response.json() == [{
        "id": application.pk, "call": fixed_call.pk, "call_title": "Nabór 2019",
        "organisation": organisation.slug, "partner": None, "status": "submitted",
        "submitted_at": "2030-03-02T10:30:00Z", "group": None,
        "answers": {keys["Motivation"]: "We want to work with the OPS.",
                    keys["Role"]: "culture", keys["Dates"]: ["8 March"],
                    keys["Partnered before?"]: True, keys["Founded"]: "1998-05-01",
                    keys["People"]: 3}}]


def test_applications_with_scores_for_the_programme_staff(client, fixed_call, applicant,
                                                          organisation, programme_coordinator,
                                                          facilitator, other_coordinator):
    application = submit(fixed_call, applicant, organisation)
    Application.objects.filter(pk=application.pk).update(
        submitted_at=datetime(2030, 3, 2, 10, 30, tzinfo=UTC))
    first, second = [str(c.pk) for c in fixed_call.criteria.all()]
    Review.objects.create(application=application, reviewer=facilitator,
                          scores={first: 4, second: 5}, total=9, comment="Strong.")
    Review.objects.create(application=application, reviewer=programme_coordinator,
                          scores={first: 2, second: 2}, total=4)
    url = f"/api/recruitment/calls/{fixed_call.pk}/applications"
    data = client.get(url, **bearer(programme_coordinator)).json()
    attachment = fixed_call.questions.get(kind="file")
    result = data["results"][0]
    assert {key: value for key, value in data.items() if key != "results"} == {
        "count": 1, "page": 1, "pages": 1}
    assert {key: value for key, value in result.items() if key != "answers"} == {
        "id": application.pk, "status": "submitted", "organisation": organisation.slug,
        "organisation_name": "Miejska Biblioteka Publiczna w Śmiglu",
        "sector": "public_institution", "kind": "library", "municipality": "3011053",
        "partner": None, "applicant": applicant.email, "applicant_is_member": True,
        "submitted_at": "2030-03-02T10:30:00Z",
        "files": [{"question": attachment.pk, "name": "deklaracja.pdf",
                   "size": application.files.get().size, "file_type": "pdf"}],
        "average": 6.5,
        "reviews": [{"reviewer": facilitator.email, "total": 9,
                     "scores": {first: 4, second: 5}, "comment": "Strong."},
                    {"reviewer": programme_coordinator.email, "total": 4,
                     "scores": {first: 2, second: 2}, "comment": ""}],
        "group": None}
    assert client.get(url + "?score_min=7", **bearer(facilitator)).json()["count"] == 0
    assert client.get(url + "?status=nonsense", **bearer(facilitator)).status_code == 400
    assert client.get(url, **bearer(other_coordinator)).status_code == 403
    assert client.get(url, **bearer(applicant)).status_code == 403
    assert client.get(url).status_code == 401
    assert client.get("/api/recruitment/calls/999/applications",
                      **bearer(facilitator)).status_code == 404


def test_the_openapi_description_lists_recruitment(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/recruitment/calls", "/api/recruitment/my-applications",
            "/api/recruitment/calls/{call_id}/applications"} <= set(paths)
