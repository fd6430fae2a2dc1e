"""A finished project becomes a draft good practice in one click."""
import pytest

from mosty.initiatives import services
from mosty.knowledge.models import GoodPractice, PracticeStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(idea, author, osp):
    services.save_section(author, idea, "goals", "Seniorzy czytają razem raz w tygodniu.")
    services.save_section(author, idea, "results", "20 wieczorów czytania, 30 seniorów.")
    services.save_section(author, idea, "activities", rows=[
        {"what": "Wieczory czytania w remizie", "start": "2026-01-10", "end": "2026-06-30",
         "who": "biblioteka"}])
    services.save_partner(author, idea, osp, "Sala remizy.")
    return services.set_status(author, idea, "finished")


def test_a_running_project_is_not_a_practice_yet(idea, author, programme_coordinator):
    services.set_status(author, idea, "running")
    with pytest.raises(services.InitiativeError):
        services.practice_from_idea(programme_coordinator, idea)
    assert not GoodPractice.objects.exists()


def test_the_coordinator_turns_the_finished_project_into_a_draft_practice(
        client, finished, programme_coordinator, library, kgw, osp, programme):
    client.force_login(programme_coordinator)
    page = client.get(finished.get_absolute_url())
    assert b'data-testid="practice"' in page.content
    response = client.post(f"/initiatives/{finished.slug}/practice/")
    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert response.url == f"/knowledge/practices/{practice.slug}/edit/"
    assert practice.status == PracticeStatus.DRAFT
    assert practice.source == f"idea:{finished.pk}"
    assert practice.programme == programme
    assert set(practice.partners.all()) == {library, kgw, osp}
    assert practice.who == f"{library.name}, {kgw.name}, {osp.name}"
    assert "Seniorzy czytają razem raz w tygodniu." in practice.what
    assert "– Wieczory czytania w remizie" in practice.what
    assert practice.outcome == "20 wieczorów czytania, 30 seniorów."
    assert practice.municipality_id == "3011053"
    assert {practice.sector_a, practice.sector_b} == {"public_institution", "ngo"}
    again = client.post(f"/initiatives/{finished.slug}/practice/", follow=True)
    assert GoodPractice.objects.count() == 1
    assert "już" in again.content.decode()


@pytest.mark.parametrize(("role", "status"), [
    ("author", 403), ("facilitator", 403), ("other_coordinator", 404), ("osp_member", 404)])
def test_only_editors_of_the_knowledge_base_write_it(client, finished, role, status, request):
    user = request.getfixturevalue(role)
    client.force_login(user)
    page = client.get(finished.get_absolute_url())
    assert page.status_code == (404 if status == 404 else 200)
    assert b'data-testid="practice"' not in page.content
    assert client.post(f"/initiatives/{finished.slug}/practice/").status_code == status
    with pytest.raises(services.InitiativeError):
        services.practice_from_idea(user, finished)
    assert not GoodPractice.objects.exists()
