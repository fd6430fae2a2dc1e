"""Who may open what: every programme-owned page and API endpoint, role by role.

The table below reads like docs/roles.md. Roles, in the order of the columns:

  anon   anonymous
  part   participant of another organisation
  memb   member of the organisation that takes part (group member, applicant, invited)
  faci   facilitator of the programme
  othc   coordinator of another programme (global coordinator role, runs nothing here)
  coor   coordinator of this programme (ProgrammeStaff coordinator, global role coordinator)
  offi   official
  staf   Django staff

Statuses: 200 allowed; 302 to the login page; 401 API without a token; 403 known but not
allowed; 404 may not know it exists. "jawny" is a public programme, "ukryty" an unpublished
one (its call, event and session are hidden from outsiders).
"""
from dataclasses import dataclass
from datetime import timedelta

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.accounts.models import Role
from mosty.agreements.models import Agreement, Party
from mosty.api.models import ApiToken
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.events.models import Registration, RegistrationStatus
from mosty.knowledge.models import GlossaryTerm, GoodPractice, PracticeStatus, Publication
from mosty.networking.models import NetworkingSession, Participant
from mosty.programmes.models import (
    Edition, Event, Group, GroupMember, Programme, ProgrammeStaff, StaffRole)
from mosty.recruitment.models import Application, RecruitmentCall
from mosty.surveys import services as survey_services
from mosty.surveys.models import Survey

pytestmark = pytest.mark.django_db

ROLES = ("anon", "part", "memb", "faci", "othc", "coor", "offi", "staf")

PRIVATE_CONTACT = "tajna.kontakt@example.org"
GUEST_EMAIL = "gosc.networkingu@example.org"
GUEST_PHONE = "600 999 111"


@dataclass
class World:
    users: dict
    public: Programme
    hidden: Programme
    org: object
    group: Group
    call: RecruitmentCall
    hidden_call: RecruitmentCall
    application: Application
    event: Event
    hidden_event: Event
    session: NetworkingSession
    hidden_session: NetworkingSession
    agreement: Agreement | None = None
    meetings_session: NetworkingSession | None = None  # requested one-to-one meetings
    survey: Survey | None = None


def _knowledge(public: Programme, hidden: Programme) -> None:
    """A glossary term, a published practice and a public publication of the public
    programme; a term of the unpublished one; a draft practice (its editors see it)."""
    GlossaryTerm.objects.create(slug="termin-jawny", programme=public, term_pl="Termin jawny",
                                definition_pl="Znaczenie.")
    GlossaryTerm.objects.create(slug="termin-ukryty", programme=hidden,
                                term_pl="Termin ukryty", definition_pl="Znaczenie.")
    GoodPractice.objects.create(slug="praktyka-jawna", programme=public, title="Praktyka",
                                what="Zrobiliśmy.", status=PracticeStatus.PUBLISHED)
    GoodPractice.objects.create(slug="praktyka-szkic", programme=public, title="Szkic",
                                what="Robimy.", status=PracticeStatus.DRAFT)
    Publication.objects.create(slug="publikacja-jawna", programme=public, title="Raport",
                               kind="report", is_public=True)


def _agreement(public: Programme, group: Group, org: Any, other: Any) -> Agreement:
    """A draft agreement of the public programme between the member's organisation and
    another one."""
    agreement = Agreement.objects.create(title="Porozumienie", programme=public, group=group)
    Party.objects.create(agreement=agreement, organisation=org, position=1)
    Party.objects.create(agreement=agreement, organisation=other, position=2)
    return agreement


def _programme(slug: str, organiser, is_public: bool) -> Programme:
    return Programme.objects.create(name=slug.title(), slug=slug, organiser=organiser,
                                    is_public=is_public)


def _event(programme: Programme, slug: str) -> Event:
    start = timezone.now() + timedelta(days=7)
    return Event.objects.create(programme=programme, title=slug, slug=slug, kind="networking",
                                start=start, end=start + timedelta(hours=3))


def _session(event: Event, kind: str = "rotation") -> NetworkingSession:
    pairs = {"table_size": 2, "tables": 2} if kind == "requested" else {}
    session = NetworkingSession.objects.create(event=event, title="Speed networking",
                                               kind=kind, **pairs)
    Participant.objects.create(session=session, name="Gość Networkingu",
                               email=GUEST_EMAIL, phone=GUEST_PHONE)
    return session


