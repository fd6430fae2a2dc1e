"""Loading the whole demo: the seed programmes, then each module's demo content."""
from django.db import transaction

from mosty.demo.builders import (
    agreements, cooperation, events, initiatives, knowledge, matching, networking, privacy,
    recruitment, surveys)
from mosty.demo.builders.seeds import DemoAccount, load_seeds

# Each module adds its part of the demo on top of the directory, programmes and accounts.
MODULE_DEMOS = [
    recruitment.load_recruitment_demo,
    events.load_events_demo,
    networking.load_networking_demo,
    matching.load_matching_demo,
    knowledge.load_knowledge_demo,
    agreements.load_agreements_demo,
    initiatives.load_initiatives_demo,
    cooperation.load_cooperation_demo,
    surveys.load_surveys_demo,
    privacy.load_privacy_demo,  # last: every account above accepts the terms
]


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    """Load (or bring up to date) all the demo content; returns the demo accounts."""
    accounts = load_seeds()
    for load_module_demo in MODULE_DEMOS:
        load_module_demo()
    return accounts
