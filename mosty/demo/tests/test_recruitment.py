"""The demo content of seeds 000, 001 and 003: editions, groups, a call with applications."""
import pytest

from mosty.demo.builders.recruitment import load_recruitment_demo
from mosty.demo.builders.seeds import load_seeds
from mosty.programmes.models import Event, Group, ProgrammeStaff
from mosty.programmes import composition
from mosty.recruitment import access
from mosty.recruitment.choices import QuestionKind, Status
from mosty.core.uploads import detect
from mosty.recruitment.models import Application, ApplicationFile, RecruitmentCall, Review

pytestmark = pytest.mark.django_db


def snapshot() -> tuple[int, ...]:
    return (Group.objects.count(), RecruitmentCall.objects.count(),
            Application.objects.count(), ApplicationFile.objects.count(),
            Review.objects.count(), ProgrammeStaff.objects.count())


def test_demo_is_complete_keeps_its_rules_and_is_idempotent():
    load_seeds()
    load_recruitment_demo()
    first = snapshot()
    load_recruitment_demo()
    assert snapshot() == first
    groups = {g.name: g for g in Group.objects.select_related("edition__programme")}
    assert {name for name, g in groups.items()
            if g.edition.programme.slug == "kultura-inicjatywy"} == {
        "grupa Ostrów Mazowiecka (2019)", "grupa Jadów (2019)", "grupa Mszczonów (2020)"}
    assert groups["grupa Mszczonów (2020)"].edition.name == "2020"
    assert groups["JST i NGO powiatu wodzisławskiego"].area_rule == "powiat"
    assert groups["Organizacje pozarządowe z Podlasia"].members.count() == 5
    reports = composition.reports(Group.objects.all())
    assert [r.group.name for r in reports if not r.ok] == []
    assert Event.objects.get(slug="ki-2019-jadow-warsztat-2").group == groups["grupa Jadów (2019)"]
    call = RecruitmentCall.objects.get()
    attachment = call.questions.get(kind=QuestionKind.FILE)
    assert attachment.required
    assert attachment.file_types == ["pdf"]
    files = ApplicationFile.objects.all()
    assert files.count() == call.applications.count() >= 3
    with files[0].file.open("rb") as handle:
        assert detect(handle) == "pdf"
    accepted = call.applications.filter(status=Status.ACCEPTED)
    assert all(a.group_member.group == groups["JST i NGO powiatu wodzisławskiego"]
               for a in accepted)
    coordinator = ProgrammeStaff.objects.filter(user__email="koordynator@mosty.example")
    assert coordinator.filter(role="coordinator").count() == 3
    moderator = ProgrammeStaff.objects.get(user__email="moderator@mosty.example",
                                           programme__slug="razem-dla-regionu")
    assert not access.programme_access(moderator.user, moderator.programme).manage
    assert access.programme_access(moderator.user, moderator.programme).see_private
