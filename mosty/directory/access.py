"""Who may see and change what in the directory: the one place that answers it."""
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from mosty.accounts.models import User
from mosty.directory.models import ContactPerson, Organisation


_MEMBER_OF = "_mosty_member_of"


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


def can_manage_directory(user: User) -> bool:
    """Import, export with contacts, edit any profile: coordinators and staff."""
    return user.is_authenticated and user.is_active and user.is_coordinator


def can_edit(user: User, organisation: Organisation) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if can_manage_directory(user):
        return True
    return is_member(user, organisation)


def can_see_private_contacts(user: User, organisation: Organisation) -> bool:
    """Contact people are private unless marked public: members and coordinators see all."""
    return can_edit(user, organisation)


def visible_contacts(user: User, organisation: Organisation) -> list[ContactPerson]:
    """From prefetched contacts: all of them, or only the public ones."""
    contacts = list(organisation.contacts.all())
    if can_see_private_contacts(user, organisation):
        return contacts
    return [contact for contact in contacts if contact.is_public]


def get_organisation_for_edit(user: User, slug: str) -> Organisation:
    """The organisation if `user` may edit it; 404 if it does not exist, 403 otherwise."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    if not can_edit(user, organisation):
        raise PermissionDenied
    return organisation
