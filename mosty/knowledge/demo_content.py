"""Demo content of the knowledge base, from the seed programmes: the common definitions
agreed in seed 002, good practices of seeds 001, 002 and 003, and the seed 003 brochure.

`build_demo()` may run any number of times: what exists (same term, same title) is kept.
"""
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction

from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.knowledge import services
from mosty.knowledge.models import GlossaryTerm, GoodPractice, PublicationKind, Publication

SEED_002 = "Seed 002: wspólne definicje ustalone na spotkaniu partnerów w Kownie (2019)"


@dataclass(frozen=True)
class Term:
    pl: str
    en: str
    definition_pl: str
    definition_en: str


TERMS = (
    Term("sektor", "sector",
         "Obszar życia społecznego wyodrębniony ze względu na cel i sposób działania "
         "podmiotów: pierwszy sektor to administracja publiczna (JST i ich jednostki), "
         "drugi — biznes, trzeci — organizacje pozarządowe. W Mosty osobno wyróżniamy też "
         "publiczne instytucje (kultury, pomocy społecznej, oświaty), uczelnie i grupy "
         "nieformalne.",
         "An area of social life set apart by the aim and way of working of its actors: the "
         "first sector is public administration (local governments and their units), the "
         "second is business, the third is non-governmental organisations. Mosty also tells "
         "apart public institutions (culture, social assistance, education), universities and "
         "informal groups."),
    Term("współpraca międzysektorowa", "cross-sector cooperation",
         "Wspólne działanie podmiotów z co najmniej dwóch różnych sektorów na rzecz wspólnego "
         "celu, w którym każda ze stron wnosi własne zasoby i zachowuje swoją niezależność.",
         "Joint action of actors from at least two different sectors towards a common goal, "
         "in which each party contributes its own resources and keeps its independence."),
    Term("współpraca", "cooperation",
         "Dobrowolne, zaplanowane działanie co najmniej dwóch podmiotów, które wymieniają "
         "informacje, dzielą się zasobami lub wspólnie realizują zadania, oparte na zaufaniu "
         "i jasno ustalonych zasadach.",
         "Voluntary, planned action of at least two actors who exchange information, share "
         "resources or carry out tasks together, based on trust and clearly agreed rules."),
    Term("partnerstwo", "partnership",
         "Trwała i sformalizowana forma współpracy (np. porozumienie o współpracy), w której "
         "partnerzy wspólnie planują, realizują i oceniają działania, dzielą się "
         "odpowiedzialnością i korzyściami.",
         "A lasting, formalised form of cooperation (e.g. a cooperation agreement) in which "
         "the partners plan, carry out and evaluate activities together and share "
         "responsibility and benefits."),
    Term("lider", "leader",
         "Podmiot lub osoba koordynująca partnerstwo albo dany etap projektu: inicjuje "
         "działania, dba o komunikację między partnerami i odpowiada za wspólne ustalenia.",
         "The organisation or person coordinating a partnership or a stage of a project: "
         "initiates activities, looks after communication between the partners and is "
         "responsible for what they agreed."),
    Term("zadanie publiczne", "public task",
         "Zadanie ze sfery zadań publicznych wymienionych w art. 4 ustawy o działalności "
         "pożytku publicznego i o wolontariacie, które samorząd może zlecić organizacji "
         "pozarządowej (powierzając je albo wspierając jego wykonanie dotacją); dobrze "
         "zaplanowane jest skutecznym narzędziem rozwiązywania problemów społecznych.",
         "A task in the sphere of public tasks listed in art. 4 of the Act on public benefit "
         "activity and volunteering, which a local government may commission to a "
         "non-governmental organisation (entrusting it or supporting it with a grant); well "
         "planned, it is an effective tool for solving social problems."),
    Term("zasoby i potencjały", "resources and potentials",
         "To, co organizacja może wnieść do współpracy: przestrzeń, sprzęt, wiedza "
         "i umiejętności pracowników, wolontariusze, dostęp do grup odbiorców, kanały "
         "promocji, środki finansowe, transport i kontakty.",
         "What an organisation can bring to cooperation: space, equipment, its staff's "
         "knowledge and skills, volunteers, access to target groups, promotion channels, "
         "funds, transport and contacts."),
    Term("roczny program współpracy", "annual cooperation programme",
         "Uchwalany przez organ stanowiący jednostki samorządu terytorialnego, po "
         "konsultacjach z organizacjami pozarządowymi, program współpracy z organizacjami na "
         "kolejny rok, określający m.in. cele, zasady, formy i priorytetowe zadania "
         "współpracy (art. 5a ustawy o działalności pożytku publicznego i o wolontariacie).",
         "The programme of cooperation with NGOs for the coming year, adopted by the council "
         "of a local government after consulting the organisations; it sets out among others "
         "the aims, principles, forms and priority tasks of cooperation (art. 5a of the Act "
         "on public benefit activity and volunteering)."),
    Term("Komisja Dialogu Obywatelskiego (KDO)", "Civic Dialogue Commission (KDO)",
         "Działające przy urzędzie miasta ciało doradczo-inicjatywne, w którym "
         "przedstawiciele organizacji pozarządowych z danej dziedziny i urzędnicy wspólnie "
         "opiniują i inicjują działania miasta w tym obszarze.",
         "An advisory and initiating body at the city office in which representatives of the "
         "NGOs of one field and officials jointly give opinions on and initiate the city's "
         "activities in that field."),
    Term("porozumienie o współpracy", "cooperation agreement",
         "Dokument, w którym strony określają cel, zakres, wkład każdej ze stron, osoby "
         "koordynujące, czas trwania, sposób komunikacji i zasady zakończenia współpracy.",
         "A document in which the parties set out the purpose, scope, each party's "
         "contribution, coordinators, duration, communication and the rules for ending the "
         "cooperation."),
    Term("speed networking", "speed networking",
         "Format spotkania, w którym uczestnicy z różnych sektorów rozmawiają w krótkich, "
         "ściśle odmierzonych rundach przy stolikach, zmieniając rozmówców, by w krótkim "
         "czasie poznać wiele osób i znaleźć punkty zaczepienia do współpracy.",
         "A meeting format in which participants from different sectors talk in short, "
         "strictly timed rounds at tables, changing partners, to meet many people in a short "
         "time and find starting points for cooperation."),
)

