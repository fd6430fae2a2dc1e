"""State changes of cooperation agreements. Views, the API, commands and the demo call these.

Every change locks the agreement's row, so two people approving or editing at once are
handled one after the other. Each change of the text (terms, parties, contributions) keeps
a version; a change after a party approved withdraws the approvals, because they approved
another text. Signing records the relation on the map (mosty.matching) with the agreement
as its source.
"""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from itertools import combinations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.agreements import access
from mosty.agreements.documents import DocumentError, agreement_text, render_docx
from mosty.agreements.models import (
    Agreement, Contribution, ContributionKind, Party, Status, Version)
from mosty.accounts.access import Viewer
from mosty.accounts.models import User
from mosty.core import undo, uploads
from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.core.models import Deletion
from mosty.directory.choices import ResourceCategory
from mosty.directory.models import Organisation, Resource
from mosty.events.models import Conclusions
from mosty.initiatives.models import Idea, SectionKey
from mosty.initiatives.services import idea_organisations
from mosty.matching.models import RelationKind, RelationOrigin
from mosty.matching.services import record_relation
from mosty.programmes.models import Event, Group, Programme
from mosty.knowledge.models import GoodPractice, PracticeStatus
from mosty.knowledge.services import KnowledgeError, PracticeData, create_practice

MAX_UPLOAD_MB = 15
SCAN_TYPES = ("pdf", "jpg", "png")


class AgreementError(DomainError):
    """A translated reason why a change cannot be made."""


class EditConflict(AgreementError):
    """Someone else saved the agreement after the form was opened."""


class AlreadyCreated(AgreementError):
    """The source already became an agreement: `existing` is that agreement."""

    def __init__(self, message: str, existing: Agreement) -> None:
        super().__init__(message)
        self.existing = existing


@dataclass(frozen=True)
class Terms:
    title: str
    place: str = ""
    purpose: str = ""
    scope: str = ""
    work_plan: str = ""
    indicators: str = ""
    communication: str = ""
    start_date: date | None = None
    end_date: date | None = None
    review_date: date | None = None
    disputes: str = ""
    exit_terms: str = ""
    personal_data: str = ""
    attachments_note: str = ""


@dataclass(frozen=True)
class PartyDetails:
    representative: str = ""
    function: str = ""
    email: str = ""
    objectives: str = ""
    role: str = ""
    coordinator: str = ""


@dataclass(frozen=True)
class ContributionDetails:
    kind: str
    description: str
    resource_id: int | None = None
    amount: Decimal | None = None


def _lock(agreement: Agreement) -> Agreement:
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to programme.
    return Agreement.objects.select_for_update(of=("self",)).select_related(
        "programme").get(pk=agreement.pk)


def _require_editable(agreement: Agreement) -> None:
    if agreement.status in (Status.SIGNED, Status.ENDED):
        raise AgreementError(_("A signed agreement cannot be changed; make an annex as a new "
                               "agreement instead."))


def _record_version(actor: Viewer | None, agreement: Agreement) -> Version | None:
    """Keep the text if it changed; approvals of the previous text are withdrawn."""
    text = agreement_text(agreement)
    last = agreement.versions.order_by("-number").first()
    if last is not None and last.text == text:
        return None
    version = Version.objects.create(
        agreement=agreement, number=(last.number + 1) if last else 1, text=text,
        created_by=actor if isinstance(actor, User) else None)
    if last is not None:
        withdrawn = agreement.parties.filter(approved_at__isnull=False).update(
            approved_at=None, approved_by=None, approved_version=None)
        if agreement.status == Status.AGREED:
            agreement.status = Status.DRAFT
            agreement.save(update_fields=["status", "updated_at"])
        if withdrawn:
            log_action(actor, "agreements.approvals.withdrawn", agreement,
                       version=version.number, parties=withdrawn)
    return version


def _checked_name(upload: UploadedFile, allowed: tuple[str, ...], default: str) -> str:
    """The name to store an upload under (with the extension of the type its content shows),
    once it passed the shared checks of mosty.core.uploads; AgreementError otherwise."""
    checked = uploads.check(upload, upload.name, allowed, MAX_UPLOAD_MB * 1024 * 1024)
    if checked.problem:
        raise AgreementError(checked.problem)
    return uploads.stored_name(upload.name or default, checked.file_type)


