"""Changes of the dialogue bodies (KDO, the public benefit council): the body with its term of
office, its members from organisations, its meetings (events, whose conclusions the events
module records and publishes). Same rules as services.py: typed values, one transaction, an
audit entry, CooperationError."""
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core import undo
from mosty.core.audit import log_action, log_change, snapshot
from mosty.core.models import Deletion
from mosty.cooperation import access
from mosty.cooperation.models import BodyKind, BodyMember, DialogueBody
from mosty.cooperation.services import CooperationError, meeting_events
from mosty.directory.models import Organisation, Territory
from mosty.programmes.models import Event


@dataclass(frozen=True)
class BodyData:
    territory_code: str
    kind: str
    name: str
    description: str = ""
    term_start: date | None = None
    term_end: date | None = None


@dataclass(frozen=True)
class MemberData:
    person: str
    organisation_id: int | None = None
    function: str = ""
    term_start: date | None = None
    term_end: date | None = None


def _require_editor(actor: User | None, territory: Territory) -> None:
    if actor is not None and not access.can_edit_territory(actor, territory):
        raise CooperationError(_("Only officials of %(unit)s edit its dialogue bodies.")
                               % {"unit": territory.name})


def _check_term(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise CooperationError(_("The term of office cannot end before it starts."),
                               "term_end")


def _fill(body: DialogueBody, data: BodyData) -> None:
    territory = Territory.objects.filter(code=data.territory_code).first()
    if territory is None:
        raise CooperationError(_("Choose the local government unit from the list."),
                               "territory")
    if data.kind not in BodyKind.values:
        raise CooperationError(_("Choose the kind of body from the list."), "kind")
    if not data.name.strip():
        raise CooperationError(_("Give the body's name."), "name")
    _check_term(data.term_start, data.term_end)
    body.territory, body.kind, body.name = territory, data.kind, data.name.strip()
    body.description = data.description.strip()
    body.term_start, body.term_end = data.term_start, data.term_end


FIELDS = ["territory", "kind", "name", "description", "term_start", "term_end"]


@transaction.atomic
def save_body(actor: User | None, body: DialogueBody | None, data: BodyData) -> DialogueBody:
    """Create a body (`body` None) or change it."""
    if body is not None:
        _require_editor(actor, body.territory)
    before = snapshot(body, FIELDS) if body is not None else None
    body = body or DialogueBody()
    _fill(body, data)
    _require_editor(actor, body.territory)
    body.save()
    log_change(actor, "cooperation.body.saved", body, before,
               after=snapshot(body, FIELDS))
    return body


@transaction.atomic
def add_member(actor: User | None, body: DialogueBody, data: MemberData) -> BodyMember:
    _require_editor(actor, body.territory)
    if not data.person.strip():
        raise CooperationError(_("Give the member's name."), "person")
    _check_term(data.term_start, data.term_end)
    organisation = None
    if data.organisation_id is not None:
        organisation = Organisation.objects.filter(pk=data.organisation_id).first()
        if organisation is None:
            raise CooperationError(_("This organisation no longer exists."), "organisation")
    member = BodyMember.objects.create(
        body=body, person=data.person.strip(), organisation=organisation,
        function=data.function.strip(), term_start=data.term_start or body.term_start,
        term_end=data.term_end or body.term_end)
    log_action(actor, "cooperation.body.member_added", body, person=member.person,
               organisation=organisation.slug if organisation else "")
    return member


@transaction.atomic
def remove_member(actor: User, member: BodyMember, back_url: str) -> Deletion:
    """Take a member off a body; `actor` may undo it for a few minutes (mosty.core.undo)."""
    _require_editor(actor, member.body.territory)
    log_action(actor, "cooperation.body.member_removed", member.body, person=member.person)
    return undo.delete(actor, member, label=member.person, back_url=back_url)


@transaction.atomic
def set_body_meetings(actor: User | None, body: DialogueBody, event_ids: list[int]) -> list[Event]:
    """The body's meetings: events the actor can see."""
    _require_editor(actor, body.territory)
    chosen = meeting_events(actor, event_ids)
    before = sorted(body.meetings.values_list("pk", flat=True))
    body.meetings.set(chosen)
    log_action(actor, "cooperation.body.meetings_set", body,
               changes={"meetings": [before, sorted(e.pk for e in chosen)]})
    return chosen
