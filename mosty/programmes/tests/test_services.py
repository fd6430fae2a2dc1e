"""The programme services take plain values, so the API and commands can call them too."""
from datetime import date

import pytest

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import UserFactory
from mosty.programmes import services
from mosty.programmes.models import Edition, GroupMember, StaffRole
from mosty.programmes.services import EditionData, GroupData, ProgrammeError, RequirementData

pytestmark = pytest.mark.django_db


def test_an_edition_is_created_then_changed_with_the_change_in_the_audit_log(
        programme, programme_coordinator):
    edition = services.save_edition(programme_coordinator, programme,
                                    EditionData(" 2020 ", date(2020, 1, 1)))
    assert (edition.name, edition.programme) == ("2020", programme)
    services.save_edition(programme_coordinator, programme,
                          EditionData("2020", date(2020, 2, 1), date(2020, 12, 31)), edition)
    created, updated = AuditEntry.objects.filter(object_id=str(edition.pk)).order_by("id")
    assert created.action == "programmes.edition.created"
    assert created.data["changes"]["name"] == [None, "2020"]
    assert updated.action == "programmes.edition.updated"
    assert updated.data["changes"] == {"start_date": ["2020-01-01", "2020-02-01"],
                                       "end_date": [None, "2020-12-31"]}
    assert updated.user == programme_coordinator


def test_an_edition_refuses_a_repeated_name_and_an_end_before_its_start(programme, edition):
    with pytest.raises(ProgrammeError) as repeated:
        services.save_edition(None, programme, EditionData(edition.name))
    assert repeated.value.field == "name"
    with pytest.raises(ProgrammeError) as backwards:
        services.save_edition(None, programme,
                              EditionData("2021", date(2021, 5, 1), date(2021, 1, 1)))
    assert backwards.value.field == "end_date"
    assert Edition.objects.count() == 1


def test_a_group_gets_its_rules_and_a_change_replaces_them(edition, programme_coordinator):
    culture = RequirementData("instytucja kultury", 1, kinds=("library", "museum"))
    group = services.save_group(programme_coordinator, edition,
                                GroupData("grupa A", "gmina", (culture,)))
    assert [(r.label, r.kinds) for r in group.requirements.all()] == [
        ("instytucja kultury", ["library", "museum"])]
    ngo = RequirementData("NGO", 2, sectors=("ngo",))
    services.save_group(programme_coordinator, edition, GroupData("grupa A", "powiat", (ngo,)),
                        group)
    group.refresh_from_db()
    assert group.area_rule == "powiat"
    assert [(r.label, r.minimum, r.sectors) for r in group.requirements.all()] == [
        ("NGO", 2, ["ngo"])]
    entry = AuditEntry.objects.get(action="programmes.group.updated")
    assert entry.data["changes"]["area_rule"] == ["gmina", "powiat"]
    assert entry.data["changes"]["rules"][1] == [
        {"label": "NGO", "minimum": 2, "sectors": ["ngo"], "kinds": []}]


def test_a_rule_must_count_some_sector_or_kind(edition):
    with pytest.raises(ProgrammeError):
        services.save_group(None, edition, GroupData("grupa", "", (RequirementData("?"),)))
    assert not edition.groups.exists()


def test_members_are_added_once_and_removed(group, organisation, programme_coordinator):
    person = UserFactory.create()
    member = services.add_group_member(programme_coordinator, group, organisation, [person])
    assert list(member.people.all()) == [person]
    with pytest.raises(ProgrammeError) as twice:
        services.add_group_member(programme_coordinator, group, organisation)
    assert twice.value.field == "organisation"
    services.remove_group_member(programme_coordinator, member, "/")
    assert not GroupMember.objects.exists()
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("id")) == [
        "programmes.group.member_added", "programmes.group.member_removed", "core.deleted"]


def test_staff_roles_are_given_once_and_taken_away(programme, programme_coordinator, outsider):
    staff = services.add_staff(programme_coordinator, programme, outsider,
                               StaffRole.FACILITATOR, "finanse")
    with pytest.raises(ProgrammeError) as twice:
        services.add_staff(programme_coordinator, programme, outsider, StaffRole.FACILITATOR)
    assert twice.value.field == "email"
    with pytest.raises(ProgrammeError) as unknown:
        services.add_staff(programme_coordinator, programme, outsider, "boss")
    assert unknown.value.field == "role"
    services.remove_staff(programme_coordinator, staff, "/")
    assert not programme.staff.filter(user=outsider).exists()


def test_staff_and_group_people_need_a_confirmed_address(programme, group, organisation):
    """Whoever signs up first with someone else's address gets no rights in a programme."""
    squatter = UserFactory.create(email="wojt@example.org", email_confirmed_at=None)
    with pytest.raises(ProgrammeError) as staff:
        services.add_staff(None, programme, squatter, StaffRole.COORDINATOR)
    assert (staff.value.field, "wojt@example.org" in staff.value.message) == ("email", True)
    with pytest.raises(ProgrammeError) as people:
        services.add_group_member(None, group, organisation, [squatter])
    assert people.value.field == "people"
    assert not programme.staff.exists()
    assert not GroupMember.objects.filter(group=group).exists()
