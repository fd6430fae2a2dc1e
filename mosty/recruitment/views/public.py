"""Pages of applicants: open calls, the application form, their own applications."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mosty.core.forms import bounded_search
from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.recruitment import access
from mosty.recruitment.documents import application_pdf
from mosty.recruitment.eligibility import allowed_labels
from mosty.recruitment.forms.application import ApplicationForm
from mosty.recruitment.models import Application, ApplicationFile
from mosty.directory.organisations import organisation_label, search_organisations
from mosty.recruitment.services import RecruitmentError
from mosty.recruitment.services.applications import is_full, save_application


@require_GET
def call_list(request: HttpRequest) -> HttpResponse:
    calls = access.visible_calls(request.user).order_by("-deadline")
    now = timezone.now()
    return render(request, "recruitment/call_list.html", {
        "open": [c for c in calls if c.phase(now) == "open"],
        "upcoming": [c for c in calls if c.phase(now) == "upcoming"],
        "closed": [c for c in calls if c.phase(now) == "closed"],
        "nav": "programmes"})


@require_GET
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(access.visible_calls(request.user), pk=pk)
    mine = access.own_applications(request.user).filter(call=call).first()
    return render(request, "recruitment/call_detail.html", {
        "call": call, "programme": call.edition.programme, "application": mine,
        "phase": call.phase(), "full": is_full(call), "allowed": allowed_labels(call),
        "questions": call.questions.all(), "criteria": call.criteria.all(),
        "documents": call.documents.all(),
        "programme_access": access.programme_access(request.user, call.edition.programme),
        "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Fill in, save as a draft, come back, submit. A refused POST keeps what was typed and
    the draft's files; nothing of it is stored."""
    call = get_object_or_404(access.visible_calls(request.user), pk=pk)
    application = access.own_applications(request.user).filter(call=call).first()
    if application is not None and not application.is_draft:
        return redirect(application)
    closed = None if call.is_open() else _("This call is not open for applications now.")
    if closed is None and application is None and is_full(call):
        closed = _("This call has received the most applications it takes.")
    submitting = request.POST.get("action") == "submit"
    form = ApplicationForm(call, request.user, application, request.POST or None,
                           request.FILES or None, submitting=submitting)
    if request.method == "POST":
        if form.is_valid():
            try:
                application = save_application(request.user, call, form.to_input(), submitting)
            except RecruitmentError as error:
                form.add_error(error.field if error.field in form.fields else None,
                               error.message)
            else:
                if submitting:
                    messages.success(request, _("Your application has been submitted. We have "
                                                "sent you a confirmation by e-mail."))
                    return redirect(application)
                messages.success(request, _("Your draft has been saved. You can come back and "
                                            "submit it before the deadline."))
                return redirect("recruitment:apply", pk=call.pk)
        messages.error(request, _("Nothing has been saved: correct what is marked below. "
                                  "Your answers are still in the form and the files of your "
                                  "draft are kept."))
    return render(request, "recruitment/apply.html", {
        "call": call, "programme": call.edition.programme, "form": form,
        "application": application, "closed": closed, "uploads_lost": form.is_bound and
        form.uploads_lost(), "nav": "programmes"}, status=200)


@login_required
@require_GET
def my_applications(request: AuthenticatedHttpRequest) -> HttpResponse:
    applications = access.own_applications(request.user).select_related(
        "call__edition__programme", "organisation", "group_member__group").order_by("-created_at")
    return render(request, "recruitment/mine.html", {"applications": applications,
                                                     "nav": "programmes"})


@login_required
@require_GET
def application_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = access.get_own_application(request.user, pk)
    files = {f.question_id: f for f in application.files.all()}
    rows = [(q, files.get(q.pk), application.answers.get(q.key))
            for q in application.call.questions.all()]
    return render(request, "recruitment/application.html", {
        "application": application, "call": application.call, "rows": rows,
        "nav": "programmes"})


def _readable_application(request: HttpRequest, pk: int) -> Application:
    """The applicant's own application, or one the user reviews; 404 otherwise."""
    application = access.own_applications(request.user).filter(pk=pk).first() or \
        access.reviewable_applications(request.user).filter(pk=pk).first()
    if application is None:
        raise Http404
    return application


@login_required
@require_GET
def application_document(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = _readable_application(request, pk)
    response = HttpResponse(application_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="zgloszenie-{application.pk}.pdf"'
    return response


@login_required
@require_GET
def attachment(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """Attachments are never public: only the applicant and the programme's staff get them."""
    stored = get_object_or_404(ApplicationFile, pk=pk)
    _readable_application(request, stored.application_id)
    return FileResponse(stored.file.open("rb"), as_attachment=True,
                        filename=stored.original_name)


@login_required
@require_GET
def organisation_search(request: AuthenticatedHttpRequest) -> JsonResponse:
    found = search_organisations(bounded_search(request.GET.get("q")))
    return JsonResponse({"results": [{"slug": o.slug, "label": organisation_label(o)}
                                     for o in found]})
