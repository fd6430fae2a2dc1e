"""Applicants save drafts and submit them: all or nothing, before the deadline, within capacity."""
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext as _

from mosty.accounts.models import User
from mosty.accounts.services import unconfirmed_problem
from mosty.core.audit import log_action
from mosty.directory.models import Membership, Organisation
from mosty.core.uploads import stored_name
from mosty.recruitment.choices import Status
from mosty.recruitment.eligibility import organisation_problem, pair_problem
from mosty.recruitment.models import Application, ApplicationFile, Question, RecruitmentCall
from mosty.recruitment.services import RecruitmentError
from mosty.recruitment.tasks import send_application_email


@dataclass
class Upload:
    """A checked attachment: the file and the type its content showed."""

    file: UploadedFile
    file_type: str


@dataclass
class ApplicationInput:
    organisation: Organisation | None = None
    partner: Organisation | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    uploads: dict[int, Upload] = field(default_factory=dict)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _local(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j E Y, H:i")


def check_open(call: RecruitmentCall, now: datetime) -> None:
    if now < call.opens_at:
        raise RecruitmentError(_("Applications open on %(date)s. Nothing has been saved.")
                               % {"date": _local(call.opens_at)})
    if now > call.deadline:
        raise RecruitmentError(_("The deadline passed on %(date)s. Nothing has been saved.")
                               % {"date": _local(call.deadline)})


def submitted_count(call: RecruitmentCall) -> int:
    return call.applications.exclude(status=Status.DRAFT).count()


def is_full(call: RecruitmentCall) -> bool:
    return call.max_applications is not None and submitted_count(call) >= call.max_applications


def _check_room(call: RecruitmentCall) -> None:
    if is_full(call):
        raise RecruitmentError(_("This call has received the most applications it takes "
                                 "(%(count)s). Nothing has been saved.")
                               % {"count": call.max_applications})


def _check_organisations(user: User, call: RecruitmentCall, application: Application,
                         data: ApplicationInput) -> None:
    """The applicant belongs to the organisation, and it has no other application here.

    Naming a partner reserves nothing: otherwise anyone could block an organisation's own
    application by naming it first.
    """
    organisation = data.organisation
    if organisation is None:
        return
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise RecruitmentError(_("You can apply only for an organisation you are a member of "
                                 "in Mosty. Nothing has been saved."), field="organisation")
    if call.applications.exclude(pk=application.pk).filter(organisation=organisation).exists():
        raise RecruitmentError(_("%(name)s is already named in another application to this "
                                 "call.") % {"name": organisation.name}, field="organisation")


def _check_submission(call: RecruitmentCall, data: ApplicationInput,
                      questions: list[Question], filed: set[int]) -> None:
    if data.organisation is None:
        raise RecruitmentError(_("Choose the organisation you apply for."), field="organisation")
    problem = organisation_problem(call, data.organisation)
    if problem:
        raise RecruitmentError(problem, field="organisation")
    problem = pair_problem(call, data.organisation, data.partner)
    if problem:
        raise RecruitmentError(problem, field="partner")
    for question in questions:
        if not question.required:
            continue
        answered = question.pk in filed if question.is_file else \
            not is_empty(data.answers.get(question.key))
        if not answered:
            raise RecruitmentError(_("This question needs an answer before you submit."),
                                   field=f"q_{question.pk}")


def save_application(user: User, call: RecruitmentCall, data: ApplicationInput, submit: bool,
                     now: datetime | None = None) -> Application:
    """Save the applicant's draft, and submit it if `submit`: everything or nothing.

    Files are written to storage last; if anything fails they are removed again, so a refused
    submission leaves neither rows nor files behind.
    """
    stored: list[str] = []
    try:
        with transaction.atomic():
            return _save(user, call, data, submit, now or timezone.now(), stored)
    except IntegrityError as error:
        _remove(stored)
        # Two people of one organisation starting at the same moment.
        raise RecruitmentError(_("This organisation is already named in another application "
                                 "to this call."), field="organisation") from error
    except BaseException:
        _remove(stored)
        raise


def _remove(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _save(user: User, call: RecruitmentCall, data: ApplicationInput, submit: bool,
          now: datetime, stored: list[str]) -> Application:
    # Locking the call serialises submissions, so capacity cannot be overrun by a race.
    call = RecruitmentCall.objects.select_for_update().get(pk=call.pk)
    check_open(call, now)
    application = Application.objects.select_for_update().filter(
        call=call, applicant=user).first()
    if application is not None and not application.is_draft:
        raise RecruitmentError(_("Your application has already been submitted and can no "
                                 "longer be changed."))
    if application is None:
        _check_room(call)
        application = Application(call=call, applicant=user)
    if not call.takes_pairs:
        data.partner = None
    _check_organisations(user, call, application, data)
    questions = list(call.questions.all())
    filed = set(application.files.values_list("question_id", flat=True)) if application.pk \
        else set()
    if submit:
        problem = unconfirmed_problem(user)
        if problem:
            raise RecruitmentError(problem)
        _check_room(call)
        _check_submission(call, data, questions, filed | set(data.uploads))
    keys = {q.key for q in questions if not q.is_file}
    application.organisation = data.organisation
    application.partner = data.partner
    application.applicant_is_member = data.organisation is not None
    application.answers = {key: value for key, value in data.answers.items() if key in keys}
    if submit:
        application.status = Status.SUBMITTED
        application.submitted_at = now
        application.language = get_language() or ""
    application.save()
    _store_files(application, questions, data.uploads, stored)
    log_action(user, "recruitment.application.submitted" if submit
               else "recruitment.application.saved", application,
               files=sorted(u.file.name for u in data.uploads.values()))
    if submit:
        transaction.on_commit(lambda: send_application_email.enqueue(
            application.pk, "submitted", application.language))
    return application


def _store_files(application: Application, questions: list[Question],
                 uploads: dict[int, Upload], stored: list[str]) -> None:
    by_pk = {q.pk: q for q in questions if q.is_file}
    replaced = {f.question_id: f for f in application.files.filter(question_id__in=uploads)}
    for question_pk, upload in uploads.items():
        if question_pk not in by_pk:
            continue
        old = replaced.get(question_pk)
        if old is not None:
            old.delete()  # its file leaves the disk on commit (models.delete_stored_file)
        attachment = ApplicationFile(application=application, question=by_pk[question_pk],
                                     original_name=(upload.file.name or "")[-200:],
                                     size=upload.file.size or 0, file_type=upload.file_type)
        attachment.file.save(stored_name(upload.file.name, upload.file_type),
                             upload.file, save=False)
        stored.append(attachment.file.name)
        attachment.save()
