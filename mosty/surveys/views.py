"""Pages of coordinators: building surveys, distributing them, results, exports, the index.

Access in mosty.surveys.access, changes in services; the respondent's pages are in `respond`.
"""
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import table_writer, undo
from mosty.core.forms import posted_id
from mosty.programmes import access as programmes_access
from mosty.surveys import access, breakdowns, exports, index, report, results, services, svg
from mosty.surveys.forms import (
    FiguresForm, InviteForm, NewSurveyForm, QuestionForm, SurveyForm)
from mosty.surveys.models import (
    SCALE_KINDS, Question, Survey, SurveyKind, SurveyStatus, bilingual)


def _context(**values: Any) -> dict[str, Any]:
    return {"nav": "surveys", **values}


@login_required
@require_GET
def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = access.seen_surveys(request.user).select_related("programme", "event") \
        .order_by("programme__name", "-year", "title_pl")
    return render(request, "surveys/list.html", _context(
        surveys=surveys, can_add=access.managed_programmes(request.user).exists()))


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    programmes = access.managed_programmes(request.user)
    if not programmes.exists():
        raise Http404
    initial = {key: request.GET[key] for key in ("template", "programme", "event")
               if key in request.GET}
    form = NewSurveyForm(programmes, request.POST or None, initial)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            if c["template"] == "index":
                survey = services.create_index_survey(request.user, c["programme"], c["place"],
                                                      c["year"], c["anonymous"])
            elif c["template"] == "partnership":
                survey = services.create_partnership_survey(request.user, c["programme"],
                                                            c["title_pl"])
            elif c["template"] == "needs":
                survey = services.create_needs_survey(request.user, c["programme"],
                                                      c["title_pl"])
            elif c["template"] == "evaluation":
                survey = services.create_evaluation(request.user, c["event_object"],
                                                    c["anonymous"])
            else:
                survey = services.create_survey(request.user, c["programme"], services.SurveyData(
                    c["title_pl"], anonymous=c["anonymous"], place=c["place"], year=c["year"]))
        except services.SurveyError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The survey has been created as a draft."))
            return redirect(survey)
    return render(request, "surveys/new.html", _context(form=form))


@login_required
@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    survey = access.get_survey(request.user, slug)
    sections = survey.sections.prefetch_related("questions__condition_question")
    public_url = request.build_absolute_uri(reverse("surveys:public", args=[survey.public_token]))
    return render(request, "surveys/detail.html", _context(
        survey=survey, sections=sections, can_manage=access.can_manage(request.user, survey),
        public_url=public_url, qr=svg.qr_svg(public_url) if survey.public_link else "",
        invitations=survey.invitations.all(), invite_form=InviteForm(),
        responses=results.submitted(survey).count(),
        figures=getattr(survey, "figures", None)))


