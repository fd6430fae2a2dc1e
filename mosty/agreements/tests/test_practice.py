"""A signed agreement becomes a draft good practice in one click."""
from datetime import timedelta

import pytest
from django.utils import timezone

from mosty.agreements import services
from mosty.agreements.tests.conftest import complete
from mosty.agreements.tests.test_services import approve_all
from mosty.knowledge.models import GoodPractice, PracticeStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(agreement, users):
    agreement = approve_all(complete(agreement))
    return services.sign(users["coordinator"], agreement,
                         timezone.localdate() - timedelta(days=1))


def test_a_draft_agreement_is_not_a_practice_yet(agreement, users):
    with pytest.raises(services.AgreementError):
        services.practice_from_agreement(users["coordinator"], agreement)
    assert not GoodPractice.objects.exists()


def test_the_coordinator_turns_the_signed_agreement_into_a_draft_practice(
        client, signed, users, mdk, mops):
    client.force_login(users["coordinator"])
    page = client.get(f"/agreements/{signed.pk}/")
    assert b'data-testid="practice"' in page.content
    response = client.post(f"/agreements/{signed.pk}/practice/")
    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert response.url == f"/knowledge/practices/{practice.slug}/edit/"
    assert practice.status == PracticeStatus.DRAFT
    assert practice.source == f"agreement:{signed.pk}"
    assert set(practice.partners.all()) == {mdk, mops}
    assert practice.programme == signed.programme
    assert "Kultura dla seniorów." in practice.what
    assert practice.sector_a == mdk.sector
    assert practice.sector_b == ("" if mops.sector == mdk.sector else mops.sector)
    again = client.post(f"/agreements/{signed.pk}/practice/", follow=True)
    assert GoodPractice.objects.count() == 1
    assert "już" in again.content.decode()


@pytest.mark.parametrize(("role", "status"), [
    ("party_member", 403), ("facilitator", 403), ("other_coordinator", 404),
    ("outsider_member", 404)])
def test_only_editors_of_the_knowledge_base_write_it(client, signed, users, role, status):
    client.force_login(users[role])
    page = client.get(f"/agreements/{signed.pk}/")
    if status == 404:
        assert page.status_code == 404
    else:
        assert b'data-testid="practice"' not in page.content
    assert client.post(f"/agreements/{signed.pk}/practice/").status_code == status
    assert not GoodPractice.objects.exists()
