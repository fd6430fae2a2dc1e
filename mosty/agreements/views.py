"""Pages of cooperation agreements. Who may do what: mosty.agreements.access."""
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm, model_to_dict
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.agreements import access, checklist, diffs, services
from mosty.agreements.access import AgreementAccess
from mosty.agreements.documents import DocumentError, render_docx, render_pdf
from mosty.agreements.forms import (
    AddPartyForm, ContributionForm, EndForm, PartyForm, ScanForm, SignForm, TemplateForm,
    TermsForm)
from mosty.agreements.models import Agreement, Party
from mosty.core import undo
from mosty.directory.models import Organisation
from mosty.knowledge import access as knowledge_access
from mosty.events import access as events_access
from mosty.events.models import Conclusions
from mosty.initiatives import access as initiatives_access


def facts(agreement: Agreement) -> checklist.AgreementFacts:
    parties = [checklist.PartyFacts(
        name=p.organisation.name, representative=p.representative, function=p.function,
        objectives=p.objectives, role=p.role, contributions=len(p.contributions.all()))
        for p in agreement.parties.select_related("organisation").prefetch_related(
            "contributions")]
    return checklist.AgreementFacts(
        parties=parties, purpose=agreement.purpose, scope=agreement.scope,
        work_plan=agreement.work_plan, indicators=agreement.indicators,
        communication=agreement.communication, start_date=agreement.start_date,
        review_date=agreement.review_date, disputes=agreement.disputes,
        exit_terms=agreement.exit_terms)


def checklist_rows(agreement: Agreement) -> list[dict[str, Any]]:
    return [{"section": _(checklist.SECTIONS[item.section]), "label": _(item.label),
             "ok": item.ok, "missing_for": item.missing_for}
            for item in checklist.check(facts(agreement))]


def _parties(agreement: Agreement) -> list[Party]:
    return list(agreement.parties.select_related("organisation", "approved_by")
                .prefetch_related("contributions__resource"))


def _fail(request: HttpRequest, error: services.AgreementError) -> None:
    messages.error(request, str(error))


def _form_errors(request: HttpRequest, form: BaseForm) -> None:
    for errors in form.errors.values():
        messages.error(request, " ".join(map(str, errors)))


@login_required
@require_GET
def agreement_list(request: HttpRequest) -> HttpResponse:
    agreements = access.visible_agreements(request.user).select_related("programme") \
        .prefetch_related("parties__organisation")
    return render(request, "agreements/list.html", {"agreements": agreements,
                                                    "nav": "agreements"})


