"""State changes of the directory. Views and importers call these; they never save models."""
from dataclasses import asdict, dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.accounts.services import unconfirmed_problem
from mosty.core import undo
from mosty.core.audit import Snapshot, log_action, log_change, snapshot
from mosty.core.errors import DomainError, check_model
from mosty.core.models import Deletion
from mosty.directory.access import adds_for_others
from mosty.directory.choices import ResourceKind
from mosty.directory.models import (
    ContactPerson, Membership, MembershipInvitation, Organisation, Resource, Territory)
from mosty.directory.tasks import send_invitation


class OrganisationError(DomainError):
    """A translated reason why an organisation's profile cannot be saved."""


class ConcurrentEditError(OrganisationError):
    """Someone saved the organisation after this user opened the form."""

    def __init__(self) -> None:
        super().__init__(_("Someone else saved this profile while you were editing it. "
                           "Nothing was saved; your changes are still in the form. Check the "
                           "current profile in another tab, then save again to overwrite it."))


@dataclass(frozen=True)
class ResourceInput:
    """An offer or a need; `id` names an existing one of the organisation to change."""

    kind: str
    category: str
    description: str
    conditions: str = ""
    # None keeps the stored cost: the needs form has no cost field, an import may have set one.
    cost: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class ContactInput:
    """A contact person; `id` names an existing one of the organisation to change."""

    name: str
    position: str = ""
    email: str = ""
    phone: str = ""
    is_public: bool = False
    id: int | None = None


@dataclass(frozen=True)
class OrganisationInput:
    """A profile as the user wants it. `resources` and `contacts` are the complete lists:
    rows of the organisation left out are deleted; None leaves them as they are."""

    name: str
    sector: str
    kind: str
    municipality: Territory | None = None
    address: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    description: str = ""
    krs: str = ""
    regon: str = ""
    nip: str = ""
    resources: list[ResourceInput] | None = None
    contacts: list[ContactInput] | None = None


PROFILE_FIELDS = ["name", "sector", "kind", "municipality", "address", "website", "email",
                  "phone", "description", "krs", "regon", "nip"]


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


def _apply(organisation: Organisation, data: OrganisationInput) -> None:
    for name in PROFILE_FIELDS:
        setattr(organisation, name, getattr(data, name))
    check_model(organisation, OrganisationError, ["slug", "search_text", "version"])


def _sync(organisation: Organisation, model: type[Resource] | type[ContactPerson],
          rows: list[ResourceInput] | list[ContactInput]) -> None:
    """Make the organisation's rows of `model` exactly `rows`: change, add, delete."""
    existing = {obj.pk: obj for obj in model.objects.filter(organisation=organisation)}
    kept = set()
    for row in rows:
        values = {name: value for name, value in asdict(row).items()
                  if name != "id" and value is not None}
        if row.id is not None and row.id in existing:
            obj = existing[row.id]
            kept.add(row.id)
        else:
            obj = model(organisation=organisation)
        for name, value in values.items():
            setattr(obj, name, value)
        try:
            check_model(obj, OrganisationError, ["organisation"])
        except OrganisationError as error:
            # A row's field is not a field of the profile form.
            raise OrganisationError(error.message) from error
        obj.save()
    model.objects.filter(pk__in=[pk for pk in existing if pk not in kept]).delete()


def _save_lists(organisation: Organisation, data: OrganisationInput) -> None:
    if data.resources is not None:
        _sync(organisation, Resource, data.resources)
    if data.contacts is not None:
        _sync(organisation, ContactPerson, data.contacts)


def _profile(organisation: Organisation) -> Snapshot:
    """What the audit log records of a profile: its fields and its lists, by description."""
    resources = organisation.resources.order_by("kind", "pk")
    return snapshot(organisation, PROFILE_FIELDS) | {
        "offers": [r.description for r in resources if r.kind == ResourceKind.OFFER],
        "needs": [r.description for r in resources if r.kind == ResourceKind.NEED],
        "contacts": [c.name for c in organisation.contacts.order_by("pk")],
    }