RAZEM_PARTNERS = "Collegium Civitas, Technologie-Netzwerk Berlin e. V."

PRACTICES = (
    services.PracticeData(
        title="Warsztaty „Badanie przez ludzi”: JST i NGO wspólnie o partnerskiej współpracy",
        summary="Cykl praktycznych warsztatów dla urzędów, ich jednostek i organizacji "
                "pozarządowych, osobne terminy dla JST i dla NGO.",
        who="Projekt „Międzysektorowa współpraca czyli wspólnota samorządowa w innym "
            "wymiarze” (Europejski Fundusz Społeczny)",
        municipality_code="2415031", place="Rydułtowy",
        what="Od 8 marca 2014 r. w Rydułtowach odbywały się warsztaty dla przedstawicieli "
             "administracji publicznej i jej jednostek organizacyjnych (m.in. ośrodków pomocy "
             "społecznej i szkół) oraz organizacji pozarządowych zainteresowanych budowaniem "
             "partnerskiej współpracy na rzecz rozwoju. Spotkania miały charakter praktyczny: "
             "rozpoznanie i efektywne wykorzystanie zasobów partnerów w planowanych projektach, "
             "planowanie nowych działań w powiecie adekwatnie do potrzeb różnych grup "
             "mieszkańców, poznanie źródeł finansowania wspólnych projektów oraz analiza "
             "dobrych praktyk partnerstw międzysektorowych, lokalnych i regionalnych. Kolejne "
             "terminy: 20 marca i 10 kwietnia (dla JST) oraz 12 kwietnia (dla NGO); udział po "
             "złożeniu formularza zgłoszeniowego z kompletem dokumentów.",
        partner_names="ośrodki pomocy społecznej, szkoły, organizacje pozarządowe",
        outcome="Uczestnicy wypracowują kierunki i zasady partnerskiej współpracy oraz "
                "koncepcję i formułę funkcjonowania międzysektorowego partnerstwa; warsztaty "
                "otwierają cykl spotkań, na których wspólnie planują i realizują działania.",
        contacts="tel. 32 42 22 446", contacts_public=True,
        tags=("warsztaty", "zasoby", "partnerstwo", "źródła finansowania", "EFS"),
        sector_a="jst", sector_b="ngo",
        source="Seed 001: „Jak budować międzysektorową współpracę?”, 18.03.2014"),
    services.PracticeData(
        title="Razem dla Regionu: szkolenia, coaching i warsztaty dla NGO z Podlasia",
        summary="Cykl szkoleniowo-coachingowy i dwudniowe warsztaty, które przygotowują "
                "organizacje pozarządowe do współpracy z samorządem lokalnym.",
        who="Klub Myśli Społecznej Inicjatywy", municipality_code="2061011",
        place="Białystok i Warszawa",
        what="Collegium Civitas poprowadziło w Warszawie cykl szkoleniowo-coachingowy dla "
             "działaczy organizacji pozarządowych z Podlasia: zarządzanie organizacją, "
             "specyfika i sposoby działania administracji publicznej, networking i partnerstwa "
             "lokalne, pozyskiwanie funduszy, promocja. W Białymstoku odbyły się warsztaty "
             "prowadzone metodami aktywnymi w blokach po 2 dni (16 godzin): animacja "
             "środowiska lokalnego (z partnerem Technologie-Netzwerk Berlin e. V.), "
             "partnerstwo lokalne (formy partnerstw, warunki prawne), zadanie publiczne jako "
             "skuteczne narzędzie rozwiązywania problemów społecznych, autoprezentacja "
             "i wizerunek organizacji, komunikacja i negocjacje społeczne.",
        partner_names=RAZEM_PARTNERS,
        outcome="Większa sprawność organizacji pozarządowych we współpracy z samorządem "
                "lokalnym; konferencja podsumowująca w maju 2009 r. w Białymstoku i broszura "
                "o budowaniu partnerstw lokalnych.",
        tags=("szkolenia", "coaching", "partnerstwo lokalne", "zadanie publiczne", "EOG"),
        sector_a="ngo", sector_b="jst",
        source="Seed 003: „Razem dla Regionu” (Fundusz dla Organizacji Pozarządowych, "
               "Mechanizm Finansowy EOG)"),
    services.PracticeData(
        title="Panel ekspertów: doradztwo i coaching w budowaniu partnerstw lokalnych",
        summary="Specjaliści z różnych dziedzin pomagają uczestnikom wdrożyć w ich "
                "środowiskach wypracowane koncepcje rozwiązywania problemów społecznych.",
        who="Klub Myśli Społecznej Inicjatywy", municipality_code="2061011",
        place="Podlasie",
        what="Po szkoleniach i warsztatach uczestnicy projektu „Razem dla Regionu” "
             "otrzymali doradztwo i coaching. Wsparciem dla osób pracujących w swoim "
             "środowisku lokalnym był panel ekspertów skupiający specjalistów m.in. od "
             "zarządzania organizacją pozarządową, finansów, komunikacji interpersonalnej "
             "i tworzenia partnerstw.",
        partner_names=RAZEM_PARTNERS,
        outcome="Praktyczne wdrożenie wypracowanych przez uczestników koncepcji rozwiązywania "
                "problemów społecznych i upowszechnienie dobrych praktyk.",
        tags=("doradztwo", "coaching", "panel ekspertów", "partnerstwo lokalne"),
        sector_a="ngo", sector_b="academia",
        source="Seed 003: „Razem dla Regionu”"),
    services.PracticeData(
        title="Speed dating biznesu i organizacji pozarządowych w Poznaniu",
        summary="Pierwsze spotkanie drugiego i trzeciego sektora w kawiarnianej atmosferze, "
                "zakończone wspólnym warsztatem.",
        who="Miasto Poznań", municipality_code="3064011",
        place="restauracja Bajgle Króla Jana",
        what="12 grudnia 2019 r. przedstawiciele biznesu i organizacji pozarządowych zasiedli "
             "wspólnie przy stołach, by w formacie speed datingu wymienić się informacjami "
             "o sobie, przybliżyć swoją działalność i znaleźć wspólne punkty zaczepienia. Po "
             "głównej części wszyscy wzięli udział w warsztacie tworzenia ozdób świątecznych "
             "(małych drewnianych choinek).",
        outcome="Uczestnicy ocenili pozytywnie i ideę, i formę spotkania; liczba rozmów "
                "w krótkim czasie dała im doświadczenie w rozmowach z osobami z innego "
                "sektora — krok w stronę współpracy międzysektorowej w mieście.",
        tags=("speed networking", "biznes", "spotkanie"),
        sector_a="business", sector_b="ngo",
        source="Seed 002: „Pierwsze takie spotkanie międzysektorowe!”"),
)

