"""Pages of the knowledge base; access in mosty.knowledge.access, changes in services."""
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import undo
from mosty.knowledge import access, services
from mosty.knowledge.forms import PracticeFilterForm, PracticeForm, PublicationForm, TermForm
from mosty.knowledge.models import (
    GlossaryTerm, GoodPractice, PracticeFile, Publication, PublicationFile)
from mosty.knowledge.search import MAX_QUERY, matches, search as search_all
from mosty.matching.engine.text import fold_diacritics
from mosty.programmes import access as programmes_access

PAGE_SIZE = 20
SHARED = "shared"


def _context(**values: Any) -> dict[str, Any]:
    return {"nav": "knowledge", **values}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The knowledge base's front page: one search box over everything."""
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    results = search_all(request.user, query) if query else None
    return render(request, "knowledge/index.html", _context(
        query=query, results=results, max_query=MAX_QUERY, can_add=access.can_add(request.user)))


# Glossary -------------------------------------------------------------------------------

def _programme_filter(request: HttpRequest, items: QuerySet[Any]) -> tuple[QuerySet[Any],
                                                                           list[Any], str]:
    programmes = list(programmes_access.visible_programmes(request.user).order_by("name")
                      .only("slug", "name"))
    chosen = request.GET.get("programme", "")
    if chosen == SHARED:
        items = items.filter(programme__isnull=True)
    elif chosen in {p.slug for p in programmes}:
        items = items.filter(programme__slug=chosen)
    else:
        chosen = ""
    return items, programmes, chosen


def _letter_key(term: GlossaryTerm) -> tuple[str, str]:
    return fold_diacritics(term.term), term.term.lower()


@require_GET
def glossary(request: HttpRequest) -> HttpResponse:
    terms, programmes, chosen = _programme_filter(
        request, access.visible_terms(request.user).select_related("programme"))
    letters: dict[str, list[GlossaryTerm]] = {}
    for term in sorted(terms, key=_letter_key):
        letters.setdefault(term.term[:1].upper(), []).append(term)
    return render(request, "knowledge/glossary.html", _context(
        letters=letters, programmes=programmes, chosen=chosen, shared=SHARED,
        can_add=access.can_add(request.user)))


@require_GET
def term_detail(request: HttpRequest, slug: str) -> HttpResponse:
    term = access.get_term(request.user, slug)
    return render(request, "knowledge/term.html", _context(
        term=term, can_edit=access.can_edit(request.user, term.programme)))


# Good practices ---------------------------------------------------------------------------

@require_GET
def practices(request: HttpRequest) -> HttpResponse:
    form = PracticeFilterForm(request.GET or None)
    items = access.visible_practices(request.user).select_related("municipality", "programme")
    if form.is_bound and form.is_valid():
        c = form.cleaned_data
        items = matches(c["q"])(items)
        if c["sector"]:
            items = items.filter(Q(sector_a=c["sector"]) | Q(sector_b=c["sector"]))
        if c["other_sector"]:
            items = items.filter(Q(sector_a=c["other_sector"]) | Q(sector_b=c["other_sector"]))
        if c["gmina"] is not None:
            items = items.filter(municipality=c["gmina"])
        elif c["voivodeship"]:
            items = items.filter(municipality__code__startswith=c["voivodeship"])
        if c["tag"]:
            items = items.filter(tags__icontains=c["tag"].strip())
        if c["programme"]:
            items = items.filter(programme__slug=c["programme"])
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "knowledge/practices.html", _context(
        form=form, page=page, query=query.urlencode(), can_add=access.can_add(request.user)))


@require_GET
def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = access.get_practice(request.user, slug)
    return render(request, "knowledge/practice.html", _context(
        practice=practice, partners=practice.partners.only("name", "slug"),
        files=practice.files.all(), see_contacts=access.can_see_contacts(request.user, practice),
        can_edit=access.can_edit(request.user, practice.programme)))


# Publications -----------------------------------------------------------------------------

