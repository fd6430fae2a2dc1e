"""Every change of the knowledge base: views, the API, the demo and other apps call these.

Each service takes plain typed values (the dataclasses below), runs in one transaction,
checks that the actor may edit the item (`actor=None` is the system: demo, commands),
writes an audit entry and raises KnowledgeError with a translated message.
Concurrent edits are detected by the item's `version`: an update names the version the
editor started from and fails if someone saved in between.
"""
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from django.core.files import File
from django.db import transaction
from django.db.models import F, Model
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core import undo
from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.core.models import Deletion
from mosty.directory.choices import Sector
from mosty.directory.models import Organisation, Territory, TerritoryLevel
from mosty.knowledge import access
from mosty.knowledge.models import (
    GlossaryTerm, GoodPractice, PracticeFile, PracticeStatus, Publication, PublicationFile,
    PublicationKind)
from mosty.knowledge.search import index_text
from mosty.programmes.models import Programme
from mosty.core import uploads
from mosty.core.uploads import Upload

FILE_TYPES = ("pdf", "docx", "xlsx", "odt", "jpg", "png")
MAX_FILE_BYTES = 15 * 1024 * 1024

Item = TypeVar("Item", GlossaryTerm, GoodPractice, Publication)


class KnowledgeError(DomainError):
    """A translated reason why a change of the knowledge base cannot be made."""


class ConcurrentEditError(KnowledgeError):
    def __init__(self) -> None:
        super().__init__(_("Someone else saved this item after you opened it. Your changes "
                           "are below but not saved: check the current version (open the "
                           "page in a new tab) and save again to overwrite it."))


@dataclass(frozen=True)
class TermData:
    term_pl: str
    definition_pl: str
    term_en: str = ""
    definition_en: str = ""
    source: str = ""
    programme: Programme | None = None


@dataclass(frozen=True)
class PracticeData:
    title: str
    who: str
    what: str
    summary: str = ""
    municipality_code: str = ""
    place: str = ""
    partner_ids: tuple[int, ...] = ()
    partner_names: str = ""
    outcome: str = ""
    contacts: str = ""
    contacts_public: bool = False
    tags: tuple[str, ...] = ()
    sector_a: str = ""
    sector_b: str = ""
    status: str = PracticeStatus.PUBLISHED
    programme: Programme | None = None
    source: str = ""


@dataclass(frozen=True)
class PublicationData:
    title: str
    kind: str
    summary: str = ""
    authors: str = ""
    published_on: date | None = None
    is_public: bool = False
    programme: Programme | None = None


def _require_editor(actor: User | None, programme: Programme | None) -> None:
    if actor is not None and not access.can_edit(actor, programme):
        if programme is None:
            raise KnowledgeError(_("Only coordinators, officials and staff edit the shared "
                                   "knowledge base."))
        raise KnowledgeError(_("Only the coordinators of “%(programme)s” edit its knowledge "
                               "base.") % {"programme": programme.name})