@transaction.atomic
def create_agreement(actor: User | None, title: str, organisations: list[Organisation],
                     programme: Programme | None = None, group: Group | None = None,
                     source_event: Event | None = None, recommendations: str = "",
                     source_idea: Idea | None = None, terms: Terms | None = None,
                     contributions: Mapping[int, Sequence[ContributionDetails]] | None = None,
                     ) -> Agreement:
    """A draft between the organisations (in the given order), version 1 of its text.

    `terms` fill the text (all but the title); `contributions` are keyed by organisation id
    and their resources must come from that organisation's profile."""
    if not title.strip():
        raise AgreementError(_("Give the agreement a title."))
    agreement = Agreement(
        title=title.strip()[:255], programme=programme, group=group, source_event=source_event,
        source_idea=source_idea, recommendations=recommendations, scope=recommendations,
        created_by=actor if getattr(actor, "is_authenticated", False) else None)
    for term in fields(Terms):
        if terms is not None and term.name != "title":
            setattr(agreement, term.name, getattr(terms, term.name))
    agreement.save()
    for position, organisation in enumerate(dict.fromkeys(organisations), 1):
        party = Party.objects.create(agreement=agreement, organisation=organisation,
                                     position=position)
        for details in (contributions or {}).get(organisation.pk, ()):
            _new_contribution(party, details)
    _record_version(actor, agreement)
    log_action(actor, "agreements.agreement.created", agreement,
               programme=programme.slug if programme else None,
               source_event=source_event.slug if source_event else None,
               source_idea=source_idea.slug if source_idea else None,
               parties=[o.pk for o in organisations])
    return agreement


def create_from_conclusions(actor: User | None, event: Event) -> Agreement:
    """A draft between the organisations of the event's group, its scope taken from the
    recommendations recorded after the event."""
    if event.group is None:
        raise AgreementError(_("The event has no group whose organisations would be the "
                               "parties."))
    record = Conclusions.objects.filter(event=event).first()
    if record is None or not record.recommendations.strip():
        raise AgreementError(_("The event has no recorded recommendations yet."))
    organisations = [m.organisation for m in
                     event.group.members.select_related("organisation").order_by("id")]
    title = _("Cooperation agreement: %(names)s") % {
        "names": " – ".join(o.name for o in organisations)}
    return create_agreement(actor, title[:255], organisations, programme=event.programme,
                            group=event.group, source_event=event,
                            recommendations=record.recommendations.strip())


# What a resource of a profile is, as a contribution to an agreement.
_CONTRIBUTION_KINDS: dict[str, str] = {ResourceCategory.FUNDING: ContributionKind.MONEY,
                                      ResourceCategory.EXPERTISE: ContributionKind.STAFF,
                                      ResourceCategory.VOLUNTEERS: ContributionKind.STAFF}


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _idea_terms(idea: Idea, title: str) -> Terms:
    """The idea's canvas as the text of an agreement: goals and problem are the purpose,
    activities the scope and (with their dates) the work plan, expected results the
    indicators; the agreement is in force from the first activity to the last."""
    sections = {s.key: s for s in idea.sections.all()}

    def text(key: str) -> str:
        return sections[key].text.strip() if key in sections else ""

    activities = sections[SectionKey.ACTIVITIES].rows if SectionKey.ACTIVITIES in sections \
        else []
    purpose = [text(SectionKey.GOALS)]
    if text(SectionKey.PROBLEM):
        purpose.append(_("The problem we address: %(problem)s")
                       % {"problem": text(SectionKey.PROBLEM)})
    scope = [f"– {row['what']}" for row in activities]
    if text(SectionKey.TARGET_GROUP):
        scope.append(_("Target group: %(group)s") % {"group": text(SectionKey.TARGET_GROUP)})
    plan = []
    for row in activities:
        when = " – ".join(d for d in (row.get("start", ""), row.get("end", "")) if d)
        who = row.get("who", "")
        plan.append(f"– {row['what']}" + (f" ({when})" if when else "")
                    + (f": {who}" if who else ""))
    starts = [d for d in (_iso_date(r.get("start", "")) for r in activities) if d]
    ends = [d for d in (_iso_date(r.get("end", "") or r.get("start", "")) for r in activities)
            if d]
    return Terms(title=title, purpose="\n\n".join(p for p in purpose if p),
                 scope="\n".join(scope), work_plan="\n".join(plan),
                 indicators=text(SectionKey.RESULTS),
                 start_date=min(starts) if starts else None,
                 end_date=max(ends) if ends else None)


