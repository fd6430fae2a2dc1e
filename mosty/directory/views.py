from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.directory import access, services
from mosty.directory.choices import ResourceCategory, ResourceKind
from mosty.directory.forms import (
    DirectoryFilterForm, OrganisationForm, organisation_input, profile_formsets)
from mosty.directory.importer import (
    ImportResult, export_rows, import_directory, queue_import, template_choices)
from mosty.directory.models import DirectoryImport, ImportState, MembershipInvitation, Organisation
from mosty.directory.cards import cards
from mosty.directory.queries import filtered_organisations, with_profile_lists
from mosty.directory.spreadsheet import COLUMNS, write_csv, write_xlsx
from mosty.core import table_writer, undo
from mosty.core.forms import bounded_search
from mosty.directory.territories import gmina_label, search_gminas

PAGE_SIZE = 20
MAX_IMPORT_BYTES = 10 * 1024 * 1024
# Bigger files are imported by the task queue, not within the request.
IMPORT_IN_REQUEST_BYTES = 256 * 1024


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or {})
    page = Paginator(filtered_organisations(form), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "directory/list.html", {
        "form": form, "page": page, "cards": cards(page.object_list),
        "query": query.urlencode(), "nav": "directory",
        "can_manage": access.can_import(request.user),
    })


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        with_profile_lists(Organisation.objects.select_related("municipality__parent__parent")),
        slug=slug)
    resources = list(organisation.resources.all())
    return render(request, "directory/detail.html", {
        "organisation": organisation, "nav": "directory",
        "offers": [r for r in resources if r.kind == ResourceKind.OFFER],
        "needs": [r for r in resources if r.kind == ResourceKind.NEED],
        "can_edit": access.can_edit(request.user, organisation),
        "contacts": access.visible_contacts(request.user, organisation),
        "sees_private_contacts": access.can_see_private_contacts(request.user, organisation),
        "municipality_label": gmina_label(organisation.municipality)
        if organisation.municipality else "",
    })


