"""Pages of project ideas; access in mosty.initiatives.access, changes in services."""
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import undo
from mosty.core.errors import DomainError
from mosty.core.forms import posted_id
from mosty.directory.models import Organisation
from mosty.initiatives import access, documents, needs, services, workshop
from mosty.initiatives.forms import (
    ActivityRows, BudgetRows, GapForm, IdeaForm, MemberForm, PartnerForm, StatusForm,
    TextSectionForm, UploadForm, rows_of)
from mosty.initiatives.models import (
    ROW_SECTIONS, Attachment, Idea, IdeaStatus, NextStep, OfferDirection, OfferStatus, Partner,
    PartnerOffer, Revision, SectionKey, TeamMember)
from mosty.knowledge import access as knowledge_access
from mosty.matching.recommend import find_helpers
from mosty.surveys import svg
from mosty.surveys.access import MIN_GROUP


def _context(**values: Any) -> dict[str, Any]:
    return {"nav": "initiatives", **values}


def _error(form: Any, error: DomainError) -> None:
    form.add_error(error.field if error.field in getattr(form, "fields", {}) else None,
                   error.message)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    ideas = access.visible_ideas(request.user).select_related("programme")
    mine: list[Idea] = []
    invitations: list[PartnerOffer] = []
    due: list[NextStep] = []
    if request.user.is_authenticated:
        mine_ids = set(TeamMember.objects.filter(user=request.user)
                       .values_list("idea_id", flat=True))
        mine = [i for i in ideas if i.pk in mine_ids]
        ideas = ideas.exclude(pk__in=mine_ids)
        invitations = list(PartnerOffer.objects.filter(
            direction=OfferDirection.INVITATION, status=OfferStatus.PENDING,
            organisation__memberships__user=request.user).select_related("idea",
                                                                         "organisation"))
        due = list(NextStep.objects.filter(advice__idea_id__in=mine_ids, done=False)
                   .select_related("advice__idea").order_by("due_on", "id"))
    return render(request, "initiatives/index.html", _context(
        mine=mine, ideas=ideas, invitations=invitations, due=due,
        runs_sessions=access.session_programmes(request.user).exists(),
        sessions=access.visible_sessions(request.user).select_related("programme")[:20]))


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = IdeaForm(request.user, request.POST or None,
                    initial={"programme": request.GET.get("programme")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            idea = services.create_idea(request.user, services.IdeaData(
                data["title"], data["summary"], data["programme"], data["group"],
                data["event"], data["is_public"]), data["organisation"])
        except DomainError as error:
            _error(form, error)
        else:
            return redirect(idea)
    return render(request, "initiatives/idea_form.html", _context(form=form, idea=None))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    initial = {"title": idea.title, "summary": idea.summary, "programme": idea.programme,
               "group": idea.group, "event": idea.event, "is_public": idea.is_public}
    form = IdeaForm(request.user, request.POST or None, initial=initial, creating=False)
    if idea.programme_id:
        field = form.fields["programme"]
        field.queryset = field.queryset | type(idea.programme).objects.filter(  # type: ignore
            pk=idea.programme_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_idea(request.user, idea, services.IdeaData(
                data["title"], data["summary"], data["programme"], data["group"],
                data["event"], data["is_public"]))
        except DomainError as error:
            _error(form, error)
        else:
            return redirect(idea)
    return render(request, "initiatives/idea_form.html", _context(form=form, idea=idea))


def _sections(idea: Idea) -> list[dict[str, Any]]:
    saved = {s.key: s for s in idea.sections.select_related("updated_by")}
    result = []
    for key, label in SectionKey.choices:
        current = saved.get(key)
        result.append({"key": key, "label": label, "section": current,
                       "rows": current.rows if current else [],
                       "text": current.text if current else ""})
    return result


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    inside = access.sees_inside(request.user, idea)
    can_edit = access.can_edit(request.user, idea)
    sections = _sections(idea)
    budget = next(s for s in sections if s["key"] == SectionKey.BUDGET)
    activities = next(s for s in sections if s["key"] == SectionKey.ACTIVITIES)
    partners = idea.partners.select_related("organisation").prefetch_related("resources")
    context = _context(
        idea=idea, inside=inside, can_edit=can_edit, sections=sections,
        totals=services.budget_totals(budget["rows"]),
        timeline=documents.timeline(activities["rows"]),
        partners=partners, organisations=services.team_organisations(idea),
        warnings=services.team_warnings(idea) if inside else [],
        feedback=access.visible_feedback(request.user, idea),
        status_form=StatusForm(initial={"status": idea.status}),
        may_write_practice=idea.status == IdeaStatus.FINISHED
        and knowledge_access.can_edit(request.user, idea.programme),
        can_advise=access.can_advise(request.user, idea),
        can_give_feedback=request.user.is_authenticated and not access.is_team_member(
            request.user, idea),
        today=timezone.localdate())
    if inside:
        context.update(
            team=idea.team.select_related("user", "organisation"),
            offers=idea.offers.select_related("organisation").filter(
                status=OfferStatus.PENDING),
            advice=idea.advice.select_related("expert").prefetch_related("steps"),
            attachments=idea.attachments.all(),
            sources=workshop.matching_sources(idea)[:8],
            needs_surveys=_needs_evidence(request, idea, can_edit),
            may_start_survey=can_edit and idea.programme_id is not None,
            min_group=MIN_GROUP)
    return render(request, "initiatives/idea.html", context)


def _needs_evidence(request: HttpRequest, idea: Idea, can_edit: bool) -> list[needs.Evidence]:
    found = needs.evidence(request.user, idea)
    for item in found:
        if can_edit and item.link.survey.public_link:
            item.public_url = request.build_absolute_uri(
                reverse("surveys:public", args=[item.link.survey.public_token]))
            item.qr = svg.qr_svg(item.public_url)
    return found


@login_required
@require_POST
def start_needs_survey(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """One click: an open residents' needs survey with a public link and a QR poster."""
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    try:
        needs.start_needs_survey(request.user, idea)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The needs survey is open: share its link or print the "
                                    "QR poster."))
    return redirect(f"{idea.get_absolute_url()}#needs-survey")


@login_required
@require_POST
def close_needs_survey(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    link = get_object_or_404(idea.needs_surveys.select_related("survey__programme"), pk=pk)
    needs.close_needs_survey(request.user, link)
    messages.success(request, _("The needs survey is closed."))
    return redirect(f"{idea.get_absolute_url()}#needs-survey")


@login_required
@require_POST
def set_status(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_status(request.user, idea, form.cleaned_data["status"])
        except DomainError as error:
            messages.error(request, error.message)
    return redirect(idea)


@login_required
@require_POST
def practice(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """One click: the finished project becomes a draft good practice to check and publish."""
    idea = access.get_idea(request.user, slug)
    if not knowledge_access.can_edit(request.user, idea.programme):
        raise PermissionDenied
    try:
        written = services.practice_from_idea(request.user, idea)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(idea)
    messages.success(request, _("The good practice is written as a draft: check it, then "
                                "publish it."))
    return redirect("knowledge:edit", kind="practices", slug=written.slug)


# Canvas -------------------------------------------------------------------------------------

def _key(key: str) -> str:
    if key not in SectionKey.values:
        raise Http404
    return key


def _section_forms(key: str, data: Any, current: Any) -> tuple[Any, Any]:
    form = TextSectionForm(data, initial={"version": current.version, "text": current.text})
    rows = None
    if key in ROW_SECTIONS:
        formset = ActivityRows if key == SectionKey.ACTIVITIES else BudgetRows
        rows = formset(data, prefix="rows", initial=current.rows or None)
    return form, rows


@login_required
@require_http_methods(["GET", "POST"])
def edit_section(request: AuthenticatedHttpRequest, slug: str, key: str) -> HttpResponse:
    """One part of the canvas. A conflicting save keeps the editor's text in the form and
    shows the version someone else saved next to it."""
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    key = _key(key)
    current = services.section(idea, key)
    form, rows = _section_forms(key, request.POST or None, current)
    conflict = None
    if request.method == "POST" and form.is_valid() and (rows is None or rows.is_valid()):
        try:
            services.save_section(request.user, idea, key, form.cleaned_data["text"],
                                  rows_of(rows) if rows is not None else None,
                                  form.cleaned_data["version"] or 0)
        except services.SectionConflict as error:
            conflict = error.current
            form.add_error(None, error.message)
            # The next save is made against the version now shown.
            form.data = form.data.copy()
            form.data["version"] = str(conflict.version)
        except DomainError as error:
            _error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"{idea.get_absolute_url()}#section-{key}")
    return render(request, "initiatives/section_form.html", _context(
        idea=idea, key=key, label=SectionKey(key).label, form=form, rows=rows,
        conflict=conflict, conflict_lines=services.section_lines(
            key, conflict.text, conflict.rows) if conflict else []))


@require_GET
def history(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    if not access.sees_inside(request.user, idea):
        raise Http404
    key = _key(key)
    revisions = list(Revision.objects.filter(section__idea=idea, section__key=key)
                     .select_related("author"))
    by_version = {r.version: r for r in revisions}
    diff = None
    new = by_version.get(posted_id_or(request.GET.get("b"), revisions[0].version
                                      if revisions else 0))
    old = by_version.get(posted_id_or(request.GET.get("a"), new.version - 1 if new else 0))
    if new is not None:
        diff = services.compare(key, old if old is not new else None, new)
    return render(request, "initiatives/history.html", _context(
        idea=idea, key=key, label=SectionKey(key).label, revisions=revisions, diff=diff,
        old=old, new=new, can_edit=access.can_edit(request.user, idea)))


def posted_id_or(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() else default


@login_required
@require_POST
def restore(request: AuthenticatedHttpRequest, slug: str, key: str, version: int) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    revision = get_object_or_404(Revision, section__idea=idea, section__key=_key(key),
                                 version=version)
    services.restore_revision(request.user, idea, revision)
    messages.success(request, _("Version %(version)s restored as the current one.")
                     % {"version": version})
    return redirect("initiatives:history", idea.slug, key)


# Team, partners, files -------------------------------------------------------------------

@login_required
@require_POST
def add_member(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    form = MemberForm(request.POST)
    person = None
    if form.is_valid():
        person = get_user_model().objects.filter(
            email__iexact=form.cleaned_data["email"]).first()
    if person is None:
        messages.error(request, _("Nobody with this e-mail address has an account in Mosty."))
        return redirect("initiatives:partners", idea.slug)
    taken = {o.pk for o in services.team_organisations(idea)}
    organisations = list(Organisation.objects.filter(memberships__user=person)
                         .order_by("name"))
    organisation = next((o for o in organisations if o.pk not in taken),
                        organisations[0] if organisations else None)
    if organisation is None:
        messages.error(request, _("%(person)s belongs to no organisation in Mosty yet.")
                       % {"person": person})
        return redirect("initiatives:partners", idea.slug)
    try:
        services.add_member(request.user, idea, person, organisation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(person)s joined the team for %(organisation)s.")
                         % {"person": person, "organisation": organisation})
    return redirect("initiatives:partners", idea.slug)


@login_required
@require_http_methods(["GET", "POST"])
def remove_member(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    member = get_object_or_404(TeamMember.objects.select_related("user", "organisation"),
                               idea=idea, pk=pk)
    back = reverse("initiatives:partners", args=[idea.slug])
    return undo.ask_then_delete(
        request, lambda: services.remove_member(request.user, idea, member, back),
        title=_("Remove from the team"), action=_("Remove from the team"), back_url=back,
        question=_("Remove %(person)s from the team of “%(idea)s”?") % {
            "person": member.user, "idea": idea.title},
        details=[member.organisation.name])


@login_required
@require_http_methods(["GET", "POST"])
def partners(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The team, the partners and what each contributes, and the search for missing ones."""
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    rows = list(idea.partners.select_related("organisation").prefetch_related(
        Prefetch("resources")))
    if request.method == "POST":
        partner = get_object_or_404(Partner, idea=idea, pk=posted_id(request.POST.get("partner")))
        form = PartnerForm(partner.organisation, request.POST, prefix=f"p{partner.pk}")
        if form.is_valid():
            try:
                services.save_partner(request.user, idea, partner.organisation,
                                      form.cleaned_data["contribution"],
                                      tuple(int(r) for r in form.cleaned_data["resources"]))
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Saved."))
        return redirect("initiatives:partners", idea.slug)
    forms = [(p, PartnerForm(p.organisation, prefix=f"p{p.pk}", initial={
        "contribution": p.contribution, "resources": [str(r.pk) for r in p.resources.all()]}))
        for p in rows]
    gap = GapForm(request.GET or None)
    helpers = []
    if gap.is_bound and gap.is_valid():
        known = {p.organisation_id for p in rows}
        area = next((o.municipality_id[:4] for o in services.team_organisations(idea)
                     if o.municipality_id), "")
        helpers = [h for h in find_helpers(gap.cleaned_data["need"], area=area)
                   if h.organisation.pk not in known]
    return render(request, "initiatives/partners.html", _context(
        idea=idea, forms=forms, gap=gap, helpers=helpers,
        team=idea.team.select_related("user", "organisation"), member_form=MemberForm(),
        offers=idea.offers.select_related("organisation")))


@login_required
@require_http_methods(["GET", "POST"])
def remove_partner(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    partner = get_object_or_404(Partner.objects.select_related("organisation"), idea=idea,
                                pk=pk)
    back = reverse("initiatives:partners", args=[idea.slug])
    return undo.ask_then_delete(
        request, lambda: services.remove_partner(request.user, idea, partner, back),
        title=_("Remove a partner"), action=_("Remove the partner"), back_url=back,
        question=_("Remove %(organisation)s from the partners of “%(idea)s”?") % {
            "organisation": partner.organisation.name, "idea": idea.title},
        details=[line for line in [partner.contribution,
                                   *(str(r) for r in partner.resources.all())] if line])


@login_required
@require_POST
def invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    organisation = get_object_or_404(Organisation, pk=posted_id(request.POST.get("organisation")))
    try:
        services.invite(request.user, idea, organisation, request.POST.get("need", "")[:1000])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(organisation)s is invited.")
                         % {"organisation": organisation})
    return redirect("initiatives:partners", idea.slug)


@login_required
@require_POST
def answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(PartnerOffer.objects.select_related("idea"), pk=pk)
    if not services.can_answer(request.user, offer):
        raise Http404
    accept = request.POST.get("answer") == "accept"
    try:
        services.answer(request.user, offer, accept)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Accepted: %(organisation)s is a partner now.")
                         % {"organisation": offer.organisation} if accept else _("Declined."))
    if access.can_edit(request.user, offer.idea):
        return redirect(offer.idea)
    return redirect("initiatives:index")


@login_required
@require_POST
def upload(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    access.for_edit(request.user, idea)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        file = form.cleaned_data["file"]
        try:
            services.add_attachment(request.user, idea, services.Upload(
                file, file.name or "file", form.cleaned_data["title"]))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The file is attached."))
    else:
        messages.error(request, _("Choose a file."))
    return redirect(f"{idea.get_absolute_url()}#files")


def _attachment(request: HttpRequest, slug: str, pk: int) -> tuple[Idea, Attachment]:
    idea = access.get_idea(request.user, slug)
    if not access.sees_inside(request.user, idea):
        raise Http404
    return idea, get_object_or_404(Attachment, idea=idea, pk=pk)


@require_GET
def download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    _idea, attachment = _attachment(request, slug, pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True,
                        filename=attachment.file.name.rsplit("/", 1)[-1])


@login_required
@require_http_methods(["GET", "POST"])
def remove_file(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    idea, attachment = _attachment(request, slug, pk)
    access.for_edit(request.user, idea)
    back = f"{idea.get_absolute_url()}#files"
    return undo.ask_then_delete(
        request, lambda: services.remove_attachment(request.user, idea, attachment, back),
        title=_("Remove a file"), action=_("Remove the file"), back_url=back,
        question=_("Remove “%(title)s” from “%(where)s”?") % {
            "title": str(attachment), "where": idea.title})


@require_GET
def export(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    if kind not in ("docx", "pdf"):
        raise Http404
    if not access.sees_inside(request.user, idea):
        raise PermissionDenied
    if kind == "docx":
        response = HttpResponse(documents.idea_docx(idea), content_type=(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    else:
        response = HttpResponse(documents.idea_pdf(idea), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{idea.slug}.{kind}"'
    return response
