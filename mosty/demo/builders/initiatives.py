"""Demo content of co-design (``data/initiatives.yaml``): the three BLISKO ideas of seed 004
with their canvases, a presentation session with feedback and one accepted offer of help,
one coaching record (seed 003) and the funding catalogue.

Idempotent: people, ideas, sessions and sources are looked up by their e-mail, title or
name, and what exists already is left as it is. Call it after ``load_seeds()``.
"""
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from mosty.accounts.models import Role, User
from mosty.demo import content
from mosty.demo.builders.seeds import DEMO_PASSWORD
from mosty.directory.models import Membership, Organisation
from mosty.initiatives import services, workshop
from mosty.initiatives.models import (
    FundingSource, Idea, OfferStatus, PartnerOffer, PresentationSession)
from mosty.programmes.models import Event, Programme, ProgrammeStaff

TEXT_SECTIONS = ("problem", "evidence", "needs", "target_group", "goals", "results", "risks")


def _people(data: dict[str, Any], organisations: dict[str, Organisation]) -> dict[str, User]:
    people = {}
    for row in data["people"]:
        user = User.objects.filter(email=row["email"]).first()
        if user is None:
            user = User.objects.create_user(row["email"], DEMO_PASSWORD)
            user.full_name, user.role = row.get("name", ""), Role.PARTICIPANT
            user.save(update_fields=["full_name", "role"])
        Membership.objects.get_or_create(user=user, organisation=organisations[row["organisation"]])
        people[row["email"]] = user
    return people


def _idea(row: dict[str, Any], programme: Programme, event: Event | None,
          people: dict[str, User], organisations: dict[str, Organisation]) -> Idea:
    existing = Idea.objects.filter(title=row["title"], programme=programme).first()
    if existing is not None:
        return existing
    members = [people[email] for email in row["team"]]
    first = members[0]
    idea = services.create_idea(first, services.IdeaData(
        row["title"], row.get("summary", ""), programme=programme, event=event),
        first.memberships.get().organisation)
    for person in members[1:]:
        services.add_member(None, idea, person, person.memberships.get().organisation)
    for key in TEXT_SECTIONS:
        if row.get(key):
            services.save_section(first, idea, key, row[key])
    for key in ("activities", "budget"):
        if row.get(key):
            services.save_section(first, idea, key, rows=[
                {name: str(value) for name, value in line.items()} for line in row[key]])
    for slug, contribution in row.get("partners", {}).items():
        services.save_partner(None, idea, organisations[slug], contribution)
    if row.get("status", "idea") != "idea":
        services.set_status(None, idea, row["status"])
    return idea


def _session(data: dict[str, Any], programme: Programme, event: Event | None,
             ideas: dict[str, Idea], people: dict[str, User],
             organisations: dict[str, Organisation]) -> PresentationSession:
    spec = data["session"]
    session = PresentationSession.objects.filter(programme=programme,
                                                 title=spec["title"]).first()
    if session is None:
        session = workshop.create_session(None, workshop.SessionData(
            spec["title"], programme, tuple(ideas[t] for t in spec["order"]),
            tuple(spec["criteria"]), spec["minutes"], event))
    for row in data["feedback"]:
        idea, author = ideas[row["idea"]], people[row["author"]]
        if idea.feedback.filter(author=author).exists():
            continue
        organisation = organisations[row["organisation"]]
        workshop.give_feedback(author, idea, workshop.FeedbackData(
            row.get("strengths", ""), row.get("questions", ""), row.get("can_help", ""),
            tuple(row.get("ratings", {}).items()), organisation), session)
        offer = PartnerOffer.objects.filter(idea=idea, organisation=organisation,
                                            status=OfferStatus.PENDING).first()
        if row.get("accept") and offer is not None:
            services.answer(None, offer, True)
    return session


def _advice(data: dict[str, Any], ideas: dict[str, Idea], programme: Programme) -> None:
    spec = data["advice"]
    expert = User.objects.filter(email=data["expert"]).first()
    if expert is not None:
        ProgrammeStaff.objects.get_or_create(programme=programme, user=expert,
                                             role="facilitator")
    idea = ideas[spec["idea"]]
    if idea.advice.exists():
        return
    record = workshop.record_advice(None, idea, spec["date"], spec["text"], tuple(
        workshop.StepData(s["what"], s["owner"], s.get("due")) for s in spec["steps"]))
    if expert is not None:
        record.expert = expert
        record.save(update_fields=["expert"])


def _funding(data: dict[str, Any]) -> None:
    for row in data["funding"]:
        if FundingSource.objects.filter(name=row["name"]).exists():
            continue
        amounts = {name: Decimal(row[name]) if row.get(name) else None
                   for name in ("amount_min", "amount_max")}
        deadline = row.get("deadline")
        workshop.save_source(None, workshop.SourceData(
            row["name"], row["funder"], row["kind"], tuple(row.get("applicants", [])),
            amounts["amount_min"], amounts["amount_max"],
            int(row.get("own_contribution_percent", 0)),
            deadline if isinstance(deadline, date) else None, row.get("deadline_note", ""),
            row.get("link", ""), row.get("activities", ""), row.get("region", "")))


@transaction.atomic
def load_initiatives_demo() -> list[Idea]:
    """Load the co-design demo; returns the BLISKO ideas. Raises LookupError when the demo
    directory and programmes are not loaded."""
    data = content.read("initiatives.yaml")
    programme = Programme.objects.filter(slug=data["programme"]).first()
    slugs = {row["organisation"] for row in data["people"]} | {
        slug for idea in data["ideas"] for slug in idea.get("partners", {})}
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    if programme is None or len(organisations) < len(slugs):
        raise LookupError("load the demo first (mosty demo): the BLISKO programme or its "
                          "organisations are missing")
    event = Event.objects.filter(slug=data["event"]).first()
    people = _people(data, organisations)
    ideas = {row["title"]: _idea(row, programme, event, people, organisations)
             for row in data["ideas"]}
    _session(data, programme, event, ideas, people, organisations)
    _advice(data, ideas, programme)
    _funding(data)
    return list(ideas.values())