@login_required
@require_http_methods(["GET", "POST"])
def create_from_event(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Staff of the programme turn a group's recommendations into a draft agreement. 404 for
    an event the user may not see, 403 for one whose programme they do not manage."""
    event = events_access.get_event(request.user, slug)
    if not access.may_create_in(request.user, event.programme_id):
        raise PermissionDenied
    record = Conclusions.objects.filter(event=event).first()
    if request.method == "POST":
        try:
            agreement = services.create_from_conclusions(request.user, event)
        except services.AgreementError as error:
            _fail(request, error)
        else:
            messages.success(request, _("The draft agreement has been created from the "
                                        "recommendations."))
            return redirect("agreements:edit", pk=agreement.pk)
    organisations = [m.organisation for m in event.group.members.select_related(
        "organisation")] if event.group else []
    return render(request, "agreements/from_event.html", {
        "event": event, "record": record, "organisations": organisations,
        "existing": event.agreements.all(), "nav": "agreements"})


@login_required
@require_POST
def create_from_idea(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The idea's team or its programme's coordinators turn it into a draft agreement. 404
    for an idea the user may not see, 403 for one they may not change."""
    idea = initiatives_access.get_idea(request.user, slug)
    if not access.may_create_from_idea(request.user, idea):
        raise PermissionDenied
    try:
        agreement = services.create_from_idea(request.user, idea)
    except services.AlreadyCreated as error:
        _fail(request, error)
        if access.agreement_access(request.user, error.existing).see:
            return redirect("agreements:detail", pk=error.existing.pk)
        return redirect(idea)
    except services.AgreementError as error:
        _fail(request, error)
        return redirect(idea)
    messages.success(request, _("The draft agreement has been created from the project idea: "
                                "check its text with the partners."))
    return redirect("agreements:edit", pk=agreement.pk)


@login_required
@require_POST
def create_for_organisation(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not access.may_create_for(request.user, organisation.pk):
        raise Http404
    agreement = services.create_agreement(
        request.user, _("Cooperation agreement: %(name)s") % {"name": organisation.name},
        [organisation])
    messages.success(request, _("The draft agreement has been created: add the partner "
                                "organisation."))
    return redirect("agreements:detail", pk=agreement.pk)


def _detail_context(request: HttpRequest, agreement: Agreement,
                    rights: AgreementAccess) -> dict[str, Any]:
    rows = checklist_rows(agreement)
    return {
        "agreement": agreement, "rights": rights, "parties": _parties(agreement),
        "checklist": rows, "missing": [r for r in rows if not r["ok"]],
        "sign_form": SignForm(), "scan_form": ScanForm(), "end_form": EndForm(),
        "add_party_form": AddPartyForm(), "nav": "agreements",
        "may_write_practice": agreement.status in ("signed", "ended")
        and knowledge_access.can_edit(request.user, agreement.programme),
        "link_base": request.build_absolute_uri(reverse("agreements:link", args=["x"]))[:-2],
    }


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, rights = access.get_agreement(request.user, pk)
    return render(request, "agreements/detail.html", _detail_context(request, agreement, rights))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, rights = access.get_agreement_to_edit(request.user, pk)
    initial = model_to_dict(agreement, fields=TermsForm.Meta.fields) | {
        "version": agreement.version}
    form = TermsForm(request.POST or None, initial=initial)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.update_terms(request.user, agreement, form.terms(),
                                  form.cleaned_data["version"])
        except services.EditConflict as error:
            conflict = True
            form.add_error(None, str(error))
            agreement.refresh_from_db()
        except services.AgreementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The agreement has been saved."))
            return redirect("agreements:detail", pk=agreement.pk)
    return render(request, "agreements/edit.html", {
        "agreement": agreement, "form": form, "conflict": conflict, "nav": "agreements",
        "current_version": agreement.version})


def _party(agreement: Agreement, party_pk: int) -> Party:
    return get_object_or_404(agreement.parties.select_related("organisation"), pk=party_pk)


@login_required
@require_http_methods(["GET", "POST"])
def party_edit(request: AuthenticatedHttpRequest, pk: int, party: int) -> HttpResponse:
    agreement, rights = access.get_agreement_to_edit(request.user, pk)
    the_party = _party(agreement, party)
    form = PartyForm(request.POST if "save_party" in request.POST else None,
                     initial=model_to_dict(the_party, fields=PartyForm.Meta.fields))
    contribution_form = ContributionForm(
        request.POST if "add_contribution" in request.POST else None,
        organisation=the_party.organisation)
    if request.method == "POST":
        try:
            if "save_party" in request.POST and form.is_valid():
                services.update_party(request.user, the_party, form.details())
                messages.success(request, _("The party has been saved."))
                return redirect("agreements:detail", pk=agreement.pk)
            if "add_contribution" in request.POST and contribution_form.is_valid():
                services.add_contribution(request.user, the_party, contribution_form.details())
                messages.success(request, _("The contribution has been added."))
                return redirect("agreements:party", pk=agreement.pk, party=the_party.pk)
        except services.AgreementError as error:
            (form if "save_party" in request.POST else contribution_form).add_error(
                None, str(error))
    return render(request, "agreements/party.html", {
        "agreement": agreement, "party": the_party, "form": form,
        "contribution_form": contribution_form, "nav": "agreements",
        "contributions": the_party.contributions.select_related("resource")})


@login_required
@require_http_methods(["GET", "POST"])
def contribution_remove(request: AuthenticatedHttpRequest, pk: int, party: int,
                        contribution: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    agreement, rights = access.get_agreement_to_edit(request.user, pk)
    the_party = _party(agreement, party)
    item = get_object_or_404(the_party.contributions, pk=contribution)
    back = reverse("agreements:party", args=[agreement.pk, the_party.pk])
    return undo.ask_then_delete(
        request, lambda: services.remove_contribution(request.user, item, back),
        title=_("Remove a contribution"), action=_("Remove the contribution"), back_url=back,
        question=_("Remove this contribution of %(party)s from “%(agreement)s”?") % {
            "party": the_party.organisation.name, "agreement": agreement.title},
        details=[f"{item.get_kind_display()}: {item.description}",
                 _("Approvals given so far are withdrawn: the text changes.")])


@login_required
@require_POST
def party_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, rights = access.get_agreement_to_edit(request.user, pk)
    form = AddPartyForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("agreements:detail", pk=agreement.pk)
    try:
        party = services.add_party(request.user, agreement, form.cleaned_data["organisation"])
    except services.AgreementError as error:
        _fail(request, error)
        return redirect("agreements:detail", pk=agreement.pk)
    return redirect("agreements:party", pk=agreement.pk, party=party.pk)


@login_required
@require_http_methods(["GET", "POST"])
def party_remove(request: AuthenticatedHttpRequest, pk: int, party: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    agreement, rights = access.get_agreement_to_edit(request.user, pk)
    the_party = _party(agreement, party)
    back = reverse("agreements:detail", args=[agreement.pk])
    contributions = [f"{c.get_kind_display()}: {c.description}"
                     for c in the_party.contributions.all()]
    return undo.ask_then_delete(
        request, lambda: services.remove_party(request.user, the_party, back),
        title=_("Remove a party"), action=_("Remove the party"), back_url=back,
        question=_("Remove %(party)s and its contributions from “%(agreement)s”?") % {
            "party": the_party.organisation.name, "agreement": agreement.title},
        details=[*contributions, _("Approvals given so far are withdrawn: the text changes.")])


@login_required
@require_POST
def approve(request: AuthenticatedHttpRequest, pk: int, party: int) -> HttpResponse:
    """A member of the party's organisation approves the text for it."""
    agreement, rights = access.get_agreement(request.user, pk)
    the_party = _party(agreement, party)
    if the_party.pk not in rights.party_ids:
        raise PermissionDenied
    try:
        services.approve(request.user, the_party)
    except services.AgreementError as error:
        _fail(request, error)
    else:
        messages.success(request, _("%(name)s has approved the agreement.")
                         % {"name": the_party.organisation.name})
    return redirect("agreements:detail", pk=agreement.pk)


@require_http_methods(["GET", "POST"])
def party_link(request: HttpRequest, token: str) -> HttpResponse:
    """The secret link of one party: its representative reads and approves, no account."""
    party = access.get_party_by_token(token)
    agreement = party.agreement
    if request.method == "POST":
        try:
            services.approve(request.user, party, via_link=True)
        except services.AgreementError as error:
            _fail(request, error)
        else:
            messages.success(request, _("%(name)s has approved the agreement.")
                             % {"name": party.organisation.name})
        return redirect("agreements:link", token=token)
    party.refresh_from_db()
    return render(request, "agreements/link.html", {
        "agreement": agreement, "party": party, "parties": _parties(agreement),
        "text": agreement.versions.order_by("-number").first()})


@login_required
@require_POST
def sign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, rights = access.get_agreement_to_sign(request.user, pk)
    form = SignForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.sign(request.user, agreement, form.cleaned_data["signed_on"],
                          form.cleaned_data["scan"])
        except services.AgreementError as error:
            _fail(request, error)
        else:
            messages.success(request, _("The agreement is signed; the relation is on the map."))
    else:
        _form_errors(request, form)
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
@require_POST
def scan(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, rights = access.get_agreement_to_sign(request.user, pk)
    form = ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_scan(request.user, agreement, form.cleaned_data["scan"])
        except services.AgreementError as error:
            _fail(request, error)
        else:
            messages.success(request, _("The signed scan has been attached."))
    else:
        _form_errors(request, form)
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
@require_GET
def scan_download(request: HttpRequest, pk: int) -> FileResponse:
    agreement, rights = access.get_agreement(request.user, pk)
    if not agreement.signed_scan:
        raise Http404
    return FileResponse(agreement.signed_scan.open("rb"), as_attachment=True,
                        filename=agreement.signed_scan.name.rsplit("/", 1)[-1])


@login_required
@require_POST
def end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agreement, rights = access.get_agreement_to_sign(request.user, pk)
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.end(request.user, agreement, form.cleaned_data["ended_on"])
        except services.AgreementError as error:
            _fail(request, error)
    return redirect("agreements:detail", pk=agreement.pk)


@login_required
@require_http_methods(["GET", "POST"])
def template(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Organisers use their own DOCX template for this agreement."""
    agreement, rights = access.get_agreement_to_manage(request.user, pk)
    form = TemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["template"]
        if upload or form.cleaned_data["use_standard"]:
            try:
                services.set_template(request.user, agreement,
                                      None if form.cleaned_data["use_standard"] else upload)
            except services.AgreementError as error:
                form.add_error("template", str(error))
            else:
                messages.success(request, _("The template has been saved."))
                return redirect("agreements:detail", pk=agreement.pk)
    return render(request, "agreements/template.html", {
        "agreement": agreement, "form": form, "nav": "agreements"})


@require_GET
def standard_template(request: HttpRequest) -> FileResponse:
    from mosty.agreements.documents import TEMPLATE

    return FileResponse(TEMPLATE.open("rb"), as_attachment=True, filename=TEMPLATE.name)


@login_required
@require_GET
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, rights = access.get_agreement(request.user, pk)
    kept = list(agreement.versions.select_related("created_by").order_by("number"))
    numbers = [v.number for v in kept]

    def chosen(name: str, default: int) -> int:
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() and int(value) in numbers else default

    lines = []
    older = newer = None
    if len(kept) >= 2:
        newer_number = chosen("b", numbers[-1])
        older_number = chosen("a", numbers[-2] if newer_number == numbers[-1]
                              else numbers[0])
        by_number = {v.number: v for v in kept}
        older, newer = by_number[older_number], by_number[newer_number]
        lines = diffs.diff(older.text, newer.text)
    return render(request, "agreements/versions.html", {
        "agreement": agreement, "versions": kept, "older": older, "newer": newer,
        "lines": lines, "changed": diffs.has_changes(lines), "nav": "agreements"})


@login_required
@require_GET
def download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    agreement, rights = access.get_agreement(request.user, pk)
    try:
        if kind == "docx":
            content = render_docx(agreement)
            content_type = ("application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document")
        else:
            content, content_type = render_pdf(agreement), "application/pdf"
    except DocumentError as error:
        messages.error(request, str(error))
        return redirect("agreements:detail", pk=agreement.pk)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="porozumienie-{agreement.pk}.{kind}"'
    return response




@login_required
@require_POST
def practice(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One click: the signed agreement becomes a draft good practice to check and publish."""
    agreement, rights = access.get_agreement(request.user, pk)
    if not knowledge_access.can_edit(request.user, agreement.programme):
        raise PermissionDenied
    try:
        written = services.practice_from_agreement(request.user, agreement)
    except services.AgreementError as error:
        _fail(request, error)
        return redirect("agreements:detail", pk=agreement.pk)
    messages.success(request, _("The good practice is written as a draft: check it, then "
                                "publish it."))
    return redirect("knowledge:edit", kind="practices", slug=written.slug)
