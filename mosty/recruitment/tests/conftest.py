"""Fixtures of the recruitment tests: a programme with an open call, and people in every role."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from mosty.accounts.models import Role
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.programmes.models import (
    Edition, Group, GroupRequirement, Programme, ProgrammeStaff, StaffRole)
from mosty.recruitment.choices import QuestionKind
from mosty.recruitment.models import Criterion, Question, RecruitmentCall


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def programme(db):
    organiser = OrganisationFactory(name="Mazowiecki Instytut Kultury", sector="public_institution",
                                    kind="culture_institute", municipality_id="1465011")
    return Programme.objects.create(name="Kultura: Inicjatywy", slug="kultura-inicjatywy",
                                    organiser=organiser)


@pytest.fixture
def edition(programme):
    return Edition.objects.create(programme=programme, name="2019", start_date=date(2019, 1, 1))


@pytest.fixture
def group(edition):
    group = Group.objects.create(edition=edition, name="grupa Śmigiel", area_rule="gmina")
    GroupRequirement.objects.create(group=group, label="instytucja kultury",
                                    kinds=["culture_centre", "library", "museum"])
    GroupRequirement.objects.create(group=group, label="pomoc społeczna",
                                    kinds=["social_assistance"])
    return group


@pytest.fixture
def call(edition):
    now = timezone.now()
    call = RecruitmentCall.objects.create(
        edition=edition, title="Nabór 2019", opens_at=now - timedelta(days=1),
        deadline=now + timedelta(days=10), is_published=True)
    specs = [(QuestionKind.LONG_TEXT, "Motivation", True, []),
             (QuestionKind.CHOICE, "Role", False, ["culture", "social"]),
             (QuestionKind.MULTIPLE_CHOICE, "Dates", False, ["8 March", "20 March"]),
             (QuestionKind.YES_NO, "Partnered before?", False, []),
             (QuestionKind.DATE, "Founded", False, []),
             (QuestionKind.NUMBER, "People", False, []),
             (QuestionKind.FILE, "Signed declaration", True, [])]
    for position, (kind, label, required, options) in enumerate(specs, 1):
        Question.objects.create(call=call, position=position, kind=kind, label=label,
                                required=required, options=options, max_size_mb=1,
                                file_types=["pdf"] if kind == QuestionKind.FILE else [])
    Criterion.objects.create(call=call, position=1, name="Motivation", max_points=5)
    Criterion.objects.create(call=call, position=2, name="Potential", max_points=5)
    return call


@pytest.fixture
def applicant(member):
    """A member of the library in Śmigiel (the root `organisation` fixture)."""
    return member


@pytest.fixture
def other_applicant(other_organisation):
    user = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=user, organisation=other_organisation)
    return user


@pytest.fixture
def programme_coordinator(programme):
    user = UserFactory(role=Role.PARTICIPANT)
    ProgrammeStaff.objects.create(programme=programme, user=user, role=StaffRole.COORDINATOR)
    return user


@pytest.fixture
def facilitator(programme):
    user = UserFactory(role=Role.FACILITATOR)
    ProgrammeStaff.objects.create(programme=programme, user=user, role=StaffRole.FACILITATOR)
    return user


@pytest.fixture
def other_coordinator(coordinator):
    """A coordinator (global role) running another programme, and none of this one."""
    other = Programme.objects.create(name="Razem dla Regionu", slug="razem",
                                     organiser=OrganisationFactory(name="KMSI"))
    ProgrammeStaff.objects.create(programme=other, user=coordinator, role=StaffRole.COORDINATOR)
    return coordinator
