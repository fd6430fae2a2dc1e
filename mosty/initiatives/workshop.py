"""Presentation sessions with a clock, peer feedback, coaching advice and the funding
catalogue: the services of the workshop side of co-design."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action, log_change, snapshot
from mosty.directory.models import Membership, Organisation
from mosty.initiatives import access, funding
from mosty.initiatives.models import (
    AdviceSession, Applicant, Feedback, FundingSource, Idea, NextStep, OfferDirection,
    OfferStatus, PartnerOffer, Presentation, PresentationSession, SectionKey)
from mosty.initiatives.services import (
    InitiativeError, budget_totals, require, section, team_organisations)
from mosty.programmes.models import Event, Programme

MAX_CRITERIA = 6
RATING_SCALE = range(1, 6)


# Sessions and their clock ---------------------------------------------------------------

@dataclass(frozen=True)
class SessionData:
    title: str
    programme: Programme
    ideas: tuple[Idea, ...]
    criteria: tuple[str, ...] = ()
    minutes_per_idea: int = 7
    event: Event | None = None


def _criteria(values: tuple[str, ...]) -> list[str]:
    cleaned = list(dict.fromkeys(v.strip()[:80] for v in values if v.strip()))
    require(len(cleaned) <= MAX_CRITERIA,
             _("Pick at most %(count)s criteria.") % {"count": MAX_CRITERIA})
    return cleaned


@transaction.atomic
def create_session(actor: User | None, data: SessionData) -> PresentationSession:
    """A workshop session in which the ideas present in the given order."""
    if actor is not None:
        require(access.can_run(actor, data.programme),
                 _("Only the staff of the programme run its presentations."))
    require(bool(data.title.strip()), _("Give the session a title."))
    require(bool(data.ideas), _("Pick the ideas that present."))
    require(all(i.programme_id == data.programme.pk for i in data.ideas),
             _("Only ideas of the programme present in its session."))
    require(1 <= data.minutes_per_idea <= 60,
             _("A presentation lasts between 1 and 60 minutes."))
    if data.event is not None:
        require(data.event.programme_id == data.programme.pk,
                 _("The event belongs to another programme."))
    session = PresentationSession.objects.create(
        programme=data.programme, event=data.event, title=data.title.strip(),
        criteria=_criteria(data.criteria), minutes_per_idea=data.minutes_per_idea,
        created_by=actor)
    for position, idea in enumerate(dict.fromkeys(data.ideas), 1):
        Presentation.objects.create(session=session, idea=idea, position=position)
    log_action(actor, "initiatives.session.created", session,
               ideas=[i.pk for i in data.ideas])
    return session


@dataclass(frozen=True)
class Clock:
    position: int  # the presentation under way (1-based); 0 before the start
    remaining: int
    paused: bool
    finished: bool

    @property
    def remaining_text(self) -> str:
        minutes, seconds = divmod(max(0, self.remaining), 60)
        return f"{minutes:02d}:{seconds:02d}"

    @property
    def overtime(self) -> bool:
        return self.position > 0 and not self.finished and self.remaining <= 0


def clock(session: PresentationSession, now: datetime) -> Clock:
    """Where the session is; computed from a few fields, so every process agrees."""
    if session.finished:
        return Clock(session.current, 0, False, True)
    if session.current == 0 or session.started_at is None:
        return Clock(0, session.minutes_per_idea * 60, False, False)
    at = session.paused_at or now
    elapsed = int((at - session.started_at).total_seconds())
    return Clock(session.current, session.minutes_per_idea * 60 - elapsed,
                 session.paused_at is not None, False)


CLOCK_ACTIONS = ("next", "previous", "pause", "resume", "restart", "finish")


@transaction.atomic
def move_clock(actor: User | None, session: PresentationSession,
               action: str) -> PresentationSession:
    """The facilitator's buttons: next team, back, pause, resume, restart the timer, finish."""
    session = PresentationSession.objects.select_for_update().get(pk=session.pk)
    if actor is not None:
        require(access.can_run(actor, session.programme),
                 _("Only the staff of the programme run its presentations."))
    require(action in CLOCK_ACTIONS, _("Unknown action."))
    now = timezone.now()
    count = session.presentations.count()
    if action in ("next", "previous", "restart"):
        step = {"next": 1, "previous": -1, "restart": 0}[action]
        target = max(1, session.current + step)
        if target > count:
            session.finished = True
        else:
            session.current, session.finished = target, False
            session.started_at, session.paused_at = now, None
    elif action == "pause" and session.started_at and session.paused_at is None:
        session.paused_at = now
    elif action == "resume" and session.paused_at is not None and session.started_at:
        session.started_at += now - session.paused_at
        session.paused_at = None
    elif action == "finish":
        session.finished = True
    session.save(update_fields=["current", "started_at", "paused_at", "finished"])
    log_action(actor, "initiatives.session.clock", session, step=action,
               current=session.current)
    return session


