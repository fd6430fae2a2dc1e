"""Poznań's cooperation programmes of seed 002: 2019 adopted, 2020's draft under consultation
with three comments from members of Poznań NGOs; loaded once."""
import pytest

from mosty.cooperation import access
from mosty.cooperation.models import (
    BodyMember, Comment, CooperationProgramme, DialogueBody, Status)
from mosty.cooperation.services import missing_elements
from mosty.demo.builders.cooperation import load_cooperation_demo
from mosty.demo.builders.seeds import load_seeds

pytestmark = pytest.mark.django_db


def test_the_demo_programmes_of_poznan_are_loaded_once():
    load_seeds()
    adopted, draft = load_cooperation_demo()
    assert (adopted.year, adopted.status, missing_elements(adopted)) == (2019, Status.ADOPTED, [])
    assert (draft.year, draft.status, draft.based_on) == (2020, Status.CONSULTATION, adopted)
    comments = list(draft.comments.select_related("organisation", "author"))
    assert [c.organisation.slug for c in comments] == [
        "fundacja-zielona-wilda", "stow-sasiedzkie-lazarz", "fundacja-dojrzale-pokolenie"]
    assert all(c.author is not None and c.paragraph.programme == draft for c in comments)
    assert all(c.decision == "" for c in comments)
    assert draft.meetings.count() == 3
    official = comments[0].author.__class__.objects.get(email="urzednik@mosty.example")
    assert access.can_edit(official, draft)
    author = comments[0].author
    assert author is not None
    assert not access.can_edit(author, draft)
    kdo = DialogueBody.objects.get(kind="kdo")
    assert kdo.members.count() == 3
    assert [e.slug for e in kdo.meetings.all()] == ["poznan-2019-kdo-ewaluacja"]
    load_cooperation_demo()
    assert CooperationProgramme.objects.count() == 2
    assert Comment.objects.count() == 3
    assert DialogueBody.objects.count() == 2
    assert BodyMember.objects.count() == 7
