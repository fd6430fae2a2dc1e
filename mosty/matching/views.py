"""Pages of partner matching. Thin: access checks, forms, then services and queries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Subquery
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.access import Viewer
from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import undo
from mosty.directory.models import Organisation
from mosty.matching import access, services
from mosty.matching.analysis import scope_matrix
from mosty.matching.forms import (
    AnalysisPickForm, PartnerActionForm, RadiusForm, RelationForm, SearchForm)
from mosty.matching.graph_export import to_csv, to_gexf
from mosty.matching.graph_render import render_png, render_svg
from mosty.matching.maps import (
    MOMENTS, kind_labels, labels, network_at, node_rows, relation_rows, scope_network,
    sector_labels, snapshots)
from mosty.matching.models import Relation
from mosty.matching.recommend import find_helpers, partner_page
from mosty.matching.scopes import Scope, resolve_scope
from mosty.programmes.access import may_view_areas, private_programmes
from mosty.programmes.models import Programme

ACTION_DONE = {
    "hide": gettext_lazy("%(name)s will no longer be recommended to you."),
    "unhide": gettext_lazy("%(name)s can be recommended to you again."),
    "cooperate": gettext_lazy("Noted: you already cooperate with %(name)s."),
    "uncooperate": gettext_lazy("The cooperation mark for %(name)s has been withdrawn."),
}
ACTIONS = {
    "hide": services.hide_partner,
    "unhide": services.unhide_partner,
    "cooperate": services.mark_cooperation,
    "uncooperate": services.unmark_cooperation,
}
EXPORTS = {
    "svg": "image/svg+xml; charset=utf-8",
    "png": "image/png",
    "gexf": "application/gexf+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


# -- recommendations ("Partners for us") -------------------------------------------------
@login_required
@require_GET
def partners(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = access.get_organisation_for_partners(request.user, slug)
    form = RadiusForm(request.GET or None)
    return render(request, "matching/partners.html", {
        "organisation": organisation, "form": form, "nav": "directory",
        "page": partner_page(organisation, form.radius_value())})


@login_required
@require_POST
def partner_action(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Hide or unhide a recommended partner, mark or unmark cooperation (all reversible)."""
    organisation = access.get_organisation_for_partners(request.user, slug)
    form = PartnerActionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unknown action."))
    action = form.cleaned_data["action"]
    partner = get_object_or_404(Organisation, pk=form.cleaned_data["partner"])
    try:
        ACTIONS[action](request.user, organisation, partner)
    except services.MatchingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, ACTION_DONE[action] % {"name": partner.name})
    url = reverse("matching:partners", args=[organisation.slug])
    radius = form.cleaned_data.get("radius")
    return redirect(f"{url}?radius={radius}" if radius else url)


# -- free-text search ("who can help") ---------------------------------------------------
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    helpers, searched = [], False
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        helpers, searched = find_helpers(form.cleaned_data["q"], form.area()), True
    return render(request, "matching/search.html", {
        "form": form, "helpers": helpers, "searched": searched, "nav": "directory"})


# -- coordinators' analysis --------------------------------------------------------------
def _analysable_programmes(user: Viewer) -> list[Programme]:
    return list(private_programmes(user).prefetch_related("editions__groups")
                .order_by("-start_date", "name"))


