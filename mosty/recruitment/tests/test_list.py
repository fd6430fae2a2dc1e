"""The reviewers' list: filters, paging, constant query counts, the XLSX export."""
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.recruitment.choices import Status
from mosty.recruitment.models import Application, Review
from mosty.recruitment.tests.helpers import ENGLISH, answers, question, xlsx_rows

pytestmark = pytest.mark.django_db
GMINAS = ["3011053", "3011011", "3064011"]  # Śmigiel and Kościan (powiat 3011), Poznań


def make_applications(call, count: int, start: int = 0) -> list[Application]:
    """Submitted applications written directly (the services are tested elsewhere)."""
    created = []
    for index in range(start, start + count):
        organisation = OrganisationFactory(
            name=f"Organizacja {index}", sector=["ngo", "jst", "public_institution"][index % 3],
            municipality_id=GMINAS[index % 3])
        created.append(Application.objects.create(
            call=call, applicant=UserFactory(), organisation=organisation,
            status=Status.SUBMITTED, submitted_at=timezone.now(), answers=answers(call)))
    return created


def review(application, reviewer, first: int, second: int) -> None:
    call = application.call
    keys = [str(c.pk) for c in call.criteria.all()]
    Review.objects.create(application=application, reviewer=reviewer,
                          scores=dict(zip(keys, (first, second), strict=False)),
                          total=first + second)


def names(response) -> list[str]:
    return sorted(a.organisation.name for a in response.context["page"].object_list)


@pytest.fixture
def reviewed(call, programme_coordinator, facilitator):
    apps = make_applications(call, 6)
    review(apps[0], programme_coordinator, 5, 5)
    review(apps[0], facilitator, 3, 3)          # average 8
    review(apps[1], facilitator, 1, 1)          # average 2
    review(apps[2], programme_coordinator, 4, 0)  # average 4
    Application.objects.filter(pk=apps[3].pk).update(status=Status.ACCEPTED)
    return apps


def test_filters(client, call, reviewed, programme_coordinator, facilitator):
    client.force_login(programme_coordinator)
    url = reverse("recruitment:review_list", args=[call.pk])
    get = lambda query: client.get(url + query)  # noqa: E731
    assert len(get("").context["page"].object_list) == 6
    assert names(get("?status=accepted")) == ["Organizacja 3"]
    assert names(get("?sector=jst")) == ["Organizacja 1", "Organizacja 4"]
    assert names(get("?area=3011")) == ["Organizacja 0", "Organizacja 1", "Organizacja 3",
                                        "Organizacja 4"]
    assert names(get("?area=3064011")) == ["Organizacja 2", "Organizacja 5"]
    assert names(get("?score_min=3&score_max=8")) == ["Organizacja 0", "Organizacja 2"]
    assert names(get("?q=organizacja+5")) == ["Organizacja 5"]
    # "Reviewed" means by me unless a reviewer is chosen.
    assert names(get("?reviewed=yes")) == ["Organizacja 0", "Organizacja 2"]
    assert len(get("?reviewed=no").context["page"].object_list) == 4
    assert names(get(f"?reviewer={facilitator.pk}&reviewed=yes")) == ["Organizacja 0",
                                                                      "Organizacja 1"]
    assert get("?area=9999").context["form"].errors


def test_drafts_are_not_listed(client, call, reviewed, programme_coordinator):
    Application.objects.filter(pk=reviewed[5].pk).update(status=Status.DRAFT)
    client.force_login(programme_coordinator)
    response = client.get(reverse("recruitment:review_list", args=[call.pk]))
    assert len(response.context["page"].object_list) == 5
    assert response.context["counts"]["draft"] == 1


def test_paging(client, call, programme_coordinator):
    make_applications(call, 30)
    client.force_login(programme_coordinator)
    url = reverse("recruitment:review_list", args=[call.pk])
    first = client.get(url + "?sector=ngo")
    assert first.context["page"].paginator.count == 10
    make_applications(call, 30, start=30)
    second = client.get(url + "?page=2")
    assert second.context["page"].number == 2
    assert len(second.context["page"].object_list) == 25
    assert 'href="?page=3"' in second.content.decode()


def test_list_and_export_query_counts_do_not_grow(client, call, programme_coordinator,
                                                  facilitator, count_queries):
    def load() -> list[int]:
        counts = []
        for name in ("recruitment:review_list", "recruitment:review_export"):
            with count_queries() as queries:
                assert client.get(reverse(name, args=[call.pk])).status_code == 200
            counts.append(len(queries))
        return counts

    client.force_login(programme_coordinator)
    for application in make_applications(call, 2):
        review(application, facilitator, 1, 2)
    few = load()
    for application in make_applications(call, 20, start=2):
        review(application, facilitator, 3, 4)
        review(application, programme_coordinator, 5, 4)
    assert load() == few


def test_export_has_answers_and_average_scores(client, call, reviewed, programme_coordinator):
    client.force_login(programme_coordinator)
    response = client.get(reverse("recruitment:review_export", args=[call.pk]) + "?area=3011053",
                          **ENGLISH)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response.content)
    header, body = rows[0], rows[1:]
    column = header.index
    assert sorted(row[column("Organisation")] for row in body) == ["Organizacja 0",
                                                                   "Organizacja 3"]
    first = next(row for row in body if row[column("Organisation")] == "Organizacja 0")
    assert first[column("Average score")] == 8
    assert first[column("Reviews")] == 2
    assert first[column(question(call, "Motivation").label)] == "We want to work with the OPS."
    assert first[column("Dates")] == "8 March"
    assert first[column("People")] == 3
    assert first[column("Partnered before?")] == "yes"
    assert first[column("Average: Motivation")] == 4
    assert first[column("Average: Potential")] == 4


def test_export_keeps_typed_formulas_as_text_and_drops_control_characters(
        client, call, programme_coordinator):
    trap = '=HYPERLINK("http://x","y")'
    application = make_applications(call, 1)[0]
    application.answers = answers(call, Motivation="Z Worda\x0bnowa linia")
    application.save(update_fields=["answers"])
    application.organisation.name = trap
    application.organisation.save(update_fields=["name"])
    client.force_login(programme_coordinator)
    response = client.get(reverse("recruitment:review_export", args=[call.pk]), **ENGLISH)
    assert response.status_code == 200
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    organisation = sheet.cell(2, header.index("Organisation") + 1)
    assert (organisation.value, organisation.data_type) == (trap, "s")
    motivation = sheet.cell(2, header.index(question(call, "Motivation").label) + 1)
    assert motivation.value == "Z Wordanowa linia"