def _slug(model: type[Model], text: str, current: Model | None = None) -> str:
    base = slugify(text.replace("ł", "l").replace("Ł", "L"))[:100] or "pozycja"
    if base == "new":  # the address of the "add" page
        base = "new-1"
    taken = set(model._default_manager.filter(slug__startswith=base)
                .exclude(pk=getattr(current, "pk", None)).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _bump(item: Item, expected: int | None) -> None:
    """Move the version forward unless someone saved since `expected` (None: don't check)."""
    version = item.version if expected is None else expected
    bumped = type(item)._default_manager.filter(pk=item.pk, version=version).update(
        version=F("version") + 1)
    if not bumped:
        raise ConcurrentEditError()
    item.version = version + 1


def _required(value: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise KnowledgeError(message)
    return value


def search_text_for(item: GlossaryTerm | GoodPractice | Publication,
                    partners: list[Organisation] | None = None) -> str:
    """What the search looks in for `item` (the admin calls it too after a change)."""
    if isinstance(item, GlossaryTerm):
        return index_text(item.term_pl, item.term_en, item.definition_pl, item.definition_en)
    if isinstance(item, GoodPractice):
        if partners is None:
            partners = list(item.partners.all()) if item.pk else []
        # Contacts are not searched: they are personal data shown only to some people.
        return index_text(item.title, item.summary, item.who, item.place,
                          item.municipality.name if item.municipality else "", item.what,
                          item.outcome, item.partner_names, " ".join(p.name for p in partners),
                          item.tags)
    return index_text(item.title, item.authors, item.summary, str(item.get_kind_display()))


# Glossary -------------------------------------------------------------------------------

def _fill_term(term: GlossaryTerm, data: TermData) -> None:
    term.term_pl = _required(data.term_pl, _("Give the term in Polish."))
    term.definition_pl = _required(data.definition_pl, _("Give the definition in Polish."))
    term.term_en, term.definition_en = data.term_en.strip(), data.definition_en.strip()
    term.source, term.programme = data.source.strip(), data.programme
    clash = GlossaryTerm.objects.filter(term_pl__iexact=term.term_pl, programme=term.programme) \
        .exclude(pk=term.pk)
    if clash.exists():
        raise KnowledgeError(_("“%(term)s” is already in this glossary.") % {
            "term": term.term_pl})
    term.search_text = search_text_for(term)


@transaction.atomic
def create_term(actor: User | None, data: TermData) -> GlossaryTerm:
    """Add a definition to the global glossary or to a programme's."""
    _require_editor(actor, data.programme)
    term = GlossaryTerm()
    _fill_term(term, data)
    term.slug = _slug(GlossaryTerm, term.term_pl)
    term.save()
    log_action(actor, "knowledge.term.created", term, programme=_key(term.programme))
    return term


@transaction.atomic
def update_term(actor: User | None, term: GlossaryTerm, data: TermData,
                expected_version: int | None = None) -> GlossaryTerm:
    _require_editor(actor, term.programme)
    _require_editor(actor, data.programme)
    _bump(term, expected_version)
    _fill_term(term, data)
    term.save()
    log_action(actor, "knowledge.term.updated", term, programme=_key(term.programme))
    return term


# Good practices -------------------------------------------------------------------------

def _fill_practice(practice: GoodPractice, data: PracticeData) -> list[Organisation]:
    practice.title = _required(data.title, _("Give the practice a title."))
    practice.who = _required(data.who, _("Say who led it."))
    practice.what = _required(data.what, _("Describe what was done."))
    sectors = [s for s in (data.sector_a, data.sector_b) if s]
    if any(s not in Sector.values for s in sectors):
        raise KnowledgeError(_("Choose the sectors from the list."))
    if len(sectors) == 2 and sectors[0] == sectors[1]:
        raise KnowledgeError(_("A cross-sector practice joins two different sectors; "
                               "choose two different ones or leave the second empty."))
    if data.status not in PracticeStatus.values:
        raise KnowledgeError(_("Choose the status from the list."))
    municipality = None
    if data.municipality_code:
        municipality = Territory.objects.filter(code=data.municipality_code,
                                                level=TerritoryLevel.GMINA).first()
        if municipality is None:
            raise KnowledgeError(_("Choose the municipality (gmina) from the list."))
    partners = list(Organisation.objects.filter(pk__in=data.partner_ids))
    if len(partners) != len(set(data.partner_ids)):
        raise KnowledgeError(_("One of the partner organisations no longer exists."))
    practice.summary, practice.place = data.summary.strip(), data.place.strip()
    practice.municipality = municipality
    practice.partner_names = data.partner_names.strip()
    practice.outcome, practice.contacts = data.outcome.strip(), data.contacts.strip()
    practice.contacts_public = data.contacts_public
    tags: dict[str, str] = {}
    for tag in (t.strip() for t in data.tags):
        tags.setdefault(tag.lower(), tag)  # "EFS" keeps its capitals; "efs" later is the same
    practice.tags = ", ".join(tags[key] for key in tags if key)
    practice.sector_a, practice.sector_b = data.sector_a, data.sector_b
    practice.status, practice.programme = data.status, data.programme
    practice.source = data.source.strip()
    practice.search_text = search_text_for(practice, partners)
    return partners


@transaction.atomic
def create_practice(actor: User | None, data: PracticeData, files: tuple[Upload, ...] = ()
                    ) -> GoodPractice:
    """Write down a good practice (also from a finished project idea or agreement: pass its
    parties as `partner_ids` and its address as `source`)."""
    _require_editor(actor, data.programme)
    practice = GoodPractice(created_by=actor)
    partners = _fill_practice(practice, data)
    practice.slug = _slug(GoodPractice, practice.title)
    practice.save()
    practice.partners.set(partners)
    for upload in files:
        _attach(practice, upload)
    log_action(actor, "knowledge.practice.created", practice,
               programme=_key(practice.programme), source=practice.source)
    return practice


@transaction.atomic
def update_practice(actor: User | None, practice: GoodPractice, data: PracticeData,
                    expected_version: int | None = None) -> GoodPractice:
    _require_editor(actor, practice.programme)
    _require_editor(actor, data.programme)
    _bump(practice, expected_version)
    partners = _fill_practice(practice, data)
    practice.save()
    practice.partners.set(partners)
    log_action(actor, "knowledge.practice.updated", practice,
               programme=_key(practice.programme))
    return practice


# Publications ---------------------------------------------------------------------------

def _fill_publication(publication: Publication, data: PublicationData) -> None:
    publication.title = _required(data.title, _("Give the publication a title."))
    if data.kind not in PublicationKind.values:
        raise KnowledgeError(_("Choose the kind of publication from the list."))
    publication.kind, publication.summary = data.kind, data.summary.strip()
    publication.authors, publication.published_on = data.authors.strip(), data.published_on
    publication.is_public, publication.programme = data.is_public, data.programme
    publication.search_text = search_text_for(publication)


@transaction.atomic
def create_publication(actor: User | None, data: PublicationData, files: tuple[Upload, ...] = ()
                       ) -> Publication:
    _require_editor(actor, data.programme)
    publication = Publication(created_by=actor)
    _fill_publication(publication, data)
    publication.slug = _slug(Publication, publication.title)
    publication.save()
    for upload in files:
        _attach(publication, upload)
    log_action(actor, "knowledge.publication.created", publication,
               programme=_key(publication.programme))
    return publication


@transaction.atomic
def update_publication(actor: User | None, publication: Publication, data: PublicationData,
                       expected_version: int | None = None) -> Publication:
    _require_editor(actor, publication.programme)
    _require_editor(actor, data.programme)
    _bump(publication, expected_version)
    _fill_publication(publication, data)
    publication.save()
    log_action(actor, "knowledge.publication.updated", publication,
               programme=_key(publication.programme))
    return publication


# Files ------------------------------------------------------------------------------------

def _attach(item: GoodPractice | Publication, upload: Upload) -> PracticeFile | PublicationFile:
    handle = upload.handle
    checked = uploads.check(handle, upload.name, FILE_TYPES, MAX_FILE_BYTES)
    if checked.problem:
        raise KnowledgeError(checked.problem)
    found, size = checked.file_type, checked.size
    attached: PracticeFile | PublicationFile
    if isinstance(item, GoodPractice):
        attached = PracticeFile(practice=item)
    else:
        attached = PublicationFile(publication=item)
    attached.title, attached.file_type, attached.size = upload.title.strip(), found, size
    name = uploads.stored_name(upload.name, found)
    attached.file.save(name, File(handle, name=name), save=False)
    attached.save()
    return attached


@transaction.atomic
def add_file(actor: User | None, item: GoodPractice | Publication, upload: Upload
             ) -> PracticeFile | PublicationFile:
    """Attach a file, checked by its content (see mosty.core.uploads)."""
    _require_editor(actor, item.programme)
    attached = _attach(item, upload)
    log_action(actor, "knowledge.file.added", item, file=attached.filename)
    return attached


@transaction.atomic
def remove_file(actor: User | None, item: GoodPractice | Publication, file_id: int,
                back_url: str = "") -> Deletion:
    """Remove a file; `actor` may undo it for a few minutes (mosty.core.undo), and the
    stored file goes only once that time is over."""
    _require_editor(actor, item.programme)
    attached = item.files.filter(pk=file_id).first()
    if attached is None:
        raise KnowledgeError(_("This file has already been removed."))
    log_action(actor, "knowledge.file.removed", item, file=attached.filename)
    return undo.delete(actor, attached, label=str(attached), back_url=back_url or "/")


def _key(programme: Programme | None) -> str:
    return programme.slug if programme is not None else ""
