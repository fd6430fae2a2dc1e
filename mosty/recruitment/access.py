"""Who may manage a programme and see its private parts: the one place that answers it.

- manage (calls, editions, groups, decisions on applications): staff; the programme's
  coordinators (ProgrammeStaff "coordinator"); people with the global role coordinator who
  are members of the programme's organiser.
- see private parts (applications, reviews, contacts of participants): the above and the
  programme's facilitators, who also review and comment but do not decide.
- applicants see only their own applications.
"""
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from mosty.accounts.access import Viewer
from mosty.programmes.access import (  # noqa: F401 - the rule lives with programmes
    NO_ACCESS, Need, ProgrammeAccess, _active, check_programme, managed_programmes,
    private_programmes, programme_access)
from mosty.recruitment.choices import Status
from mosty.recruitment.models import Application, RecruitmentCall


def get_call(user: Viewer, pk: int, manage: bool = False
             ) -> tuple[RecruitmentCall, ProgrammeAccess]:
    """A call for its staff pages; 404 if unknown or hidden from the user (unpublished, or
    of an unpublished programme), 403 for a published call without rights."""
    call = get_object_or_404(RecruitmentCall.objects.select_related(
        "edition__programme__organiser"), pk=pk)
    programme = call.edition.programme
    access = check_programme(user, programme, Need.MANAGE if manage else Need.PRIVATE,
                             public=call.is_published and programme.is_public)
    return call, access


def visible_calls(user: Viewer) -> QuerySet[RecruitmentCall]:
    """Published calls of public programmes, and every call of programmes the user manages."""
    calls = RecruitmentCall.objects.select_related("edition__programme__organiser")
    public = Q(is_published=True, edition__programme__is_public=True)
    if not _active(user):
        return calls.filter(public)
    return calls.filter(public | Q(edition__programme__in=private_programmes(user)))


def own_applications(user: Viewer) -> QuerySet[Application]:
    if not _active(user):
        return Application.objects.none()
    return Application.objects.filter(applicant=user)


def get_own_application(user: Viewer, pk: int) -> Application:
    """The applicant's own application; anyone else's is 404 (its existence is private)."""
    return get_object_or_404(own_applications(user).select_related(
        "call__edition__programme", "organisation", "partner",
        "group_member__group"), pk=pk)


def reviewable_applications(user: Viewer) -> QuerySet[Application]:
    """Submitted applications of programmes whose private parts the user sees."""
    return Application.objects.filter(
        call__edition__programme__in=private_programmes(user)).exclude(status=Status.DRAFT)


def get_application_for_review(user: Viewer, pk: int) -> tuple[Application, ProgrammeAccess]:
    application = reviewable_applications(user).select_related(
        "call__edition__programme__organiser", "organisation__municipality__parent",
        "partner__municipality", "applicant", "group_member__group").filter(pk=pk).first()
    if application is None:
        raise Http404
    return application, programme_access(user, application.call.edition.programme)
