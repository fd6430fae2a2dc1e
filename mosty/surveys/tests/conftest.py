"""A programme with its coordinator and facilitator, a survey of every question kind, and a
helper that answers it through the services."""
from datetime import timedelta

import pytest
from django.utils import timezone

from mosty.accounts.models import Role
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.programmes.models import Event, Programme, ProgrammeStaff
from mosty.surveys import answering, services
from mosty.surveys.answering import Given
from mosty.surveys.models import QuestionKind, Survey
from mosty.surveys.services import Choice, QuestionData


@pytest.fixture
def programme(db):
    return Programme.objects.create(name="Program ankiet", slug="program-ankiet",
                                    organiser=OrganisationFactory(name="Organizator"),
                                    is_public=True)


@pytest.fixture
def programme_coordinator(programme):
    user = UserFactory(role=Role.PARTICIPANT)
    ProgrammeStaff.objects.create(programme=programme, user=user, role="coordinator")
    return user


@pytest.fixture
def facilitator(programme):
    user = UserFactory(role=Role.FACILITATOR)
    ProgrammeStaff.objects.create(programme=programme, user=user, role="facilitator")
    return user


@pytest.fixture
def other_coordinator(db):
    other = Programme.objects.create(name="Inny", slug="inny", organiser=OrganisationFactory(),
                                     is_public=True)
    user = UserFactory(role=Role.COORDINATOR)
    ProgrammeStaff.objects.create(programme=other, user=user, role="coordinator")
    return user


@pytest.fixture
def event(programme):
    start = timezone.now() - timedelta(hours=5)
    return Event.objects.create(programme=programme, title="Warsztat 1", slug="warsztat-1",
                                kind="workshop", start=start, end=start + timedelta(hours=3))


def build_survey(programme: Programme, anonymous: bool = True, editable: bool = False,
                 public_link: bool = True) -> Survey:
    survey = services.create_survey(None, programme, services.SurveyData(
        "Ankieta testowa", "Test survey", anonymous=anonymous, editable=editable,
        public_link=public_link))
    first = survey.sections.get()
    services.add_question(None, survey, QuestionData(
        QuestionKind.SINGLE, "Sektor", "Sector", code="sector", required=True, allow_other=True,
        options=(Choice("jst", "samorząd", "local government"), Choice("ngo", "NGO", "NGO"))))
    services.add_question(None, survey, QuestionData(
        QuestionKind.LIKERT, "Ocena", "Rating", code="rating", required=True, section=first))
    second = services.add_section(None, survey, "Szczegóły", "Details")
    services.add_question(None, survey, QuestionData(
        QuestionKind.MULTIPLE, "Formy", "Forms", code="forms", section=second,
        allow_other=True, options=(Choice("grant", "dotacja", "grant"),
                                   Choice("room", "lokal", "room"))))
    services.add_question(None, survey, QuestionData(
        QuestionKind.MATRIX, "Macierz", "Matrix", code="matrix", section=second,
        items=(Choice("a", "A", "A"), Choice("b", "B", "B")), scale_points=4))
    services.add_question(None, survey, QuestionData(
        QuestionKind.YES_NO, "Tylko dla NGO", "NGO only", code="ngo_only", section=second,
        condition_code="sector", condition_values=("ngo",)))
    for code, kind in (("count", QuestionKind.NUMBER), ("when", QuestionKind.DATE),
                       ("short", QuestionKind.SHORT_TEXT), ("long", QuestionKind.LONG_TEXT)):
        services.add_question(None, survey, QuestionData(kind, code.title(), code=code,
                                                         section=second))
    return services.set_status(None, survey, "open")


@pytest.fixture
def survey(programme):
    return build_survey(programme)


def answer(survey: Survey, sector: str = "ngo", rating: str = "4", user=None, invitation=None,
           key: str = "", other: str = "", submit: bool = True, number: str = "12,5"):
    """One respondent through the services: both pages, then submit."""
    key = key or (answering.new_key() if survey.anonymous else "")
    response = answering.start_response(survey, user, key, invitation)
    first, second = survey.sections.all()
    answering.save_page(response, first, {"sector": Given((sector,), other),
                                          "rating": Given((rating,))})
    answering.save_page(response, second, {
        "forms": Given(("grant", "room")), "matrix": Given(items={"a": "1", "b": "4"}),
        "ngo_only": Given(("yes",)), "count": Given((number,)), "when": Given(("2020-05-01",)),
        "short": Given(("krótko",)), "long": Given(("=HYPERLINK(\"x\")",))})
    if submit:
        answering.submit(response, invitation)
    return response
