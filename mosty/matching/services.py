"""State changes of partner matching. Views, the API, the demo and other modules call these.

Other modules record relations through :func:`record_relation` (see docs/matching.md):
networking when two organisations mark each other after a speed-networking meeting,
agreements when an agreement is signed, initiatives when a project is co-designed.
"""
from datetime import date, datetime, time

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core import undo
from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.core.models import Deletion
from mosty.directory.models import Organisation
from mosty.matching.models import (
    HiddenPartner, Relation, RelationKind, RelationOrigin)
from mosty.programmes.models import Programme

OrgRef = Organisation | int


class MatchingError(DomainError):
    """A translated reason why a change cannot be made."""


def _pk(org: OrgRef) -> int:
    return org if isinstance(org, int) else org.pk


def _moment(when: datetime | date | None) -> datetime:
    if when is None:
        return timezone.now()
    if isinstance(when, datetime):
        return when if timezone.is_aware(when) else timezone.make_aware(when)
    return timezone.make_aware(datetime.combine(when, time.min))


def record_relation(org_a: OrgRef, org_b: OrgRef, kind: str, origin: str,
                    programme: Programme | None = None, user: User | None = None,
                    when: datetime | date | None = None) -> Relation:
    """Record that two organisations are related; safe to call again with the same facts.

    The pair is unordered and holds one relation per kind: a second call for (B, A) or
    (A, B) returns the existing row. Repeated calls keep the earliest ``when`` (the
    relation existed since then) and fill in a programme if the row had none. Raises
    MatchingError for an organisation paired with itself and ValueError for an unknown
    kind or origin (a programming error in the caller).
    """
    if kind not in RelationKind.values:
        raise ValueError(f"unknown relation kind {kind!r}")
    if origin not in RelationOrigin.values:
        raise ValueError(f"unknown relation origin {origin!r}")
    a_id, b_id = sorted((_pk(org_a), _pk(org_b)))
    if a_id == b_id:
        raise MatchingError(_("An organisation cannot be its own partner."))
    moment = _moment(when)
    with transaction.atomic():
        pair = Relation.objects.select_for_update().filter(org_a_id=a_id, org_b_id=b_id,
                                                           kind=kind)
        relation = pair.first()
        if relation is None:
            try:
                # A savepoint: a concurrent call may insert the same row first.
                with transaction.atomic():
                    relation = Relation.objects.create(
                        org_a_id=a_id, org_b_id=b_id, kind=kind, origin=origin,
                        programme=programme, created_at=moment,
                        created_by=user)
            except IntegrityError:
                relation = pair.get()
            else:
                log_action(user, "matching.relation.created", relation, org_a=a_id,
                           org_b=b_id, kind=kind, origin=origin,
                           programme=programme.slug if programme else None)
                return relation
        changed = []
        if moment < relation.created_at:
            relation.created_at = moment
            changed.append("created_at")
        if programme is not None and relation.programme_id is None:
            relation.programme = programme
            changed.append("programme")
        if changed:
            relation.save(update_fields=changed)
        return relation


def _log_removal(user: User, relation: Relation) -> None:
    log_action(user, "matching.relation.deleted", relation, org_a=relation.org_a_id,
               org_b=relation.org_b_id, kind=relation.kind, origin=relation.origin)


@transaction.atomic
def remove_relation(user: User, relation: Relation) -> None:
    _log_removal(user, relation)
    relation.delete()


@transaction.atomic
def delete_relation(user: User, relation: Relation, back_url: str) -> Deletion:
    """Remove a relation from a map; `user` may undo it for a few minutes (mosty.core.undo),
    which also links the agreements that named it again."""
    _log_removal(user, relation)
    return undo.delete(user, relation, back_url=back_url, label=_(
        "%(a)s – %(b)s: %(kind)s") % {"a": relation.org_a.name, "b": relation.org_b.name,
                                      "kind": relation.get_kind_display()})


@transaction.atomic
def hide_partner(user: User, organisation: Organisation, partner: Organisation) -> None:
    """Leave ``partner`` out of ``organisation``'s recommendations (for all its members)."""
    if organisation.pk == partner.pk:
        raise MatchingError(_("An organisation cannot be its own partner."))
    _hidden, created = HiddenPartner.objects.get_or_create(
        organisation=organisation, partner=partner, defaults={"created_by": user})
    if created:
        log_action(user, "matching.partner.hidden", organisation, partner=partner.pk)


@transaction.atomic
def unhide_partner(user: User, organisation: Organisation, partner: Organisation) -> None:
    deleted, _rows = HiddenPartner.objects.filter(organisation=organisation,
                                                  partner=partner).delete()
    if deleted:
        log_action(user, "matching.partner.unhidden", organisation, partner=partner.pk)


def mark_cooperation(user: User, organisation: Organisation, partner: Organisation) -> Relation:
    """A member says "we already cooperate": a manual relation, which also takes the
    partner off the recommendations."""
    return record_relation(organisation, partner, RelationKind.COOPERATE, RelationOrigin.MEMBER,
                           user=user)


@transaction.atomic
def unmark_cooperation(user: User, organisation: Organisation, partner: Organisation) -> None:
    """Undo :func:`mark_cooperation`. Relations other modules recorded (an agreement, a
    networking follow-up) stay: they are facts, not a member's mark."""
    a_id, b_id = sorted((organisation.pk, partner.pk))
    # Only a member's own mark: a coordinator's entry of the same fact is not theirs to undo.
    relation = Relation.objects.filter(org_a_id=a_id, org_b_id=b_id, kind=RelationKind.COOPERATE,
                                       origin=RelationOrigin.MEMBER).first()
    if relation is None:
        raise MatchingError(_("There is no cooperation mark to withdraw."))
    remove_relation(user, relation)


def add_relation(user: User, org_a: Organisation, org_b: Organisation, kind: str,
                 programme: Programme | None = None,
                 when: datetime | date | None = None) -> Relation:
    """A coordinator enters a relation by hand (e.g. on a programme's map)."""
    return record_relation(org_a, org_b, kind, RelationOrigin.MANUAL, programme=programme,
                           user=user, when=when)
