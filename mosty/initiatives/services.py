"""Changes of project ideas: the idea, its team, its canvas (versioned per section),
partners, invitations and offers of help, attachments. Views, the API and the demo call these.

Each service takes plain typed values, runs in one transaction, checks that the actor may
make the change (`actor=None` is the system: demo, commands), writes an audit entry and
raises InitiativeError with a translated message.
"""
import difflib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core import undo
from mosty.core.audit import log_action, log_change, snapshot
from mosty.core.errors import DomainError
from mosty.core.models import Deletion
from mosty.directory.models import Membership, Organisation, Resource
from mosty.initiatives import access
from mosty.initiatives.models import (
    ROW_SECTIONS, Attachment, Idea, IdeaStatus, OfferDirection, OfferStatus, Partner,
    PartnerOffer, PartnerOrigin, Revision, Section, SectionKey, TeamMember)
from mosty.knowledge.models import GoodPractice, PracticeStatus
from mosty.knowledge.services import KnowledgeError, PracticeData, create_practice
from mosty.matching.models import RelationKind, RelationOrigin
from mosty.matching.services import record_relation
from mosty.programmes.models import Event, Group, Programme
from mosty.core import uploads
from mosty.core.uploads import Upload

FILE_TYPES = ("pdf", "docx", "xlsx", "odt", "jpg", "png")
MAX_FILE_BYTES = 15 * 1024 * 1024
ACTIVITY_FIELDS = ("what", "start", "end", "who")
BUDGET_FIELDS = ("item", "own_cash", "own_in_kind", "requested")
MONEY_FIELDS = ("own_cash", "own_in_kind", "requested")
RESERVED = {"new", "funding", "sessions", "offers", "steps"}


class InitiativeError(DomainError):
    """A translated reason why a change of a project idea cannot be made."""


class SectionConflict(InitiativeError):
    """Someone saved the section after the editor opened it; `current` is their version."""

    def __init__(self, current: Section) -> None:
        super().__init__(_("Someone else saved this section after you opened it. Both "
                           "versions are shown below; your text is kept in the form. Merge "
                           "them and save again."))
        self.current = current


@dataclass(frozen=True)
class IdeaData:
    title: str
    summary: str = ""
    programme: Programme | None = None
    group: Group | None = None
    event: Event | None = None
    is_public: bool = False


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise InitiativeError(message)


def _may_edit(actor: User | None, idea: Idea) -> None:
    if actor is not None:
        require(access.can_edit(actor, idea), _("Only the idea's team and the coordinators "
                                                 "of its programme change it."))