@transaction.atomic
def move_presentation(actor: User | None, session: PresentationSession, idea: Idea,
                      step: int) -> None:
    """Move an idea one place earlier (step -1) or later (+1) in the running order."""
    if actor is not None:
        require(access.can_run(actor, session.programme),
                _("Only the staff of the programme run its presentations."))
    order = list(session.presentations.select_for_update())
    index = next((i for i, p in enumerate(order) if p.idea_id == idea.pk), None)
    require(index is not None, _("This idea does not present in the session."))
    assert index is not None
    other = index + (1 if step > 0 else -1)
    if not 0 <= other < len(order):
        return
    order[index], order[other] = order[other], order[index]
    for position, presentation in enumerate(order, 1):
        if presentation.position != position:
            presentation.position = position
            presentation.save(update_fields=["position"])
    log_action(actor, "initiatives.session.reordered", session,
               order=[p.idea_id for p in order])


# Feedback -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedbackData:
    strengths: str = ""
    questions: str = ""
    can_help: str = ""
    ratings: tuple[tuple[str, int], ...] = ()
    organisation: Organisation | None = None


@transaction.atomic
def give_feedback(actor: User, idea: Idea, data: FeedbackData,
                  session: PresentationSession | None = None) -> Feedback:
    """Say what is strong, ask, offer help and rate; given again, it replaces the last one.
    "We can help with…" from an organisation becomes an offer the team can accept."""
    require(getattr(actor, "is_authenticated", False), _("Log in to give feedback."))
    if session is not None:
        require(access.attends(actor, session),
                 _("Only the participants of the session give feedback in it."))
        require(session.presentations.filter(idea=idea).exists(),
                 _("This idea does not present in the session."))
    else:
        require(idea in access.visible_ideas(actor), _("You cannot see this idea."))
    require(not access.is_team_member(actor, idea), _("Teams do not rate their own idea."))
    criteria = session.criteria if session is not None else []
    ratings = {}
    for criterion, value in data.ratings:
        require(criterion in criteria, _("Unknown criterion."))
        require(value in RATING_SCALE, _("Rate from 1 to 5."))
        ratings[criterion] = value
    texts = (data.strengths.strip(), data.questions.strip(), data.can_help.strip())
    require(any(texts) or bool(ratings), _("Write something or give a rating."))
    if data.organisation is not None:
        require(Membership.objects.filter(user=actor, organisation=data.organisation).exists(),
                 _("You can speak only for an organisation you belong to."))
    require(not texts[2] or data.organisation is not None,
             _("Say which organisation offers the help."))
    feedback, created = Feedback.objects.update_or_create(
        idea=idea, author=actor, defaults={
            "session": session, "organisation": data.organisation, "strengths": texts[0],
            "questions": texts[1], "can_help": texts[2], "ratings": ratings})
    log_action(actor, "initiatives.feedback.given", idea, feedback=feedback.pk, created=created)
    if texts[2] and data.organisation is not None and not idea.partners.filter(
            organisation=data.organisation).exists():
        PartnerOffer.objects.update_or_create(
            idea=idea, organisation=data.organisation, direction=OfferDirection.OFFER,
            status=OfferStatus.PENDING,
            defaults={"text": texts[2], "feedback": feedback, "created_by": actor})
    return feedback


@dataclass(frozen=True)
class IdeaSummary:
    idea: Idea
    count: int
    averages: tuple[tuple[str, float | None], ...]
    strengths: tuple[str, ...]
    questions: tuple[str, ...]
    help: tuple[tuple[str, str], ...]


def summary(session: PresentationSession) -> list[IdeaSummary]:
    """Per idea of the session: how many gave feedback, average ratings, the texts."""
    presentations = list(session.presentations.select_related("idea"))
    by_idea: dict[int, list[Feedback]] = {p.idea_id: [] for p in presentations}
    for item in Feedback.objects.filter(idea_id__in=by_idea).select_related("organisation"):
        by_idea[item.idea_id].append(item)
    result = []
    for presentation in presentations:
        items = by_idea[presentation.idea_id]
        averages = []
        for criterion in session.criteria:
            values = [f.ratings[criterion] for f in items if criterion in f.ratings]
            averages.append((criterion, round(sum(values) / len(values), 1) if values else None))
        result.append(IdeaSummary(
            presentation.idea, len(items), tuple(averages),
            tuple(f.strengths for f in items if f.strengths),
            tuple(f.questions for f in items if f.questions),
            tuple((str(f.organisation), f.can_help) for f in items if f.can_help)))
    return result


