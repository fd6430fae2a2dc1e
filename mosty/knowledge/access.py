"""Who sees and edits the knowledge base: the one place that answers it.

- Global items (no programme) are edited by Django staff and by people with the global role
  coordinator or official; per-programme items by those who manage the programme
  (mosty.programmes.access: its coordinators and staff).
- Everyone sees global glossary terms, published practices and public publications; a
  per-programme item only where its programme is visible (mosty.programmes.access).
  Drafts of practices and non-public publications are seen by their editors only.
- The contacts of a practice are personal data: signed-in people see them, anonymous
  visitors only when the practice marks them public.
- Anything a user may not see answers 404 (its existence is not revealed); anything they see
  but may not edit answers 403.
"""
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from mosty.accounts.access import Viewer, signed_in
from mosty.accounts.models import Role
from mosty.knowledge.models import GlossaryTerm, GoodPractice, PracticeStatus, Publication
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Programme

Item = TypeVar("Item", GlossaryTerm, GoodPractice, Publication)


def can_edit_global(user: Viewer) -> bool:
    """Shared definitions, practices and publications of no programme."""
    if not signed_in(user):
        return False
    return bool(user.is_staff or user.role in (Role.COORDINATOR, Role.OFFICIAL))


def can_edit(user: Viewer, programme: Programme | None) -> bool:
    if programme is None:
        return can_edit_global(user)
    return programmes_access.programme_access(user, programme).manage


def can_add(user: Viewer) -> bool:
    """Whether the "add" buttons make sense: a global editor or a coordinator of something."""
    return can_edit_global(user) or editable_programmes(user).exists()


def editable_programmes(user: Viewer) -> QuerySet[Programme]:
    return programmes_access.managed_programmes(user)


def _seen(user: Viewer) -> Q:
    """Global items and items of programmes `user` sees."""
    return Q(programme__isnull=True) | Q(programme__in=programmes_access.visible_programmes(user))


def _edited(user: Viewer) -> Q:
    if not signed_in(user):
        return Q(pk__in=[])
    managed = Q(programme__in=programmes_access.managed_programmes(user))
    if can_edit_global(user):
        return Q(programme__isnull=True) | managed
    return managed


def visible_terms(user: Viewer) -> QuerySet[GlossaryTerm]:
    if signed_in(user) and user.is_staff:
        return GlossaryTerm.objects.all()
    return GlossaryTerm.objects.filter(_seen(user))


def visible_practices(user: Viewer) -> QuerySet[GoodPractice]:
    if signed_in(user) and user.is_staff:
        return GoodPractice.objects.all()
    return GoodPractice.objects.filter(
        (Q(status=PracticeStatus.PUBLISHED) & _seen(user)) | _edited(user))


def visible_publications(user: Viewer) -> QuerySet[Publication]:
    if signed_in(user) and user.is_staff:
        return Publication.objects.all()
    return Publication.objects.filter((Q(is_public=True) & _seen(user)) | _edited(user))


def can_see_contacts(user: Viewer, practice: GoodPractice) -> bool:
    return practice.contacts_public or signed_in(user)


def _get(queryset: QuerySet[Item], slug: str) -> Item:
    item = queryset.select_related("programme").filter(slug=slug).first()
    if item is None:
        raise Http404
    return item


def get_term(user: Viewer, slug: str) -> GlossaryTerm:
    return _get(visible_terms(user), slug)


def get_practice(user: Viewer, slug: str) -> GoodPractice:
    return _get(visible_practices(user), slug)


def get_publication(user: Viewer, slug: str) -> Publication:
    return _get(visible_publications(user), slug)


def for_edit(user: Viewer, item: Model) -> None:
    """Raise 403 unless `user` may edit `item` (which they already see)."""
    if not can_edit(user, getattr(item, "programme", None)):
        raise PermissionDenied
