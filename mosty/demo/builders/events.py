"""Demo content of events, loaded by `mosty demo` after the seed programmes and accounts.

Idempotent: everything is looked up first (by slug, e-mail or title) and created only if
missing. Adds the cycle templates, programme staff for the demo accounts, seed 003's expert
panel with consultation slots and the conference brochure, seed 002's published conclusions
with attachments, and an upcoming 2027 event of BLISKO with the demo participant registered.
"""
from datetime import datetime, time

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from mosty.accounts.models import Role, User
from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.demo.builders.seeds import DEMO_PASSWORD
from mosty.events import content, cycles, services, slots
from mosty.events.models import Conclusions, EventFile, FileKind, Registration
from mosty.programmes.models import AgendaItem, Event, Programme, ProgrammeStaff, StaffRole

COORDINATOR = "koordynator@mosty.example"
FACILITATOR = "moderator@mosty.example"
PARTICIPANT = "uczestnik@mosty.example"

EXPERTS = [
    ("anna.wisniewska@mosty.example", "Anna Wiśniewska",
     "zarządzanie organizacją pozarządową, tworzenie partnerstw"),
    ("marek.zielinski@mosty.example", "Marek Zieliński", "finanse"),
    ("joanna.kaminska@mosty.example", "Joanna Kamińska", "komunikacja interpersonalna"),
]
PANEL_EVENTS = ["rdr-panel-ekspertow-1", "rdr-panel-ekspertow-2", "rdr-panel-ekspertow-3"]

BROCHURE = ("Budowanie partnerstw lokalnych", [
    ("Czym jest partnerstwo lokalne",
     "Partnerstwo lokalne to trwała współpraca organizacji pozarządowych, samorządu, instytucji "
     "publicznych i firm, które wspólnie rozwiązują problemy swojej społeczności. Każdy partner "
     "wnosi to, czym dysponuje: wiedzę, ludzi, sale, sprzęt, kontakty lub środki finansowe."),
    ("Formy partnerstw",
     "Od nieformalnej sieci kontaktów, przez porozumienie o współpracy, po partnerstwo projektowe "
     "z umową partnerską. Warunki prawne określa m.in. ustawa o działalności pożytku publicznego "
     "i o wolontariacie."),
    ("Jak zacząć — krok po kroku",
     "1. Rozpoznajcie potrzeby mieszkańców. 2. Zmapujcie zasoby i potencjały partnerów. "
     "3. Ustalcie wspólny cel i podział ról. 4. Spiszcie zasady współpracy i komunikacji. "
     "5. Zacznijcie od małego działania, a potem oceńcie, co się udało."),
    ("Dobre praktyki",
     "Uczestnicy projektu „Razem dla Regionu” wypracowali koncepcje rozwiązywania problemów "
     "społecznych w swoich gminach i wdrażali je przy wsparciu panelu ekspertów."),
])

CONCLUSIONS = {
    "poznan-2019-rpw-warsztat-1": (
        "Wiele organizacji nie wiedziało o istnieniu Rocznego Programu Współpracy. Uczestnicy "
        "wskazali luki w komunikacji między urzędem a organizacjami pozarządowymi.",
        "Informować o pracach nad programem wcześniej i szerzej, także poza stroną urzędu.",
        "Konkluzje — warsztat 1: cele współpracy"),
    "poznan-2019-rpw-warsztat-2": (
        "Omówiono zasady i formy współpracy, w tym ciała doradcze oraz zasady udzielania "
        "dotacji. Organizacje stale współpracujące z miastem oceniły jakość wzajemnych relacji.",
        "Przygotować przewodnik po formach współpracy dla nowych organizacji.",
        "Konkluzje — warsztat 2: zasady i formy współpracy"),
    "poznan-2019-rpw-warsztat-3": (
        "Przedstawiciele NGO zaproponowali rozwiązania, które miasto będzie starało się wdrożyć; "
        "przedstawiono przykłady współpracy międzysektorowej z innych miast w Polsce.",
        "Wpisać propozycje organizacji do projektu programu i omówić je na konsultacjach.",
        "Konkluzje z warsztatów o Rocznym Programie Współpracy"),
    "poznan-2019-kdo-ewaluacja": (
        "Komisje Dialogu Obywatelskiego wymieniły dobre praktyki i wskazały trudności, z którymi "
        "mierzą się na co dzień. Burza mózgów pod okiem moderatora przyniosła wiele konkluzji.",
        "Ujednolicić zasady pracy komisji i regularnie wymieniać doświadczenia między KDO.",
        "Podsumowanie warsztatów ewaluacyjnych KDO"),
}