# Coaching -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class StepData:
    what: str
    owner: str
    due_on: date | None = None


@transaction.atomic
def record_advice(actor: User | None, idea: Idea, held_on: date, advice: str,
                  steps: tuple[StepData, ...] = ()) -> AdviceSession:
    """An expert records an advice session and the next steps agreed with the team."""
    if actor is not None:
        require(access.can_advise(actor, idea),
                 _("Only the experts and staff of the idea's programme record advice."))
    require(bool(advice.strip()), _("Write down the advice."))
    record = AdviceSession.objects.create(idea=idea, expert=actor, held_on=held_on,
                                          advice=advice.strip())
    for step in steps:
        if step.what.strip():
            require(bool(step.owner.strip()), _("Every next step needs someone who does it."))
            NextStep.objects.create(advice=record, what=step.what.strip()[:300],
                                    owner=step.owner.strip()[:200], due_on=step.due_on)
    log_action(actor, "initiatives.advice.recorded", idea, advice=record.pk)
    return record


@transaction.atomic
def mark_step(actor: User | None, step: NextStep, done: bool) -> NextStep:
    idea = step.advice.idea
    if actor is not None:
        require(access.can_edit(actor, idea) or access.can_advise(actor, idea),
                 _("Only the team and the experts mark next steps."))
    step.done = done
    step.save(update_fields=["done"])
    log_action(actor, "initiatives.step.marked", idea, step=step.pk, done=done)
    return step


# Funding sources ----------------------------------------------------------------------------

@dataclass(frozen=True)
class SourceData:
    name: str
    funder: str
    kind: str
    applicants: tuple[str, ...] = ()
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    own_contribution_percent: int = 0
    deadline: date | None = None
    deadline_note: str = ""
    link: str = ""
    activities: str = ""
    region: str = ""
    is_active: bool = True


def _source_slug(name: str, current: FundingSource | None) -> str:
    base = slugify(name.replace("ł", "l").replace("Ł", "L"))[:100] or "zrodlo"
    others = FundingSource.objects.filter(slug__startswith=base)
    if current is not None:
        others = others.exclude(pk=current.pk)
    taken = set(others.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def save_source(actor: User | None, data: SourceData,
                source: FundingSource | None = None) -> FundingSource:
    """Add a funding source to the catalogue or change one."""
    if actor is not None:
        require(access.can_edit_funding(actor),
                 _("Only coordinators, officials and staff edit the funding catalogue."))
    require(bool(data.name.strip()) and bool(data.funder.strip()),
             _("Give the name and the funder."))
    require(set(data.applicants) <= set(Applicant.values), _("Unknown kind of applicant."))
    if data.amount_min is not None and data.amount_max is not None:
        require(data.amount_min <= data.amount_max,
                 _("The smallest grant cannot be larger than the largest."))
    require(data.own_contribution_percent <= 100, _("A share is at most 100%."))
    new = source is None
    source = source or FundingSource()
    before = None if new else snapshot(source)
    for name, value in vars(data).items():
        setattr(source, name, list(value) if name == "applicants" else value)
    source.name = data.name.strip()
    if new or not source.slug:
        source.slug = _source_slug(source.name, None if new else source)
    source.save()
    log_change(actor, "initiatives.funding.saved", source, before)
    return source


def team_facts(idea: Idea) -> funding.TeamFacts:
    organisations = team_organisations(idea) + [
        p.organisation for p in idea.partners.select_related("organisation")]
    unique = {o.pk: o for o in organisations}
    totals = budget_totals(section(idea, SectionKey.BUDGET).rows)
    return funding.TeamFacts(
        sectors=frozenset(o.sector for o in unique.values()),
        kinds=frozenset(o.kind for o in unique.values()),
        organisations=len(unique), requested=totals.requested, own=totals.own)


@dataclass(frozen=True)
class SourceMatch:
    source: FundingSource
    fits: bool
    reasons: tuple[str, ...]
    problems: tuple[str, ...]


def matching_sources(idea: Idea, today: date | None = None) -> list[SourceMatch]:
    """Active sources ranked for the idea: fitting ones first, each with its reasons."""
    sources = {s.pk: s for s in FundingSource.objects.filter(is_active=True)}
    facts = [funding.SourceFacts(s.pk, frozenset(s.applicants), s.amount_min, s.amount_max,
                                 s.own_contribution_percent, s.deadline)
             for s in sources.values()]
    labels = dict(Applicant.choices)
    ranked = funding.rank(team_facts(idea), facts, today or timezone.localdate(),
                          lambda key: str(labels.get(key, key)), _)
    return [SourceMatch(sources[f.key], f.fits, f.reasons, f.problems) for f in ranked]


__all__ = ["InitiativeError"]
