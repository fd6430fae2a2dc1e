"""Applying: drafts, attachments checked by content, the deadline, capacity and who may apply."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from mosty.core import uploads
from mosty.core.models import AuditEntry
from mosty.accounts.models import Role
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.recruitment.choices import ApplicantMode, Status
from mosty.recruitment.models import Application, ApplicationFile
from mosty.recruitment.services import RecruitmentError
from mosty.recruitment.services.applications import ApplicationInput, save_application
from mosty.recruitment.tests.helpers import (
    ENGLISH, answers, form_data, pdf_bytes, question, submit, text_as_pdf)

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")


def stored_files(media) -> list[str]:
    return sorted(p.name for p in media.rglob("*") if p.is_file()) if media.exists() else []


def test_save_a_draft_come_back_and_submit(client, call, applicant, organisation, media,
                                           django_capture_on_commit_callbacks):
    client.force_login(applicant)
    url = reverse("recruitment:apply", args=[call.pk])
    draft = form_data(call, organisation.slug, action="draft", Motivation="First thoughts",
                      Role=None)
    response = client.post(url, draft)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == Status.DRAFT
    assert application.submitted_at is None
    assert application.answers[question(call, "Motivation").key] == "First thoughts"
    assert application.answers[question(call, "Partnered before?").key] is True
    assert application.answers[question(call, "People").key] == 3
    assert application.files.get().original_name == "deklaracja.pdf"
    # Coming back: the form shows the answers and the file already attached.
    page = client.get(url)
    field = f"q_{question(call, 'Motivation').pk}"
    assert page.context["form"][field].value() == "First thoughts"
    attachment = question(call, "Signed declaration")
    assert f'data-testid="existing-file-{attachment.pk}"' in page.content.decode()
    # Submitting without choosing the file again uses the draft's file.
    final = form_data(call, organisation.slug, action="submit")
    del final[f"q_{attachment.pk}"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, final)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.submitted_at
    assert application.answers[question(call, "Motivation").key] == \
        "We want to work with the OPS."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [applicant.email]
    assert "Nabór 2019" in mail.outbox[0].subject
    assert reverse("recruitment:application", args=[application.pk]) in mail.outbox[0].body
    assert len(stored_files(media)) == 1
    assert AuditEntry.objects.filter(action="recruitment.application.submitted").exists()
    status = client.get(reverse("recruitment:application", args=[application.pk]))
    assert 'data-status="submitted"' in status.content.decode()


def test_missing_required_answers_are_all_listed_and_nothing_is_saved(client, call, applicant):
    client.force_login(applicant)
    data = form_data(call, "", Motivation="", declaration=None)
    response = client.post(reverse("recruitment:apply", args=[call.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"organisation", f"q_{question(call, 'Motivation').pk}",
            f"q_{question(call, 'Signed declaration').pk}"} <= set(errors)
    assert not Application.objects.exists()


def test_a_text_file_named_pdf_is_refused_and_the_form_keeps_everything(
        client, call, applicant, organisation, media):
    client.force_login(applicant)
    url = reverse("recruitment:apply", args=[call.pk])
    client.post(url, form_data(call, organisation.slug, action="draft"))
    before = stored_files(media)
    attachment = question(call, "Signed declaration")
    data = form_data(call, organisation.slug, Motivation="Typed again, longer.",
                     declaration=text_as_pdf("podpisana.pdf"))
    response = client.post(url, data, **ENGLISH)
    assert response.status_code == 200
    error = response.context["form"].errors[f"q_{attachment.pk}"][0]
    assert "podpisana.pdf" in error
    assert "PDF" in error
    with translation.override("en"):
        assert error == uploads.wrong_type("podpisana.pdf", None, attachment.file_types)
    page = response.content.decode()
    assert f'id="id_q_{attachment.pk}_error"' in page
    assert "Typed again, longer." in page
    assert f'data-testid="existing-file-{attachment.pk}"' in page
    # Nothing of the refused POST is stored: not the answers, not the file.
    application = Application.objects.get()
    assert application.is_draft
    assert application.answers[question(call, "Motivation").key] == \
        "We want to work with the OPS."
    assert stored_files(media) == before


def test_an_oversized_attachment_is_refused_with_its_size(client, call, applicant,
                                                          organisation):
    client.force_login(applicant)
    # A real PDF padded with a comment to 2 MB; the question takes at most 1 MB.
    padded = pdf_bytes().replace(b"%%EOF", b"%" + b"x" * (2 * 1024 * 1024) + b"\n%%EOF")
    big = SimpleUploadedFile("duzy.pdf", padded, content_type="application/pdf")
    response = client.post(reverse("recruitment:apply", args=[call.pk]),
                           form_data(call, organisation.slug, declaration=big),
                           **ENGLISH)
    error = response.context["form"].errors[f"q_{question(call, 'Signed declaration').pk}"][0] \
        .replace("\xa0", " ")
    assert "duzy.pdf" in error
    assert "2.0 MB" in error
    assert "1.0 MB" in error
    assert not Application.objects.exists()


def test_past_the_deadline_the_form_says_so_and_nothing_is_saved(client, call, applicant,
                                                                 organisation, media):
    call.opens_at = timezone.now() - timedelta(days=20)
    call.deadline = timezone.now() - timedelta(minutes=1)
    call.save()
    client.force_login(applicant)
    url = reverse("recruitment:apply", args=[call.pk])
    assert 'data-testid="call-closed"' in client.get(url).content.decode()
    response = client.post(url, form_data(call, organisation.slug))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Application.objects.exists()
    assert stored_files(media) == []


def test_the_deadline_is_a_moment_in_polish_time(call, applicant, organisation):
    call.deadline = datetime(2030, 3, 31, 23, 59, tzinfo=WARSAW)
    call.save()
    data = ApplicationInput(organisation=organisation, answers=answers(call))
    late = datetime(2030, 4, 1, 0, 0, 30, tzinfo=WARSAW)
    with pytest.raises(RecruitmentError):
        save_application(applicant, call, data, submit=False, now=late)
    in_time = datetime(2030, 3, 31, 23, 58, 59, tzinfo=WARSAW)
    assert save_application(applicant, call, data, submit=False, now=in_time).is_draft


def test_over_capacity_nothing_more_is_taken(client, call, applicant, other_applicant,
                                             organisation, other_organisation, outsider):
    call.max_applications = 1
    call.save()
    client.force_login(other_applicant)
    client.post(reverse("recruitment:apply", args=[call.pk]),
                form_data(call, other_organisation.slug, action="draft"))
    submit(call, applicant, organisation)
    # A new applicant is told at once; a draft holder cannot submit any more.
    client.force_login(outsider)
    page = client.get(reverse("recruitment:apply", args=[call.pk])).content.decode()
    assert 'data-testid="call-closed"' in page
    client.force_login(other_applicant)
    response = client.post(reverse("recruitment:apply", args=[call.pk]),
                           form_data(call, other_organisation.slug))
    assert response.context["form"].non_field_errors()
    assert Application.objects.get(applicant=other_applicant).is_draft
    assert ApplicationFile.objects.filter(application__applicant=other_applicant).count() == 1


def test_a_submitted_application_can_no_longer_change(client, call, applicant, organisation):
    application = submit(call, applicant, organisation)
    client.force_login(applicant)
    url = reverse("recruitment:apply", args=[call.pk])
    assert client.get(url)["Location"] == application.get_absolute_url()
    client.post(url, form_data(call, organisation.slug, Motivation="Changed"))
    application.refresh_from_db()
    assert application.answers[question(call, "Motivation").key] != "Changed"
    with pytest.raises(RecruitmentError):
        submit(call, applicant, organisation)


def test_only_allowed_sectors_or_kinds_may_apply(call, applicant, organisation, outsider):
    call.allowed_sectors = ["ngo"]
    call.allowed_kinds = ["social_assistance"]
    call.save()
    with pytest.raises(RecruitmentError) as refused:
        submit(call, applicant, organisation)  # a library
    assert refused.value.field == "organisation"
    ops = OrganisationFactory(name="OPS", sector="public_institution", kind="social_assistance")
    MembershipFactory(user=outsider, organisation=ops)
    assert submit(call, outsider, ops).status == Status.SUBMITTED


def test_pairs_need_a_partner_from_the_same_gmina(call, applicant, organisation,
                                                  other_organisation):
    call.applicant_mode = ApplicantMode.PAIR
    call.pair_area_rule = "gmina"
    call.save()
    with pytest.raises(RecruitmentError) as alone:
        submit(call, applicant, organisation)
    assert alone.value.field == "partner"
    far = OrganisationFactory.create(name="OPS Poznań", municipality_id="3064011")
    with pytest.raises(RecruitmentError):
        submit(call, applicant, organisation, partner=far)
    application = submit(call, applicant, organisation, partner=other_organisation)
    assert application.partner == other_organisation


def test_one_organisation_applies_once(call, applicant, organisation):
    submit(call, applicant, organisation)
    colleague = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=colleague, organisation=organisation)
    with pytest.raises(RecruitmentError) as twice:
        submit(call, colleague, organisation)
    assert twice.value.field == "organisation"


@pytest.mark.parametrize("submitting", [False, True])
def test_nobody_applies_in_the_name_of_an_organisation_they_do_not_belong_to(
        call, outsider, other_applicant, other_organisation, submitting):
    """Neither a draft nor a submission in a stranger's name: it would block its own."""
    data = ApplicationInput(organisation=other_organisation, answers=answers(call))
    with pytest.raises(RecruitmentError) as refused:
        save_application(outsider, call, data, submit=submitting)
    assert refused.value.field == "organisation"
    assert not Application.objects.exists()
    assert submit(call, other_applicant, other_organisation).status == Status.SUBMITTED


