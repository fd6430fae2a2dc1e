"""The knowledge base in the REST API: glossary, good practices and publications, read-only,
with the same visibility as the pages (mosty.knowledge.access). Mounted by mosty.api.api
under /knowledge."""
from collections.abc import Sequence
from datetime import date
from typing import Annotated

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from mosty.core.api import Error, choices_of
from mosty.knowledge import access
from mosty.knowledge.models import (
    GlossaryTerm, GoodPractice, PracticeFile, Publication, PublicationFile)
from mosty.knowledge.search import MAX_QUERY, matches

router = Router(tags=["knowledge"])
PAGE_SIZE = 50


class TermOut(Schema):
    slug: str
    term_pl: str
    term_en: str
    definition_pl: str
    definition_en: str
    source: str
    programme: str | None
    url: str


class KnowledgeFileOut(Schema):
    title: str
    file_type: str
    size: int
    url: str


class PracticeOut(Schema):
    slug: str
    title: str
    summary: str
    who: str
    municipality: str | None
    municipality_name: str | None
    place: str
    what: str
    partners: list[str]
    partner_names: list[str]
    outcome: str
    contacts: str | None
    tags: list[str]
    sectors: list[str]
    status: Annotated[str, choices_of(GoodPractice, "status")]
    programme: str | None
    source: str
    files: list[KnowledgeFileOut]
    url: str


class PracticePage(Schema):
    count: int
    page: int
    pages: int
    results: list[PracticeOut]


class PublicationOut(Schema):
    slug: str
    title: str
    kind: Annotated[str, choices_of(Publication, "kind")]
    authors: str
    published_on: date | None
    summary: str
    is_public: bool
    programme: str | None
    files: list[KnowledgeFileOut]
    url: str


def term_out(request: HttpRequest, term: GlossaryTerm) -> dict[str, object]:
    return {"slug": term.slug, "term_pl": term.term_pl, "term_en": term.term_en,
            "definition_pl": term.definition_pl, "definition_en": term.definition_en,
            "source": term.source, "programme": term.programme.slug if term.programme else None,
            "url": request.build_absolute_uri(term.get_absolute_url())}


def _files(request: HttpRequest, kind: str, slug: str,
           files: Sequence[PracticeFile | PublicationFile]) -> list[dict[str, object]]:
    return [{"title": str(f), "file_type": f.file_type, "size": f.size,
             "url": request.build_absolute_uri(reverse("knowledge:download",
                                                       args=[kind, slug, f.pk]))}
            for f in files]


def practice_out(request: HttpRequest, practice: GoodPractice) -> dict[str, object]:
    return {
        "slug": practice.slug, "title": practice.title, "summary": practice.summary,
        "who": practice.who, "municipality": practice.municipality_id,
        "municipality_name": practice.municipality.name if practice.municipality else None,
        "place": practice.place, "what": practice.what,
        "partners": [p.slug for p in practice.partners.all()],
        "partner_names": practice.partner_name_list, "outcome": practice.outcome,
        # Personal data: anonymous callers get them only when the practice marks them public.
        "contacts": practice.contacts if access.can_see_contacts(request.user, practice)
        else None,
        "tags": practice.tag_list,
        "sectors": [s for s in (practice.sector_a, practice.sector_b) if s],
        "status": practice.status,
        "programme": practice.programme.slug if practice.programme else None,
        "source": practice.source,
        "files": _files(request, "practices", practice.slug, list(practice.files.all())),
        "url": request.build_absolute_uri(practice.get_absolute_url())}


def publication_out(request: HttpRequest, publication: Publication) -> dict[str, object]:
    return {
        "slug": publication.slug, "title": publication.title, "kind": publication.kind,
        "authors": publication.authors, "published_on": publication.published_on,
        "summary": publication.summary, "is_public": publication.is_public,
        "programme": publication.programme.slug if publication.programme else None,
        "files": _files(request, "publications", publication.slug,
                        list(publication.files.all())),
        "url": request.build_absolute_uri(publication.get_absolute_url())}


@router.get("/glossary", response=list[TermOut])
def list_terms(request: HttpRequest, programme: str = "", q: str = "") -> object:
    """Definitions the caller may see; `programme=<slug>` for one programme's own terms,
    `programme=shared` for the terms shared by all programmes."""
    terms = access.visible_terms(request.user).select_related("programme")
    if programme == "shared":
        terms = terms.filter(programme__isnull=True)
    elif programme:
        terms = terms.filter(programme__slug=programme)
    terms = matches(q[:MAX_QUERY])(terms)
    return [term_out(request, t) for t in terms]


@router.get("/glossary/{slug}", response={200: TermOut, 404: Error})
def get_term(request: HttpRequest, slug: str) -> object:
    return term_out(request, access.get_term(request.user, slug))


class PracticeFilters(Schema):
    q: str = ""
    sector: Annotated[str, choices_of(GoodPractice, "sector_a", blank=True)] = ""
    other_sector: Annotated[str, choices_of(GoodPractice, "sector_b", blank=True)] = ""
    voivodeship: str = ""
    gmina: str = ""
    tag: str = ""
    programme: str = ""
    page: int = 1


@router.get("/practices", response=PracticePage)
def list_practices(request: HttpRequest, filters: Query[PracticeFilters]) -> object:
    """Good practices the caller may see, 50 a page, filtered like the page: text (Polish
    forms), a sector or a pair of sectors, a voivodeship or gmina (TERYT), a tag, a
    programme."""
    items = access.visible_practices(request.user).select_related(
        "municipality", "programme").prefetch_related("partners", "files")
    items = matches(filters.q[:MAX_QUERY])(items)
    for sector in (filters.sector, filters.other_sector):
        if sector:
            items = items.filter(Q(sector_a=sector) | Q(sector_b=sector))
    if filters.gmina:
        items = items.filter(municipality_id=filters.gmina)
    elif filters.voivodeship:
        items = items.filter(municipality__code__startswith=filters.voivodeship[:2])
    if filters.tag:
        items = items.filter(tags__icontains=filters.tag.strip()[:60])
    if filters.programme:
        items = items.filter(programme__slug=filters.programme)
    paginator = Paginator(items, PAGE_SIZE)
    page = paginator.get_page(filters.page)
    return {"count": paginator.count, "page": page.number, "pages": paginator.num_pages,
            "results": [practice_out(request, p) for p in page.object_list]}


@router.get("/practices/{slug}", response={200: PracticeOut, 404: Error})
def get_practice(request: HttpRequest, slug: str) -> object:
    return practice_out(request, access.get_practice(request.user, slug))


@router.get("/publications", response=list[PublicationOut])
def list_publications(request: HttpRequest,
                      kind: Annotated[str, choices_of(Publication, "kind", blank=True)] = ""
                      ) -> object:
    items = access.visible_publications(request.user).select_related("programme") \
        .prefetch_related("files")
    if kind:
        items = items.filter(kind=kind)
    return [publication_out(request, p) for p in items]


@router.get("/publications/{slug}", response={200: PublicationOut, 404: Error})
def get_publication(request: HttpRequest, slug: str) -> object:
    return publication_out(request, access.get_publication(request.user, slug))
