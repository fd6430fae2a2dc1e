"""Reviewing applications: scores and comments, decisions, and places in groups."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.programmes.models import Group, GroupMember
from mosty.recruitment.choices import DECISIONS, Status
from mosty.recruitment.models import Application, Note, RecruitmentCall, Review
from mosty.recruitment.services import RecruitmentError
from mosty.recruitment.tasks import send_application_email


@transaction.atomic
def save_review(reviewer: User, application: Application, scores: dict[int, int] | None = None,
                score: int | None = None, comment: str = "") -> Review:
    """Record (or change) one reviewer's scores: per criterion when the call has criteria,
    otherwise a single score from 0 to the call's highest score."""
    if application.is_draft:
        raise RecruitmentError(_("Drafts cannot be reviewed."))
    call = application.call
    criteria = list(call.criteria.all())
    if criteria:
        scores = scores or {}
        points: dict[str, int] = {}
        for criterion in criteria:
            value = scores.get(criterion.pk)
            if value is None or not 0 <= value <= criterion.max_points:
                raise RecruitmentError(
                    _("Give %(name)s from 0 to %(max)s points.")
                    % {"name": criterion.name, "max": criterion.max_points},
                    field=f"c_{criterion.pk}")
            points[str(criterion.pk)] = value
        total = sum(points.values())
    else:
        if score is None or not 0 <= score <= call.score_max:
            raise RecruitmentError(_("Give a score from 0 to %(max)s.") % {"max": call.score_max},
                                   field="score")
        points, total = {}, score
    review, created = Review.objects.update_or_create(
        application=application, reviewer=reviewer,
        defaults={"scores": points, "total": total, "comment": comment.strip()})
    log_action(reviewer, "recruitment.review.created" if created else "recruitment.review.updated",
               application, total=total)
    return review


@transaction.atomic
def decide(actor: User, application: Application, decision: str, message: str = "") -> Application:
    """Accept, waitlist or reject; the applicant gets an e-mail when the status changes."""
    if decision not in DECISIONS:
        raise RecruitmentError(_("Choose accept, waiting list or reject."), field="decision")
    call = RecruitmentCall.objects.select_for_update().get(pk=application.call_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.is_draft:
        raise RecruitmentError(_("A draft cannot be decided on: it has not been submitted."))
    changed = application.status != decision
    if changed and decision == Status.ACCEPTED and call.max_accepted is not None:
        accepted = call.applications.filter(status=Status.ACCEPTED).count()
        if accepted >= call.max_accepted:
            raise RecruitmentError(_(
                "%(count)s applications are already accepted, the most this call accepts. Put "
                "this one on the waiting list, or first change another decision.")
                % {"count": accepted}, field="decision")
    if changed and decision != Status.ACCEPTED and application.group_member:
        raise RecruitmentError(_(
            "The organisation is in group “%(group)s”. Remove it from the group first.")
            % {"group": application.group_member.group.name}, field="decision")
    application.status = decision
    application.decision_message = message.strip()
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.save(update_fields=["status", "decision_message", "decided_at", "decided_by",
                                    "updated_at"])
    log_action(actor, f"recruitment.application.{decision}", application)
    if changed:
        transaction.on_commit(lambda: send_application_email.enqueue(
            application.pk, decision, application.language))
    return application


@transaction.atomic
def assign_to_group(actor: User, application: Application, group: Group) -> GroupMember:
    """Put an accepted application's organisation (and its partner) into a group of the
    call's edition; the applicant becomes one of the member's people."""
    # Lock only the application row: PostgreSQL cannot lock the nullable side of a join.
    application = Application.objects.select_for_update(of=("self",)).select_related(
        "call", "group_member__group").get(pk=application.pk)
    if application.status != Status.ACCEPTED:
        raise RecruitmentError(_("Only accepted applications can be assigned to a group."),
                               field="group")
    if group.edition_id != application.call.edition_id:
        raise RecruitmentError(_("The group belongs to another edition."), field="group")
    if application.group_member:
        raise RecruitmentError(_("Already in group “%(group)s”. Remove the organisation from "
                                 "that group first.")
                               % {"group": application.group_member.group.name}, field="group")
    member, _created = GroupMember.objects.get_or_create(group=group,
                                                         organisation=application.organisation)
    member.people.add(application.applicant)
    if application.partner_id:
        GroupMember.objects.get_or_create(group=group, organisation=application.partner)
    application.group_member = member
    application.save(update_fields=["group_member", "updated_at"])
    log_action(actor, "recruitment.application.assigned", application, group=group.name)
    return member


@transaction.atomic
def add_note(author: User, application: Application, text: str) -> Note:
    if not text.strip():
        raise RecruitmentError(_("Write the comment first."), field="text")
    note = Note.objects.create(application=application, author=author, text=text.strip())
    log_action(author, "recruitment.note.created", application)
    return note