def _call(programme: Programme, edition: Edition) -> RecruitmentCall:
    now = timezone.now()
    return RecruitmentCall.objects.create(edition=edition, title=f"Nabór {programme.slug}",
                                          opens_at=now - timedelta(days=1),
                                          deadline=now + timedelta(days=30), is_published=True)


@pytest.fixture
def world(db) -> World:
    organiser = OrganisationFactory(name="Urząd Gminy Organizatora")
    org = OrganisationFactory(name="Stowarzyszenie Uczestnik")
    org.contacts.create(name="Tajna Kontakt", email=PRIVATE_CONTACT, phone="600 123 456")
    other_org = OrganisationFactory(name="Fundacja Z Boku")
    elsewhere = OrganisationFactory(name="Urząd Innego Programu")

    users = {
        "anon": None,
        "part": UserFactory(role=Role.PARTICIPANT),
        "memb": UserFactory(role=Role.PARTICIPANT),
        "faci": UserFactory(role=Role.FACILITATOR),
        "othc": UserFactory(role=Role.COORDINATOR),
        "coor": UserFactory(role=Role.COORDINATOR),
        "offi": UserFactory(role=Role.OFFICIAL),
        "staf": UserFactory(role=Role.PARTICIPANT, is_staff=True, is_superuser=True),
    }
    MembershipFactory(user=users["part"], organisation=other_org)
    MembershipFactory(user=users["memb"], organisation=org)
    MembershipFactory(user=users["othc"], organisation=elsewhere)

    public = _programme("jawny", organiser, True)
    hidden = _programme("ukryty", organiser, False)
    other = _programme("inny", elsewhere, True)
    for programme in (public, hidden):
        ProgrammeStaff.objects.create(programme=programme, user=users["coor"],
                                      role=StaffRole.COORDINATOR)
        ProgrammeStaff.objects.create(programme=programme, user=users["faci"],
                                      role=StaffRole.FACILITATOR)
    ProgrammeStaff.objects.create(programme=other, user=users["othc"],
                                  role=StaffRole.COORDINATOR)

    edition = Edition.objects.create(programme=public, name="2026")
    group = Group.objects.create(edition=edition, name="Grupa A")
    GroupMember.objects.create(group=group, organisation=org)
    call = _call(public, edition)
    hidden_call = _call(hidden, Edition.objects.create(programme=hidden, name="2026"))
    application = Application.objects.create(
        call=call, applicant=users["memb"], organisation=org, applicant_is_member=True,
        status="submitted", submitted_at=timezone.now())

    event, hidden_event = _event(public, "spotkanie-jawne"), _event(hidden, "spotkanie-ukryte")
    # The member is invited to the unpublished programme's event: they see that event.
    Registration.objects.create(event=hidden_event, user=users["memb"],
                                status=RegistrationStatus.INVITED, queued_at=timezone.now())
    _knowledge(public, hidden)
    return World(users, public, hidden, org, group, call, hidden_call, application, event,
                 hidden_event, _session(event), _session(hidden_event),
                 _agreement(public, group, org, organiser), _session(event, "requested"),
                 _survey(public, event))


def _survey(public: Programme, event: Event) -> Survey:
    """A closed self-assessment of the public programme and an open evaluation of its
    event with a public link."""
    survey = survey_services.create_index_survey(None, public, "Poznań", 2020)
    survey_services.set_status(None, survey, "open")
    survey_services.set_status(None, survey, "closed")
    evaluation = survey_services.create_evaluation(None, event, True)
    Survey.objects.filter(pk=evaluation.pk).update(public_link=True)
    survey_services.set_status(None, evaluation, "open")
    return survey


