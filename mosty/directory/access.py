"""Who may see and change what in the directory: the one place that answers it.

- Everyone sees the public profiles and the contact people marked "show publicly".
- Members of an organisation edit its profile, see its private contacts and invite
  colleagues.
- People who manage a programme (mosty.programmes.access: its coordinators, and people with
  the coordinator role who are members of its organiser) do the same for the organisations
  that take part in it: its organiser and partners, members of its groups, and applicants
  with a submitted application (as the organisation or as its partner) — answered by
  mosty.programmes.access.programme_organisations (settings.DIRECTORY_PROGRAMME_ORGANISATIONS).
- People with the coordinator role also do it for the organisations they added (by hand or
  by import) while these have no members; once members join, the members keep the profile.
  They import spreadsheets: rows that match an existing organisation they may not edit are
  refused.
- The export with contacts lists private contacts only of the organisations the person may
  see privately (as above).
- Django staff may do everything.
"""
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.module_loading import import_string

from mosty.accounts.access import Viewer, signed_in
from mosty.accounts.models import Role, User
from mosty.directory.models import ContactPerson, Organisation


_MEMBER_OF = "_mosty_member_of"
_PRIVATE = "_mosty_private_organisations"


def member_of(user: User) -> set[int]:
    """Ids of the user's organisations, read once per request (a list shows many profiles)."""
    if not user.is_authenticated:
        return set()
    ids = user.__dict__.get(_MEMBER_OF)
    if ids is None:
        ids = set(user.memberships.values_list("organisation_id", flat=True))
        user.__dict__[_MEMBER_OF] = ids
    return ids


def is_member(user: User, organisation: Organisation) -> bool:
    return organisation.pk in member_of(user)


def coordinated_organisations(user: Viewer) -> QuerySet[Organisation]:
    """Organisations `user` keeps as a coordinator (not as a member): those taking part in
    the programmes they manage, and those they added that have no members yet."""
    if not signed_in(user):
        return Organisation.objects.none()
    # The programmes app answers the first part; the directory does not import it (it sits
    # below programmes), it calls the function the setting names.
    in_programmes = import_string(settings.DIRECTORY_PROGRAMME_ORGANISATIONS)(user)
    condition = Q(pk__in=in_programmes)
    if adds_for_others(user):
        condition |= Q(pk__in=Organisation.objects.filter(
            created_by=user, memberships__isnull=True).values("pk"))
    return Organisation.objects.filter(condition)


def adds_for_others(user: Viewer) -> bool:
    """People with the coordinator role (and Django staff) add organisations for others, by
    hand or by import, without becoming their members: they keep such a profile while nobody
    has joined it (`created_by`). Everybody else who adds an organisation becomes its member.
    The global role is right here: it is about the person's job (filling the directory), not
    about any programme."""
    return signed_in(user) and (user.is_staff or user.role == Role.COORDINATOR)


def private_organisation_ids(user: Viewer) -> set[int] | None:
    """Ids of the organisations whose profile `user` edits and whose private contacts they
    see, read once per request; None means all of them (staff)."""
    if not signed_in(user):
        return set()
    if user.is_staff:
        return None
    ids = user.__dict__.get(_PRIVATE)
    if ids is None:
        ids = member_of(user) | set(coordinated_organisations(user).values_list("pk", flat=True))
        user.__dict__[_PRIVATE] = ids
    return ids


def private_organisations(user: Viewer) -> QuerySet[Organisation]:
    """The organisations whose profile `user` edits and whose private contacts and people
    they see (their own, and those they keep as a coordinator); all of them for staff."""
    if not signed_in(user):
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Q(pk__in=user.memberships.values("organisation_id"))
        | Q(pk__in=coordinated_organisations(user).values("pk")))


def can_import(user: Viewer) -> bool:
    """Import spreadsheets of organisations: people who add organisations for others. The
    global role is enough: rows that would change an organisation they may not edit are
    refused (mosty.directory.importer)."""
    return adds_for_others(user)


def can_edit(user: Viewer, organisation: Organisation) -> bool:
    if not signed_in(user):
        return False
    ids = private_organisation_ids(user)
    return ids is None or organisation.pk in ids


def can_see_private_contacts(user: Viewer, organisation: Organisation) -> bool:
    """Contact people are private unless marked public: whoever may edit the profile sees
    all of them."""
    return can_edit(user, organisation)


def visible_contacts(user: Viewer, organisation: Organisation) -> list[ContactPerson]:
    """From prefetched contacts: all of them, or only the public ones."""
    contacts = list(organisation.contacts.all())
    if can_see_private_contacts(user, organisation):
        return contacts
    return [contact for contact in contacts if contact.is_public]


def get_organisation_for_edit(user: Viewer, slug: str) -> Organisation:
    """The organisation if `user` may edit it; 404 if it does not exist, 403 otherwise."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    if not can_edit(user, organisation):
        raise PermissionDenied
    return organisation
