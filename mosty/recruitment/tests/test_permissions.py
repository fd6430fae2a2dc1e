"""Every recruitment and programme-management view, role by role.

Roles: anonymous, an outsider, the applicant, another applicant, a coordinator of this
programme, a coordinator of another programme, a facilitator of this programme, staff.
Applicants see only their own application; staff of a programme only that programme's.
"""
import pytest
from django.urls import reverse

from mosty.accounts.models import Role
from mosty.directory.models import Membership
from mosty.directory.tests.factories import UserFactory
from mosty.recruitment import access
from mosty.recruitment.choices import Status
from mosty.recruitment.models import Application
from mosty.recruitment.tests.helpers import submit
from mosty.recruitment.tests.test_api import bearer

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "applicant", "other_applicant", "programme_coordinator",
         "other_coordinator", "facilitator", "staff"]


def expect(*codes: int) -> dict[str, int]:
    return dict(zip(ROLES, codes, strict=True))


PUBLIC = expect(200, 200, 200, 200, 200, 200, 200, 200)
LOGGED_IN = expect(302, 200, 200, 200, 200, 200, 200, 200)
OWN = expect(302, 404, 200, 404, 404, 404, 404, 404)
OWN_OR_STAFF = expect(302, 404, 200, 404, 200, 404, 200, 200)
MANAGE = expect(302, 403, 403, 403, 200, 403, 403, 200)
PRIVATE = expect(302, 403, 403, 403, 200, 403, 200, 200)
REVIEW = expect(302, 404, 404, 404, 200, 404, 200, 200)
REVIEW_POST = expect(302, 404, 404, 404, 302, 404, 302, 302)
DECIDE_POST = expect(302, 404, 404, 404, 302, 404, 403, 302)
MANAGE_POST = expect(302, 403, 403, 403, 302, 403, 403, 302)
API_MINE = expect(401, 200, 200, 200, 200, 200, 200, 200)
API_STAFF = expect(401, 403, 403, 403, 200, 403, 200, 200)

# name, method, url (from the objects below), POST data, expected status by role
VIEWS = [
    ("calls", "get", lambda o: reverse("recruitment:calls"), None, PUBLIC),
    ("call", "get", lambda o: reverse("recruitment:call", args=[o["call"].pk]), None, PUBLIC),
    # The applicant has submitted: the form sends them to their application.
    ("apply", "get", lambda o: reverse("recruitment:apply", args=[o["call"].pk]), None,
     {**LOGGED_IN, "applicant": 302}),
    ("mine", "get", lambda o: reverse("recruitment:mine"), None, LOGGED_IN),
    ("application", "get", lambda o: reverse("recruitment:application", args=[o["app"].pk]),
     None, OWN),
    ("application_pdf", "get",
     lambda o: reverse("recruitment:application_pdf", args=[o["app"].pk]), None, OWN_OR_STAFF),
    ("file", "get", lambda o: reverse("recruitment:file", args=[o["app"].files.get().pk]), None,
     OWN_OR_STAFF),
    ("organisation_search", "get",
     lambda o: reverse("recruitment:organisation_search") + "?q=bib", None, LOGGED_IN),
    ("call_create", "get", lambda o: reverse("recruitment:call_create", args=[o["slug"]]), None,
     MANAGE),
    ("call_edit", "get", lambda o: reverse("recruitment:call_edit", args=[o["call"].pk]), None,
     MANAGE),
    ("review_list", "get", lambda o: reverse("recruitment:review_list", args=[o["call"].pk]),
     None, PRIVATE),
    ("review_export", "get",
     lambda o: reverse("recruitment:review_export", args=[o["call"].pk]), None, PRIVATE),
    ("review", "get", lambda o: reverse("recruitment:review", args=[o["app"].pk]), None, REVIEW),
    ("review_score", "post", lambda o: reverse("recruitment:review_score", args=[o["app"].pk]),
     lambda o: {f"c_{c.pk}": 3 for c in o["call"].criteria.all()}, REVIEW_POST),
    ("review_note", "post", lambda o: reverse("recruitment:review_note", args=[o["app"].pk]),
     lambda o: {"text": "A note."}, REVIEW_POST),
    ("review_decide", "post", lambda o: reverse("recruitment:review_decide", args=[o["app"].pk]),
     lambda o: {"decision": "accepted"}, DECIDE_POST),
    ("review_assign", "post", lambda o: reverse("recruitment:review_assign", args=[o["app"].pk]),
     lambda o: {"group": o["group"].pk}, DECIDE_POST),
    ("manage", "get", lambda o: reverse("recruitment:manage", args=[o["slug"]]), None, PRIVATE),
    ("staff", "get", lambda o: reverse("programmes:staff", args=[o["slug"]]), None, PRIVATE),
    ("staff_add", "post", lambda o: reverse("programmes:staff", args=[o["slug"]]),
     lambda o: {"email": o["app"].applicant.email, "role": "facilitator"}, MANAGE_POST),
    ("group_problems", "get", lambda o: reverse("programmes:group_problems", args=[o["slug"]]),
     None, PRIVATE),
    ("group", "get", lambda o: reverse("programmes:group", args=[o["slug"], o["group"].pk]),
     None, PRIVATE),
    ("group_member_add", "post",
     lambda o: reverse("programmes:group", args=[o["slug"], o["group"].pk]),
     lambda o: {"organisation": f"[{o['other_org'].slug}]"}, MANAGE_POST),
    ("group_edit", "get",
     lambda o: reverse("programmes:group_edit", args=[o["slug"], o["group"].pk]), None, MANAGE),
    ("group_create", "get",
     lambda o: reverse("programmes:group_create", args=[o["slug"], o["edition"].pk]), None,
     MANAGE),
    ("edition_create", "get", lambda o: reverse("programmes:edition_create", args=[o["slug"]]),
     None, MANAGE),
    ("edition_edit", "get",
     lambda o: reverse("programmes:edition_edit", args=[o["slug"], o["edition"].pk]), None,
     MANAGE),
    ("api_calls", "get", lambda o: "/api/recruitment/calls", None, PUBLIC),
    ("api_call", "get", lambda o: f"/api/recruitment/calls/{o['call'].pk}", None, PUBLIC),
    ("api_mine", "get", lambda o: "/api/recruitment/my-applications", None, API_MINE),
    ("api_applications", "get",
     lambda o: f"/api/recruitment/calls/{o['call'].pk}/applications", None, API_STAFF),
]


