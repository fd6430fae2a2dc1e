"""Demo content: the business × NGO speed dating of seed 002 (Poznań, Bajgle Króla Jana,
12 December 2019): 20 people from business and 20 from NGOs, tables of four mixing the two
sectors, 6 rounds of 8 minutes, planned and published. Idempotent: run it again and it
changes nothing (the seating is planned only once, or again when the people changed).
The people, their wishes and the session's settings are in ``data/networking.yaml``."""
from django.db import transaction
from django.utils import translation

from mosty.demo import content
from mosty.directory.models import Organisation
from mosty.networking import meeting_services, optimiser
from mosty.networking.models import NetworkingSession, Participant, RequestState, Status
from mosty.programmes.models import Event

@transaction.atomic
def load_networking_demo() -> NetworkingSession | None:
    """Create (or bring up to date) the seed-002 session; None if the event is missing."""
    data = content.read("networking.yaml")
    event = Event.objects.filter(slug=data["event"]).first()
    if event is None:
        return None
    session, _created = NetworkingSession.objects.get_or_create(
        event=event, title=data["title"],
        defaults={**data["settings"], "planned_start": event.start.replace(minute=15)})
    people = [(p["organisation"], p["name"], p["about"]) for p in data["people"]]
    organisations = Organisation.objects.in_bulk([slug for slug, *_rest in people],
                                                 field_name="slug")
    existing = set(session.participants.values_list("name", flat=True))
    new: list[Participant] = []
    for slug, name, about in people:
        if name in existing:
            continue
        organisation = organisations.get(slug)
        new.append(Participant(
            session=session, name=name, about=about, organisation=organisation,
            organisation_name=organisation.name if organisation else slug,
            sector=organisation.sector if organisation else "",
            email=f"{slug}.{len(new) + len(existing)}@example.org",
            share_contact=len(new) % 3 != 2))
    Participant.objects.bulk_create(new)
    if new:
        by_name = {p.name: p for p in session.participants.all()}
        for wisher, wanted in data["wishes"]:
            by_name[wisher].wishes_made.get_or_create(session=session,
                                                      to_participant=by_name[wanted])
        NetworkingSession.objects.filter(pk=session.pk).update(
            setup_version=session.setup_version + 1)
        session.refresh_from_db()
    if not session.has_schedule or session.schedule_outdated:
        with translation.override("pl"):
            optimiser.start(session, None)
        session.refresh_from_db()
    if session.status in (Status.DRAFT, Status.SCHEDULED) and session.has_schedule:
        session.status = Status.PUBLISHED
        session.save(update_fields=["status"])
    _requested_meetings(event, data, organisations)
    return session


def _requested_meetings(event: Event, data: dict, organisations: dict[str, Organisation]
                        ) -> NetworkingSession | None:
    """The same people in a requested-meetings session with some requests, placed and
    published; created once (an existing session is left as it is)."""
    spec = data.get("requested")
    if not spec or NetworkingSession.objects.filter(event=event, title=spec["title"]).exists():
        return None
    session = NetworkingSession.objects.create(
        event=event, title=spec["title"], planned_start=event.start.replace(minute=45),
        **spec["settings"])
    Participant.objects.bulk_create([Participant(
        session=session, name=p["name"], about=p["about"],
        organisation=organisations.get(p["organisation"]),
        organisation_name=(organisations[p["organisation"]].name
                           if p["organisation"] in organisations else p["organisation"]),
        sector=(organisations[p["organisation"]].sector
                if p["organisation"] in organisations else ""),
        email=f"{p['organisation']}.{index}@example.org", share_contact=index % 3 != 2)
        for index, p in enumerate(data["people"])])
    by_name = {p.name: p for p in session.participants.all()}
    for sender, receiver, message, answer in spec["requests"]:
        request = meeting_services.send_request(None, by_name[sender], by_name[receiver],
                                                meeting_services.RequestData(message))
        if request.state == RequestState.PENDING and answer != "pending":
            meeting_services.answer_request(None, by_name[receiver], request.pk,
                                            answer == "accepted")
    with translation.override("pl"):
        meeting_services.schedule_meetings(None, session, time_limit=1.0)
    session.refresh_from_db()
    session.status = Status.PUBLISHED
    session.save(update_fields=["status"])
    return session
