"""Demo content: the business × NGO speed dating of seed 002 (Poznań, Bajgle Króla Jana,
12 December 2019): 20 people from business and 20 from NGOs, tables of four mixing the two
sectors, 6 rounds of 8 minutes, planned and published. Idempotent: run it again and it
changes nothing (the seating is planned only once, or again when the people changed)."""
from django.db import transaction
from django.utils import translation

from mosty.directory.models import Organisation
from mosty.networking import optimiser
from mosty.networking.models import NetworkingSession, Participant, Status
from mosty.programmes.models import Event

EVENT_SLUG = "poznan-2019-speed-dating"
TITLE = "Speed dating biznes × NGO"

# (organisation slug, name, one line about the person)
PEOPLE = [
    ("bajgle-krola-jana", "Jan Królikowski", "Gospodarz wieczoru; chętnie goszczę wydarzenia charytatywne."),
    ("bajgle-krola-jana", "Agnieszka Wójcik", "Szukam organizacji do wspólnej zbiórki świątecznej."),
    ("wartka-it", "Michał Szymański", "Wolontariat pracowniczy: zespoły 3–6 programistów."),
    ("wartka-it", "Paulina Jędrzejczak", "Odnowione laptopy dla świetlic i szkół."),
    ("saldo-biuro-rachunkowe", "Grzegorz Pawlak", "Bezpłatne konsultacje z rozliczania dotacji."),
    ("saldo-biuro-rachunkowe", "Elżbieta Nowicka", "Szkolenia z księgowości dla małych stowarzyszeń."),
    ("drukarnia-jezycka", "Tomasz Zieliński", "Rabat 30% na plakaty i ulotki dla NGO."),
    ("drukarnia-jezycka", "Łucja Kamińska", "Jeden darmowy nakład rocznie dla akcji charytatywnej."),
    ("agencja-koziolki", "Aleksandra Dudek", "Kampanie w mediach społecznościowych pro bono."),
    ("agencja-koziolki", "Bartosz Grześkowiak", "Identyfikacja wizualna dla małych organizacji."),
    ("pyra-catering", "Dorota Śliwińska", "Przekazujemy nadwyżki żywności; szukamy odbiorców."),
    ("pyra-catering", "Krzysztof Łuczak", "Catering po kosztach na wydarzenia społeczne."),
    ("kancelaria-lex-posnania", "Magdalena Żurawska", "Porady prawne pro bono: statuty, RODO, umowy."),
    ("kancelaria-lex-posnania", "Paweł Szczepaniak", "Umowy partnerskie między firmą a fundacją."),
    ("stolarnia-wildecka", "Wojciech Stolarczyk", "Warsztaty z drewna dla dzieci i dorosłych."),
    ("stolarnia-wildecka", "Hanna Michalak", "Szukamy młodzieży chętnej do nauki zawodu."),
    ("centrum-konferencyjne-nad-malta", "Radosław Kubiak", "Sale konferencyjne dla NGO po preferencyjnych cenach."),
    ("centrum-konferencyjne-nad-malta", "Joanna Adamczyk", "Organizujemy dni wolontariatu dla gości firmowych."),
    ("wfob", "Katarzyna Mazurek", "Łączymy odpowiedzialne firmy z Wielkopolski."),
    ("wielkopolskie-przewozy-turystyczne", "Andrzej Wiśniewski", "Autokar na wycieczki dla seniorów i dzieci."),
    ("fundacja-zielona-wilda", "Natalia Wróbel", "Sadzimy drzewa na Wildzie; szukamy firm do akcji."),
    ("fundacja-zielona-wilda", "Szymon Gąsiorowski", "Ogrody społeczne: potrzebujemy narzędzi i ludzi."),
    ("fundacja-zielona-wilda", "Ewelina Kołodziej", "Edukacja ekologiczna w szkołach podstawowych."),
    ("stow-sasiedzkie-lazarz", "Marek Błaszczyk", "Festyn sąsiedzki na Łazarzu: szukamy sponsorów."),
    ("stow-sasiedzkie-lazarz", "Zofia Wawrzyniak", "Klub sąsiedzki dla seniorów; przyda się sala."),
    ("stow-sasiedzkie-lazarz", "Piotr Górecki", "Wolontariusze do remontu podwórka."),
    ("fundacja-dojrzale-pokolenie", "Teresa Pietrzak", "Zajęcia cyfrowe dla seniorów; brakuje laptopów."),
    ("fundacja-dojrzale-pokolenie", "Irena Sobczak", "Wycieczki dla seniorów: potrzebny transport."),
    ("stow-razem-latwiej", "Beata Ratajczak", "Wsparcie rodzin osób z niepełnosprawnością."),
    ("stow-razem-latwiej", "Łukasz Maćkowiak", "Szukamy pracodawców otwartych na staże."),
    ("stow-razem-latwiej", "Monika Fabiś", "Warsztaty o dostępności dla firm."),
    ("spoldzielnia-zakwas", "Adam Kaczmarczyk", "Piekarnia spółdzielcza: zatrudniamy osoby wykluczone."),
    ("spoldzielnia-zakwas", "Kinga Śmigielska", "Szukamy odbiorców pieczywa i cateringu."),
    ("uks-orlik-winogrady", "Rafał Nowak", "Treningi dla dzieci z Winograd; potrzebne stroje."),
    ("uks-orlik-winogrady", "Justyna Walczak", "Turniej osiedlowy: szukamy partnerów."),
    ("fundacja-start-w-przyszlosc", "Dominika Kowalska", "Mentoring zawodowy dla młodzieży."),
    ("fundacja-start-w-przyszlosc", "Jakub Jankowiak", "Szukamy firm na dni otwarte dla uczniów."),
    ("fundacja-start-w-przyszlosc", "Weronika Lis", "Kursy programowania dla licealistów."),
    ("stow-przystan", "Sławomir Nawrocki", "Pomoc osobom w kryzysie bezdomności."),
    ("stow-przystan", "Alicja Żmuda", "Szukamy pracy dla naszych podopiecznych w gastronomii."),
]
WISHES = [("Natalia Wróbel", "Michał Szymański"), ("Alicja Żmuda", "Dorota Śliwińska"),
          ("Teresa Pietrzak", "Paulina Jędrzejczak"), ("Irena Sobczak", "Andrzej Wiśniewski"),
          ("Magdalena Żurawska", "Beata Ratajczak")]


@transaction.atomic
def load_networking_demo() -> NetworkingSession | None:
    """Create (or bring up to date) the seed-002 session; None if the event is missing."""
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    if event is None:
        return None
    session, created = NetworkingSession.objects.get_or_create(
        event=event, title=TITLE,
        defaults={"rounds": 6, "table_size": 4, "mode": "mixed", "cross_sector": True,
                  "minutes_per_round": 8, "changeover_seconds": 60,
                  "planned_start": event.start.replace(minute=15), "wishes_open": False})
    organisations = Organisation.objects.in_bulk([slug for slug, *_rest in PEOPLE],
                                                 field_name="slug")
    existing = set(session.participants.values_list("name", flat=True))
    new: list[Participant] = []
    for slug, name, about in PEOPLE:
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
        for wisher, wanted in WISHES:
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
    return session
