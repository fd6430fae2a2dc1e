"""Taking a role or a group place away asks first and can be undone (mosty.core.undo): the
list links to a page that asks, POST removes, and the next page offers "Cofnij"."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.core.models import Deletion
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.events.models import ConsultationSlot
from mosty.programmes.access import programme_access
from mosty.programmes.models import Event, Group, GroupMember, ProgrammeStaff, StaffRole
from mosty.recruitment.models import Application, RecruitmentCall
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointed(programme, outsider):
    return ProgrammeStaff.objects.create(programme=programme, user=outsider,
                                         role=StaffRole.FACILITATOR, expertise="finanse")


@pytest.fixture
def member(group):
    person = UserFactory.create(email="bibliotekarka@example.org")
    member = GroupMember.objects.create(
        group=group, organisation=OrganisationFactory(name="Biblioteka w Śmiglu"))
    member.people.add(person)
    return member


def test_taking_a_role_away_asks_then_offers_to_undo(client, programme, programme_coordinator,
                                                    appointed, outsider):
    client.force_login(programme_coordinator)
    staff_page = reverse("programmes:staff", args=[programme.slug])
    url = reverse("programmes:staff_remove", args=[programme.slug, appointed.pk])
    ask_then_remove(client, staff_page, url, mentions=[outsider.email],
                    exists=lambda: programme_access(outsider, programme).see_private)
    deletion = Deletion.objects.get()
    response = client.post(reverse("core:undo", args=[deletion.pk]), follow=True)
    assert response.redirect_chain[-1][0] == staff_page
    restored = ProgrammeStaff.objects.get(user=outsider)
    assert (restored.pk, restored.role, restored.expertise) == (
        appointed.pk, "facilitator", "finanse")
    assert programme_access(outsider, programme).see_private


def test_only_coordinators_may_take_roles_away(client, programme, facilitator, appointed):
    url = reverse("programmes:staff_remove", args=[programme.slug, appointed.pk])
    client.force_login(facilitator)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert ProgrammeStaff.objects.filter(pk=appointed.pk).exists()


def test_an_old_one_click_post_no_longer_removes(client, programme, programme_coordinator,
                                                 appointed):
    client.force_login(programme_coordinator)
    client.post(reverse("programmes:staff", args=[programme.slug]), {"remove": appointed.pk})
    assert ProgrammeStaff.objects.filter(pk=appointed.pk).exists()


def test_removing_a_group_member_and_undoing_brings_back_its_people_and_applications(
        client, programme, edition, group, member, programme_coordinator):
    call = RecruitmentCall.objects.create(edition=edition, title="Nabór",
                                          opens_at=timezone.now() - timedelta(days=5),
                                          deadline=timezone.now() + timedelta(days=5))
    application = Application.objects.create(call=call, applicant=UserFactory(),
                                             status="accepted", group_member=member)
    client.force_login(programme_coordinator)
    group_page = reverse("programmes:group", args=[programme.slug, group.pk])
    url = reverse("programmes:group_member_remove", args=[programme.slug, group.pk, member.pk])
    assert f'href="{url}"' in client.get(group_page).content.decode()
    page = client.get(url).content.decode()
    assert "Biblioteka w Śmiglu" in page
    assert str(member.people.get()) in page
    assert GroupMember.objects.exists()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == group_page
    assert not GroupMember.objects.exists()
    application.refresh_from_db()
    assert application.group_member_id is None
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    restored = GroupMember.objects.get()
    assert restored.pk == member.pk
    assert [p.email for p in restored.people.all()] == ["bibliotekarka@example.org"]
    application.refresh_from_db()
    assert application.group_member_id == member.pk


def test_someone_else_cannot_undo_and_nobody_after_the_time(
        client, programme, group, member, programme_coordinator):
    client.force_login(programme_coordinator)
    client.post(reverse("programmes:group_member_remove",
                        args=[programme.slug, group.pk, member.pk]))
    deletion = Deletion.objects.get()
    other = UserFactory()
    ProgrammeStaff.objects.create(programme=programme, user=other, role=StaffRole.COORDINATOR)
    client.force_login(other)
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    client.force_login(programme_coordinator)
    Deletion.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    response = client.post(reverse("core:undo", args=[deletion.pk]), follow=True)
    assert "za późno" in response.content.decode().lower()
    assert not GroupMember.objects.exists()


def test_a_member_of_another_group_is_not_reached(client, programme, edition, group,
                                                  programme_coordinator, member):
    other = Group.objects.create(edition=edition, name="grupa B")
    client.force_login(programme_coordinator)
    url = reverse("programmes:group_member_remove", args=[programme.slug, other.pk, member.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_an_expert_with_consultation_slots_keeps_the_role_with_a_reason(
        client, programme, programme_coordinator, appointed):
    """Slots protect their expert: the refusal is a message, not a server error."""
    start = timezone.now() + timedelta(days=3)
    event = Event.objects.create(programme=programme, slug="panel", kind="workshop",
                                 title="Panel ekspertów", start=start,
                                 end=start + timedelta(hours=2))
    ConsultationSlot.objects.create(event=event, expert=appointed, start=start,
                                    end=start + timedelta(minutes=30))
    client.force_login(programme_coordinator)
    url = reverse("programmes:staff_remove", args=[programme.slug, appointed.pk])
    response = client.post(url, follow=True)
    assert "Nie można tego usunąć" in response.content.decode()
    assert ProgrammeStaff.objects.filter(pk=appointed.pk).exists()
    assert not Deletion.objects.exists()