@transaction.atomic
def create_organisation(user: User, data: OrganisationInput) -> Organisation:
    """Create an organisation. Its creator becomes a member, unless they add organisations
    for others (mosty.directory.access.adds_for_others): then they keep it while nobody has
    joined it."""
    organisation = Organisation()
    _apply(organisation, data)
    organisation.slug = unique_slug(organisation.name)
    organisation.created_by = user
    organisation.save()
    _save_lists(organisation, data)
    if not adds_for_others(user):
        Membership.objects.get_or_create(user=user, organisation=organisation)
    refresh_search_text(organisation)
    log_change(user, "directory.organisation.created", organisation,
               after=_profile(organisation))
    return organisation


@transaction.atomic
def update_organisation(user: User, organisation: Organisation, data: OrganisationInput,
                        expected_version: int | None = None) -> Organisation:
    """Save the profile, unless someone saved it since the user read `expected_version`
    (None: overwrite whatever is there)."""
    # One UPDATE both checks and bumps the version: of two saves at the same moment, the
    # second finds the version changed.
    current = Organisation.objects.filter(pk=organisation.pk)
    if expected_version is not None:
        current = current.filter(version=expected_version)
    if not current.update(version=F("version") + 1):
        raise ConcurrentEditError()
    organisation = Organisation.objects.get(pk=organisation.pk)
    before = _profile(organisation)
    _apply(organisation, data)
    organisation.save()
    _save_lists(organisation, data)
    refresh_search_text(organisation)
    log_change(user, "directory.organisation.updated", organisation, before,
               after=_profile(organisation), version=organisation.version)
    return organisation


class MembershipError(DomainError):
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
    """Invitations to the user's address; none until the address is confirmed (whoever signed
    up first with an invited address must not see or answer them)."""
    if not user.email_confirmed:
        return []
    return list(MembershipInvitation.objects.filter(email__iexact=user.email)
                .select_related("organisation").order_by("organisation__name"))


@transaction.atomic
def answer_invitation(user: User, invitation: MembershipInvitation, accept: bool) -> None:
    """Accept (become a member) or decline; only the confirmed owner of the invited address
    may answer."""
    if invitation.email.lower() != user.email.lower():
        raise MembershipError(_("This invitation is for another e-mail address."))
    problem = unconfirmed_problem(user)
    if problem:
        raise MembershipError(problem)
    if accept:
        Membership.objects.get_or_create(user=user, organisation=invitation.organisation)
    log_action(user, "directory.membership." + ("accepted" if accept else "declined"),
               invitation.organisation, email=invitation.email)
    invitation.delete()


@transaction.atomic
def withdraw_invitation(actor: User, invitation: MembershipInvitation,
                        back_url: str) -> Deletion:
    """A member (or coordinator) takes back an invitation nobody has answered yet; `actor`
    may undo it for a few minutes (the link in the e-mail works again)."""
    log_action(actor, "directory.membership.withdrawn", invitation.organisation,
               email=invitation.email)
    return undo.delete(actor, invitation, back_url=back_url,
                       label=f"{invitation.email} ({invitation.organisation.name})")


@transaction.atomic
def remove_member(actor: User, membership: Membership, back_url: str) -> Deletion:
    """Remove a member (or leave); nobody but Django staff removes the last one (a coordinator
    who keeps the profile through a programme does not make the members' organisation
    theirs). `actor` may undo it for a few minutes (mosty.core.undo)."""
    organisation = membership.organisation
    if organisation.memberships.count() == 1 and not actor.is_staff:
        raise MembershipError(_("The last member cannot leave: the organisation would have "
                                "nobody to keep its profile up to date."))
    log_action(actor, "directory.membership.deleted", organisation,
               member=membership.user.email)
    return undo.delete(actor, membership, back_url=back_url,
                       label=f"{membership.user.email} ({organisation.name})")
