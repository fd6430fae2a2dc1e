"""Agreement state changes: creation from recommendations, versions, approvals, signing."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mosty.agreements import services
from mosty.core import uploads
from mosty.agreements.models import ContributionKind, Party, Status
from mosty.agreements.tests.conftest import RECOMMENDATIONS, complete
from mosty.core.models import AuditEntry
from mosty.core.pdf import new_document, to_bytes
from mosty.directory.tests.factories import ResourceFactory
from mosty.matching.models import Relation, RelationKind, RelationOrigin

pytestmark = pytest.mark.django_db


def actions() -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True))


def real_pdf() -> bytes:
    pdf = new_document("skan")
    pdf.add_page()
    pdf.cell(text="Podpisano")
    return to_bytes(pdf)


def approve_all(agreement):
    for party in agreement.parties.all():
        services.approve(None, party, via_link=True)
    agreement.refresh_from_db()
    return agreement


def test_created_from_recommendations_with_the_group_as_parties(agreement, mdk, mops, workshop):
    assert agreement.status == Status.DRAFT
    assert [p.organisation for p in agreement.parties.all()] == [mdk, mops]
    assert agreement.recommendations == RECOMMENDATIONS
    assert agreement.scope == RECOMMENDATIONS
    assert agreement.programme == workshop.programme
    assert agreement.group == workshop.group
    assert agreement.versions.count() == 1
    assert "agreements.agreement.created" in actions()


def test_an_event_without_recommendations_is_refused(workshop, users):
    workshop.conclusions.recommendations = ""
    workshop.conclusions.save()
    with pytest.raises(services.AgreementError):
        services.create_from_conclusions(users["coordinator"], workshop)


def test_each_change_of_the_text_keeps_a_version(agreement):
    complete(agreement)
    numbers = list(agreement.versions.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 4
    assert "Kultura dla seniorów." in agreement.versions.last().text


def test_saving_unchanged_text_keeps_no_version(agreement):
    agreement = complete(agreement)
    count = agreement.versions.count()
    services.update_party(None, agreement.parties.first(), services.PartyDetails(
        **{f: getattr(agreement.parties.first(), f) for f in
           ("representative", "function", "email", "objectives", "role", "coordinator")}))
    assert agreement.versions.count() == count


def test_a_stale_form_is_an_edit_conflict(agreement):
    terms = services.Terms(title="Nowy tytuł")
    services.update_terms(None, agreement, terms, agreement.version)
    with pytest.raises(services.EditConflict):
        services.update_terms(None, agreement, services.Terms(title="Inny"), agreement.version)
    agreement.refresh_from_db()
    assert agreement.title == "Nowy tytuł"


def test_all_approvals_make_it_agreed_and_a_change_resets_them(agreement):
    agreement = complete(agreement)
    first, second = agreement.parties.all()
    services.approve(None, first, via_link=True)
    agreement.refresh_from_db()
    assert agreement.status == Status.DRAFT
    services.approve(None, second)
    agreement.refresh_from_db()
    assert agreement.status == Status.AGREED
    assert "agreements.agreement.agreed" in actions()
    services.update_terms(None, agreement, services.Terms(
        **{**services.Terms(title=agreement.title).__dict__, "title": agreement.title,
           "purpose": "Zmieniony cel."}), agreement.version)
    agreement.refresh_from_db()
    assert agreement.status == Status.DRAFT
    assert not Party.objects.filter(agreement=agreement, approved_at__isnull=False).exists()
    assert "agreements.approvals.withdrawn" in actions()


def test_approving_twice_is_refused(agreement):
    party = agreement.parties.first()
    services.approve(None, party)
    with pytest.raises(services.AgreementError):
        services.approve(None, party)


def test_signing_needs_every_approval(agreement):
    services.approve(None, agreement.parties.first())
    with pytest.raises(services.AgreementError):
        services.sign(None, agreement, timezone.localdate())
    assert not Relation.objects.exists()


def test_signing_adds_the_relation_with_the_agreement_as_source(agreement, users, mdk, mops):
    agreement = approve_all(complete(agreement))
    scan = SimpleUploadedFile("skan.pdf", real_pdf(), content_type="application/pdf")
    day = timezone.localdate() - timedelta(days=1)
    services.sign(users["coordinator"], agreement, day, scan)
    agreement.refresh_from_db()
    assert agreement.status == Status.SIGNED
    assert agreement.signed_on == day
    assert agreement.signed_scan.name.endswith("skan.pdf")
    relation = Relation.objects.get()
    assert {relation.org_a, relation.org_b} == {mdk, mops}
    assert relation.kind == RelationKind.AGREEMENT
    assert relation.origin == RelationOrigin.AGREEMENT
    assert relation.programme == agreement.programme
    assert agreement.relation == relation
    entry = AuditEntry.objects.get(action="agreements.agreement.signed")
    assert entry.user == users["coordinator"]
    assert entry.data["relations"] == [relation.pk]
    with pytest.raises(services.AgreementError):
        services.update_terms(None, agreement, services.Terms(title="Po podpisaniu"),
                              agreement.version)
    services.end(None, agreement, timezone.localdate())
    agreement.refresh_from_db()
    assert agreement.status == Status.ENDED
    assert Relation.objects.count() == 1


def test_a_fake_scan_is_refused(agreement):
    agreement = approve_all(complete(agreement))
    fake = SimpleUploadedFile("skan.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(services.AgreementError) as refused:
        services.sign(None, agreement, timezone.localdate(), fake)
    # Worded as every other upload check (mosty.core.uploads).
    assert str(refused.value) == uploads.wrong_type("skan.pdf", None, services.SCAN_TYPES)
    assert "nie należy do akceptowanych rodzajów plików (PDF, obraz JPEG, obraz PNG)" in str(
        refused.value)
    agreement.refresh_from_db()
    assert agreement.status == Status.AGREED


def test_a_too_large_scan_is_refused_with_the_shared_message(agreement):
    agreement = approve_all(complete(agreement))
    limit = services.MAX_UPLOAD_MB * 1024 * 1024
    big = SimpleUploadedFile("skan.pdf", b"%PDF-1.4\n" + b"0" * limit)
    with pytest.raises(services.AgreementError) as refused:
        services.sign(None, agreement, timezone.localdate(), big)
    assert str(refused.value) == uploads.too_large("skan.pdf", len(big), limit)
    agreement.refresh_from_db()
    assert agreement.status == Status.AGREED


def test_a_contribution_comes_from_the_partys_own_profile(agreement, mops):
    party = agreement.parties.get(organisation__slug="mdk-ostrow-mazowiecka")
    foreign = ResourceFactory(organisation=mops, description="świetlica")
    with pytest.raises(services.AgreementError):
        services.add_contribution(None, party, services.ContributionDetails(
            kind=ContributionKind.IN_KIND, description="", resource_id=foreign.pk))
    money = services.add_contribution(None, party, services.ContributionDetails(
        kind=ContributionKind.MONEY, description="materiały plastyczne", amount=Decimal(1500)))
    assert money.amount == 1500
