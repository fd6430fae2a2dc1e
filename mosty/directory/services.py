"""State changes of the directory. Views and importers call these; they never save models."""
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.directory.choices import ResourceKind
from mosty.directory.models import Membership, MembershipInvitation, Organisation, Resource
from mosty.directory.tasks import send_invitation


class ConcurrentEditError(Exception):
    """Someone saved the organisation after this user opened the form."""

    def __init__(self) -> None:
        super().__init__(_("Someone else saved this profile while you were editing it. "
                           "Nothing was saved; your changes are still in the form. Check the "
                           "current profile in another tab, then save again to overwrite it."))


def unique_slug(name: str, taken: set[str] | None = None) -> str:
    """A readable, unique address ("mbp-smigiel", "mbp-smigiel-2")."""
    base = slugify(name.replace("ł", "l").replace("Ł", "L"))[:100] or "organizacja"
    if taken is None:
        taken = set(Organisation.objects.filter(slug__startswith=base)
                    .values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def search_text_for(organisation: Organisation, resources: list[Resource]) -> str:
    """Lower-cased text the directory search looks in (SQLite folds only ASCII case itself)."""
    parts = [organisation.name, organisation.description, organisation.address]
    parts += [r.description for r in resources]
    return " ".join(parts).lower()


def refresh_search_text(organisation: Organisation) -> None:
    """Re-index the profile's text; also marks the profile as changed (resources may have)."""
    resources = list(organisation.resources.all())
    organisation.search_text = search_text_for(organisation, resources)
    organisation.updated_at = timezone.now()
    Organisation.objects.filter(pk=organisation.pk).update(
        search_text=organisation.search_text, updated_at=organisation.updated_at)


def _save_formsets(organisation: Organisation, formsets: dict[str, Any]) -> None:
    for key, kind in (("offers", ResourceKind.OFFER), ("needs", ResourceKind.NEED)):
        for resource in formsets[key].save(commit=False):
            resource.organisation = organisation
            resource.kind = kind
            resource.save()
        for resource in formsets[key].deleted_objects:
            resource.delete()
    formsets["contacts"].instance = organisation
    formsets["contacts"].save()


@transaction.atomic
def create_organisation(user: User, form: Any, formsets: dict[str, Any]) -> Organisation:
    """Create an organisation from a valid form; its creator becomes a member."""
    organisation = form.save(commit=False)
    organisation.slug = unique_slug(organisation.name)
    organisation.save()
    for formset in formsets.values():
        formset.instance = organisation
    _save_formsets(organisation, formsets)
    if not user.is_coordinator:
        Membership.objects.get_or_create(user=user, organisation=organisation)
    refresh_search_text(organisation)
    log_action(user, "directory.organisation.created", organisation)
    return organisation


@transaction.atomic
def update_organisation(user: User, form: Any, formsets: dict[str, Any]) -> Organisation:
    """Save a valid edit form, unless someone saved the profile since the form was opened."""
    organisation = form.instance
    expected = form.cleaned_data.get("version") or organisation.version
    bumped = Organisation.objects.filter(pk=organisation.pk, version=expected).update(
        version=F("version") + 1)
    if not bumped:
        raise ConcurrentEditError()
    organisation = form.save(commit=False)
    organisation.version = expected + 1
    organisation.save()
    _save_formsets(organisation, formsets)
    refresh_search_text(organisation)
    log_action(user, "directory.organisation.updated", organisation)
    return organisation


class MembershipError(Exception):
    """A translated reason why a member cannot be added or removed."""


@transaction.atomic
def invite_member(actor: User, organisation: Organisation, email: str) -> MembershipInvitation:
    """Invite a colleague by e-mail. They join when they accept it, logged in with that
    address; the answer is the same whether or not the address has an account."""
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise MembershipError(_("This person is already a member."))
    invitation, _created = MembershipInvitation.objects.update_or_create(
        organisation=organisation, email=email, defaults={"invited_by": actor})
    log_action(actor, "directory.membership.invited", organisation, email=email)
    transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk))
    return invitation


def pending_invitations(user: User) -> list[MembershipInvitation]:
    return list(MembershipInvitation.objects.filter(email__iexact=user.email)
                .select_related("organisation").order_by("organisation__name"))


@transaction.atomic
def answer_invitation(user: User, invitation: MembershipInvitation, accept: bool) -> None:
    """Accept (become a member) or decline; only the invited address may answer."""
    if invitation.email.lower() != user.email.lower():
        raise MembershipError(_("This invitation is for another e-mail address."))
    if accept:
        Membership.objects.get_or_create(user=user, organisation=invitation.organisation)
    log_action(user, "directory.membership." + ("accepted" if accept else "declined"),
               invitation.organisation)
    invitation.delete()


@transaction.atomic
def remove_member(actor: User, membership: Membership) -> None:
    organisation = membership.organisation
    if organisation.memberships.count() == 1 and not actor.is_coordinator:
        raise MembershipError(_("The last member cannot leave: the organisation would have "
                                "nobody to keep its profile up to date."))
    log_action(actor, "directory.membership.deleted", organisation,
               member=membership.user.email)
    membership.delete()
