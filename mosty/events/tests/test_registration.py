"""Registering, the waiting list, audiences and invitations."""
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.events import services
from mosty.events.models import Registration, RegistrationStatus as Status
from mosty.events.tests.conftest import make_event
from mosty.programmes.models import GroupMember

pytestmark = pytest.mark.django_db


def participants(count: int, sector: str = "ngo") -> list:
    organisation = OrganisationFactory(sector=sector)
    return [MembershipFactory(organisation=organisation).user for _ in range(count)]


def test_registering_takes_a_place_then_the_waiting_list(event):
    people = participants(7)
    statuses = [services.register(p, event).status for p in people]
    assert statuses == [Status.CONFIRMED] * 5 + [Status.WAITLISTED] * 2
    assert AuditEntry.objects.filter(action="events.registration.created").count() == 7


def test_cancelling_gives_the_place_to_the_longest_waiting_and_emails_them(
        event, django_capture_on_commit_callbacks):
    people = participants(7)
    for person in people:
        services.register(person, event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(people[0], event)
    status = dict(Registration.objects.values_list("user", "status"))
    assert status[people[0].pk] == Status.CANCELLED
    assert status[people[5].pk] == Status.CONFIRMED
    assert status[people[6].pk] == Status.WAITLISTED
    assert [m.to for m in mail.outbox] == [[people[5].email]]
    assert event.title in mail.outbox[0].subject
    # A waiting person who leaves frees nobody's place.
    services.cancel(people[6], event)
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 5


def test_registering_again_after_cancelling_goes_to_the_end_of_the_queue(event):
    people = participants(6)
    for person in people:
        services.register(person, event)
    services.cancel(people[0], event)  # people[5] moves up
    again = services.register(people[0], event)
    assert again.status == Status.WAITLISTED
    assert Registration.objects.filter(event=event, user=people[0]).count() == 1


def test_double_registration_is_refused(event, member):
    services.register(member, event)
    with pytest.raises(services.RegistrationError):
        services.register(member, event)
    assert Registration.objects.filter(user=member).count() == 1


def test_registration_closes_when_the_event_starts(programme, member):
    started = make_event(programme, "trwa", start=timezone.now() - timedelta(minutes=5))
    with pytest.raises(services.RegistrationError):
        services.register(member, started)


def test_unlimited_event_never_waitlists(programme):
    event = make_event(programme, "bez-limitu", capacity=None)
    assert {services.register(p, event).status for p in participants(8)} == {Status.CONFIRMED}


@pytest.mark.parametrize(("audience", "sector", "allowed"), [
    ("jst", "jst", True), ("jst", "public_institution", True), ("jst", "ngo", False),
    ("ngo", "ngo", True), ("ngo", "public_institution", False), ("ngo", "business", False),
    ("all", "business", True)])
def test_audience_by_sector_of_the_persons_organisations(programme, audience, sector, allowed):
    event = make_event(programme, audience=audience)
    person = participants(1, sector)[0]
    if allowed:
        assert services.register(person, event).status == Status.CONFIRMED
    else:
        expected = services.audience_problem(person, event)
        with pytest.raises(services.RegistrationError) as error:
            services.register(person, event)
        assert expected
        assert str(error.value) == expected


def test_a_person_of_no_organisation_cannot_take_a_jst_date_and_sees_why(client, programme,
                                                                          outsider):
    event = make_event(programme, "dla-jst", audience="jst")
    client.force_login(outsider)
    page = client.post(reverse("events:register", args=[event.slug]), follow=True)
    problem = services.audience_problem(outsider, event)
    assert problem
    assert problem in page.content.decode()
    assert 'data-testid="registration-problem"' in page.content.decode()
    assert not Registration.objects.exists()


def test_group_events_are_for_the_group_only(programme, group, member, outsider):
    event = make_event(programme, "grupowe", audience="group", group=group)
    assert services.register(member, event).status == Status.CONFIRMED
    with pytest.raises(services.RegistrationError):
        services.register(outsider, event)


def test_inviting_a_group_invites_its_people_once_and_emails_them(
        programme, group, member, django_capture_on_commit_callbacks):
    colleague = MembershipFactory(organisation=member.memberships.get().organisation).user
    event = make_event(programme, "grupowe", audience="group", group=group)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invited = services.invite_group(None, event)
    assert len(callbacks) == 2  # e-mails wait for the commit
    assert {r.user for r in invited} == {member, colleague}
    assert {m.to[0] for m in mail.outbox} == {member.email, colleague.email}
    assert mail.outbox[0].attachments[0][2] == "text/calendar"
    assert services.invite_group(None, event) == []


def test_named_people_replace_the_whole_organisation(programme, group, member):
    MembershipFactory(organisation=member.memberships.get().organisation)
    delegate = UserFactory.create()
    GroupMember.objects.get(group=group).people.add(delegate)
    event = make_event(programme, "grupowe", audience="group", group=group)
    assert [r.user for r in services.invite_group(None, event)] == [delegate]


def test_accepting_and_declining_an_invitation(client, programme, group, member):
    event = make_event(programme, "grupowe", audience="group", group=group, capacity=None)
    services.invite_group(None, event)
    client.force_login(member)
    mine = client.get(reverse("events:mine")).content.decode()
    assert f'data-testid="accept-{event.slug}"' in mine
    client.post(reverse("events:register", args=[event.slug]), {"next": "mine"})
    assert Registration.objects.get(user=member).status == Status.CONFIRMED
    other = make_event(programme, "grupowe-2", audience="group", group=group)
    services.invite_group(None, other)
    response = client.post(reverse("events:decline", args=[other.slug]), {"next": "mine"})
    assert response["Location"] == reverse("events:mine")
    assert Registration.objects.get(user=member, event=other).status == Status.DECLINED
    with pytest.raises(services.RegistrationError):
        services.decline(member, other)


def test_the_event_page_offers_the_right_button(client, event, member):
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("accounts:login") in page
    assert 'data-testid="register"' not in page
    client.force_login(member)
    assert 'data-testid="register"' in client.get(event.get_absolute_url()).content.decode()
    response = client.post(reverse("events:register", args=[event.slug]), follow=True)
    page = response.content.decode()
    assert 'data-status="confirmed"' in page
    assert 'data-testid="cancel"' in page
    assert gettext("You are registered. See you there!") in page
    client.post(reverse("events:cancel", args=[event.slug]))
    assert Registration.objects.get(user=member).status == Status.CANCELLED


def test_register_needs_post_and_login(client, event):
    assert client.get(reverse("events:register", args=[event.slug])).status_code == 405
    response = client.post(reverse("events:register", args=[event.slug]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_no_e_mail_leaves_when_the_change_is_rolled_back(programme, group, member,
                                                          django_capture_on_commit_callbacks):
    from django.db import transaction

    event = make_event(programme, "wycofane", audience="group", group=group)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.invite_group(None, event)
                raise RuntimeError("a later step fails")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not Registration.objects.filter(event=event).exists()


def test_inviting_again_says_why_nobody_was_invited(client, programme, group, member,
                                                    prog_coordinator):
    event = make_event(programme, "grupowe", audience="group", group=group)
    services.invite_group(None, event)
    client.force_login(prog_coordinator)
    page = client.post(reverse("events:invite", args=[event.slug]), follow=True)
    text = page.content.decode()
    assert "wszyscy z grupy" in text
    assert "zostali już zaproszeni" in text
    assert "Wysłane zaproszenia: 0." not in text
    GroupMember.objects.filter(group=group).delete()
    assert "nie ma jeszcze nikogo" in services.why_nobody_invited(event)