@require_GET
def publications(request: HttpRequest) -> HttpResponse:
    items, programmes, chosen = _programme_filter(
        request, access.visible_publications(request.user).select_related("programme"))
    kind = request.GET.get("kind", "")
    if kind:
        items = items.filter(kind=kind)
    items = matches(request.GET.get("q", "")[:MAX_QUERY])(items)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "knowledge/publications.html", _context(
        page=page, programmes=programmes, chosen=chosen, shared=SHARED, kind=kind,
        kinds=Publication._meta.get_field("kind").choices, q=request.GET.get("q", ""),
        query=query.urlencode(), can_add=access.can_add(request.user)))


@require_GET
def publication_detail(request: HttpRequest, slug: str) -> HttpResponse:
    publication = access.get_publication(request.user, slug)
    return render(request, "knowledge/publication.html", _context(
        publication=publication, files=publication.files.all(),
        can_edit=access.can_edit(request.user, publication.programme)))


@require_GET
def download(request: HttpRequest, kind: str, slug: str, pk: int) -> FileResponse:
    attached: PracticeFile | PublicationFile | None
    if kind == "practices":
        practice = access.get_practice(request.user, slug)
        attached = practice.files.filter(pk=pk).first()
    else:
        publication = access.get_publication(request.user, slug)
        attached = publication.files.filter(pk=pk).first()
    if attached is None:
        raise Http404
    try:
        handle = attached.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=attached.filename)


# Editing ----------------------------------------------------------------------------------

FORMS: dict[str, Any] = {"glossary": TermForm, "practices": PracticeForm,
                         "publications": PublicationForm}
CREATE: dict[str, Callable[..., Any]] = {"glossary": services.create_term,
                                         "practices": services.create_practice,
                                         "publications": services.create_publication}
UPDATE: dict[str, Callable[..., Any]] = {"glossary": services.update_term,
                                         "practices": services.update_practice,
                                         "publications": services.update_publication}
GETTERS: dict[str, Callable[[Any, str], Any]] = {"glossary": access.get_term,
                                                 "practices": access.get_practice,
                                                 "publications": access.get_publication}
MODELS: dict[str, Any] = {"glossary": GlossaryTerm, "practices": GoodPractice,
                          "publications": Publication}


def _save(request: AuthenticatedHttpRequest, kind: str, item: Any, form: Any) -> Any:
    data = form.to_data()
    upload = form.upload() if kind != "glossary" else None
    if item is None:
        return CREATE[kind](request.user, data, files=(upload,) if upload else ())
    item = UPDATE[kind](request.user, item, data, form.expected_version)
    if upload:
        services.add_file(request.user, item, upload)
    return item


def _edit_page(request: AuthenticatedHttpRequest, kind: str, item: Any) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = FORMS[kind](request.user, data, request.FILES if data is not None else None, item)
    if data is not None:
        if form.is_valid():
            try:
                saved = _save(request, kind, item, form)
            except services.ConcurrentEditError as error:
                form.add_error(None, str(error))
                # Submitting again knowingly overwrites the other person's version.
                form.data = form.data.copy()
                form.data["version"] = MODELS[kind].objects.get(pk=item.pk).version
            except services.KnowledgeError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Saved."))
                return redirect(saved)
        else:
            messages.error(request, _("Nothing has been saved: correct the fields marked "
                                      "below. Everything you typed is still here."))
    files = item.files.all() if item is not None and kind != "glossary" else []
    return render(request, "knowledge/edit.html", _context(
        form=form, item=item, kind=kind, files=files,
        title=MODELS[kind]._meta.verbose_name))


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    if not access.can_add(request.user):
        raise PermissionDenied
    return _edit_page(request, kind, None)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, kind: str, slug: str) -> HttpResponse:
    item = GETTERS[kind](request.user, slug)
    access.for_edit(request.user, item)
    return _edit_page(request, kind, item)


@login_required
@require_http_methods(["GET", "POST"])
def remove_file(request: AuthenticatedHttpRequest, kind: str, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    item = GETTERS[kind](request.user, slug)
    access.for_edit(request.user, item)
    back = reverse("knowledge:edit", kwargs={"kind": kind, "slug": slug})
    attached = get_object_or_404(item.files, pk=pk)
    return undo.ask_then_delete(
        request, lambda: services.remove_file(request.user, item, pk, back),
        title=_("Remove a file"), action=_("Remove the file"), back_url=back,
        question=_("Remove “%(title)s” from “%(where)s”?") % {
            "title": str(attached), "where": item.title})