@pytest.fixture
def objects(call, group, applicant, organisation, other_organisation, programme,
            edition):
    application = submit(call, applicant, organisation)
    # Accepted, so that assigning it to a group is possible for those allowed to.
    Application.objects.filter(pk=application.pk).update(status=Status.ACCEPTED)
    return {"call": call, "app": application, "group": group, "slug": programme.slug,
            "edition": edition, "other_org": other_organisation}


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(client, request, objects, role):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    if user is not None:
        client.force_login(user)
    failures = []
    for name, method, url, data, expected in VIEWS:
        target = url(objects)
        if method == "get":
            response = client.get(target)
        else:
            response = client.post(target, data(objects))
        if response.status_code != expected[role]:
            failures.append(f"{name}: {response.status_code} (expected {expected[role]})")
    assert not failures, f"{role}: " + "; ".join(failures)


def test_anonymous_is_sent_to_log_in(client, objects):
    response = client.get(reverse("recruitment:review_list", args=[objects["call"].pk]))
    assert reverse("accounts:login") in response["Location"]


def test_a_global_coordinator_manages_the_programmes_of_their_organisation(programme,
                                                                           coordinator):
    assert not access.programme_access(coordinator, programme).manage
    Membership.objects.create(user=coordinator, organisation=programme.organiser)
    assert access.programme_access(coordinator, programme).manage
    assert list(access.managed_programmes(coordinator)) == [programme]
    # A participant who is a member of the organiser is not a coordinator.
    participant = UserFactory.create(role=Role.PARTICIPANT)
    Membership.objects.create(user=participant, organisation=programme.organiser)
    assert not access.programme_access(participant, programme).see_private
    assert not access.private_programmes(participant).exists()


def test_unpublished_calls_are_hidden_but_from_their_staff(client, call, outsider, facilitator):
    call.is_published = False
    call.save()
    client.force_login(outsider)
    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get("/api/recruitment/calls").json() == []
    client.force_login(facilitator)
    assert client.get(call.get_absolute_url()).status_code == 200


def test_inactive_staff_lose_access(programme, programme_coordinator):
    programme_coordinator.is_active = False
    programme_coordinator.save()
    assert access.programme_access(programme_coordinator, programme) == access.NO_ACCESS


# Every page and API operation that names a call by its number.
CALL_URLS = [
    ("call", "get", lambda pk: reverse("recruitment:call", args=[pk])),
    ("apply", "get", lambda pk: reverse("recruitment:apply", args=[pk])),
    ("apply_post", "post", lambda pk: reverse("recruitment:apply", args=[pk])),
    ("call_edit", "get", lambda pk: reverse("recruitment:call_edit", args=[pk])),
    ("call_edit_post", "post", lambda pk: reverse("recruitment:call_edit", args=[pk])),
    ("review_list", "get", lambda pk: reverse("recruitment:review_list", args=[pk])),
    ("review_export", "get", lambda pk: reverse("recruitment:review_export", args=[pk])),
    ("api_call", "get", lambda pk: f"/api/recruitment/calls/{pk}"),
    ("api_applications", "get", lambda pk: f"/api/recruitment/calls/{pk}/applications"),
]
# People who may not see the programme's private parts.
OUTSIDERS = ["anonymous", "outsider", "applicant", "other_applicant", "other_coordinator"]


@pytest.mark.parametrize("hidden_by", ["unpublished call", "unpublished programme"])
@pytest.mark.parametrize("role", OUTSIDERS)
def test_a_hidden_call_answers_as_if_it_did_not_exist(client, request, objects, programme,
                                                       role, hidden_by):
    """Not 403 where a call that does not exist is 404: the answer must not tell that it
    exists (for the API too, with a token)."""
    call = objects["call"]
    if hidden_by == "unpublished call":
        call.is_published = False
        call.save(update_fields=["is_published"])
    else:
        programme.is_public = False
        programme.save(update_fields=["is_public"])
    missing = call.pk + 1000
    headers = {}
    if role != "anonymous":
        user = request.getfixturevalue(role)
        client.force_login(user)
        headers = bearer(user)
    answers: dict[str, list[int]] = {}
    for name, method, url in CALL_URLS:
        for pk in (call.pk, missing):
            send = client.get if method == "get" else client.post
            status = send(url(pk), **(headers if name.startswith("api") else {})).status_code
            answers.setdefault(name, []).append(status)
    different = {name: statuses for name, statuses in answers.items()
                 if statuses[0] != statuses[1]}
    assert not different, different
    if role != "anonymous":
        assert {name: statuses[0] for name, statuses in answers.items()} == {
            name: 404 for name, _method, _url in CALL_URLS}