def _partner_contributions(idea: Idea) -> dict[int, list[ContributionDetails]]:
    """What each partner brings: its profile resources, and its own words when they say
    more than the resources do."""
    found: dict[int, list[ContributionDetails]] = {}
    for partner in idea.partners.prefetch_related("resources"):
        resources = list(partner.resources.all())
        details = [ContributionDetails(
            kind=_CONTRIBUTION_KINDS.get(r.category, ContributionKind.IN_KIND),
            description=r.description, resource_id=r.pk) for r in resources]
        words = partner.contribution.strip()
        if words and words not in {r.description.strip() for r in resources}:
            details.insert(0, ContributionDetails(kind=ContributionKind.IN_KIND,
                                                  description=words))
        found[partner.organisation_id] = details
    return found


@transaction.atomic
def create_from_idea(actor: User | None, idea: Idea) -> Agreement:
    """A draft between the idea's organisations (the team's, then the partners'), its text
    taken from the canvas and each partner's contributions with their profile resources.
    One agreement per idea: a second attempt raises AlreadyCreated naming the first."""
    if actor is not None and not access.may_create_from_idea(actor, idea):
        raise AgreementError(_("Only the idea's team and the coordinators of its programme "
                               "turn it into an agreement."))
    # Lock the idea's row: two clicks at once still make one agreement.
    idea = Idea.objects.select_for_update(of=("self",)).select_related(
        "programme", "group").get(pk=idea.pk)
    existing = Agreement.objects.filter(source_idea=idea).first()
    if existing is not None:
        raise AlreadyCreated(_("This idea already has its cooperation agreement: “%(title)s”.")
                             % {"title": existing.title}, existing)
    organisations = idea_organisations(idea)
    if not organisations:
        raise AgreementError(_("The idea has no organisations that would be the parties."))
    title = (_("Cooperation agreement: %(title)s") % {"title": idea.title})[:255]
    return create_agreement(actor, title, organisations, programme=idea.programme,
                            group=idea.group, source_idea=idea, terms=_idea_terms(idea, title),
                            contributions=_partner_contributions(idea))


@transaction.atomic
def update_terms(actor: User | None, agreement: Agreement, terms: Terms,
                 expected_version: int) -> Agreement:
    """Save the terms; raises EditConflict when someone saved them after `expected_version`."""
    agreement = _lock(agreement)
    _require_editable(agreement)
    if agreement.version != expected_version:
        raise EditConflict(_("Someone else saved this agreement while you were editing it. "
                             "Your text is still in the form: compare it with the current "
                             "version and save again."))
    if not terms.title.strip():
        raise AgreementError(_("Give the agreement a title."))
    if terms.start_date and terms.end_date and terms.end_date < terms.start_date:
        raise AgreementError(_("The agreement cannot end before it starts."))
    changed = [f.name for f in fields(Terms)
               if getattr(agreement, f.name) != getattr(terms, f.name)]
    for name in changed:
        setattr(agreement, name, getattr(terms, name))
    agreement.version += 1
    agreement.save(update_fields=[*changed, "version", "updated_at"])
    version = _record_version(actor, agreement)
    log_action(actor, "agreements.terms.changed", agreement, fields=changed,
               version=version.number if version else None)
    return agreement


@transaction.atomic
def add_party(actor: User | None, agreement: Agreement, organisation: Organisation) -> Party:
    agreement = _lock(agreement)
    _require_editable(agreement)
    if agreement.parties.filter(organisation=organisation).exists():
        raise AgreementError(_("%(name)s is already a party.") % {"name": organisation.name})
    position = (agreement.parties.aggregate(m=Max("position"))["m"] or 0) + 1
    party = Party.objects.create(agreement=agreement, organisation=organisation,
                                 position=position)
    _record_version(actor, agreement)
    log_action(actor, "agreements.party.added", agreement, organisation=organisation.slug)
    return party


@transaction.atomic
def update_party(actor: User | None, party: Party, details: PartyDetails) -> Party:
    agreement = _lock(party.agreement)
    _require_editable(agreement)
    party = Party.objects.select_for_update().get(pk=party.pk)
    changed = [f.name for f in fields(PartyDetails)
               if getattr(party, f.name) != getattr(details, f.name)]
    for name in changed:
        setattr(party, name, getattr(details, name))
    if changed:
        party.save(update_fields=changed)
    _record_version(actor, agreement)
    log_action(actor, "agreements.party.changed", agreement, party=party.pk, fields=changed)
    return party


