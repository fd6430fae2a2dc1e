"""Demo agreement of seed 000: the Ostrów Mazowiecka group's recommendations, agreed by the
culture centre (MDK) and the social-assistance centre (MOPS), ready to be signed.

Idempotent: the workshop's recommendations are recorded only if missing, and the agreement
is made only if the group has none. Needs the demo directory, programmes and groups
(mosty.demo: the seeds, then the recruitment builder); does nothing without them.
"""
from datetime import date

from django.db import transaction

from mosty.agreements import services
from mosty.agreements.models import Agreement, ContributionKind, Status
from mosty.events import content
from mosty.events.models import Conclusions
from mosty.programmes.models import Event

EVENT = "ki-2019-ostrow-warsztat-3"
GROUP = "grupa Ostrów Mazowiecka (2019)"
CONCLUSIONS = ("Pracownicy domu kultury i MOPS znają już swoje oferty, zasoby i ograniczenia. "
               "Współpraca nie musi oznaczać dodatkowej pracy: wiele działań obie instytucje "
               "i tak prowadzą w ramach swoich obowiązków.")
RECOMMENDATIONS = (
    "1. Raz w miesiącu zajęcia artystyczne MDK dla seniorów w świetlicy klubu seniora MOPS.\n"
    "2. Pracownicy socjalni przekazują rodzinom zaproszenia na bezpłatne wydarzenia MDK.\n"
    "3. Wspólne spotkanie zespołów raz na kwartał: co działa, co zmienić.")
TERMS = services.Terms(
    title="Porozumienie o współpracy MDK i MOPS w Ostrowi Mazowieckiej",
    place="Ostrów Mazowiecka",
    purpose="Włączenie seniorów i rodzin objętych wsparciem MOPS w życie kulturalne miasta.",
    scope=RECOMMENDATIONS,
    work_plan="Od września 2019: zajęcia dla seniorów w pierwszy wtorek miesiąca; "
              "zaproszenia na wydarzenia MDK przekazywane co miesiąc.",
    indicators="Co najmniej 15 seniorów na zajęciach; 20 rodzin na wydarzeniach MDK w roku.",
    communication="Koordynatorki spotykają się raz na kwartał; bieżące sprawy e-mailem.",
    start_date=date(2019, 9, 1), end_date=date(2020, 8, 31), review_date=date(2020, 2, 28),
    disputes="Spory strony rozwiązują polubownie, w rozmowie dyrektorów obu instytucji.",
    exit_terms="Każda strona może wypowiedzieć porozumienie z miesięcznym wyprzedzeniem, "
               "na piśmie.",
    personal_data="Strony nie przekazują sobie danych osobowych podopiecznych; zaproszenia "
                  "doręczają pracownicy socjalni. Logotypy obu instytucji na materiałach "
                  "wspólnych działań.")
PARTIES = {
    "mdk-ostrow-mazowiecka": (
        services.PartyDetails(representative="Joanna Malinowska", function="dyrektorka MDK",
                              objectives="Nowa publiczność: seniorzy i rodziny.",
                              role="Prowadzi zajęcia i zaprasza na wydarzenia.",
                              coordinator="Joanna Malinowska, j.malinowska@mdk-ostrow.example.pl"),
        [(ContributionKind.STAFF, "expertise"), (ContributionKind.IN_KIND, "promotion")]),
    "mops-ostrow-mazowiecka": (
        services.PartyDetails(representative="Agnieszka Zając",
                              function="kierowniczka MOPS",
                              objectives="Aktywizacja i integracja podopiecznych.",
                              role="Udostępnia świetlicę i przekazuje zaproszenia.",
                              coordinator="Agnieszka Zając, a.zajac@mops-ostrow.example.pl"),
        [(ContributionKind.IN_KIND, "space"), (ContributionKind.STAFF, "target_group")]),
}


@transaction.atomic
def build_demo() -> None:
    event = Event.objects.select_related("programme", "group").filter(slug=EVENT).first()
    if event is None or event.group is None:
        return
    if Agreement.objects.filter(group=event.group, source_event=event).exists():
        return
    record = Conclusions.objects.filter(event=event).first()
    if record is None or not record.recommendations.strip():
        content.save_conclusions(None, event, CONCLUSIONS, RECOMMENDATIONS, publish=True)
    agreement = services.create_from_conclusions(None, event)
    agreement = services.update_terms(None, agreement, TERMS, agreement.version)
    for party in agreement.parties.select_related("organisation"):
        details, contributions = PARTIES.get(party.organisation.slug, (None, []))
        if details is None:
            continue
        services.update_party(None, party, details)
        for kind, category in contributions:
            resource = party.organisation.resources.filter(kind="offer",
                                                           category=category).first()
            if resource is not None:
                services.add_contribution(None, party, services.ContributionDetails(
                    kind=kind, description=resource.description, resource_id=resource.pk))
    for party in agreement.parties.all():
        services.approve(None, party)
    agreement.refresh_from_db()
    assert agreement.status == Status.AGREED
