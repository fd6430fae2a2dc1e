"""Fixtures of the events tests: a programme with a group, an open event, and one person in
each role of the permission matrix."""
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from mosty.accounts.models import Role
from mosty.api.models import ApiToken
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.events import services
from mosty.programmes.models import (
    Edition, Event, Group, GroupMember, Programme, ProgrammeStaff, StaffRole)

ROLES = ["anonymous", "registered", "another", "coordinator", "other_coordinator",
         "facilitator", "staff"]
STAFF_ROLES = {"coordinator", "facilitator", "staff"}
MANAGERS = {"coordinator", "staff"}


def soon(days: int = 7, hour: int = 10) -> datetime:
    """A moment `days` from now at a full hour, Warsaw time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def programme(db):
    organiser = OrganisationFactory(name="Mazowiecki Instytut Kultury",
                                    sector="public_institution", kind="culture_institute")
    return Programme.objects.create(name="Kultura: Inicjatywy", slug="kultura-inicjatywy",
                                    organiser=organiser)


@pytest.fixture
def other_programme(db):
    return Programme.objects.create(name="Razem dla Regionu", slug="razem-dla-regionu",
                                    organiser=OrganisationFactory(name="Klub Myśli Społecznej"))


@pytest.fixture
def group(programme, organisation):
    edition = Edition.objects.create(programme=programme, name="2026")
    group = Group.objects.create(edition=edition, name="grupa Śmigiel")
    GroupMember.objects.create(group=group, organisation=organisation)
    return group


def make_event(programme: Programme, slug: str = "warsztat-otwarty", **fields: Any) -> Event:
    start = fields.pop("start", soon())
    values = {"title": "Warsztat otwarty: zasoby i potencjały", "kind": "workshop",
              "start": start, "end": fields.pop("end", start + timedelta(hours=5)),
              "place": "Biblioteka w Śmiglu, ul. Ogrodowa 8", "capacity": 5,
              "online_link": "https://meet.example.org/tajny-pokoj", "audience": "all"}
    values.update(fields)
    return Event.objects.create(programme=programme, slug=slug, **values)


@pytest.fixture
def event(programme):
    return make_event(programme)


def staff_member(programme: Programme, role: str, **fields: object):
    user = UserFactory(role=Role.COORDINATOR if role == StaffRole.COORDINATOR
                       else Role.FACILITATOR, **fields)
    ProgrammeStaff.objects.create(programme=programme, user=user, role=role)
    return user


@pytest.fixture
def prog_coordinator(programme):
    return staff_member(programme, StaffRole.COORDINATOR, full_name="Katarzyna Koordynatorka")


@pytest.fixture
def other_coordinator(other_programme):
    return staff_member(other_programme, StaffRole.COORDINATOR)


@pytest.fixture
def facilitator(programme):
    return staff_member(programme, StaffRole.FACILITATOR, full_name="Ewa Moderatorka")


@pytest.fixture
def registration(member, event):
    member.full_name = "Łucja Żółkiewska"
    member.phone = "600700800"
    member.save()
    return services.register(member, event, language="pl")


@pytest.fixture
def people(registration, outsider, prog_coordinator, other_coordinator, facilitator, staff):
    """One person per role; "registered" holds a place at `event`."""
    return {"anonymous": None, "registered": registration.user, "another": outsider,
            "coordinator": prog_coordinator, "other_coordinator": other_coordinator,
            "facilitator": facilitator, "staff": staff}


def bearer(user) -> dict[str, str]:
    _token, raw = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
