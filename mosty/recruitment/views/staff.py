"""Pages of a programme's staff: calls and their forms, the list of applications, reviews,
decisions and groups. Facilitators review and comment; coordinators also decide."""
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import table_writer
from mosty.programmes.models import Group
from mosty.programmes import composition
from mosty.programmes.access import Need, get_programme
from mosty.recruitment import access
from mosty.recruitment.export import build_rows, write_xlsx
from mosty.recruitment.forms.calls import call_forms, call_input
from mosty.recruitment.forms.review import AssignForm, DecisionForm, NoteForm, ReviewForm
from mosty.recruitment.models import RecruitmentCall
from mosty.recruitment.queries import filtered, status_counts, with_details
from mosty.recruitment.services import RecruitmentError, review as review_services
from mosty.recruitment.services.calls import save_call

PAGE_SIZE = 25


def _call_page(request: AuthenticatedHttpRequest, programme: Any,
               call: RecruitmentCall) -> HttpResponse:
    creating = call.pk is None
    data = request.POST if request.method == "POST" else None
    adding = data is not None and "add_question" in data
    form, questions, criteria = call_forms(programme, call, data, add_question=adding)
    if data is not None and not adding:
        if form.is_valid() and questions.is_valid() and criteria.is_valid():
            try:
                call = save_call(request.user, call, call_input(form, questions, criteria))
            except RecruitmentError as error:
                form.add_error(error.field if error.field in form.fields else None,
                               error.message)
            else:
                messages.success(request, _("The call has been saved."))
                return redirect("recruitment:call_edit", pk=call.pk)
        messages.error(request, _("The call has not been saved: correct what is marked below."))
    return render(request, "recruitment/call_form.html", {
        "programme": programme, "call": call, "creating": creating, "form": form,
        "questions": questions, "criteria": criteria, "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def call_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    programme, _access = get_programme(request.user, slug, Need.MANAGE)
    if not programme.editions.exists():
        messages.info(request, _("Add an edition first: every call recruits for one edition."))
        return redirect("programmes:edition_create", slug=programme.slug)
    return _call_page(request, programme, RecruitmentCall())


@login_required
@require_http_methods(["GET", "POST"])
def call_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call, _access = access.get_call(request.user, pk, manage=True)
    return _call_page(request, call.edition.programme, call)


@login_required
@require_GET
def review_list(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call, programme_access = access.get_call(request.user, pk)
    form, applications = filtered(call, request.user, request.GET)
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "recruitment/review_list.html", {
        "call": call, "programme": call.edition.programme, "form": form, "page": page,
        "query": query.urlencode(), "counts": status_counts(call),
        "access": programme_access, "nav": "programmes"})


@login_required
@require_GET
def review_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call, _access = access.get_call(request.user, pk)
    _form, applications = filtered(call, request.user, request.GET)
    content = write_xlsx(build_rows(call, with_details(applications)), _("Applications"))
    return table_writer.download(
        content, f"zgloszenia-{call.pk}-{timezone.localdate():%Y-%m-%d}.xlsx")


def _review_page(request: AuthenticatedHttpRequest, pk: int, forms: dict[str, Any] | None = None,
                 status: int = 200) -> HttpResponse:
    application, programme_access = access.get_application_for_review(request.user, pk)
    call = application.call
    reviews = list(application.reviews.select_related("reviewer"))
    mine = next((r for r in reviews if r.reviewer_id == request.user.pk), None)
    files = {f.question_id: f for f in application.files.all()}
    group = application.group_member.group if application.group_member else None
    forms = forms or {}
    context = {
        "application": application, "call": call, "programme": call.edition.programme,
        "access": programme_access, "reviews": reviews, "my_review": mine,
        "average": sum(r.total for r in reviews) / len(reviews) if reviews else None,
        "rows": [(q, files.get(q.pk), application.answers.get(q.key))
                 for q in call.questions.all()],
        "notes": application.notes.select_related("author"),
        "review_form": forms.get("review") or ReviewForm(call, mine),
        "note_form": forms.get("note") or NoteForm(),
        "decision_form": forms.get("decision") or DecisionForm(
            initial={"decision": application.status, "message": application.decision_message}),
        "assign_form": forms.get("assign") or AssignForm(call),
        "group": group, "nav": "programmes",
        "group_problems": composition.problems(
            composition.with_members(Group.objects.filter(pk=group.pk)).get()) if group else [],
    }
    return render(request, "recruitment/review_detail.html", context, status=status)


@login_required
@require_GET
def review_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _review_page(request, pk)


def _post(request: AuthenticatedHttpRequest, pk: int, name: str, manage: bool, form_class: Any,
          action: Any) -> HttpResponse:
    """Shared handling of the review page's forms: check, call the service, redirect."""
    application, programme_access = access.get_application_for_review(request.user, pk)
    if manage and not programme_access.manage:
        raise PermissionDenied
    form = form_class(request.POST)
    if form.is_valid():
        try:
            message = action(application, form)
        except RecruitmentError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, message)
            return redirect("recruitment:review", pk=application.pk)
    return _review_page(request, pk, {name: form}, status=400)


@login_required
@require_POST
def review_score(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application, _access = access.get_application_for_review(request.user, pk)
    mine = application.reviews.filter(reviewer=request.user).first()

    def save(application: Any, form: ReviewForm) -> str:
        review_services.save_review(request.user, application, form.scores(),
                                    form.cleaned_data.get("score"), form.cleaned_data["comment"])
        return _("Your review has been saved.")

    return _post(request, pk, "review", False,
                 lambda data: ReviewForm(application.call, mine, data), save)


@login_required
@require_POST
def review_note(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def save(application: Any, form: NoteForm) -> str:
        review_services.add_note(request.user, application, form.cleaned_data["text"])
        return _("The comment has been added.")

    return _post(request, pk, "note", False, NoteForm, save)


@login_required
@require_POST
def review_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def save(application: Any, form: DecisionForm) -> str:
        review_services.decide(request.user, application, form.cleaned_data["decision"],
                               form.cleaned_data["message"])
        return _("The decision has been saved. The applicant gets an e-mail whenever it "
                 "changes.")

    return _post(request, pk, "decision", True, DecisionForm, save)


@login_required
@require_POST
def review_assign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application, _access = access.get_application_for_review(request.user, pk)

    def save(application: Any, form: AssignForm) -> str:
        member = review_services.assign_to_group(request.user, application,
                                                 form.cleaned_data["group"])
        return _("%(organisation)s is now in group “%(group)s”.") % {
            "organisation": member.organisation.name, "group": member.group.name}

    return _post(request, pk, "assign", True, lambda data: AssignForm(application.call, data),
                 save)