BROCHURE = services.PublicationData(
    title="Budowanie partnerstw lokalnych: broszura projektu „Razem dla Regionu”",
    kind=PublicationKind.BROCHURE,
    authors="Klub Myśli Społecznej Inicjatywy, Collegium Civitas, "
            "Technologie-Netzwerk Berlin e. V.",
    summary="Broszura na temat budowania partnerstw lokalnych, przygotowana na konferencję "
            "podsumowującą projekt „Razem dla Regionu” (maj 2009, Białystok). Projekt "
            "poprawiał sprawność organizacji pozarządowych z Podlasia we [[współpraca|"
            "współpracy]] z samorządem lokalnym: szkolenia, warsztaty, doradztwo i panel "
            "ekspertów.",
    is_public=True)

BROCHURE_TEXT = (
    ("Razem dla Regionu",
     "Klub Myśli Społecznej Inicjatywy w partnerstwie z Collegium Civitas oraz niemiecką "
     "organizacją Technologie-Netzwerk Berlin e. V. zrealizował projekt „Razem dla regionu”, "
     "dofinansowany z Funduszu dla Organizacji Pozarządowych (Mechanizm Finansowy EOG — "
     "Norweski Mechanizm Finansowy). Głównym celem projektu była poprawa sprawności "
     "organizacji pozarządowych w zakresie współpracy z samorządem lokalnym na Podlasiu."),
    ("Szkolenia i coaching",
     "Zarządzanie organizacją; specyfika i sposoby działania administracji publicznej; "
     "networking i partnerstwa lokalne; pozyskiwanie funduszy; promocja."),
    ("Warsztaty (bloki 2-dniowe, 16 godzin)",
     "Animacja środowiska lokalnego; partnerstwo lokalne (formy partnerstw, warunki prawne); "
     "zadanie publiczne — skuteczne narzędzie rozwiązywania problemów społecznych; "
     "autoprezentacja i wizerunek organizacji; komunikacja i negocjacje społeczne."),
    ("Doradztwo i panel ekspertów",
     "Praktyczne wdrożenie wypracowanych koncepcji rozwiązywania problemów społecznych "
     "ze wsparciem specjalistów: zarządzanie organizacją pozarządową, finanse, komunikacja "
     "interpersonalna, tworzenie partnerstw."),
    ("O tym pliku",
     "Plik demonstracyjny Mosty: streszczenie projektu na podstawie jego strony; pełna "
     "broszura jest u wydawcy."),
)


def brochure_pdf() -> bytes:
    pdf = new_document(BROCHURE.title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, "Budowanie partnerstw lokalnych", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for heading, text in BROCHURE_TEXT:
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return to_bytes(pdf)


@transaction.atomic
def build_demo() -> None:
    """The seed glossary, good practices and brochure; safe to run again."""
    existing = {t.lower() for t in GlossaryTerm.objects.filter(programme__isnull=True)
                .values_list("term_pl", flat=True)}
    for term in TERMS:
        if term.pl.lower() not in existing:
            services.create_term(None, services.TermData(
                term_pl=term.pl, term_en=term.en, definition_pl=term.definition_pl,
                definition_en=term.definition_en, source=SEED_002))
    titles = set(GoodPractice.objects.values_list("title", flat=True))
    for practice in PRACTICES:
        if practice.title not in titles:
            services.create_practice(None, practice)
    if not Publication.objects.filter(title=BROCHURE.title).exists():
        pdf = ContentFile(brochure_pdf(), name="budowanie-partnerstw-lokalnych.pdf")
        services.create_publication(None, BROCHURE, files=(services.Upload(
            pdf, pdf.name or "broszura.pdf", "Broszura (PDF)"),))