def _edit_page(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    creating = organisation.pk is None
    data = request.POST if request.method == "POST" else None
    form = OrganisationForm(data, instance=organisation)
    formsets = profile_formsets(data, organisation)
    if data is not None:
        if form.is_valid() and all(f.is_valid() for f in formsets.values()):
            profile = organisation_input(form, formsets)
            try:
                if creating:
                    organisation = services.create_organisation(request.user, profile)
                else:
                    organisation = services.update_organisation(
                        request.user, organisation, profile,
                        form.cleaned_data.get("version") or organisation.version)
            except services.ConcurrentEditError as error:
                form.add_error(None, error.message)
                # Submitting again knowingly overwrites the other person's version.
                again = request.POST.copy()
                again["version"] = str(Organisation.objects.get(pk=organisation.pk).version)
                form.data = again
            except services.OrganisationError as error:
                form.add_error(error.field if error.field in form.fields else None,
                               error.message)
            else:
                messages.success(request, _("The profile has been saved."))
                return redirect(organisation)
        else:
            messages.error(request, _("The profile has not been saved: correct the fields "
                                      "marked below. Everything you typed is still here."))
    return render(request, "directory/edit.html", {
        "form": form, "formsets": formsets, "organisation": organisation,
        "creating": creating, "nav": "directory"}, status=200)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _edit_page(request, Organisation())


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    return _edit_page(request, access.get_organisation_for_edit(request.user, slug))


@require_GET
def gmina_search(request: HttpRequest) -> JsonResponse:
    found = search_gminas(bounded_search(request.GET.get("q")))
    return JsonResponse({"results": [{"code": g.code, "label": gmina_label(g)} for g in found]})


def _require_manager(request: HttpRequest) -> None:
    if not access.can_import(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def organisation_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_manager(request)
    context: dict = {"nav": "directory", "columns": COLUMNS,
                     "categories": ResourceCategory.choices}
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            context["error"] = _("Choose an XLSX or CSV file to import.")
        elif (upload.size or 0) > MAX_IMPORT_BYTES:
            context["error"] = _("The file is too large (at most 10 MB).")
        elif (upload.size or 0) > IMPORT_IN_REQUEST_BYTES:
            job = queue_import(request.user, upload)
            return redirect("directory:import_status", pk=job.pk)
        else:
            result = import_directory(request.user, upload)
            context["result"] = result
            if result.ok:
                messages.success(request, _(
                    "Import finished: %(created)s organisations added, %(updated)s updated."
                ) % {"created": result.created, "updated": result.updated})
    return render(request, "directory/import.html", context)


@login_required
@require_GET
def import_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A queued import: the page reloads itself until the report is there."""
    _require_manager(request)
    job = get_object_or_404(DirectoryImport, pk=pk, created_by=request.user)
    result = ImportResult.from_json(job.report) if job.state == ImportState.DONE else None
    return render(request, "directory/import_status.html", {
        "nav": "directory", "job": job, "result": result})


@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    example = [["Stowarzyszenie Przykładowe", "organizacja pozarządowa", "stowarzyszenie",
                "3011053", "Śmigiel", "ul. Polna 1, 64-030 Śmigiel", "", "kontakt@example.org",
                "", "Działamy na rzecz seniorów.", "", "", "", "Anna Nowak", "prezeska",
                "a.nowak@example.org", "", "ludzie i wolontariusze: 10 wolontariuszy | "
                "w weekendy | bezpłatnie", "przestrzeń i sale: sala na spotkania | raz w miesiącu"]]
    content = write_csv(example) if fmt == "csv" else write_xlsx(example, template_choices())
    return table_writer.download(content, f"mosty-szablon-importu.{fmt}")


@require_GET
def organisation_export(request: HttpRequest) -> HttpResponse:
    """The filtered list in the import format; private contacts only of the organisations
    the person may see privately (mosty.directory.access)."""
    form = DirectoryFilterForm(request.GET or {})
    organisations = with_profile_lists(filtered_organisations(form))
    rows = export_rows(organisations,
                       lambda org: access.can_see_private_contacts(request.user, org))
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    content = write_csv(rows) if fmt == "csv" else write_xlsx(rows, template_choices())
    return table_writer.download(
        content, f"mosty-organizacje-{timezone.localdate():%Y-%m-%d}.{fmt}")


@login_required
@require_http_methods(["GET", "POST"])
def organisation_members(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Members keep the profile up to date; any member (or a coordinator) invites colleagues
    (who join by accepting) and removes members."""
    organisation = access.get_organisation_for_edit(request.user, slug)
    email = ""
    if request.method == "POST":
        try:
            email = request.POST.get("email", "")
            validate_email(email)
            services.invite_member(request.user, organisation, email)
            messages.success(request, _(
                "The invitation has been sent to %(email)s. The person becomes a member "
                "after accepting it on their account page.") % {"email": email})
            email = ""
        except ValidationError:
            messages.error(request, _("Enter a valid e-mail address."))
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            return redirect("directory:members", slug=organisation.slug)
    memberships = organisation.memberships.select_related("user").order_by("user__email")
    return render(request, "directory/members.html", {
        "organisation": organisation, "memberships": memberships, "email": email,
        "invitations": organisation.invitations.order_by("email"), "nav": "directory"})


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then removes the member or lets one leave (POST); the next page
    offers to undo it. Who leaves goes back to the profile, the members page is no longer
    theirs."""
    organisation = access.get_organisation_for_edit(request.user, slug)
    membership = get_object_or_404(organisation.memberships.select_related("user"), pk=pk)
    leaving = membership.user_id == request.user.pk
    back = organisation.get_absolute_url() if leaving else reverse(
        "directory:members", args=[organisation.slug])
    if leaving:
        title, action = _("Leave the organisation"), _("Leave")
        question = _("Leave %(organisation)s? You will no longer edit its profile.") % {
            "organisation": organisation.name}
    else:
        title, action = _("Remove a member"), _("Remove the member")
        question = _("Remove %(person)s from the members of %(organisation)s?") % {
            "person": membership.user.email, "organisation": organisation.name}
    return undo.ask_then_delete(
        request, lambda: services.remove_member(request.user, membership, back),
        title=title, question=question, action=action, back_url=back,
        details=[membership.user.full_name] if membership.user.full_name else None)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_withdraw(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then takes the invitation back (POST), with undo."""
    organisation = access.get_organisation_for_edit(request.user, slug)
    invitation = get_object_or_404(organisation.invitations, pk=pk)
    back = reverse("directory:members", args=[organisation.slug])
    return undo.ask_then_delete(
        request, lambda: services.withdraw_invitation(request.user, invitation, back),
        title=_("Withdraw an invitation"), action=_("Withdraw the invitation"), back_url=back,
        question=_("Withdraw the invitation of %(email)s to %(organisation)s? The link in "
                   "the e-mail will no longer work.") % {
                       "email": invitation.email, "organisation": organisation.name})


@login_required
@require_POST
def answer_invitation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(MembershipInvitation.objects.select_related("organisation"),
                                   pk=pk, email__iexact=request.user.email)
    accept = request.POST.get("answer") == "accept"
    try:
        services.answer_invitation(request.user, invitation, accept)
    except services.MembershipError as error:
        messages.error(request, str(error))
        return redirect("accounts:profile")
    if accept:
        messages.success(request, _("You are now a member of %(organisation)s.")
                         % {"organisation": invitation.organisation.name})
    return redirect("accounts:profile")