# Shorthands for rows: who may do it, and what everybody else gets.
#                anon part memb faci othc coor offi staf
PUBLIC_PAGE = (200, 200, 200, 200, 200, 200, 200, 200)
PRIVATE = (302, 403, 403, 200, 403, 200, 403, 200)          # see private parts
MANAGE = (302, 403, 403, 403, 403, 200, 403, 200)           # change the programme
MANAGE_EMPTY_POST = (302, 403, 403, 403, 403, 400, 403, 400)  # allowed, the form is empty
HIDDEN_PRIVATE = (302, 404, 404, 200, 404, 200, 404, 200)   # … of an unpublished programme
HIDDEN_MANAGE = (302, 404, 404, 403, 404, 200, 404, 200)
HIDDEN_PAGE = (404, 404, 404, 200, 404, 200, 404, 200)
INVITED_PAGE = (404, 404, 200, 200, 404, 200, 404, 200)     # the member is invited
INVITED_MANAGE = (302, 404, 403, 403, 404, 200, 404, 200)
OWN = (302, 404, 200, 404, 404, 404, 404, 404)              # the member's own application
REVIEW = (302, 404, 404, 200, 404, 200, 404, 200)           # others' applications: 404
API_PRIVATE = (401, 403, 403, 200, 403, 200, 403, 200)
API_MANAGE = (401, 403, 403, 403, 403, 200, 403, 200)
API_HIDDEN_PRIVATE = (401, 404, 404, 200, 404, 200, 404, 200)
API_INVITED_MANAGE = (401, 404, 403, 403, 404, 200, 404, 200)
API_HIDDEN_PAGE = (404, 404, 404, 200, 404, 200, 404, 200)
API_INVITED_PAGE = (404, 404, 200, 200, 404, 200, 404, 200)
AREAS = (302, 403, 403, 403, 200, 200, 200, 200)            # gmina / powiat analysis
API_AREAS = (401, 403, 403, 403, 200, 200, 200, 200)
KEEPS_ORG = (302, 403, 200, 403, 403, 200, 403, 200)        # edit the organisation's profile
IMPORT = (302, 403, 403, 403, 200, 200, 403, 200)
PARTNERS = (302, 403, 200, 403, 403, 200, 403, 200)
DRAFT = (404, 404, 404, 404, 404, 200, 404, 200)            # a draft practice: its editors
API_DRAFT = DRAFT
AGREEMENT = (302, 404, 200, 200, 404, 200, 404, 200)        # the parties and the programme
AGREEMENT_EDIT = (302, 404, 200, 403, 404, 200, 404, 200)   # a draft: parties edit it too
AGREEMENT_SIGN = (302, 404, 302, 403, 404, 302, 404, 302)   # allowed: back to the page
API_AGREEMENT = (401, 404, 200, 200, 404, 200, 404, 200)
SECRET_LINK = PUBLIC_PAGE                                   # whoever holds the party's link
CREATE = (302, 403, 403, 403, 200, 200, 403, 200)           # coordinators create programmes
SIGNED_IN = (302, 200, 200, 200, 200, 200, 200, 200)        # one's own start page
SURVEY = HIDDEN_PRIVATE                                     # outsiders never learn of it
SURVEY_MANAGE = HIDDEN_MANAGE
API_SURVEY = (404, 404, 404, 200, 404, 200, 404, 200)      # anon: none of theirs exists
API_SURVEY_MANAGE = (404, 404, 404, 403, 404, 200, 404, 200)
SURVEY_MANAGE_POST = (302, 404, 404, 403, 404, 302, 404, 302)  # done: back to the survey
LOGGED_IN = (302, 200, 200, 200, 200, 200, 200, 200)       # lists only what one sees