def _slug(title: str) -> str:
    base = slugify(title.replace("ł", "l").replace("Ł", "L"))[:100] or "pomysl"
    if base in RESERVED:  # addresses of other pages
        base = f"{base}-1"
    taken = set(Idea.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check_context(data: IdeaData) -> None:
    if data.group is not None:
        require(data.programme is not None and data.group.edition.programme_id
                 == data.programme.pk, _("The group belongs to another programme."))
    if data.event is not None:
        require(data.programme is not None and data.event.programme_id == data.programme.pk,
                 _("The event belongs to another programme."))


def _fill(idea: Idea, data: IdeaData) -> None:
    idea.title = data.title.strip()
    require(bool(idea.title), _("Give the idea a title."))
    _check_context(data)
    idea.summary = data.summary.strip()[:500]
    idea.programme, idea.group, idea.event = data.programme, data.group, data.event
    idea.is_public = data.is_public


@transaction.atomic
def create_idea(actor: User | None, data: IdeaData,
                organisation: Organisation | None = None) -> Idea:
    """Start an idea; the actor joins its team in the name of `organisation`."""
    idea = Idea(created_by=actor)
    _fill(idea, data)
    idea.slug = _slug(idea.title)
    idea.save()
    log_action(actor, "initiatives.idea.created", idea,
               programme=data.programme.slug if data.programme else None)
    if actor is not None and organisation is not None:
        add_member(None, idea, actor, organisation)
    return idea


@transaction.atomic
def update_idea(actor: User | None, idea: Idea, data: IdeaData) -> Idea:
    _may_edit(actor, idea)
    before = snapshot(idea, ["title", "summary", "programme", "group", "event", "is_public"])
    _fill(idea, data)
    idea.save()
    log_change(actor, "initiatives.idea.updated", idea, before)
    return idea


def team_organisations(idea: Idea) -> list[Organisation]:
    seen: dict[int, Organisation] = {}
    for member in idea.team.select_related("organisation"):
        seen.setdefault(member.organisation_id, member.organisation)
    return list(seen.values())


def team_warnings(idea: Idea) -> list[str]:
    """What is wrong with the team's mix (shown on the idea; the second blocks progress)."""
    organisations = team_organisations(idea)
    warnings = []
    if len(organisations) < 2:
        warnings.append(_("The team has people from one organisation only: a co-designed "
                          "project needs people from at least two."))
    if organisations and len({o.sector for o in organisations}) == 1:
        warnings.append(_("All organisations of the team are of one sector (%(sector)s): "
                          "invite a partner from another sector.")
                        % {"sector": organisations[0].get_sector_display()})
    return warnings


@transaction.atomic
def set_status(actor: User | None, idea: Idea, status: str) -> Idea:
    _may_edit(actor, idea)
    require(status in IdeaStatus.values, _("Unknown status."))
    if status != IdeaStatus.IDEA:
        require(len(team_organisations(idea)) >= 2,
                 _("Add a person from another organisation to the team first: a project "
                   "idea is developed by people from at least two organisations."))
    before = snapshot(idea, ["status"])
    idea.status = status
    idea.save(update_fields=["status", "updated_at"])
    log_change(actor, "initiatives.idea.status", idea, before)
    return idea


# Team -----------------------------------------------------------------------------------

@transaction.atomic
def add_member(actor: User | None, idea: Idea, user: User,
               organisation: Organisation) -> TeamMember:
    """Add a person to the team in the name of an organisation they belong to; the
    organisation becomes a partner of the project."""
    _may_edit(actor, idea)
    require(Membership.objects.filter(user=user, organisation=organisation).exists(),
             _("%(person)s is not a member of %(organisation)s.")
             % {"person": user, "organisation": organisation})
    require(not TeamMember.objects.filter(idea=idea, user=user).exists(),
             _("%(person)s is already in the team.") % {"person": user})
    member = TeamMember.objects.create(idea=idea, user=user, organisation=organisation)
    Partner.objects.get_or_create(idea=idea, organisation=organisation,
                                  defaults={"origin": PartnerOrigin.TEAM})
    log_action(actor, "initiatives.team.added", idea, person=user.pk,
               organisation=organisation.pk)
    return member


@transaction.atomic
def remove_member(actor: User, idea: Idea, member: TeamMember, back_url: str) -> Deletion:
    """Take someone off the team; `actor` may undo it for a few minutes (mosty.core.undo)."""
    _may_edit(actor, idea)
    require(member.idea_id == idea.pk, _("This person is not in the team."))
    require(idea.team.count() > 1, _("The last person cannot leave the team."))
    log_action(actor, "initiatives.team.removed", idea, person=member.user_id,
               organisation=member.organisation_id)
    return undo.delete(actor, member, back_url=back_url,
                       label=f"{member.user} ({member.organisation.name})")


# Canvas -----------------------------------------------------------------------------------

def _money(value: Any) -> str:
    text = str(value or "").replace(" ", "").replace(",", ".").strip()
    if not text:
        return ""
    try:
        amount = Decimal(text)
    except InvalidOperation as error:
        raise InitiativeError(_("“%(value)s” is not an amount.") % {"value": value}) from error
    require(amount >= 0, _("Amounts cannot be negative."))
    return f"{amount.quantize(Decimal('0.01'))}"


def clean_rows(key: str, rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Rows of a table section with known fields only, empty rows left out."""
    names = ACTIVITY_FIELDS if key == SectionKey.ACTIVITIES else BUDGET_FIELDS
    cleaned = []
    for row in rows:
        values = {name: str(row.get(name) or "").strip() for name in names}
        if not any(values.values()):
            continue
        if key == SectionKey.BUDGET:
            for name in MONEY_FIELDS:
                values[name] = _money(values[name])
            require(bool(values["item"]), _("Every budget line needs a name."))
        else:
            require(bool(values["what"]), _("Every activity needs a name."))
            if values["start"] and values["end"]:
                require(values["start"] <= values["end"],
                         _("An activity cannot end before it starts."))
        cleaned.append(values)
    return cleaned


def section(idea: Idea, key: str) -> Section:
    """The section as it is now (an unsaved empty one before the first save)."""
    found = idea.sections.filter(key=key).first()
    return found or Section(idea=idea, key=key)


@transaction.atomic
def save_section(actor: User | None, idea: Idea, key: str, text: str = "",
                 rows: list[dict[str, Any]] | None = None,
                 expected_version: int | None = None) -> Section:
    """Save one part of the canvas. `expected_version` is the version the editor started
    from: if someone saved in between, nothing is written and SectionConflict carries theirs."""
    _may_edit(actor, idea)
    require(key in SectionKey.values, _("Unknown section."))
    current, _created = Section.objects.select_for_update().get_or_create(idea=idea, key=key)
    if expected_version is not None and current.version != expected_version:
        raise SectionConflict(current)
    new_rows = clean_rows(key, rows or []) if key in ROW_SECTIONS else []
    new_text = "" if key in ROW_SECTIONS else text.strip()
    if new_text == current.text and new_rows == current.rows and current.version:
        return current
    before = {"text": current.text, "rows": current.rows, "version": current.version}
    current.text, current.rows = new_text, new_rows
    current.version += 1
    current.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    current.save()
    Revision.objects.create(section=current, version=current.version, text=current.text,
                            rows=current.rows, author=current.updated_by)
    Idea.objects.filter(pk=idea.pk).update(updated_at=timezone.now())
    log_change(actor, "initiatives.section.saved", idea, before,
               {"text": current.text, "rows": current.rows, "version": current.version},
               section=key)
    return current


def restore_revision(actor: User | None, idea: Idea, revision: Revision) -> Section:
    """Make an old version the current one (as a new version: nothing is lost)."""
    require(revision.section.idea_id == idea.pk, _("This version belongs to another idea."))
    saved = save_section(actor, idea, revision.section.key, revision.text, revision.rows)
    Revision.objects.filter(section=saved, version=saved.version).update(
        restored_from=revision.version)
    return saved


def section_lines(key: str, text: str, rows: list[dict[str, str]]) -> list[str]:
    """The section as lines of text, for comparing versions."""
    if key == SectionKey.ACTIVITIES:
        return [f"{r['what']} | {r['start']}–{r['end']} | {r['who']}" for r in rows]
    if key == SectionKey.BUDGET:
        return [f"{r['item']} | {r['own_cash'] or 0} | {r['own_in_kind'] or 0} | "
                f"{r['requested'] or 0}" for r in rows]
    return text.splitlines()


def compare(key: str, old: Revision | None, new: Revision) -> list[tuple[str, str]]:
    """(kind, line) pairs: "+" added, "-" removed, " " kept."""
    old_lines = section_lines(key, old.text, old.rows) if old else []
    diff = difflib.ndiff(old_lines, section_lines(key, new.text, new.rows))
    return [(line[0], line[2:]) for line in diff if line[:1] in "+- "]


@dataclass(frozen=True)
class BudgetTotals:
    own_cash: Decimal
    own_in_kind: Decimal
    requested: Decimal

    @property
    def own(self) -> Decimal:
        return self.own_cash + self.own_in_kind

    @property
    def total(self) -> Decimal:
        return self.own + self.requested


def budget_totals(rows: list[dict[str, str]]) -> BudgetTotals:
    sums = {name: sum((Decimal(r.get(name) or 0) for r in rows), Decimal(0))
            for name in MONEY_FIELDS}
    return BudgetTotals(**sums)


# Partners -----------------------------------------------------------------------------------

def _offered_resources(organisation: Organisation, ids: tuple[int, ...]) -> list[Resource]:
    resources = list(Resource.objects.filter(organisation=organisation, kind="offer",
                                             pk__in=ids))
    require(len(resources) == len(set(ids)),
             _("Pick resources that %(organisation)s offers in its profile.")
             % {"organisation": organisation})
    return resources


@transaction.atomic
def save_partner(actor: User | None, idea: Idea, organisation: Organisation, contribution: str,
                 resource_ids: tuple[int, ...] = ()) -> Partner:
    """Add a partner or change what it contributes (linked to resources of its profile)."""
    _may_edit(actor, idea)
    resources = _offered_resources(organisation, resource_ids)
    partner, created = Partner.objects.get_or_create(
        idea=idea, organisation=organisation, defaults={"origin": PartnerOrigin.MANUAL})
    partner.contribution = contribution.strip()
    partner.save(update_fields=["contribution"])
    partner.resources.set(resources)
    log_action(actor, "initiatives.partner.saved", idea, organisation=organisation.pk,
               contribution=partner.contribution, resources=[r.pk for r in resources],
               created=created)
    return partner


@transaction.atomic
def remove_partner(actor: User, idea: Idea, partner: Partner, back_url: str) -> Deletion:
    """Take an organisation (and what it contributes) off the partners; `actor` may undo it
    for a few minutes (mosty.core.undo)."""
    _may_edit(actor, idea)
    require(partner.idea_id == idea.pk, _("This organisation is not a partner."))
    require(partner.organisation_id not in {o.pk for o in team_organisations(idea)},
             _("An organisation of the team stays a partner while its people are in the "
               "team."))
    log_action(actor, "initiatives.partner.removed", idea, organisation=partner.organisation_id)
    return undo.delete(actor, partner, label=partner.organisation.name, back_url=back_url)


@transaction.atomic
def invite(actor: User | None, idea: Idea, organisation: Organisation, text: str) -> PartnerOffer:
    """The team asks an organisation to join for what the canvas lacks."""
    _may_edit(actor, idea)
    text = text.strip()
    require(bool(text), _("Say what you need from the organisation."))
    require(not idea.partners.filter(organisation=organisation).exists(),
             _("%(organisation)s is already a partner.") % {"organisation": organisation})
    require(not idea.offers.filter(organisation=organisation,
                                    status=OfferStatus.PENDING).exists(),
             _("%(organisation)s has not answered the last invitation yet.")
             % {"organisation": organisation})
    offer = PartnerOffer.objects.create(idea=idea, organisation=organisation, text=text,
                                        direction=OfferDirection.INVITATION, created_by=actor)
    log_action(actor, "initiatives.partner.invited", idea, organisation=organisation.pk)
    return offer


def can_answer(user: User, offer: PartnerOffer) -> bool:
    """Invitations are answered by the organisation's members, offers by the team."""
    if offer.direction == OfferDirection.OFFER:
        return access.can_edit(user, offer.idea)
    return bool(getattr(user, "is_staff", False)) or Membership.objects.filter(
        user=user, organisation_id=offer.organisation_id).exists()


@transaction.atomic
def answer(actor: User | None, offer: PartnerOffer, accept: bool) -> PartnerOffer:
    """Accept or decline an invitation or an offer of help. Accepting adds the organisation
    as a partner and records "co-designed a project" with each organisation of the team."""
    offer = PartnerOffer.objects.select_for_update().select_related("idea").get(pk=offer.pk)
    if actor is not None:
        require(can_answer(actor, offer), _("You cannot answer this."))
    require(offer.status == OfferStatus.PENDING, _("This has already been answered."))
    offer.status = OfferStatus.ACCEPTED if accept else OfferStatus.DECLINED
    offer.answered_by = actor if getattr(actor, "is_authenticated", False) else None
    offer.answered_at = timezone.now()
    offer.save(update_fields=["status", "answered_by", "answered_at"])
    log_action(actor, "initiatives.partner.answered", offer.idea,
               organisation=offer.organisation_id, direction=offer.direction,
               status=offer.status)
    if accept:
        idea = offer.idea
        origin = PartnerOrigin.INVITATION if offer.direction == OfferDirection.INVITATION \
            else PartnerOrigin.OFFER
        partner, created = Partner.objects.get_or_create(
            idea=idea, organisation_id=offer.organisation_id,
            defaults={"origin": origin, "contribution": offer.text})
        if not created and not partner.contribution:
            partner.contribution = offer.text
            partner.save(update_fields=["contribution"])
        for organisation in team_organisations(idea):
            if organisation.pk != offer.organisation_id:
                record_relation(organisation, offer.organisation_id, RelationKind.CODESIGN,
                                RelationOrigin.INITIATIVE, programme=idea.programme, user=actor)
    return offer


# Attachments ------------------------------------------------------------------------------

@transaction.atomic
def add_attachment(actor: User | None, idea: Idea, upload: Upload) -> Attachment:
    _may_edit(actor, idea)
    checked = uploads.check(upload.handle, upload.name, FILE_TYPES, MAX_FILE_BYTES)
    require(checked.problem is None, checked.problem or "")
    attachment = Attachment(idea=idea, title=upload.title.strip()[:200],
                            file_type=checked.file_type, size=checked.size, uploaded_by=actor)
    attachment.file.save(uploads.stored_name(upload.name, checked.file_type),
                         File(upload.handle), save=False)
    attachment.save()
    log_action(actor, "initiatives.attachment.added", idea, file=attachment.file.name)
    return attachment


@transaction.atomic
def remove_attachment(actor: User | None, idea: Idea, attachment: Attachment,
                      back_url: str = "") -> Deletion:
    """Remove a file; `actor` may undo it for a few minutes (mosty.core.undo), and the
    stored file goes only once that time is over."""
    _may_edit(actor, idea)
    require(attachment.idea_id == idea.pk, _("This file belongs to another idea."))
    log_action(actor, "initiatives.attachment.removed", idea, file=attachment.file.name)
    return undo.delete(actor, attachment, label=str(attachment),
                       back_url=back_url or f"{idea.get_absolute_url()}#files")


# Knowledge base ---------------------------------------------------------------------------

def idea_organisations(idea: Idea) -> list[Organisation]:
    """The organisations of the project: the team's first, then the other partners."""
    organisations = team_organisations(idea)
    seen = {o.pk for o in organisations}
    for partner in idea.partners.select_related("organisation"):
        if partner.organisation_id not in seen:
            seen.add(partner.organisation_id)
            organisations.append(partner.organisation)
    return organisations


@transaction.atomic
def practice_from_idea(actor: User | None, idea: Idea) -> GoodPractice:
    """Write a finished project down as a good practice (a draft its author checks before
    publishing): its organisations, what was done, what came of it. The editors of the
    knowledge base (of the idea's programme) may; mosty.knowledge checks it."""
    require(idea.status == IdeaStatus.FINISHED,
            _("Only a finished project can become a good practice."))
    source = f"idea:{idea.pk}"
    existing = GoodPractice.objects.filter(source=source).first()
    require(existing is None, _("This project is already a good practice: “%(title)s”.")
            % {"title": existing.title if existing else ""})
    texts = {s.key: s for s in idea.sections.all()}

    def text(key: str) -> str:
        return texts[key].text.strip() if key in texts else ""

    activities = texts[SectionKey.ACTIVITIES].rows if SectionKey.ACTIVITIES in texts else []
    what = "\n\n".join(part for part in (
        text(SectionKey.GOALS), "\n".join(f"– {row['what']}" for row in activities),
        text(SectionKey.TARGET_GROUP)) if part)
    organisations = idea_organisations(idea)
    sectors = list(dict.fromkeys(o.sector for o in organisations))
    place = next((o.municipality for o in organisations if o.municipality_id), None)
    try:
        return create_practice(actor, PracticeData(
            title=idea.title, who=", ".join(o.name for o in organisations)[:300],
            what=what or idea.summary or idea.title, summary=idea.summary[:300],
            municipality_code=place.code if place else "",
            partner_ids=tuple(o.pk for o in organisations), outcome=text(SectionKey.RESULTS),
            sector_a=sectors[0] if sectors else "",
            sector_b=sectors[1] if len(sectors) > 1 else "",
            status=PracticeStatus.DRAFT, programme=idea.programme, source=source))
    except KnowledgeError as error:
        raise InitiativeError(error.message) from error