@login_required
@require_GET
def analysis(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Where coordinators pick an area, a programme or a group to analyse."""
    if not access.can_use_analysis(request.user):
        raise PermissionDenied
    form = AnalysisPickForm(request.GET or None) if may_view_areas(request.user) else None
    if form is not None and form.is_bound and form.is_valid():
        kind, key = form.target()
        return redirect(f"matching:{form.cleaned_data['view']}", kind, key)
    return render(request, "matching/analysis.html", {
        "form": form, "programmes": _analysable_programmes(request.user), "nav": "directory"})


def _scope(request: HttpRequest, kind: str, key: str, edit: bool = False) -> Scope:
    return access.check_analyse(request.user, resolve_scope(kind, key), edit=edit)


@login_required
@require_GET
def matrix(request: AuthenticatedHttpRequest, kind: str, key: str) -> HttpResponse:
    scope = _scope(request, kind, key)
    return render(request, "matching/matrix.html", {
        "scope": scope, "matrix": scope_matrix(scope), "nav": "directory"})


def _network_page(request: HttpRequest, scope: Scope, form: RelationForm,
                  status: int = 200) -> HttpResponse:
    network = scope_network(scope)
    layout = network.layout()
    pictures = []
    for snapshot in snapshots(scope, network) or ():
        title = (_("At the start (%(date)s)") if snapshot.which == "start"
                 else _("At the end (%(date)s)")) % {"date": snapshot.moment.date().isoformat()}
        pictures.append({
            "which": snapshot.which, "title": title, "measures": snapshot.network.measures(),
            "svg": render_svg(snapshot.network, layout, labels(title, snapshot.network),
                              f"map-{snapshot.which}")})
    measures, sectors = network.measures(), sector_labels()
    return render(request, "matching/network.html", {
        "scope": scope, "nav": "directory", "form": form,
        "svg": render_svg(network, layout, labels(scope.title, network), "map-now"),
        "measures": measures, "nodes": node_rows(network),
        "missing_pairs": [(sectors[a], sectors[b]) for a, b in measures.missing_pairs],
        "relations": relation_rows(network), "snapshots": pictures,
        "can_edit": access.can_edit_relations(request.user, scope),
        "exports": list(EXPORTS)}, status=status)


@login_required
@require_GET
def network(request: AuthenticatedHttpRequest, kind: str, key: str) -> HttpResponse:
    scope = _scope(request, kind, key)
    return _network_page(request, scope, RelationForm(organisations=scope.organisations()))


@login_required
@require_GET
def network_export(request: AuthenticatedHttpRequest,
                   kind: str, key: str, fmt: str) -> HttpResponse:
    """The map as SVG, PNG, GEXF or CSV; ``?at=start|end`` for a programme's snapshots."""
    scope = _scope(request, kind, key)
    at = request.GET.get("at", "now")
    if fmt not in EXPORTS or at not in MOMENTS or (at != "now" and not scope.has_timeline):
        raise Http404
    full = scope_network(scope)
    layout = full.layout()  # the current map's positions, also for snapshots
    net = network_at(scope, full, at)
    if fmt == "svg":
        content: bytes = ('<?xml version="1.0" encoding="UTF-8"?>\n' + render_svg(
            net, layout, labels(scope.title, net))).encode("utf-8")
    elif fmt == "png":
        content = render_png(net, layout, labels(scope.title, net))
    elif fmt == "gexf":
        content = to_gexf(net, layout)
    else:
        content = to_csv(net, kind_labels())
    response = HttpResponse(content, content_type=EXPORTS[fmt])
    name = f"mosty-mapa-{scope.kind}-{scope.key}" + ("" if at == "now" else f"-{at}")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
@require_POST
def relation_add(request: AuthenticatedHttpRequest, kind: str, key: str) -> HttpResponse:
    scope = _scope(request, kind, key, edit=True)
    form = RelationForm(request.POST, organisations=scope.organisations())
    if not form.is_valid():
        return _network_page(request, scope, form, status=400)
    data = form.cleaned_data
    services.add_relation(request.user, data["org_a"], data["org_b"], data["kind"],
                          programme=scope.programme, when=data["since"])
    messages.success(request, _("The relation has been recorded."))
    return redirect("matching:map", scope.kind, scope.key)


@login_required
@require_http_methods(["GET", "POST"])
def relation_delete(request: AuthenticatedHttpRequest,
                    kind: str, key: str, pk: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    scope = _scope(request, kind, key, edit=True)
    # Only relations inside the scope: a programme coordinator cannot reach others by id.
    ids = Subquery(scope.organisations().values("pk"))
    relations = access.removable_relations(
        request.user, scope, Relation.objects.filter(org_a__in=ids, org_b__in=ids))
    relation = get_object_or_404(relations.select_related("org_a", "org_b", "programme"),
                                 pk=pk)
    back = reverse("matching:map", args=[scope.kind, scope.key]) + "#relations"
    return undo.ask_then_delete(
        request, lambda: services.delete_relation(request.user, relation, back),
        title=_("Remove a relation"), action=_("Remove the relation"), back_url=back,
        question=_("Remove the relation between %(a)s and %(b)s from the map?") % {
            "a": relation.org_a.name, "b": relation.org_b.name},
        details=[relation.get_kind_display(), relation.get_origin_display(),
                 relation.created_at.date().isoformat()])