def rows(w: World) -> list[tuple[str, str, str, tuple[int, ...]]]:
    """(app, method, url, expected statuses) for every programme-owned page and endpoint."""
    p, h = w.public.slug, w.hidden.slug
    ev, hev = w.event.slug, w.hidden_event.slug
    s, hs = w.session.pk, w.hidden_session.pk
    assert w.meetings_session is not None
    ms = w.meetings_session.pk
    assert w.agreement is not None
    a, token = w.agreement.pk, w.agreement.parties.get(organisation=w.org).token
    assert w.survey is not None
    sv = w.survey.slug
    sv_token = Survey.objects.get(kind="evaluation", event=w.event).public_token
    # Programme management pages: helper `structure` moves them between apps, so by path.
    manage = f"/recruitment/programmes/{p}/manage/"
    hidden_manage = f"/recruitment/programmes/{h}/manage/"
    return [
        # programmes
        ("programmes", "get", reverse("programmes:detail", args=[p]), PUBLIC_PAGE),
        ("programmes", "get", reverse("programmes:detail", args=[h]), HIDDEN_PAGE),
        ("programmes", "get", manage, PRIVATE),
        ("programmes", "get", hidden_manage, HIDDEN_PRIVATE),
        ("programmes", "get", manage + "staff/", PRIVATE),
        ("programmes", "get", reverse("programmes:create"), CREATE),
        ("programmes", "get", reverse("programmes:edit", args=[p]), MANAGE),
        ("programmes", "get", reverse("programmes:edit", args=[h]), HIDDEN_MANAGE),
        ("home", "get", reverse("home:start"), SIGNED_IN),
        ("programmes", "get", manage + "editions/new/", MANAGE),
        ("programmes", "get", hidden_manage + "editions/new/", HIDDEN_MANAGE),
        ("programmes", "get", manage + f"groups/{w.group.pk}/", PRIVATE),
        ("programmes", "get", manage + f"groups/{w.group.pk}/edit/", MANAGE),
        ("programmes", "get", f"/api/programmes/{p}", PUBLIC_PAGE),
        ("programmes", "get", f"/api/programmes/{h}", API_HIDDEN_PAGE),
        ("programmes", "get", f"/api/programmes/{h}/editions", API_HIDDEN_PAGE),
        # recruitment
        ("recruitment", "get", reverse("recruitment:call_create", args=[p]), MANAGE),
        ("recruitment", "get", reverse("recruitment:call_edit", args=[w.call.pk]), MANAGE),
        ("recruitment", "get", reverse("recruitment:call_edit", args=[w.hidden_call.pk]),
         HIDDEN_MANAGE),
        ("recruitment", "get", reverse("recruitment:review_list", args=[w.call.pk]), PRIVATE),
        ("recruitment", "get", reverse("recruitment:review_list", args=[w.hidden_call.pk]),
         HIDDEN_PRIVATE),
        ("recruitment", "get", reverse("recruitment:review_export", args=[w.call.pk]),
         PRIVATE),
        ("recruitment", "get", reverse("recruitment:review", args=[w.application.pk]),
         REVIEW),
        ("recruitment", "get", reverse("recruitment:application", args=[w.application.pk]),
         OWN),
        ("recruitment", "get", f"/api/recruitment/calls/{w.call.pk}/applications",
         API_PRIVATE),
        ("recruitment", "get", f"/api/recruitment/calls/{w.hidden_call.pk}/applications",
         API_HIDDEN_PRIVATE),
        # events
        ("events", "get", reverse("events:detail", args=[ev]), PUBLIC_PAGE),
        ("events", "get", reverse("events:detail", args=[hev]), INVITED_PAGE),
        ("programmes", "get", reverse("programmes:events_manage", args=[p]), PRIVATE),
        ("programmes", "get", reverse("programmes:events_manage", args=[h]), HIDDEN_PRIVATE),
        ("programmes", "get", reverse("programmes:event_create", args=[p]), MANAGE),
        ("events", "get", reverse("events:schedule", args=[p]), MANAGE),
        ("programmes", "get", reverse("programmes:event_edit", args=[ev]), MANAGE),
        ("programmes", "get", reverse("programmes:event_edit", args=[hev]), INVITED_MANAGE),
        ("events", "get", reverse("events:attendance", args=[ev]), PRIVATE),
        ("events", "get", reverse("events:conclusions", args=[ev]), PRIVATE),
        ("events", "get", f"/api/events/{ev}", PUBLIC_PAGE),
        ("events", "get", f"/api/events/{hev}", API_INVITED_PAGE),
        ("events", "get", f"/api/attendance/{ev}", API_PRIVATE),
        # networking
        ("networking", "get", reverse("networking:event_sessions", args=[ev]), MANAGE),
        ("networking", "get", reverse("networking:event_sessions", args=[hev]),
         INVITED_MANAGE),
        ("networking", "get", reverse("networking:session", args=[s]), MANAGE),
        ("networking", "get", reverse("networking:participants", args=[s]), MANAGE),
        ("networking", "get", reverse("networking:participants", args=[hs]), INVITED_MANAGE),
        ("networking", "get", reverse("networking:seating", args=[s]), MANAGE),
        ("networking", "get", reverse("networking:statistics", args=[s]), MANAGE),
        ("networking", "get", reverse("networking:table_cards", args=[s]), MANAGE),
        ("networking", "get", reverse("networking:agendas", args=[s]), MANAGE),
        ("networking", "get", f"/api/networking/sessions/{s}/participants", API_MANAGE),
        ("networking", "get", f"/api/networking/sessions/{hs}/participants",
         API_INVITED_MANAGE),
        ("networking", "get", f"/api/networking/sessions/{s}/statistics", API_MANAGE),
        ("networking", "get", reverse("networking:meetings", args=[ms]), MANAGE),
        ("networking", "get", f"/api/networking/sessions/{ms}/meetings", API_MANAGE),
        # matching
        ("matching", "get", reverse("matching:matrix", args=["programme", p]), PRIVATE),
        ("matching", "get", reverse("matching:map", args=["programme", p]), PRIVATE),
        ("matching", "get", reverse("matching:map", args=["programme", h]), HIDDEN_PRIVATE),
        ("matching", "get", reverse("matching:matrix", args=["group", w.group.pk]), PRIVATE),
        ("matching", "post", reverse("matching:relation_add", args=["programme", p]),
         MANAGE_EMPTY_POST),
        ("matching", "get", reverse("matching:matrix", args=["gmina", "3064011"]), AREAS),
        ("matching", "get", reverse("matching:map", args=["powiat", "3064"]), AREAS),
        ("matching", "get", reverse("matching:partners", args=[w.org.slug]), PARTNERS),
        ("matching", "get", f"/api/matching/programme/{p}/matrix", API_PRIVATE),
        ("matching", "get", f"/api/matching/programme/{h}/relations", API_HIDDEN_PRIVATE),
        ("matching", "get", "/api/matching/gmina/3064011/matrix", API_AREAS),
        # knowledge: items of a programme
        ("knowledge", "get", reverse("knowledge:term", args=["termin-jawny"]), PUBLIC_PAGE),
        ("knowledge", "get", reverse("knowledge:term", args=["termin-ukryty"]), HIDDEN_PAGE),
        ("knowledge", "get", reverse("knowledge:edit", args=["glossary", "termin-jawny"]),
         MANAGE),
        ("knowledge", "get", reverse("knowledge:edit", args=["glossary", "termin-ukryty"]),
         HIDDEN_MANAGE),
        ("knowledge", "get", reverse("knowledge:practice", args=["praktyka-jawna"]),
         PUBLIC_PAGE),
        ("knowledge", "get", reverse("knowledge:edit", args=["practices", "praktyka-jawna"]),
         MANAGE),
        ("knowledge", "get", reverse("knowledge:practice", args=["praktyka-szkic"]), DRAFT),
        ("knowledge", "get", reverse("knowledge:publication", args=["publikacja-jawna"]),
         PUBLIC_PAGE),
        ("knowledge", "get",
         reverse("knowledge:edit", args=["publications", "publikacja-jawna"]), MANAGE),
        ("knowledge", "get", "/api/knowledge/glossary/termin-jawny", PUBLIC_PAGE),
        ("knowledge", "get", "/api/knowledge/glossary/termin-ukryty", API_HIDDEN_PAGE),
        ("knowledge", "get", "/api/knowledge/practices/praktyka-jawna", PUBLIC_PAGE),
        ("knowledge", "get", "/api/knowledge/practices/praktyka-szkic", API_DRAFT),
        ("knowledge", "get", "/api/knowledge/publications/publikacja-jawna", PUBLIC_PAGE),
        # agreements
        ("agreements", "get", reverse("agreements:from_event", args=[ev]), MANAGE),
        ("agreements", "get", reverse("agreements:detail", args=[a]), AGREEMENT),
        ("agreements", "get", reverse("agreements:edit", args=[a]), AGREEMENT_EDIT),
        ("agreements", "get", reverse("agreements:versions", args=[a]), AGREEMENT),
        ("agreements", "get", reverse("agreements:download", args=[a, "docx"]), AGREEMENT),
        ("agreements", "get", reverse("agreements:download", args=[a, "pdf"]), AGREEMENT),
        ("agreements", "get", reverse("agreements:link", args=[token]), SECRET_LINK),
        ("agreements", "post", reverse("agreements:sign", args=[a]), AGREEMENT_SIGN),
        ("agreements", "get", f"/api/agreements/{a}", API_AGREEMENT),
        # directory
        ("directory", "get", reverse("directory:edit", args=[w.org.slug]), KEEPS_ORG),
        ("directory", "get", reverse("directory:members", args=[w.org.slug]), KEEPS_ORG),
        ("directory", "get", reverse("directory:import"), IMPORT),
        ("directory", "get", reverse("directory:export"), PUBLIC_PAGE),
        # surveys (programme staff only; respondents through links)
        ("surveys", "get", reverse("surveys:list"), LOGGED_IN),
        ("surveys", "get", reverse("surveys:compare"), LOGGED_IN),
        ("surveys", "get", reverse("surveys:method"), PUBLIC_PAGE),
        ("surveys", "get", reverse("surveys:create"), (302, 404, 404, 404, 200, 200, 404, 200)),
        ("surveys", "get", reverse("surveys:detail", args=[sv]), SURVEY),
        ("surveys", "get", reverse("surveys:results", args=[sv]), SURVEY),
        ("surveys", "get", reverse("surveys:report", args=[sv]), SURVEY),
        ("surveys", "get", reverse("surveys:edit", args=[sv]), SURVEY_MANAGE),
        ("surveys", "get", reverse("surveys:figures", args=[sv]), SURVEY_MANAGE),
        ("surveys", "get", reverse("surveys:question_new", args=[sv]), SURVEY_MANAGE),
        ("surveys", "get", reverse("surveys:export", args=[sv, "xlsx"]), SURVEY_MANAGE),
        ("surveys", "get", reverse("surveys:exports", args=[sv]), SURVEY_MANAGE),
        ("surveys", "get", reverse("surveys:qr", args=[sv]), SURVEY_MANAGE),
        ("surveys", "post", reverse("surveys:status", args=[sv]), SURVEY_MANAGE_POST),
        ("surveys", "get", reverse("surveys:public", args=[sv_token]), PUBLIC_PAGE),
        ("surveys", "get", f"/api/surveys/{sv}", API_SURVEY),
        ("surveys", "get", f"/api/surveys/{sv}/results", API_SURVEY),
        ("surveys", "get", f"/api/surveys/{sv}/answers", API_SURVEY_MANAGE),
    ]