def _redirect(survey: Survey) -> HttpResponse:
    return redirect(survey)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    form = SurveyForm(survey.programme, request.POST or None, survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_survey(request.user, survey, form.data_values(survey.kind))
        except services.SurveyError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Saved."))
            return _redirect(survey)
    return render(request, "surveys/edit.html", _context(survey=survey, form=form))


@login_required
@require_http_methods(["GET", "POST"])
def question(request: AuthenticatedHttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    item = get_object_or_404(Question, survey=survey, pk=pk) if pk is not None else None
    form = QuestionForm(survey, request.POST or None, item)
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                services.add_question(request.user, survey, form.data_values())
            else:
                services.update_question(request.user, item, form.data_values())
        except services.SurveyError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Saved."))
            return _redirect(survey)
    return render(request, "surveys/question.html", _context(survey=survey, form=form,
                                                             item=item))


@login_required
@require_POST
def question_action(request: AuthenticatedHttpRequest, slug: str, pk: int,
                    action: str) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    item = get_object_or_404(Question, survey=survey, pk=pk)
    if action not in ("up", "down"):
        raise Http404
    try:
        services.move_question(request.user, item, up=action == "up")
    except services.SurveyError as error:
        messages.error(request, error.message)
    return _redirect(survey)


@login_required
@require_http_methods(["GET", "POST"])
def question_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then deletes (POST); the next page offers to undo it."""
    survey = access.get_managed_survey(request.user, slug)
    item = get_object_or_404(Question, survey=survey, pk=pk)
    back = survey.get_absolute_url()
    return undo.ask_then_delete(
        request, lambda: services.delete_question(request.user, item, back),
        title=_("Delete a question"), action=_("Delete the question"), back_url=back,
        question=_("Delete this question from “%(survey)s”?") % {"survey": survey.title},
        details=[item.text])


@login_required
@require_POST
def add_section(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    services.add_section(request.user, survey, request.POST.get("title_pl", "")[:255],
                         request.POST.get("title_en", "")[:255])
    return _redirect(survey)


@login_required
@require_POST
def status(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    try:
        services.set_status(request.user, survey, request.POST.get("status", ""))
    except services.SurveyError as error:
        messages.error(request, error.message)
    return _redirect(survey)


@login_required
@require_POST
def invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("emails") or []))
        return _redirect(survey)
    try:
        count = services.invite(request.user, survey, form.cleaned_data["emails"],
                                request.LANGUAGE_CODE)
    except services.SurveyError as error:
        messages.error(request, error.message)
    else:
        if count:
            messages.success(request, _("Invitations created: %(count)s.") % {"count": count})
        else:
            messages.info(request, _("No invitation was created: every address given has "
                                     "already been invited to this survey."))
    return _redirect(survey)


@login_required
@require_POST
def copy(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """A new draft from this survey (e.g. next year's self-assessment)."""
    survey = access.get_survey(request.user, slug)
    programme = survey.programme
    year = posted_id(request.POST.get("year")) if request.POST.get("year") else survey.year
    title_pl = f"{survey.title_pl} ({_('copy')})" if not year or year == survey.year \
        else survey.title_pl.replace(str(survey.year), str(year))
    try:
        copied = services.copy_survey(request.user, survey, programme, services.SurveyData(
            title_pl, survey.title_en.replace(str(survey.year), str(year or "")),
            survey.intro_pl, survey.intro_en, survey.kind, survey.anonymous, survey.editable,
            survey.public_link, survey.event, survey.place, year))
    except services.SurveyError as error:
        messages.error(request, error.message)
        return _redirect(survey)
    if survey.kind == SurveyKind.INDEX:
        services.set_figures(request.user, copied, {})
    messages.success(request, _("A copy has been created as a draft."))
    return _redirect(copied)


@login_required
@require_http_methods(["GET", "POST"])
def figures(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    if survey.kind != SurveyKind.INDEX:
        raise Http404
    stored = getattr(survey, "figures", None)
    form = FiguresForm(request.POST or None, initial=stored.values if stored else {})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_figures(request.user, survey, form.cleaned_data)
        except services.SurveyError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("surveys:results", survey.slug)
    return render(request, "surveys/figures.html", _context(survey=survey, form=form))


# Results --------------------------------------------------------------------------------

def _chosen_filters(request: HttpRequest, survey: Survey) -> list[breakdowns.Filter]:
    return breakdowns.chosen_filters(survey, [v for v in request.GET.getlist("by") if v])


def index_view(result: index.IndexResult) -> dict[str, Any]:
    """The index for a template: areas and indicators with names and a chart."""
    areas = [(area, result.areas[area.code]) for area in index.AREAS]
    indicators = [(i, result.indicators[i.code]) for i in index.INDICATORS]
    chart = svg.radar([bilingual(a.name_pl, a.name_en) for a, _score in areas],
                      [(_("Score (0–100)"), [score for _area, score in areas])])
    return {"result": result, "areas": areas, "indicators": indicators, "chart": chart,
            "strengths": [index.BY_CODE[c] for c in result.strengths],
            "concerns": [index.BY_CODE[c] for c in result.concerns]}


def _chart(item: results.QuestionResult) -> str:
    """Diverging stacked bars for a scale (one bar per matrix item), bars for choices."""
    if not item.blocks:
        return ""
    if item.question.kind in SCALE_KINDS:
        return svg.diverging([(b.label, [r.count for r in b.rows]) for b in item.blocks],
                             [label for _point, label in item.question.scale()])
    return svg.bars([svg.Bar(r.label, r.count, f"{r.count} ({r.percent:g}%)")
                     for r in item.blocks[0].rows])


@login_required
@require_GET
def results_page(request: HttpRequest, slug: str) -> HttpResponse:
    survey = access.get_survey(request.user, slug)
    chosen = _chosen_filters(request, survey)
    outcome = results.cached(survey, chosen)
    charts = [(item, _chart(item), item.blocks) for item in outcome.questions]
    invited = survey.invitations.count()
    indexed = None
    if survey.kind == SurveyKind.INDEX and outcome.shown:
        indexed = index_view(results.cached_index(survey, chosen))
    factors = None
    if survey.kind == SurveyKind.PARTNERSHIP and outcome.shown:
        scores = results.partnership_scores(survey)
        factors = {"scores": scores, "chart": svg.bars(
            [svg.Bar(bilingual(s.factor.name_pl, s.factor.name_en), s.mean,
                     "—" if s.mean is None else f"{s.mean:.1f}") for s in scores], maximum=5)}
    return render(request, "surveys/results.html", _context(
        survey=survey, outcome=outcome, charts=charts,
        dimensions=breakdowns.dimensions(survey), max_filters=breakdowns.MAX_FILTERS,
        chosen=chosen, chosen_values={f.code: f.value for f in chosen}, invited=invited,
        indexed=indexed, factors=factors,
        answered=survey.invitations.filter(answered=True).count(),
        minimum=access.MIN_GROUP, can_manage=access.can_manage(request.user, survey)))


@login_required
@require_GET
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    """The answers file at once for a small survey; for a big one the page of exports."""
    survey = access.get_managed_survey(request.user, slug)
    if fmt not in exports.FORMATS:
        raise Http404
    if not exports.immediate(survey):
        return redirect("surveys:exports", survey.slug)
    return table_writer.download(exports.export_bytes(survey, fmt),
                                 exports.file_name(survey, fmt))


@login_required
@require_http_methods(["GET", "POST"])
def export_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Answer files prepared in the background: ask for one, see it being prepared, download."""
    survey = access.get_managed_survey(request.user, slug)
    if request.method == "POST":
        fmt = request.POST.get("format", "")
        if fmt not in exports.FORMATS:
            raise Http404
        exports.request_export(request.user, survey, fmt)
        messages.success(request, _("The file is being prepared. This page shows the link "
                                    "when it is ready."))
        return redirect("surveys:exports", survey.slug)
    files = exports.pending(survey, request.user)
    return render(request, "surveys/exports.html", _context(
        survey=survey, files=files, days=exports.EXPORT_DAYS,
        waiting=any(f.status == f.Status.PENDING for f in files)))


@login_required
@require_GET
def export_download(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponseBase:
    """A prepared file: only for the coordinator who asked for it, until it expires."""
    survey = access.get_managed_survey(request.user, slug)
    found = exports.ready_export(survey, request.user, pk)
    if found is None:
        raise Http404
    return FileResponse(found.file.open("rb"), as_attachment=True,
                        filename=exports.file_name(survey, found.fmt),
                        content_type=table_writer.CONTENT_TYPES[found.fmt])


@login_required
@require_GET
def pdf_report(request: HttpRequest, slug: str) -> HttpResponse:
    survey = access.get_survey(request.user, slug)
    response = HttpResponse(report.survey_report(survey), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}-raport.pdf"'
    return response


@login_required
@require_GET
def qr(request: HttpRequest, slug: str) -> HttpResponse:
    survey = access.get_managed_survey(request.user, slug)
    url = request.build_absolute_uri(reverse("surveys:public", args=[survey.public_token]))
    response = HttpResponse(svg.qr_svg(url), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}-qr.svg"'
    return response


@login_required
@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    """Self-assessments side by side: municipalities and years of the programmes one sees."""
    programmes = programmes_access.private_programmes(request.user).filter(
        surveys__kind__in=[SurveyKind.INDEX, SurveyKind.EVALUATION]).distinct().order_by("name")
    chosen = programmes.filter(slug=request.GET.get("programme", "")).first() \
        or programmes.filter(surveys__kind=SurveyKind.INDEX).first() or programmes.first()
    rows = results.comparison(access.seen_surveys(request.user).filter(
        programme=chosen, status=SurveyStatus.CLOSED)) if chosen else []
    categories = [bilingual(a.name_pl, a.name_en) for a in index.AREAS] + [_("Index")]
    series = [(f"{row.survey.place} {row.survey.year or ''}".strip(),
               [row.result.areas[a.code] for a in index.AREAS] + [row.result.index])
              for row in rows]
    evaluations = results.evaluations(access.seen_surveys(request.user).filter(
        programme=chosen)) if chosen else []
    return render(request, "surveys/compare.html", _context(
        programmes=programmes, chosen=chosen, rows=rows, areas=index.AREAS,
        evaluations=evaluations, minimum=access.MIN_GROUP,
        chart=svg.grouped(categories, series) if rows else "",
        radar=svg.radar(categories[:-1], [(name, values[:-1]) for name, values in series])
        if rows else ""))


@require_GET
def method(request: HttpRequest) -> HttpResponse:
    """How the index is computed: public, so anybody can check the arithmetic."""
    return render(request, "surveys/method.html", _context(
        areas=[(area, [i for i in index.INDICATORS if i.area == area.code])
               for area in index.AREAS],
        respondents=index.RESPONDENTS, minimum=index.MIN_ANSWERS,
        strength=index.STRENGTH_FROM, concern=index.CONCERN_BELOW))
