"""Dialogue bodies: members with terms of office, meetings with their published conclusions."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core import undo
from mosty.core.models import AuditEntry, Deletion
from mosty.cooperation import bodies, services
from mosty.cooperation.tests.conftest import POZNAN
from mosty.directory.tests.factories import OrganisationFactory
from mosty.events import content
from mosty.programmes.models import Event, Programme
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def kdo(ngo):
    programme = Programme.objects.create(name="Poznań 2019", slug="poznan-2019", is_public=True,
                                         organiser=OrganisationFactory())
    start = timezone.now() - timedelta(days=30)
    workshop = Event.objects.create(programme=programme, title="Warsztaty ewaluacyjne KDO",
                                    slug="kdo-ewaluacja", kind="workshop", start=start,
                                    end=start + timedelta(hours=4))
    content.save_conclusions(None, workshop, "Komisje potrzebują lepszej komunikacji.",
                             "Wspólne spotkanie KDO raz w roku.", publish=True)
    body = bodies.save_body(None, None, bodies.BodyData(
        territory_code=POZNAN, kind="kdo", name="KDO ds. Ekologii",
        term_start=date(2018, 1, 1), term_end=date(2021, 12, 31)))
    bodies.set_body_meetings(None, body, [workshop.pk])
    bodies.add_member(None, body, bodies.MemberData(person="Natalia Wróbel",
                                                    organisation_id=ngo.pk,
                                                    function="przewodnicząca"))
    return body


def test_a_member_inherits_the_bodys_term_and_terms_are_checked(kdo):
    member = kdo.members.get()
    assert (member.term_start, member.term_end) == (date(2018, 1, 1), date(2021, 12, 31))
    with pytest.raises(services.CooperationError, match="Kadencja nie może"):
        bodies.add_member(None, kdo, bodies.MemberData(person="X", term_start=date(2020, 1, 1),
                                                       term_end=date(2019, 1, 1)))
    assert AuditEntry.objects.filter(action="cooperation.body.member_added").count() == 1


def test_the_body_page_shows_members_meetings_and_published_conclusions(client, kdo, ngo_member):
    page = client.get(reverse("cooperation:body", args=[kdo.pk])).content.decode()
    assert "Fundacja Zielona Wilda" in page
    assert "Natalia Wróbel" not in page
    assert "Warsztaty ewaluacyjne KDO" in page
    assert "Komisje potrzebują lepszej komunikacji." in page
    client.force_login(ngo_member)
    assert "Natalia Wróbel" in client.get(reverse("cooperation:body", args=[kdo.pk])) \
        .content.decode()
    assert "KDO ds. Ekologii" in client.get(reverse("cooperation:index")).content.decode()


def test_only_the_office_edits_a_body(client, kdo, ngo_member, other_official, poznan_official):
    for user in (ngo_member, other_official):
        client.force_login(user)
        assert client.get(reverse("cooperation:body_edit", args=[kdo.pk])).status_code == 403
        assert client.post(reverse("cooperation:body_member", args=[kdo.pk]),
                           {"person": "Intruz"}).status_code == 403
    with pytest.raises(services.CooperationError, match="Tylko urzędnicy"):
        bodies.add_member(other_official, kdo, bodies.MemberData(person="Intruz"))
    client.force_login(poznan_official)
    client.post(reverse("cooperation:body_member", args=[kdo.pk]), {
        "person": "Marek Błaszczyk", "function": "członek"})
    assert sorted(kdo.members.values_list("person", flat=True)) == [
        "Marek Błaszczyk", "Natalia Wróbel"]
    removed = kdo.members.get(person="Marek Błaszczyk")
    client.post(reverse("cooperation:body_member_remove", args=[kdo.pk, removed.pk]))
    assert kdo.members.count() == 1
    response = client.post(reverse("cooperation:body_new"), {
        "territory": POZNAN, "kind": "rdpp", "name": "Poznańska RDPP"})
    assert response.status_code == 302
    assert kdo.__class__.objects.filter(kind="rdpp", territory_id=POZNAN).exists()


def test_the_api_lists_bodies_with_names_for_signed_in_callers(client, kdo, ngo_member,
                                                               django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        anonymous = client.get("/api/cooperation/bodies").json()
    assert anonymous[0]["members"][0]["person"] is None
    assert anonymous[0]["members"][0]["organisation_name"] == "Fundacja Zielona Wilda"
    assert anonymous[0]["meetings"] == ["kdo-ewaluacja"]
    client.force_login(ngo_member)
    signed_in = client.get("/api/cooperation/bodies?territory=3064011").json()
    assert signed_in[0]["members"][0]["person"] == "Natalia Wróbel"


def test_removing_a_member_asks_then_offers_to_undo(client, kdo, poznan_official,
                                                    other_official):
    member = kdo.members.get()
    body_page = reverse("cooperation:body", args=[kdo.pk])
    url = reverse("cooperation:body_member_remove", args=[kdo.pk, member.pk])
    client.force_login(other_official)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(poznan_official)
    ask_then_remove(client, body_page, url, mentions=["Natalia Wróbel"],
                    exists=kdo.members.exists)
    deletion = Deletion.objects.get()
    client.force_login(other_official)
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    client.force_login(poznan_official)
    client.post(reverse("core:undo", args=[deletion.pk]))
    restored = kdo.members.get()
    assert (restored.pk, restored.person, restored.function) == (
        member.pk, "Natalia Wróbel", "przewodnicząca")


def test_undoing_too_late_changes_nothing(client, kdo, poznan_official):
    member = kdo.members.get()
    deletion = bodies.remove_member(poznan_official, member, "/")
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    client.force_login(poznan_official)
    response = client.post(reverse("core:undo", args=[deletion.pk]), follow=True)
    assert "za późno" in response.content.decode()
    assert not kdo.members.exists()