def _client(client, user):
    """A client logged in as `user` for pages, and its API headers."""
    if user is None:
        return client, {}
    client.force_login(user)
    _token, raw = ApiToken.issue(user, "matrix")
    return client, {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize("role", ROLES)
def test_every_programme_owned_page_and_endpoint(client, world, role):
    client, headers = _client(client, world.users[role])
    wrong = []
    for app, method, url, expected in rows(world):
        extra = headers if url.startswith("/api/") else {}
        status = getattr(client, method)(url, **extra).status_code
        if status != expected[ROLES.index(role)]:
            wrong.append((app, method, url, status, expected[ROLES.index(role)]))
    assert wrong == [], wrong


# Where private data may appear, and who may see it there.
SEES_CONTACTS = {"memb", "coor", "staf"}   # the organisation's private contact person
SEES_GUESTS = {"coor", "staf"}             # networking participants' e-mails and phones


@pytest.mark.parametrize("role", ROLES)
def test_private_data_only_where_allowed(client, world, role):
    client, headers = _client(client, world.users[role])
    org = world.org
    contact_pages = [
        (reverse("directory:detail", args=[org.slug]), {}),
        (f"/api/organisations/{org.slug}", headers),
        (reverse("directory:export") + "?format=csv", {}),
        ("/api/organisations", headers),
    ]
    for url, extra in contact_pages:
        body = client.get(url, **extra).content.decode("utf-8-sig")
        assert (PRIVATE_CONTACT in body) is (role in SEES_CONTACTS), url
    guest_pages = [
        (reverse("networking:participants", args=[world.session.pk]), {}),
        (reverse("networking:table_cards", args=[world.session.pk]), {}),
        (f"/api/networking/sessions/{world.session.pk}/participants", headers),
        ("/api/networking/sessions", headers),
        (reverse("events:detail", args=[world.event.slug]), {}),
        (f"/api/events/{world.event.slug}", headers),
    ]
    for url, extra in guest_pages:
        body = client.get(url, **extra).content.decode("utf-8", "replace")
        if "pdf" in url:
            continue  # a PDF's text is compressed; its status is in the matrix above
        assert GUEST_EMAIL not in body or role in SEES_GUESTS, url
        assert GUEST_PHONE not in body or role in SEES_GUESTS, url
    if role in SEES_GUESTS:
        people = client.get(f"/api/networking/sessions/{world.session.pk}/participants",
                            **headers).json()
        assert [(p["email"], p["phone"]) for p in people] == [(GUEST_EMAIL, GUEST_PHONE)]


def test_the_global_coordinator_role_lists_no_other_organisers_sessions(client, world):
    client, headers = _client(client, world.users["othc"])
    sessions = client.get("/api/networking/sessions", **headers).json()
    assert sessions == []
    client, headers = _client(client, world.users["coor"])
    sessions = client.get("/api/networking/sessions", **headers).json()
    assert world.meetings_session is not None
    assert {s["id"] for s in sessions} == {world.session.pk, world.hidden_session.pk,
                                          world.meetings_session.pk}