UPCOMING_SLUG = "blisko-2027-spotkanie-sieciujace"
UPCOMING_TIMES = (datetime(2027, 3, 11, 10), datetime(2027, 3, 11, 14))
UPCOMING = {
    "title": "Spotkanie sieciujące BLISKO: rok wspólnych projektów",
    "kind": "partner_meeting",
    "place": "Miejska Biblioteka Publiczna w Śmiglu, ul. Ogrodowa 8, 64-030 Śmigiel",
    "capacity": 20,
    "description": "Uczestnicy szkolenia z 2023 r. pokazują, co udało się zrobić razem, "
                   "i szukają partnerów do kolejnych projektów kulturalnych.",
}
UPCOMING_AGENDA = [(time(10), time(10, 30), "Powitanie i runda przedstawień"),
                   (time(10, 30), time(12), "Prezentacje zrealizowanych projektów"),
                   (time(12), time(12, 30), "Przerwa"),
                   (time(12, 30), time(14), "Giełda pomysłów i szukanie partnerów")]


def document_pdf(title: str, sections: list[tuple[str, str]]) -> bytes:
    """A short PDF with a title and headed paragraphs (Polish diacritics included)."""
    pdf = new_document(title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(pdf.epw, 11, title, new_x="LMARGIN", new_y="NEXT")
    for heading, text in sections:
        pdf.ln(4)
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(pdf.epw, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(pdf.epw, 6, text, new_x="LMARGIN", new_y="NEXT")
    return to_bytes(pdf)


def _attach(event: Event, kind: str, title: str, data: bytes, filename: str) -> None:
    if not EventFile.objects.filter(event=event, kind=kind, title=title).exists():
        content.add_file(None, event, kind, title, ContentFile(data, name=filename))


def _staff() -> None:
    users = {u.email: u for u in User.objects.filter(email__in=[COORDINATOR, FACILITATOR])}
    for programme in Programme.objects.all():
        if COORDINATOR in users:
            ProgrammeStaff.objects.get_or_create(programme=programme, user=users[COORDINATOR],
                                                 role=StaffRole.COORDINATOR)
    for slug in ("kultura-inicjatywy", "poznan-wspolpraca-miedzysektorowa-2019",
                 "blisko-smigiel"):
        facilitated = Programme.objects.filter(slug=slug).first()
        if facilitated and FACILITATOR in users:
            ProgrammeStaff.objects.get_or_create(programme=facilitated, user=users[FACILITATOR],
                                                 role=StaffRole.FACILITATOR)


def _expert_panel() -> None:
    programme = Programme.objects.filter(slug="razem-dla-regionu").first()
    if programme is None:
        return
    experts = []
    for email, name, expertise in EXPERTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, full_name=name,
                                            role=Role.FACILITATOR)
        staff, _created = ProgrammeStaff.objects.update_or_create(
            programme=programme, user=user, role=StaffRole.FACILITATOR,
            defaults={"expertise": expertise})
        experts.append(staff)
    for event in Event.objects.filter(slug__in=PANEL_EVENTS):
        day = timezone.localtime(event.start).date()
        for staff in experts:
            slots.create_slots(None, event, staff, day, time(10), time(13), 60)
    conference = programme.events.filter(kind="conference").order_by("start").first()
    if conference is not None:
        title, sections = BROCHURE
        _attach(conference, FileKind.MATERIAL, f"Broszura: {title}",
                document_pdf(title, sections), "budowanie-partnerstw-lokalnych.pdf")


def _conclusions() -> None:
    for event in Event.objects.filter(slug__in=CONCLUSIONS):
        text, recommendations, attachment = CONCLUSIONS[event.slug]
        if not Conclusions.objects.filter(event=event).exists():
            content.save_conclusions(None, event, text, recommendations, publish=True)
        _attach(event, FileKind.CONCLUSIONS, attachment,
                document_pdf(attachment, [(event.title, text), ("Rekomendacje",
                                                                recommendations)]),
                f"{event.slug}-konkluzje.pdf")


def _upcoming_registration() -> None:
    programme = Programme.objects.filter(slug="blisko-smigiel").first()
    participant = User.objects.filter(email=PARTICIPANT).first()
    if programme is None:
        return
    if not programme.events.filter(start__gt=timezone.now()).exists():
        start, end = UPCOMING_TIMES
        event, created = Event.objects.get_or_create(slug=UPCOMING_SLUG, defaults={
            "programme": programme, **UPCOMING,
            "start": timezone.make_aware(start), "end": timezone.make_aware(end)})
        if created:
            AgendaItem.objects.bulk_create([
                AgendaItem(event=event, starts_at=starts_at, ends_at=ends_at, title=title)
                for starts_at, ends_at, title in UPCOMING_AGENDA])
    upcoming = programme.events.filter(start__gt=timezone.now()).order_by("start").first()
    if participant and upcoming and not Registration.objects.filter(
            event=upcoming, user=participant).exists():
        services.register(participant, upcoming, language="pl")


@transaction.atomic
def load_events_demo() -> None:
    cycles.install_shipped_templates()
    _staff()
    _expert_panel()
    _conclusions()
    _upcoming_registration()

