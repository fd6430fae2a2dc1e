"""The audit log page: staff read everything, coordinators their programmes' entries."""
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mosty.core.audit import log_action, log_change
from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import OrganisationFactory
from mosty.programmes.audit import programme_entries, programme_paths
from mosty.programmes.models import Edition, Programme
from mosty.recruitment.models import RecruitmentCall

pytestmark = pytest.mark.django_db

URL = reverse("programmes:audit")


@pytest.fixture
def other_programme(db):
    return Programme.objects.create(name="Inny program", slug="inny-program",
                                    organiser=OrganisationFactory(name="Inny organizator"))


@pytest.fixture
def entries(programme, edition, group, other_programme, staff):
    """One entry of each kind that counts for `programme`, and some that do not."""
    call = RecruitmentCall.objects.create(edition=edition, title="Nabór 2019",
                                          opens_at=timezone.now(),
                                          deadline=timezone.now() + timedelta(days=9))
    other_edition = Edition.objects.create(programme=other_programme, name="2020",
                                           start_date=date(2020, 1, 1))
    return {
        "own": [
            log_action(staff, "programmes.staff.added", programme, person="a@example.org"),
            log_change(staff, "programmes.edition.updated", edition, {"name": "2018"}),
            log_action(staff, "programmes.group.created", group),
            log_action(staff, "recruitment.call.created", call),
            log_action(staff, "knowledge.term.created", None, programme=programme.slug),
        ],
        "other": [
            log_action(staff, "programmes.edition.created", other_edition),
            log_action(staff, "knowledge.term.created", None, programme=other_programme.slug),
            log_action(staff, "accounts.login", staff, ip="127.0.0.1"),
            log_action(None, "accounts.login.failed", None, email="x@example.org"),
            log_action(staff, "directory.organisation.updated", programme.organiser),
        ],
    }


def _shown(response) -> set[int]:
    return {entry.pk for entry in response.context["page"]}


def test_models_reach_their_programme_through_foreign_keys():
    paths = programme_paths()
    assert paths["programmes.edition"] == "programme__id"
    assert paths["recruitment.application"] == "call__edition__programme__id"
    assert paths["events.registration"] == "event__programme__id"
    assert "accounts.user" not in paths
    assert "directory.organisation" not in paths


def test_coordinator_sees_the_entries_of_their_programme_only(
        client, programme_coordinator, entries):
    client.force_login(programme_coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert _shown(response) == {entry.pk for entry in entries["own"]}


def test_entries_show_before_and_after(client, programme_coordinator, entries):
    client.force_login(programme_coordinator)
    assert "name: 2018 → 2019" in client.get(URL).content.decode()


def test_staff_see_everything(client, staff, entries):
    client.force_login(staff)
    response = client.get(URL)
    shown = _shown(response)
    assert {entry.pk for entry in entries["own"] + entries["other"]} <= shown


def test_people_who_manage_no_programme_are_refused(client, outsider, coordinator, facilitator):
    for person in (outsider, coordinator, facilitator):
        client.force_login(person)
        assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302


def test_filters(client, staff, entries, programme):
    client.force_login(staff)
    assert {e.action for e in client.get(URL, {"action": "accounts."}).context["page"]} >= {
        "accounts.login", "accounts.login.failed"}
    assert all(e.action.startswith("accounts.")
               for e in client.get(URL, {"action": "accounts."}).context["page"])
    by_type = client.get(URL, {"object_type": "programmes.group"}).context["page"]
    assert [e.action for e in by_type] == ["programmes.group.created"]
    by_programme = _shown(client.get(URL, {"programme": programme.slug}))
    assert by_programme == {entry.pk for entry in entries["own"]}
    assert _shown(client.get(URL, {"person": staff.email})) >= {entries["own"][0].pk}
    assert not _shown(client.get(URL, {"person": "nobody-like-this"}))
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert not _shown(client.get(URL, {"since": tomorrow}))
    assert _shown(client.get(URL, {"until": tomorrow}))


def test_the_query_count_does_not_grow_with_entries(
        client, programme_coordinator, programme, edition, django_assert_max_num_queries):
    client.force_login(programme_coordinator)
    for number in range(3):
        log_action(None, "programmes.edition.updated", edition, round=number)
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    for number in range(60):
        log_action(None, "programmes.edition.updated", edition, round=number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert len(response.context["page"]) == 50


def test_export_is_safe_and_respects_the_scope(client, programme_coordinator, programme, edition,
                                               entries):
    log_action(None, "programmes.edition.updated", edition, note='=HYPERLINK("http://x")')
    client.force_login(programme_coordinator)
    response = client.get(URL, {"format": "csv"})
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "accounts.login" not in text
    assert "recruitment.call.created" in text
    response = client.get(URL, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "programmes.group.created" in values
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_one_query_finds_a_programmes_entries(programme, entries, django_assert_num_queries):
    programmes = Programme.objects.filter(pk=programme.pk)
    with django_assert_num_queries(2):  # the slugs, then the entries
        found = set(programme_entries(programmes).values_list("pk", flat=True))
    assert found == {entry.pk for entry in entries["own"]}
    assert AuditEntry.objects.count() > len(found)