@transaction.atomic
def remove_party(actor: User, party: Party, back_url: str) -> Deletion:
    """Take a party (and its contributions) out of a draft; the text changes, so approvals
    are withdrawn. `actor` may undo it for a few minutes (mosty.core.undo)."""
    agreement = _lock(party.agreement)
    _require_editable(agreement)
    log_action(actor, "agreements.party.removed", agreement,
               organisation=party.organisation.slug)
    deletion = undo.delete(actor, party, label=party.organisation.name, back_url=back_url)
    _record_version(actor, agreement)
    return deletion


def _new_contribution(party: Party, details: ContributionDetails) -> Contribution:
    if details.kind not in ContributionKind.values:
        raise AgreementError(_("Choose the kind of contribution."))
    resource = None
    if details.resource_id is not None:
        resource = Resource.objects.filter(pk=details.resource_id,
                                           organisation_id=party.organisation_id).first()
        if resource is None:
            raise AgreementError(_("That resource is not in this party's profile."))
    description = details.description.strip() or (resource.description if resource else "")
    if not description:
        raise AgreementError(_("Describe the contribution or choose it from the profile."))
    if details.amount is not None and details.amount < 0:
        raise AgreementError(_("The amount cannot be negative."))
    return Contribution.objects.create(
        party=party, kind=details.kind, description=description[:500], resource=resource,
        amount=details.amount)


@transaction.atomic
def add_contribution(actor: User | None, party: Party,
                     details: ContributionDetails) -> Contribution:
    """Record what a party brings; a resource must come from that party's own profile."""
    agreement = _lock(party.agreement)
    _require_editable(agreement)
    contribution = _new_contribution(party, details)
    _record_version(actor, agreement)
    log_action(actor, "agreements.contribution.added", agreement, party=party.pk,
               kind=details.kind, resource=contribution.resource_id)
    return contribution


@transaction.atomic
def remove_contribution(actor: User, contribution: Contribution, back_url: str) -> Deletion:
    """Take a contribution out of a draft; `actor` may undo it for a few minutes."""
    agreement = _lock(contribution.party.agreement)
    _require_editable(agreement)
    log_action(actor, "agreements.contribution.removed", agreement,
               party=contribution.party_id, description=contribution.description)
    deletion = undo.delete(actor, contribution, back_url=back_url,
                           label=contribution.description[:100])
    _record_version(actor, agreement)
    return deletion


@undo.after_restore(Party)
def _party_restored(actor: User, party: Party) -> None:
    """Undoing a removal changes the text again: only while it may change, as a new version."""
    agreement = _lock(party.agreement)
    _require_editable(agreement)
    _record_version(actor, agreement)


@undo.after_restore(Contribution)
def _contribution_restored(actor: User, contribution: Contribution) -> None:
    _party_restored(actor, contribution.party)


@transaction.atomic
def approve(actor: Viewer | None, party: Party, via_link: bool = False) -> Party:
    """The party's representative approves the current text; when every party has, the
    agreement is agreed and can be signed."""
    agreement = _lock(party.agreement)
    if agreement.status != Status.DRAFT:
        raise AgreementError(_("Only a draft is approved; this agreement is %(status)s.")
                             % {"status": agreement.get_status_display()})
    if agreement.parties.count() < 2:
        raise AgreementError(_("An agreement needs at least two parties."))
    party = Party.objects.select_for_update().get(pk=party.pk)
    if party.approved_at is not None:
        raise AgreementError(_("%(name)s has already approved this text.")
                             % {"name": party.organisation.name})
    last = agreement.versions.order_by("-number").first()
    party.approved_at = timezone.now()
    party.approved_by = actor if isinstance(actor, User) else None
    party.approved_version = last.number if last else None
    party.save(update_fields=["approved_at", "approved_by", "approved_version"])
    log_action(actor, "agreements.party.approved", agreement, party=party.pk,
               organisation=party.organisation.slug, via_link=via_link,
               version=party.approved_version)
    if not agreement.parties.filter(approved_at__isnull=True).exists():
        agreement.status = Status.AGREED
        agreement.save(update_fields=["status", "updated_at"])
        log_action(actor, "agreements.agreement.agreed", agreement)
    return party


