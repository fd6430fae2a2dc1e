"""Reviewing: scores by several reviewers, decisions with e-mails, places in groups."""
import pytest
from django.core import mail
from django.urls import reverse

from mosty.programmes.models import Edition, Group, GroupMember
from mosty.recruitment.choices import Status
from mosty.recruitment.models import Review
from mosty.recruitment.services import RecruitmentError
from mosty.recruitment.services.review import assign_to_group, decide, save_review
from mosty.recruitment.tests.helpers import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(call, applicant, organisation):
    return submit(call, applicant, organisation)


def criteria(call) -> list[int]:
    return [c.pk for c in call.criteria.all()]


def test_several_reviewers_score_per_criterion_and_see_the_average(
        client, call, application, programme_coordinator, facilitator):
    first, second = criteria(call)
    client.force_login(facilitator)
    url = reverse("recruitment:review_score", args=[application.pk])
    response = client.post(url, {f"c_{first}": 4, f"c_{second}": 5, "comment": "Strong."})
    assert response.status_code == 302
    client.force_login(programme_coordinator)
    client.post(url, {f"c_{first}": 2, f"c_{second}": 3})
    page = client.get(reverse("recruitment:review", args=[application.pk]))
    assert page.context["average"] == 7.0
    assert 'data-testid="average">7,00<' in page.content.decode()
    # Changing one's review replaces it.
    client.post(url, {f"c_{first}": 5, f"c_{second}": 5})
    assert sorted(Review.objects.values_list("total", flat=True)) == [9, 10]
    assert Review.objects.get(reviewer=facilitator).comment == "Strong."


def test_scores_out_of_range_are_refused(client, call, application, facilitator):
    first, second = criteria(call)
    client.force_login(facilitator)
    response = client.post(reverse("recruitment:review_score", args=[application.pk]),
                           {f"c_{first}": 6, f"c_{second}": 1})
    assert response.status_code == 400
    assert f"c_{first}" in response.context["review_form"].errors
    assert not Review.objects.exists()


def test_a_single_score_when_the_call_has_no_criteria(call, application, facilitator):
    call.criteria.all().delete()
    call.score_max = 10
    call.save()
    assert save_review(facilitator, application, score=8, comment="ok").total == 8
    with pytest.raises(RecruitmentError):
        save_review(facilitator, application, score=11)


def test_decisions_tell_the_applicant_by_email(client, call, application, applicant,
                                               programme_coordinator,
                                               django_capture_on_commit_callbacks):
    client.force_login(programme_coordinator)
    url = reverse("recruitment:review_decide", args=[application.pk])
    for decision, message in (("waitlisted", "A place may free up."),
                              ("accepted", "Welcome!"), ("accepted", "Welcome, again.")):
        # Each request commits on its own, and its e-mail is sent then.
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"decision": decision, "message": message})
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.decided_by == programme_coordinator
    # The third post changed only the message: no third e-mail.
    assert [m.to for m in mail.outbox] == [[applicant.email], [applicant.email]]
    assert "Welcome!" in mail.outbox[1].body


def test_no_more_acceptances_than_places(call, application, other_applicant,
                                         other_organisation, programme_coordinator):
    call.max_accepted = 1
    call.save()
    second = submit(call, other_applicant, other_organisation)
    decide(programme_coordinator, application, Status.ACCEPTED)
    with pytest.raises(RecruitmentError):
        decide(programme_coordinator, second, Status.ACCEPTED)
    assert decide(programme_coordinator, second, Status.WAITLISTED).status == Status.WAITLISTED


def test_accepted_applicants_are_assigned_to_a_group(client, call, application, applicant,
                                                     group, programme_coordinator):
    client.force_login(programme_coordinator)
    url = reverse("recruitment:review_assign", args=[application.pk])
    assert client.post(url, {"group": group.pk}).status_code == 400  # not accepted yet
    decide(programme_coordinator, application, Status.ACCEPTED)
    assert client.post(url, {"group": group.pk}).status_code == 302
    member = GroupMember.objects.get(group=group)
    assert member.organisation == application.organisation
    assert list(member.people.all()) == [applicant]
    application.refresh_from_db()
    assert application.group_member == member
    page = client.get(reverse("recruitment:review", args=[application.pk]))
    # A library alone breaks the rule "at least one social-assistance body".
    assert page.context["group_problems"]
    # Un-accepting while in a group is refused: the group would keep an unaccepted member.
    with pytest.raises(RecruitmentError):
        decide(programme_coordinator, application, Status.REJECTED)


def test_a_group_of_another_edition_is_refused(call, application, programme,
                                               programme_coordinator):
    decide(programme_coordinator, application, Status.ACCEPTED)
    other = Group.objects.create(edition=Edition.objects.create(programme=programme, name="2020"),
                                 name="grupa 2020")
    with pytest.raises(RecruitmentError):
        assign_to_group(programme_coordinator, application, other)
    assert not GroupMember.objects.exists()


def test_facilitators_review_but_do_not_decide(client, application, facilitator, group):
    client.force_login(facilitator)
    decision = client.post(reverse("recruitment:review_decide", args=[application.pk]),
                           {"decision": "accepted"})
    assert decision.status_code == 403
    assign = client.post(reverse("recruitment:review_assign", args=[application.pk]),
                         {"group": group.pk})
    assert assign.status_code == 403
    note = client.post(reverse("recruitment:review_note", args=[application.pk]),
                       {"text": "Called them: they are keen."})
    assert note.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.notes.get().author == facilitator
