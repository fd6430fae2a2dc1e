"""Cooperation agreements in the REST API: the ones the caller may see, and approving for
one's own organisation. Same rules as the pages (mosty.agreements.access); mounted by
mosty.api.api at /api/agreements."""
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status as HttpStatus
from ninja.errors import HttpError

from mosty.agreements import access, checklist, services
from mosty.agreements.models import Agreement, Contribution
from mosty.agreements.views import facts
from mosty.core.api import choices_of

router = Router(tags=["agreements"])


class Error(Schema):
    detail: str


class ContributionOut(Schema):
    kind: Annotated[str, choices_of(Contribution, "kind")]
    description: str
    amount: Decimal | None
    resource: int | None


class PartyOut(Schema):
    id: int
    organisation: str
    name: str
    representative: str
    function: str
    approved_at: datetime | None
    contributions: list[ContributionOut]


class AgreementOut(Schema):
    id: int
    title: str
    status: Annotated[str, choices_of(Agreement, "status")]
    programme: str | None
    group: int | None
    source_event: str | None
    source_idea: str | None
    purpose: str
    scope: str
    work_plan: str
    start_date: date | None
    end_date: date | None
    review_date: date | None
    signed_on: date | None
    version: int
    parties: list[PartyOut]
    missing: list[str]
    url: str


def agreement_out(request: HttpRequest, agreement: Agreement) -> dict[str, object]:
    parties = agreement.parties.select_related("organisation").prefetch_related(
        "contributions")
    return {
        "id": agreement.pk, "title": agreement.title, "status": agreement.status,
        "programme": agreement.programme.slug if agreement.programme else None,
        "group": agreement.group_id,
        "source_event": agreement.source_event.slug if agreement.source_event else None,
        "source_idea": agreement.source_idea.slug if agreement.source_idea else None,
        "purpose": agreement.purpose, "scope": agreement.scope,
        "work_plan": agreement.work_plan, "start_date": agreement.start_date,
        "end_date": agreement.end_date, "review_date": agreement.review_date,
        "signed_on": agreement.signed_on, "version": agreement.version,
        "parties": [{"id": p.pk, "organisation": p.organisation.slug,
                     "name": p.organisation.name, "representative": p.representative,
                     "function": p.function, "approved_at": p.approved_at,
                     "contributions": [{"kind": c.kind, "description": c.description,
                                        "amount": c.amount, "resource": c.resource_id}
                                       for c in p.contributions.all()]} for p in parties],
        "missing": [_(item.label) for item in checklist.missing(facts(agreement))],
        "url": request.build_absolute_uri(agreement.get_absolute_url()),
    }


def _visible(request: HttpRequest, pk: int) -> tuple[Agreement, access.AgreementAccess]:
    if not request.user.is_authenticated:
        raise HttpError(401, _("Log in or send an API token."))
    try:
        return access.get_agreement(request.user, pk)
    except Http404:
        raise HttpError(404, _("Not found.")) from None


@router.get("", response={200: list[AgreementOut], 401: Error})
def list_agreements(request: HttpRequest) -> object:
    """Agreements the caller may see: of the programmes they run or facilitate, and of
    their own organisations."""
    if not request.user.is_authenticated:
        raise HttpError(401, _("Log in or send an API token."))
    agreements = access.visible_agreements(request.user).select_related(
        "programme", "source_event", "source_idea")
    return [agreement_out(request, a) for a in agreements]


@router.get("/{pk}", response={200: AgreementOut, 401: Error, 404: Error})
def get_agreement(request: HttpRequest, pk: int) -> object:
    agreement, _rights = _visible(request, pk)
    return agreement_out(request, agreement)


@router.post("/{pk}/parties/{party}/approve",
             response={200: AgreementOut, 400: Error, 401: Error, 403: Error, 404: Error})
def approve(request: HttpRequest, pk: int, party: int) -> object:
    """Approve the current text for a party whose organisation the caller belongs to."""
    agreement, rights = _visible(request, pk)
    the_party = agreement.parties.filter(pk=party).first()
    if the_party is None:
        raise HttpError(404, _("Not found."))
    if the_party.pk not in rights.party_ids:
        raise HttpError(403, _("Only a member of this party's organisation approves for it."))
    try:
        services.approve(request.user, the_party)
    except services.AgreementError as error:
        return HttpStatus(400, {"detail": str(error)})
    agreement.refresh_from_db()
    return agreement_out(request, agreement)