@transaction.atomic
def sign(actor: User | None, agreement: Agreement, signed_on: date,
         scan: UploadedFile | None = None) -> Agreement:
    """Mark the agreed text signed and add the relation of every two parties to the map."""
    agreement = _lock(agreement)
    if agreement.status != Status.AGREED or \
            agreement.parties.filter(approved_at__isnull=True).exists():
        raise AgreementError(_("Every party must approve the text before it is signed."))
    if signed_on > timezone.localdate():
        raise AgreementError(_("The date of signing cannot be in the future."))
    if scan is not None:
        agreement.signed_scan.save(_checked_name(scan, SCAN_TYPES, "skan"), scan, save=False)
    agreement.status = Status.SIGNED
    agreement.signed_on = signed_on
    organisations = [p.organisation for p in agreement.parties.select_related("organisation")]
    relations = [record_relation(a, b, RelationKind.AGREEMENT, RelationOrigin.AGREEMENT,
                                 programme=agreement.programme, user=actor, when=signed_on)
                 for a, b in combinations(organisations, 2)]
    agreement.relation = relations[0] if relations else None
    agreement.save(update_fields=["status", "signed_on", "signed_scan", "relation",
                                  "updated_at"])
    log_action(actor, "agreements.agreement.signed", agreement, signed_on=str(signed_on),
               relations=[r.pk for r in relations], scan=bool(scan))
    return agreement


@transaction.atomic
def attach_scan(actor: User | None, agreement: Agreement, scan: UploadedFile) -> Agreement:
    agreement = _lock(agreement)
    if agreement.status not in (Status.SIGNED, Status.ENDED):
        raise AgreementError(_("A scan is attached to a signed agreement."))
    agreement.signed_scan.save(_checked_name(scan, SCAN_TYPES, "skan"), scan, save=False)
    agreement.save(update_fields=["signed_scan", "updated_at"])
    log_action(actor, "agreements.scan.attached", agreement)
    return agreement


@transaction.atomic
def end(actor: User | None, agreement: Agreement, ended_on: date) -> Agreement:
    """The cooperation under this agreement is over; the relation on the map stays (it
    happened)."""
    agreement = _lock(agreement)
    if agreement.status != Status.SIGNED:
        raise AgreementError(_("Only a signed agreement can end."))
    if agreement.signed_on and ended_on < agreement.signed_on:
        raise AgreementError(_("The agreement cannot end before it was signed."))
    agreement.status = Status.ENDED
    agreement.ended_on = ended_on
    agreement.save(update_fields=["status", "ended_on", "updated_at"])
    log_action(actor, "agreements.agreement.ended", agreement, ended_on=str(ended_on))
    return agreement


@transaction.atomic
def set_template(actor: User | None, agreement: Agreement,
                 upload: UploadedFile | None) -> Agreement:
    """Use the organiser's own DOCX template (None: back to Mosty's); it must fill in."""
    agreement = _lock(agreement)
    if upload is None:
        agreement.template = ""
    else:
        agreement.template.save(_checked_name(upload, ("docx",), "szablon"), upload,
                                save=False)
        try:
            render_docx(agreement)
        except DocumentError as error:
            agreement.template.delete(save=False)
            raise AgreementError(str(error)) from error
    agreement.save(update_fields=["template", "updated_at"])
    log_action(actor, "agreements.template.changed", agreement, own=upload is not None)
    return agreement


@transaction.atomic
def practice_from_agreement(actor: User | None, agreement: Agreement) -> GoodPractice:
    """Write a signed or ended agreement down as a good practice (a draft its author checks
    before publishing): the parties, where, what they agreed and how they measure it."""
    if agreement.status not in (Status.SIGNED, Status.ENDED):
        raise AgreementError(_("Only a signed or ended agreement can become a good practice."))
    existing = GoodPractice.objects.filter(source=f"agreement:{agreement.pk}").first()
    if existing is not None:
        raise AgreementError(_("This agreement is already a good practice: “%(title)s”.")
                             % {"title": existing.title})
    parties = [p.organisation for p in agreement.parties.select_related("organisation")]
    sectors = list(dict.fromkeys(organisation.sector for organisation in parties))
    place = next((o.municipality for o in parties if o.municipality_id), None)
    what = "\n\n".join(text for text in (agreement.purpose, agreement.scope,
                                         agreement.work_plan) if text.strip())
    try:
        return create_practice(actor, PracticeData(
            title=agreement.title, who=", ".join(o.name for o in parties),
            what=what or agreement.title, summary=agreement.purpose,
            municipality_code=place.code if place else "", place=agreement.place,
            partner_ids=tuple(o.pk for o in parties), outcome=agreement.indicators,
            sector_a=sectors[0] if sectors else "",
            # Parties of one sector (a culture centre and an OPS) leave the second one empty.
            sector_b=sectors[1] if len(sectors) > 1 else "",
            status=PracticeStatus.DRAFT, programme=agreement.programme,
            source=f"agreement:{agreement.pk}"))
    except KnowledgeError as error:
        raise AgreementError(error.message) from error
