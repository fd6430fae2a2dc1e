"""Fixtures of the programme tests: a programme with an edition and a group, and its staff."""
from datetime import date

import pytest

from mosty.accounts.models import Role
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.programmes.models import (
    Edition, Group, GroupRequirement, Programme, ProgrammeStaff, StaffRole)


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
def programme_coordinator(programme):
    user = UserFactory(role=Role.PARTICIPANT)
    ProgrammeStaff.objects.create(programme=programme, user=user, role=StaffRole.COORDINATOR)
    return user


@pytest.fixture
def facilitator(programme):
    user = UserFactory(role=Role.FACILITATOR)
    ProgrammeStaff.objects.create(programme=programme, user=user, role=StaffRole.FACILITATOR)
    return user