def test_the_form_offers_only_ones_own_organisations(client, call, outsider,
                                                     other_organisation):
    client.force_login(outsider)
    url = reverse("recruitment:apply", args=[call.pk])
    assert other_organisation.slug not in client.get(url).content.decode()
    response = client.post(url, form_data(call, other_organisation.slug, action="draft"))
    assert "organisation" in response.context["form"].errors
    assert not Application.objects.exists()


def test_naming_a_partner_does_not_block_its_own_application(
        call, applicant, organisation, other_applicant, other_organisation):
    call.applicant_mode = ApplicantMode.PAIR
    call.save()
    third = OrganisationFactory.create(name="Dom Kultury w Śmiglu", municipality_id="3011053",
                                kind="culture_centre", sector="public_institution")
    submit(call, applicant, organisation, partner=other_organisation)
    # Named as a partner, the organisation still applies on its own, with a partner of its own.
    own = submit(call, other_applicant, other_organisation, partner=third)
    assert own.status == Status.SUBMITTED
    assert Application.objects.filter(status=Status.SUBMITTED).count() == 2


def test_call_pages_for_applicants(client, call, applicant, organisation):
    assert call.title in client.get(reverse("recruitment:calls")).content.decode()
    detail = client.get(call.get_absolute_url()).content.decode()
    assert 'data-testid="apply"' in detail
    assert "Signed declaration" in detail
    application = submit(call, applicant, organisation)
    client.force_login(applicant)
    mine = client.get(reverse("recruitment:mine")).content.decode()
    assert call.title in mine
    assert 'data-status="submitted"' in mine
    pdf = client.get(reverse("recruitment:application_pdf", args=[application.pk]))
    assert pdf.content.startswith(b"%PDF")
    attachment = application.files.get()
    download = client.get(reverse("recruitment:file", args=[attachment.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_replacing_a_draft_file_removes_the_old_one(client, call, applicant, organisation,
                                                    media, django_capture_on_commit_callbacks):
    client.force_login(applicant)
    url = reverse("recruitment:apply", args=[call.pk])
    client.post(url, form_data(call, organisation.slug, action="draft"))
    first = stored_files(media)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form_data(call, organisation.slug, action="draft"))
    second = stored_files(media)
    assert len(first) == len(second) == 1
    assert first != second


def test_a_failure_after_the_files_are_written_removes_them(monkeypatch, call, applicant,
                                                            organisation, media):
    def broken(*args, **kwargs):
        raise RuntimeError("the audit log is down")

    monkeypatch.setattr("mosty.recruitment.services.applications.log_action", broken)
    with pytest.raises(RuntimeError):
        submit(call, applicant, organisation)
    assert not Application.objects.exists()
    assert stored_files(media) == []


def test_an_unconfirmed_address_may_save_a_draft_but_not_submit(call, applicant, organisation):
    applicant.email_confirmed_at = None
    applicant.save(update_fields=["email_confirmed_at"])
    data = ApplicationInput(organisation=organisation, answers=answers(call))
    assert save_application(applicant, call, data, submit=False).is_draft
    with pytest.raises(RecruitmentError, match="potwierdź swój adres"):
        save_application(applicant, call, data, submit=True)
    assert Application.objects.get().is_draft


def test_the_only_organisation_of_the_applicant_is_preselected(client, call, applicant,
                                                               organisation):
    client.force_login(applicant)
    url = reverse("recruitment:apply", args=[call.pk])
    form = client.get(url).context["form"]
    assert form["organisation"].value() == organisation.slug
    MembershipFactory(user=applicant, organisation=OrganisationFactory())
    assert client.get(url).context["form"]["organisation"].value() in (None, "")
