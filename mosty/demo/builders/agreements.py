"""The demo's cooperation agreements, from ``data/agreements.yaml``: a workshop's
recommendations turned into an agreement that every party has approved.

Idempotent: the workshop's recommendations are recorded only if missing, and an agreement is
made only if the event's group has none from that event. Needs the seed programmes and the
recruitment builder's groups; an agreement whose event or group is missing is skipped.
"""
from typing import Any

from mosty.agreements import services
from mosty.agreements.models import Agreement
from mosty.demo import content
from mosty.events import content as event_content
from mosty.events.models import Conclusions
from mosty.programmes.models import Event


def load_agreements_demo() -> None:
    for entry in content.read("agreements.yaml")["agreements"]:
        _load(entry)


def _load(entry: dict[str, Any]) -> None:
    event = Event.objects.select_related("programme", "group").filter(
        slug=entry["event"]).first()
    if event is None or event.group is None:
        return
    if Agreement.objects.filter(group=event.group, source_event=event).exists():
        return
    record = Conclusions.objects.filter(event=event).first()
    if record is None or not record.recommendations.strip():
        event_content.save_conclusions(None, event, entry["conclusions"],
                                       entry["recommendations"], publish=True)
    agreement = services.create_from_conclusions(None, event)
    agreement = services.update_terms(None, agreement, services.Terms(**entry["terms"]),
                                      agreement.version)
    parties = {party["organisation"]: party for party in entry["parties"]}
    for party in agreement.parties.select_related("organisation"):
        wanted = parties.get(party.organisation.slug)
        if wanted is None:
            continue
        details = {name: value for name, value in wanted.items()
                   if name not in {"organisation", "contributions"}}
        services.update_party(None, party, services.PartyDetails(**details))
        for contribution in wanted["contributions"]:
            resource = party.organisation.resources.filter(
                kind="offer", category=contribution["offer"]).first()
            if resource is not None:
                services.add_contribution(None, party, services.ContributionDetails(
                    kind=contribution["kind"], description=resource.description,
                    resource_id=resource.pk))
    for party in agreement.parties.all():
        services.approve(None, party)
