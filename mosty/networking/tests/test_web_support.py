"""Helpers shared by the networking web tests (no tests here): an event and sessions with
participants, seated by the real optimiser."""
from datetime import datetime
from itertools import count
from zoneinfo import ZoneInfo

from mosty.accounts.models import User
from mosty.networking import optimiser, services
from mosty.networking.models import NetworkingSession, Participant
from mosty.programmes.models import Event, Programme

_numbers = count(1)
WARSAW = ZoneInfo("Europe/Warsaw")
BUSINESSES = ["Bajgle Króla Jana", "Wartka IT", "Drukarnia Jeżycka", "Pyra Catering",
              "Kancelaria Lex Posnania", "Stolarnia Wildecka"]
NGOS = ["Fundacja „Zielona Wilda”", "Stowarzyszenie „Łazarz Razem”", "Spółdzielnia „Zakwas”",
        "UKS „Orlik Winogrady”", "Fundacja „Dojrzałe Pokolenie”", "Stowarzyszenie „Przystań”"]
NAMES = ["Zofia Wąsowicz", "Łukasz Żmuda", "Agnieszka Śliwińska", "Grzegorz Łęcki",
         "Małgorzata Źrebiec", "Paweł Ćwik", "Ewa Gałka", "Jędrzej Świątek", "Halina Dąbrowska",
         "Michał Szymański", "Urszula Kałuża", "Wojciech Żółtowski"]


def make_event(slug: str = "", coordinator: object = None) -> Event:
    """An event of a programme of its own; `coordinator` (if given) runs that programme."""
    from mosty.directory.tests.factories import OrganisationFactory
    from mosty.programmes.models import ProgrammeStaff, StaffRole

    slug = slug or f"speed-dating-{next(_numbers)}"
    organiser = OrganisationFactory(name="Urząd Miasta Poznania", sector="jst",
                                    kind="municipal_office")
    programme = Programme.objects.create(name="Poznań 2019", slug=f"programme-{slug}",
                                         organiser=organiser)
    if coordinator is not None and not getattr(coordinator, "is_staff", False):
        ProgrammeStaff.objects.create(programme=programme, user=coordinator,
                                      role=StaffRole.COORDINATOR)
    start = datetime(2019, 12, 12, 17, 0, tzinfo=WARSAW)
    return Event.objects.create(programme=programme, title="Speed dating biznes × NGO",
                                slug=slug, kind="networking", start=start,
                                end=start.replace(hour=20), place="Bajgle Króla Jana, Poznań")


def person_name(index: int) -> str:
    base = NAMES[index % len(NAMES)]
    return base if index < len(NAMES) else f"{base} {index // len(NAMES) + 1}"


def make_session(event: Event | None = None, people: int = 8, rounds: int = 3,
                 table_size: int = 4, mode: str = "mixed", seat: bool = False,
                 publish: bool = False, user: User | None = None, **fields: object
                 ) -> NetworkingSession:
    """A session with `people` participants alternating business / NGO, two per company."""
    event = event or make_event(coordinator=user)
    session = services.create_session(user, event, services.session_data({
        "title": "Speed dating", "rounds": rounds, "table_size": table_size, "mode": mode,
        "cross_sector": True, "minutes_per_round": 8, "changeover_seconds": 60, **fields}))
    for index in range(people):
        business = index % 2 == 0
        organisations = BUSINESSES if business else NGOS
        services.add_participant(user, session, {
            "name": person_name(index), "sector": "business" if business else "ngo",
            "organisation_name": organisations[(index // 2) % len(organisations)],
            "about": f"Opis {index}: szukamy partnerów", "email": f"osoba{index}@example.org",
            "phone": f"600 000 {index:03d}", "share_contact": index % 3 != 2,
            "host": mode == "hosts" and index < people // table_size})
    session.refresh_from_db()
    if seat or publish:
        optimiser.start(session, user)
        session.refresh_from_db()
    if publish:
        session = services.set_status(user, session, "published")
    return session


def people_of(session: NetworkingSession) -> list[Participant]:
    return list(session.participants.order_by("id"))


def tablemates(session: NetworkingSession, person: Participant, round_number: int
               ) -> list[Participant]:
    seat = person.seats.get(round=round_number)
    return [s.participant for s in session.seats.filter(round=round_number, table=seat.table)
            .exclude(participant=person).select_related("participant")] if seat.table else []
