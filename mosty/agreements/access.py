"""Who may see and change a cooperation agreement: the one place that answers it.

- An agreement of a programme follows mosty.programmes.access: the programme's coordinators
  (and Django staff) manage it; its facilitators see it.
- Members of a party organisation see their agreement, edit it while it is a draft, approve
  it for their own organisation, sign it and end it.
- A party's secret link lets its representative (who may have no account) see the agreement
  and approve it for that one party.
- A project idea is turned into an agreement by those who change the idea
  (mosty.initiatives.access: its team and the coordinators of its programme).
- Everyone else gets 404: they do not learn that the agreement exists. Someone who sees an
  agreement but may not do what they asked gets 403.
"""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from mosty.accounts.access import Viewer, signed_in
from mosty.accounts.models import User
from mosty.agreements.models import Agreement, Party, Status
from mosty.directory.access import member_of
from mosty.initiatives import access as initiatives_access
from mosty.initiatives.models import Idea
from mosty.programmes.access import managed_programmes, private_programmes, programme_access


@dataclass(frozen=True)
class AgreementAccess:
    see: bool = False
    edit: bool = False
    manage: bool = False
    party_ids: frozenset[int] = frozenset()  # parties the user may approve for

    @property
    def sign(self) -> bool:
        return self.manage or bool(self.party_ids)


NO_ACCESS = AgreementAccess()


def _organisation_ids(user: User) -> set[int]:
    # The directory's answer, read once per request.
    return member_of(user)


def agreement_access(user: Viewer, agreement: Agreement) -> AgreementAccess:
    if not signed_in(user):
        return NO_ACCESS
    if user.is_staff:
        programme = AgreementAccess(see=True, manage=True)
    elif agreement.programme is not None:
        rights = programme_access(user, agreement.programme)
        programme = AgreementAccess(see=rights.see_private, manage=rights.manage)
    else:
        programme = NO_ACCESS
    own = _organisation_ids(user)
    party_ids = frozenset(party.pk for party in agreement.parties.all()
                          if party.organisation_id in own)
    see = programme.see or bool(party_ids)
    edit = programme.manage or (bool(party_ids) and agreement.status == Status.DRAFT)
    return AgreementAccess(see=see, edit=edit, manage=programme.manage, party_ids=party_ids)


def visible_agreements(user: Viewer) -> QuerySet[Agreement]:
    if not signed_in(user):
        return Agreement.objects.none()
    if user.is_staff:
        return Agreement.objects.all()
    return Agreement.objects.filter(
        Q(programme__in=private_programmes(user))
        | Q(parties__organisation__in=_organisation_ids(user))).distinct()


def get_agreement(user: Viewer, pk: int) -> tuple[Agreement, AgreementAccess]:
    """404 for an agreement the user may not see."""
    agreement = get_object_or_404(
        Agreement.objects.select_related("programme", "group", "source_event", "source_idea"),
        pk=pk)
    rights = agreement_access(user, agreement)
    if not rights.see:
        raise Http404
    return agreement, rights


def get_agreement_to_edit(user: Viewer, pk: int) -> tuple[Agreement, AgreementAccess]:
    agreement, rights = get_agreement(user, pk)
    if not rights.edit:
        raise PermissionDenied
    return agreement, rights


def get_agreement_to_manage(user: Viewer, pk: int) -> tuple[Agreement, AgreementAccess]:
    agreement, rights = get_agreement(user, pk)
    if not rights.manage:
        raise PermissionDenied
    return agreement, rights


def get_agreement_to_sign(user: Viewer, pk: int) -> tuple[Agreement, AgreementAccess]:
    agreement, rights = get_agreement(user, pk)
    if not rights.sign:
        raise PermissionDenied
    return agreement, rights


def get_party_by_token(token: str) -> Party:
    """The secret link is the key to exactly one party; an unknown link is 404."""
    if not token or len(token) > 64:
        raise Http404
    return get_object_or_404(Party.objects.select_related("agreement", "organisation"),
                             token=token)


def may_create_in(user: Viewer, programme_id: int) -> bool:
    return managed_programmes(user).filter(pk=programme_id).exists()


def may_create_for(user: Viewer, organisation_id: int) -> bool:
    """Members of an organisation start agreements for it (from its page)."""
    return signed_in(user) and organisation_id in _organisation_ids(user)


def may_create_from_idea(user: Viewer, idea: Idea) -> bool:
    """The idea's team and the coordinators of its programme (and Django staff)."""
    return initiatives_access.can_edit(user, idea)
