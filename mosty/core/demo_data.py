"""Demo content for ``mosty demo``: organisations, programmes, events and a glossary.

Plain Python data only (no Django imports); the loader creates or updates objects
keyed by ``slug`` (glossary entries by ``term``), so loading twice changes nothing.

The five programmes paraphrase the seed documents in ``shared/seeds/``. Organisations,
institutions and programmes named in the seeds are real; every other organisation and
every person in ``contacts`` is invented for the demo. All e-mail addresses of invented
contacts use reserved ``example`` domains. Addresses of real institutions are given only
to the level we are sure of (often just the postcode and town). NIP and REGON numbers
are given only to invented businesses and pass the official checksums.

Conventions:
- ``teryt``: 7-digit gmina code (WOJ+POW+GMI+RODZ, RODZ 1/2/3) from the TERC register,
  or ``None`` for organisations outside Poland.
- Event datetimes are timezone-naive, in Polish local time (Europe/Warsaw); meetings in
  Helsinki, Riga and Kaunas are therefore one hour earlier than on the local clock there.
- Needs and offers within one gmina are written so that they complement each other across
  sectors (the partner-matching demo relies on this).
"""

# Gmina TERYT codes used below (all verified against TERC.csv, state 2020-01-01).
TERYT_WARSZAWA = "1465011"
TERYT_OSTROW_MAZOWIECKA = "1416011"  # gmina miejska
TERYT_JADOW = "1434062"  # gmina wiejska, powiat wołomiński
TERYT_MSZCZONOW = "1438023"  # gmina miejsko-wiejska, powiat żyrardowski
TERYT_RYDULTOWY = "2415031"
TERYT_WODZISLAW_SLASKI = "2415041"
TERYT_POZNAN = "3064011"
TERYT_SMIGIEL = "3011053"  # gmina miejsko-wiejska, powiat kościański
TERYT_BIALYSTOK = "2061011"
TERYT_HAJNOWKA = "2005011"
TERYT_BIELSK_PODLASKI = "2003011"
TERYT_SIEMIATYCZE = "2010011"
TERYT_LOMZA = "2062011"
TERYT_SUWALKI = "2063011"
TERYT_SZCZECIN = "3262011"
TERYT_KRAKOW = "1261011"
TERYT_LUBLIN = "0663011"

SECTORS = ("jst", "public_institution", "ngo", "business", "academia", "informal")

ORGANISATION_KINDS = (
    "municipal_office", "county_office", "regional_government", "social_assistance",
    "family_support_centre", "culture_centre", "library", "museum", "school", "kindergarten",
    "culture_institute", "other_public", "association", "foundation", "rural_women_circle",
    "fire_brigade", "sports_club", "social_cooperative", "other_ngo", "company",
    "business_association", "university", "informal_group", "other",
)

RESOURCE_CATEGORIES = (
    "space", "equipment", "expertise", "volunteers", "target_group", "promotion", "funding",
    "transport", "contacts", "other",
)

COSTS = ("free", "paid", "negotiable")

EVENT_KINDS = (
    "workshop", "training", "training_block", "consultation", "partner_meeting", "conference",
    "networking", "meeting",
)

EVENT_AUDIENCES = ("all", "jst", "ngo", "group")


ORGANISATIONS = [
    # ------------------------------------------------------------------
    # Mazowieckie: seed 000 "Kultura: Inicjatywy" and seed 003 (Collegium Civitas)
    # ------------------------------------------------------------------
    {
        "slug": "mik",
        "name": "Mazowiecki Instytut Kultury",
        "sector": "public_institution",
        "kind": "culture_institute",
        "teryt": TERYT_WARSZAWA,
        "address": "ul. Elektoralna 12, 00-139 Warszawa",
        "website": "https://mik.waw.pl",
        "description": (
            "Samorządowa instytucja kultury Województwa Mazowieckiego. Wspiera animatorów, "
            "edukatorów i instytucje kultury z całego Mazowsza, prowadzi m.in. projekt "
            "„Kultura: Inicjatywy” łączący instytucje kultury z podmiotami pomocy społecznej."
        ),
        "email": "sekretariat@mik.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Katarzyna Wiśniewska", "role": "specjalistka ds. edukacji kulturalnej",
             "email": "k.wisniewska@mik.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "expertise",
             "description": "prowadzenie warsztatów integracyjnych i facylitacja pracy grup instytucji kultury i pomocy społecznej",
             "conditions": "w ramach projektu „Kultura: Inicjatywy”, dla zrekrutowanych gmin z Mazowsza",
             "cost": "free"},
            {"category": "expertise",
             "description": "doświadczenie z 3 lat projektu „Kulturalni Edukatorzy – Mazowiecka Sieć Edukacji i Kultury”: wzory porozumień, scenariusze zajęć",
             "conditions": "materiały udostępniane uczestnikom projektów", "cost": "free"},
            {"category": "space",
             "description": "sale warsztatowe przy ul. Elektoralnej dla grup do 30 osób",
             "conditions": "po wcześniejszej rezerwacji, pierwszeństwo mają partnerzy projektów MIK",
             "cost": "negotiable"},
            {"category": "contacts",
             "description": "sieć animatorów kultury i instytucji kultury z mazowieckich gmin",
             "conditions": "", "cost": "free"},
            {"category": "promotion",
             "description": "informacja o wydarzeniach partnerów w newsletterze i mediach społecznościowych instytutu",
             "conditions": "dla działań związanych z edukacją kulturalną", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "zespoły pracowników instytucji kultury i ośrodków pomocy społecznej z jednej gminy gotowe wziąć udział w cyklu 3 warsztatów",
             "conditions": "nabór jednej–dwóch grup rocznie"},
            {"category": "promotion",
             "description": "rozpowszechnienie informacji o naborze wśród gmin i powiatów Mazowsza",
             "conditions": ""},
            {"category": "contacts",
             "description": "samorządy gotowe wesprzeć podpisanie porozumień o współpracy między swoimi jednostkami",
             "conditions": ""},
        ],
    },
    {
        "slug": "umwm",
        "name": "Urząd Marszałkowski Województwa Mazowieckiego w Warszawie",
        "sector": "jst",
        "kind": "regional_government",
        "teryt": TERYT_WARSZAWA,
        "address": "ul. Jagiellońska 26, 03-719 Warszawa",
        "website": "https://www.mazovia.pl",
        "description": (
            "Urząd obsługujący Samorząd Województwa Mazowieckiego, organizatora Mazowieckiego "
            "Instytutu Kultury. Finansuje zadania z zakresu kultury i polityki społecznej w regionie."
        ),
        "email": "kancelaria@mazovia.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "funding",
             "description": "otwarte konkursy ofert dla organizacji pozarządowych w obszarze kultury i pomocy społecznej",
             "conditions": "zgodnie z ogłoszeniami konkursowymi", "cost": "free"},
            {"category": "promotion",
             "description": "patronat Marszałka Województwa i informacja w regionalnych kanałach komunikacji",
             "conditions": "na wniosek organizatora", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "lokalni partnerzy do realizacji regionalnych programów polityki społecznej i kultury",
             "conditions": ""},
            {"category": "expertise",
             "description": "rzetelne informacje o potrzebach mieszkańców małych gmin",
             "conditions": ""},
        ],
    },
    {
        "slug": "um-ostrow-mazowiecka",
        "name": "Urząd Miasta Ostrów Mazowiecka",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_OSTROW_MAZOWIECKA,
        "address": "07-300 Ostrów Mazowiecka",
        "website": "",
        "description": "Urząd gminy miejskiej Ostrów Mazowiecka, organ prowadzący miejski dom kultury i ośrodek pomocy społecznej.",
        "email": "urzad@ostrowmaz.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "funding",
             "description": "małe granty na inicjatywy lokalne w trybie art. 19a ustawy o pożytku publicznym",
             "conditions": "dla organizacji działających na rzecz mieszkańców miasta", "cost": "free"},
            {"category": "promotion",
             "description": "miejska strona internetowa i tablice ogłoszeń",
             "conditions": "", "cost": "free"},
            {"category": "transport",
             "description": "miejski bus do przewozu grup zorganizowanych",
             "conditions": "dla jednostek miejskich i organizacji, po uzgodnieniu terminu", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "model współpracy jednostek miejskich, który nie wymaga dodatkowych etatów",
             "conditions": ""},
        ],
    },
    {
        "slug": "mdk-ostrow-mazowiecka",
        "name": "Miejski Dom Kultury w Ostrowi Mazowieckiej",
        "sector": "public_institution",
        "kind": "culture_centre",
        "teryt": TERYT_OSTROW_MAZOWIECKA,
        "address": "07-300 Ostrów Mazowiecka",
        "website": "",
        "description": "Samorządowa instytucja kultury prowadząca zajęcia artystyczne, koncerty i imprezy miejskie.",
        "email": "mdk@ostrowmaz.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Joanna Malinowska", "role": "instruktorka ds. animacji kultury",
             "email": "j.malinowska@mdk-ostrow.example.pl", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "space",
             "description": "sala widowiskowa na 180 osób i dwie sale warsztatowe",
             "conditions": "w dni robocze przed południem bezpłatnie dla jednostek miejskich",
             "cost": "free"},
            {"category": "expertise",
             "description": "instruktorzy zajęć plastycznych, teatralnych i tanecznych",
             "conditions": "możliwość poprowadzenia zajęć poza siedzibą", "cost": "negotiable"},
            {"category": "equipment",
             "description": "nagłośnienie, rzutnik multimedialny, scena mobilna",
             "conditions": "wypożyczenie z obsługą techniczną", "cost": "negotiable"},
            {"category": "promotion",
             "description": "miesięczny informator kulturalny i profil w mediach społecznościowych",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "dotarcie do seniorów i rodzin, które dotąd nie korzystają z oferty domu kultury",
             "conditions": ""},
            {"category": "transport",
             "description": "dowóz uczestników z odległych osiedli na zajęcia popołudniowe",
             "conditions": ""},
            {"category": "volunteers",
             "description": "wolontariusze do obsługi imprez plenerowych",
             "conditions": "głównie w weekendy latem"},
        ],
    },
    {
        "slug": "mops-ostrow-mazowiecka",
        "name": "Miejski Ośrodek Pomocy Społecznej w Ostrowi Mazowieckiej",
        "sector": "public_institution",
        "kind": "social_assistance",
        "teryt": TERYT_OSTROW_MAZOWIECKA,
        "address": "07-300 Ostrów Mazowiecka",
        "website": "",
        "description": "Ośrodek realizujący zadania pomocy społecznej i wspierania rodziny na terenie miasta.",
        "email": "mops@ostrowmaz.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Agnieszka Zając", "role": "starsza pracowniczka socjalna",
             "email": "a.zajac@mops-ostrow.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "target_group",
             "description": "stały kontakt z seniorami, osobami samotnymi i rodzinami z dziećmi objętymi wsparciem asystenta rodziny",
             "conditions": "z poszanowaniem ochrony danych; zaproszenia przekazują pracownicy socjalni",
             "cost": "free"},
            {"category": "expertise",
             "description": "diagnoza problemów społecznych miasta i wiedza o sytuacji rodzin",
             "conditions": "", "cost": "free"},
            {"category": "space",
             "description": "świetlica klubu seniora na 25 osób",
             "conditions": "popołudniami, po uzgodnieniu z kierowniczką", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "zajęcia kulturalne i artystyczne dla seniorów i dzieci z rodzin objętych wsparciem",
             "conditions": "najlepiej regularne, raz w tygodniu"},
            {"category": "volunteers",
             "description": "wolontariusze do odwiedzin u samotnych seniorów",
             "conditions": ""},
            {"category": "space",
             "description": "sala na spotkania grupy wsparcia dla rodziców",
             "conditions": "wieczorem, raz w miesiącu"},
        ],
    },
    {
        "slug": "stow-pomocna-dlon-ostrow",
        "name": "Ostrowskie Stowarzyszenie Wolontariuszy „Pomocna Dłoń”",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_OSTROW_MAZOWIECKA,
        "address": "07-300 Ostrów Mazowiecka",
        "website": "",
        "description": "Stowarzyszenie skupiające wolontariuszy pomagających seniorom i rodzinom z dziećmi.",
        "email": "pomocnadlon@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Wojciech Sikora", "role": "koordynator wolontariatu",
             "email": "w.sikora@pomocnadlon.example.org", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "volunteers",
             "description": "30 wolontariuszy, w tym młodzież szkolna",
             "conditions": "po przeszkoleniu przez stowarzyszenie", "cost": "free"},
            {"category": "target_group",
             "description": "kontakt z samotnymi seniorami odwiedzanymi przez wolontariuszy",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "szkolenia dla wolontariuszy i koordynatorów wolontariatu",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "space",
             "description": "sala na comiesięczne spotkania wolontariuszy",
             "conditions": "wieczorem"},
            {"category": "funding",
             "description": "środki na ubezpieczenie wolontariuszy i materiały",
             "conditions": ""},
            {"category": "promotion",
             "description": "nabór nowych wolontariuszy",
             "conditions": ""},
        ],
    },
    {
        "slug": "gbp-jadow",
        "name": "Gminna Biblioteka Publiczna w Jadowie",
        "sector": "public_institution",
        "kind": "library",
        "teryt": TERYT_JADOW,
        "address": "05-280 Jadów",
        "website": "",
        "description": "Biblioteka gminy wiejskiej Jadów z czytelnią i punktem dostępu do internetu; prowadzi Dyskusyjny Klub Książki.",
        "email": "biblioteka@jadow.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Ewa Sadowska", "role": "kierowniczka biblioteki",
             "email": "e.sadowska@gbp-jadow.example.pl", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "space",
             "description": "czytelnia na 30 osób",
             "conditions": "w godzinach otwarcia biblioteki", "cost": "free"},
            {"category": "equipment",
             "description": "6 stanowisk komputerowych z dostępem do internetu",
             "conditions": "np. na kurs obsługi komputera dla seniorów", "cost": "free"},
            {"category": "expertise",
             "description": "bibliotekarki prowadzące spotkania autorskie, głośne czytanie i Dyskusyjny Klub Książki",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "dotarcie do seniorów z odległych sołectw",
             "conditions": ""},
            {"category": "transport",
             "description": "dowóz czytelników z wiosek na spotkania w bibliotece",
             "conditions": "raz w miesiącu"},
            {"category": "volunteers",
             "description": "wolontariusze do akcji „Książka z dowozem” dla osób niewychodzących z domu",
             "conditions": ""},
        ],
    },
    {
        "slug": "gops-jadow",
        "name": "Gminny Ośrodek Pomocy Społecznej w Jadowie",
        "sector": "public_institution",
        "kind": "social_assistance",
        "teryt": TERYT_JADOW,
        "address": "05-280 Jadów",
        "website": "",
        "description": "Ośrodek pomocy społecznej gminy Jadów; wspiera seniorów, osoby niesamodzielne i rodziny.",
        "email": "gops@jadow.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Marek Nowicki", "role": "kierownik ośrodka",
             "email": "m.nowicki@gops-jadow.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "target_group",
             "description": "kontakt z seniorami i osobami niesamodzielnymi, także niewychodzącymi z domu",
             "conditions": "za zgodą podopiecznych", "cost": "free"},
            {"category": "transport",
             "description": "samochód ośrodka — możliwy dowóz podopiecznych na wspólne zajęcia",
             "conditions": "w dni robocze, po uzgodnieniu z tygodniowym wyprzedzeniem", "cost": "free"},
            {"category": "contacts",
             "description": "dobre relacje z sołtysami i kołami gospodyń wiejskich",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "zajęcia aktywizujące i czytelnicze dla seniorów",
             "conditions": ""},
            {"category": "space",
             "description": "sala z dostępem do komputerów na zajęcia dla podopiecznych",
             "conditions": ""},
            {"category": "volunteers",
             "description": "wolontariusze do regularnych odwiedzin u osób samotnych",
             "conditions": ""},
        ],
    },
    {
        "slug": "klub-seniora-jadow",
        "name": "Klub Seniora „Złota Jesień” w Jadowie",
        "sector": "informal",
        "kind": "informal_group",
        "teryt": TERYT_JADOW,
        "address": "05-280 Jadów",
        "website": "",
        "description": "Nieformalna grupa aktywnych seniorów spotykająca się co tydzień; organizuje wycieczki i wieczorki.",
        "email": "",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "volunteers",
             "description": "seniorki gotowe czytać dzieciom i prowadzić warsztaty rękodzieła",
             "conditions": "przed południem", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "stałe miejsce cotygodniowych spotkań",
             "conditions": "wtorki po południu"},
        ],
    },
    {
        "slug": "ug-jadow",
        "name": "Urząd Gminy Jadów",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_JADOW,
        "address": "05-280 Jadów",
        "website": "",
        "description": "Urząd gminy wiejskiej Jadów w powiecie wołomińskim, organ prowadzący bibliotekę i ośrodek pomocy społecznej.",
        "email": "urzad@jadow.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "transport",
             "description": "autobus gminny na wyjazdy grup zorganizowanych",
             "conditions": "po godzinach przewozów szkolnych", "cost": "free"},
            {"category": "funding",
             "description": "otwarte konkursy ofert na zadania z kultury i pomocy społecznej",
             "conditions": "zgodnie z rocznym programem współpracy", "cost": "free"},
            {"category": "promotion",
             "description": "gminny biuletyn i strona internetowa",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "pomysły na aktywizację seniorów z sołectw",
             "conditions": ""},
            {"category": "contacts",
             "description": "organizacje gotowe prowadzić zajęcia w świetlicach wiejskich",
             "conditions": ""},
        ],
    },
    {
        "slug": "kgw-jadow",
        "name": "Koło Gospodyń Wiejskich w Jadowie",
        "sector": "ngo",
        "kind": "rural_women_circle",
        "teryt": TERYT_JADOW,
        "address": "05-280 Jadów",
        "website": "",
        "description": "Koło gospodyń wiejskich organizujące warsztaty kulinarne, rękodzieło i spotkania mieszkańców.",
        "email": "kgw.jadow@example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "volunteers",
             "description": "członkinie koła pomagające przy imprezach gminnych",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "warsztaty kulinarne i rękodzielnicze, także dla seniorów",
             "conditions": "", "cost": "free"},
            {"category": "target_group",
             "description": "kontakt z mieszkankami wsi w różnym wieku",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "sala z kuchnią na warsztaty",
             "conditions": "raz w miesiącu"},
            {"category": "promotion",
             "description": "promocja działań koła w gminie",
             "conditions": ""},
        ],
    },
    {
        "slug": "ok-mszczonow",
        "name": "Ośrodek Kultury w Mszczonowie",
        "sector": "public_institution",
        "kind": "culture_centre",
        "teryt": TERYT_MSZCZONOW,
        "address": "96-320 Mszczonów",
        "website": "",
        "description": "Gminna instytucja kultury prowadząca pracownie artystyczne, kino i imprezy plenerowe.",
        "email": "kultura@mszczonow.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Tomasz Grabowski", "role": "dyrektor",
             "email": "t.grabowski@ok-mszczonow.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "space",
             "description": "sala kinowo-widowiskowa i pracownia ceramiczna",
             "conditions": "dla instytucji gminnych bezpłatnie w dni robocze", "cost": "free"},
            {"category": "expertise",
             "description": "animatorzy prowadzący warsztaty ceramiczne, muzyczne i teatralne",
             "conditions": "", "cost": "negotiable"},
            {"category": "equipment",
             "description": "namiot sceniczny i nagłośnienie plenerowe",
             "conditions": "z obsługą technika", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "kontakt z rodzinami, które nie uczestniczą w życiu kulturalnym gminy",
             "conditions": ""},
            {"category": "funding",
             "description": "środki na bezpłatne miejsca na zajęciach dla dzieci z rodzin o niskich dochodach",
             "conditions": ""},
        ],
    },
    {
        "slug": "ops-mszczonow",
        "name": "Ośrodek Pomocy Społecznej w Mszczonowie",
        "sector": "public_institution",
        "kind": "social_assistance",
        "teryt": TERYT_MSZCZONOW,
        "address": "96-320 Mszczonów",
        "website": "",
        "description": "Ośrodek pomocy społecznej gminy miejsko-wiejskiej Mszczonów.",
        "email": "ops@mszczonow.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Beata Krawczyk", "role": "asystentka rodziny",
             "email": "b.krawczyk@ops-mszczonow.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "target_group",
             "description": "dostęp do rodzin z dziećmi objętych wsparciem asystentów rodziny",
             "conditions": "zaproszenia przekazują asystenci rodziny", "cost": "free"},
            {"category": "expertise",
             "description": "wiedza o potrzebach rodzin i seniorów w gminie",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "zajęcia artystyczne dla dzieci z rodzin przeżywających trudności",
             "conditions": "w czasie ferii i wakacji"},
            {"category": "space",
             "description": "przestrzeń na spotkania integracyjne rodzin",
             "conditions": ""},
        ],
    },
    {
        "slug": "um-mszczonow",
        "name": "Urząd Miejski w Mszczonowie",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_MSZCZONOW,
        "address": "96-320 Mszczonów",
        "website": "",
        "description": "Urząd gminy miejsko-wiejskiej Mszczonów w powiecie żyrardowskim.",
        "email": "urzad@mszczonow.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "funding",
             "description": "stypendia i dofinansowanie zajęć dla dzieci z rodzin o niskich dochodach",
             "conditions": "na wniosek jednostek gminnych", "cost": "free"},
            {"category": "space",
             "description": "sala konferencyjna na 60 osób",
             "conditions": "w dni robocze po 16:00", "cost": "free"},
            {"category": "promotion",
             "description": "strona internetowa gminy i profil w mediach społecznościowych",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "wspólny model pracy ośrodka kultury i OPS",
             "conditions": ""},
            {"category": "contacts",
             "description": "organizacje pozarządowe działające na rzecz rodzin",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-mszczonowska-rodzina",
        "name": "Stowarzyszenie „Mszczonowska Rodzina”",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_MSZCZONOW,
        "address": "96-320 Mszczonów",
        "website": "",
        "description": "Stowarzyszenie rodziców organizujące warsztaty rodzinne i pikniki sąsiedzkie.",
        "email": "mszczonowskarodzina@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "kontakt z rodzinami z dziećmi z terenu gminy",
             "conditions": "", "cost": "free"},
            {"category": "volunteers",
             "description": "rodzice-wolontariusze do pomocy przy imprezach",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "warsztaty umiejętności wychowawczych dla rodziców",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "space",
             "description": "sala na warsztaty dla rodzin",
             "conditions": "w soboty"},
            {"category": "funding",
             "description": "środki na materiały i przejazdy",
             "conditions": ""},
        ],
    },
    {
        "slug": "collegium-civitas",
        "name": "Collegium Civitas",
        "sector": "academia",
        "kind": "university",
        "teryt": TERYT_WARSZAWA,
        "address": "Pałac Kultury i Nauki, pl. Defilad 1, 00-901 Warszawa",
        "website": "https://www.civitas.edu.pl",
        "description": (
            "Niepubliczna uczelnia w Warszawie. Partner projektu „Razem dla Regionu”: "
            "zrealizowała cykl szkoleniowo-coachingowy dla działaczy organizacji pozarządowych "
            "z Podlasia, opierając się na studiach podyplomowych „Zarządzanie organizacją pozarządową”."
        ),
        "email": "kontakt@civitas.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Piotr Lewandowski", "role": "koordynator studiów podyplomowych",
             "email": "p.lewandowski@civitas.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "expertise",
             "description": "trenerzy i wykładowcy z zakresu zarządzania organizacją pozarządową, fundraisingu i promocji",
             "conditions": "", "cost": "negotiable"},
            {"category": "space",
             "description": "sale dydaktyczne w Pałacu Kultury i Nauki",
             "conditions": "w weekendy, poza zjazdami studiów", "cost": "paid"},
            {"category": "contacts",
             "description": "sieć badaczy i absolwentów pracujących w organizacjach pozarządowych",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "organizacje pozarządowe gotowe przyjąć studentów na praktyki i do badań terenowych",
             "conditions": ""},
            {"category": "contacts",
             "description": "partnerzy regionalni do wspólnych projektów edukacyjnych",
             "conditions": ""},
        ],
    },
    # ------------------------------------------------------------------
    # Śląskie: seed 001 (Rydułtowy, powiat wodzisławski)
    # ------------------------------------------------------------------
    {
        "slug": "um-rydultowy",
        "name": "Urząd Miasta Rydułtowy",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_RYDULTOWY,
        "address": "ul. Ofiar Terroru 36, 44-280 Rydułtowy",
        "website": "https://www.rydultowy.pl",
        "description": (
            "Urząd gminy miejskiej Rydułtowy w powiecie wodzisławskim. W 2014 r. gospodarz "
            "warsztatów „Badanie przez ludzi” w projekcie „Międzysektorowa współpraca czyli "
            "wspólnota samorządowa w innym wymiarze”."
        ),
        "email": "sekretariat@rydultowy.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Grażyna Pawlik", "role": "pełnomocniczka ds. współpracy z organizacjami pozarządowymi",
             "email": "g.pawlik@rydultowy.example.pl", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "funding",
             "description": "otwarte konkursy ofert i małe granty na zadania publiczne",
             "conditions": "zgodnie z rocznym programem współpracy", "cost": "free"},
            {"category": "space",
             "description": "sala sesyjna na 60 osób z rzutnikiem",
             "conditions": "w dni robocze po 15:30, dla organizacji z gminy", "cost": "free"},
            {"category": "promotion",
             "description": "informacja na stronie miasta i w miejskim biuletynie",
             "conditions": "", "cost": "free"},
            {"category": "transport",
             "description": "bus miejski do przewozu grup dzieci i seniorów",
             "conditions": "po uzgodnieniu z wydziałem organizacyjnym", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "organizacje pozarządowe gotowe współrealizować zadania publiczne w partnerstwie",
             "conditions": ""},
            {"category": "expertise",
             "description": "rozpoznanie potrzeb różnych grup mieszkańców do planowania nowych działań",
             "conditions": ""},
        ],
    },
    {
        "slug": "ops-rydultowy",
        "name": "Ośrodek Pomocy Społecznej w Rydułtowach",
        "sector": "public_institution",
        "kind": "social_assistance",
        "teryt": TERYT_RYDULTOWY,
        "address": "44-280 Rydułtowy",
        "website": "",
        "description": "Jednostka organizacyjna miasta realizująca zadania pomocy społecznej i wspierania rodziny.",
        "email": "ops@rydultowy.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Sabina Kuczera", "role": "kierowniczka działu pomocy środowiskowej",
             "email": "s.kuczera@ops-rydultowy.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "target_group",
             "description": "dostęp do seniorów, osób z niepełnosprawnością i rodzin w trudnej sytuacji",
             "conditions": "za pośrednictwem pracowników socjalnych", "cost": "free"},
            {"category": "expertise",
             "description": "pracownicy socjalni znający lokalne problemy społeczne",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "wolontariusze do pomocy seniorom w codziennych sprawach",
             "conditions": ""},
            {"category": "expertise",
             "description": "zajęcia kulturalne i sportowe dla dzieci z rodzin objętych wsparciem",
             "conditions": "popołudniami i w wakacje"},
            {"category": "space",
             "description": "sala na spotkania grupy wsparcia",
             "conditions": "raz w tygodniu, wieczorem"},
        ],
    },
    {
        "slug": "sp1-rydultowy",
        "name": "Szkoła Podstawowa nr 1 w Rydułtowach",
        "sector": "public_institution",
        "kind": "school",
        "teryt": TERYT_RYDULTOWY,
        "address": "44-280 Rydułtowy",
        "website": "",
        "description": "Publiczna szkoła podstawowa prowadzona przez miasto Rydułtowy, z aktywnym szkolnym kołem wolontariatu.",
        "email": "sp1@rydultowy.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Krystian Mrozek", "role": "opiekun szkolnego koła wolontariatu",
             "email": "k.mrozek@sp1-rydultowy.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "space",
             "description": "sala gimnastyczna i aula na 120 osób",
             "conditions": "po zajęciach lekcyjnych i w weekendy", "cost": "negotiable"},
            {"category": "volunteers",
             "description": "uczniowie ze szkolnego koła wolontariatu",
             "conditions": "pod opieką nauczyciela", "cost": "free"},
            {"category": "target_group",
             "description": "kontakt z uczniami i ich rodzicami",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "zajęcia pozalekcyjne: ekologia, historia regionu, udzielanie pierwszej pomocy",
             "conditions": ""},
            {"category": "funding",
             "description": "dofinansowanie wycieczek dla uczniów z rodzin o niskich dochodach",
             "conditions": ""},
        ],
    },
    {
        "slug": "przedszkole1-rydultowy",
        "name": "Przedszkole Miejskie nr 1 w Rydułtowach",
        "sector": "public_institution",
        "kind": "kindergarten",
        "teryt": TERYT_RYDULTOWY,
        "address": "44-280 Rydułtowy",
        "website": "",
        "description": "Miejskie przedszkole dla dzieci w wieku 3–6 lat.",
        "email": "przedszkole1@rydultowy.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "kontakt z rodzicami małych dzieci",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "seniorzy do programu „Babcia i dziadek czytają przedszkolakom”",
             "conditions": "przed południem"},
            {"category": "expertise",
             "description": "warsztaty teatralne i muzyczne dla przedszkolaków",
             "conditions": ""},
        ],
    },
    {
        "slug": "rck-rydultowy",
        "name": "Rydułtowskie Centrum Kultury „Feniks”",
        "sector": "public_institution",
        "kind": "culture_centre",
        "teryt": TERYT_RYDULTOWY,
        "address": "44-280 Rydułtowy",
        "website": "",
        "description": "Miejska instytucja kultury organizująca koncerty, zajęcia artystyczne i imprezy plenerowe.",
        "email": "rck@rydultowy.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "space",
             "description": "sala widowiskowa i sale zajęć artystycznych",
             "conditions": "dla organizacji z gminy na warunkach preferencyjnych", "cost": "negotiable"},
            {"category": "expertise",
             "description": "instruktorzy teatru, muzyki i tańca",
             "conditions": "", "cost": "negotiable"},
            {"category": "equipment",
             "description": "scena mobilna i nagłośnienie plenerowe",
             "conditions": "z obsługą techniczną", "cost": "paid"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "wolontariusze do obsługi Dni Rydułtów i festynów",
             "conditions": ""},
            {"category": "target_group",
             "description": "dotarcie do seniorów i rodzin, które rzadko bywają w centrum kultury",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-razem-dla-rydultow",
        "name": "Stowarzyszenie „Razem dla Rydułtów”",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_RYDULTOWY,
        "address": "ul. Strzelców Bytomskich 5, 44-280 Rydułtowy",
        "website": "",
        "description": "Stowarzyszenie mieszkańców działające na rzecz integracji sąsiedzkiej i aktywności seniorów.",
        "email": "kontakt@razemdlarydultow.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Halina Wieczorek", "role": "prezeska zarządu",
             "email": "h.wieczorek@razemdlarydultow.example.pl", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "volunteers",
             "description": "grupa 20 wolontariuszy, w tym aktywnych seniorów",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "doświadczenie w organizacji spotkań sąsiedzkich i wycieczek dla seniorów",
             "conditions": "", "cost": "free"},
            {"category": "target_group",
             "description": "kontakt z seniorami z osiedli, którzy rzadko wychodzą z domu",
             "conditions": "", "cost": "free"},
            {"category": "contacts",
             "description": "sieć kontaktów z innymi organizacjami i radami dzielnic",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "sala na cotygodniowe spotkania klubu seniora",
             "conditions": "czwartki 16:00–18:00"},
            {"category": "funding",
             "description": "środki na wkład własny do projektów",
             "conditions": ""},
            {"category": "promotion",
             "description": "informowanie mieszkańców o działaniach stowarzyszenia",
             "conditions": ""},
        ],
    },
    {
        "slug": "fundacja-slaskie-gniazdo",
        "name": "Fundacja „Śląskie Gniazdo”",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_RYDULTOWY,
        "address": "44-280 Rydułtowy",
        "website": "",
        "description": "Fundacja wspierająca rodziny z dziećmi: prowadzi świetlicę środowiskową i poradnictwo dla rodziców.",
        "email": "biuro@slaskiegniazdo.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Dawid Kowol", "role": "koordynator świetlicy",
             "email": "d.kowol@slaskiegniazdo.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "expertise",
             "description": "pedagodzy i psycholog prowadzący warsztaty dla rodziców",
             "conditions": "", "cost": "free"},
            {"category": "space",
             "description": "świetlica środowiskowa na 25 dzieci",
             "conditions": "przed południem wolna dla innych grup", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "kontakt z rodzinami potrzebującymi wsparcia wychowawczego",
             "conditions": ""},
            {"category": "volunteers",
             "description": "wolontariusze do pomocy dzieciom w odrabianiu lekcji",
             "conditions": ""},
            {"category": "funding",
             "description": "dofinansowanie wakacyjnych półkolonii",
             "conditions": ""},
        ],
    },
    {
        "slug": "uks-halda-rydultowy",
        "name": "Uczniowski Klub Sportowy „Hałda” Rydułtowy",
        "sector": "ngo",
        "kind": "sports_club",
        "teryt": TERYT_RYDULTOWY,
        "address": "44-280 Rydułtowy",
        "website": "",
        "description": "Klub prowadzący zajęcia biegowe i piłkarskie dla dzieci i młodzieży.",
        "email": "uks.halda@example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "trenerzy prowadzący zajęcia ruchowe dla dzieci i seniorów",
             "conditions": "", "cost": "negotiable"},
            {"category": "equipment",
             "description": "sprzęt sportowy do gier terenowych i biegów",
             "conditions": "wypożyczenie na festyny", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "sala gimnastyczna na treningi zimą",
             "conditions": "dwa razy w tygodniu po 17:00"},
            {"category": "transport",
             "description": "przewóz zawodników na zawody",
             "conditions": ""},
        ],
    },
    {
        "slug": "piekarnia-familok",
        "name": "Piekarnia Familok s.c.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_RYDULTOWY,
        "address": "ul. Bohaterów Westerplatte 14, 44-280 Rydułtowy",
        "website": "",
        "description": "Rodzinna piekarnia i cukiernia z tradycjami, sponsor lokalnych festynów.",
        "email": "kontakt@piekarnia-familok.example.pl",
        "phone": "",
        "krs": "", "regon": "240532350", "nip": "6471656140",
        "contacts": [],
        "resources": [
            {"category": "funding",
             "description": "wsparcie rzeczowe: wypieki na festyny i spotkania dla seniorów",
             "conditions": "po zgłoszeniu z dwutygodniowym wyprzedzeniem", "cost": "free"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "obecność marki na lokalnych wydarzeniach",
             "conditions": ""},
            {"category": "target_group",
             "description": "uczniowie zainteresowani praktykami w zawodzie piekarza",
             "conditions": ""},
        ],
    },
    {
        "slug": "starostwo-wodzislaw",
        "name": "Starostwo Powiatowe w Wodzisławiu Śląskim",
        "sector": "jst",
        "kind": "county_office",
        "teryt": TERYT_WODZISLAW_SLASKI,
        "address": "ul. Bogumińska 2, 44-300 Wodzisław Śląski",
        "website": "",
        "description": "Urząd obsługujący powiat wodzisławski, do którego należą Rydułtowy.",
        "email": "starostwo@powiatwodzislawski.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "funding",
             "description": "otwarte konkursy ofert powiatu",
             "conditions": "dla organizacji działających na terenie powiatu", "cost": "free"},
            {"category": "promotion",
             "description": "patronat starosty i informacja w serwisie powiatu",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "partnerstwa gmin i organizacji do projektów o zasięgu powiatowym",
             "conditions": ""},
        ],
    },
    {
        "slug": "pcpr-wodzislaw",
        "name": "Powiatowe Centrum Pomocy Rodzinie w Wodzisławiu Śląskim",
        "sector": "public_institution",
        "kind": "family_support_centre",
        "teryt": TERYT_WODZISLAW_SLASKI,
        "address": "44-300 Wodzisław Śląski",
        "website": "",
        "description": "Jednostka powiatu wspierająca rodziny zastępcze i osoby z niepełnosprawnością.",
        "email": "pcpr@powiatwodzislawski.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "kontakt z rodzinami zastępczymi z całego powiatu",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "szkolenia dla kandydatów na rodziny zastępcze",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "wolontariusze do korepetycji dla dzieci w pieczy zastępczej",
             "conditions": ""},
            {"category": "expertise",
             "description": "zajęcia kulturalne dla rodzin zastępczych",
             "conditions": "w weekendy"},
        ],
    },
    {
        "slug": "wodzislawskie-centrum-wolontariatu",
        "name": "Stowarzyszenie Wodzisławskie Centrum Wolontariatu",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_WODZISLAW_SLASKI,
        "address": "44-300 Wodzisław Śląski",
        "website": "",
        "description": "Stowarzyszenie rekrutujące i szkolące wolontariuszy dla instytucji i organizacji z powiatu wodzisławskiego.",
        "email": "centrum.wolontariatu@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "volunteers",
             "description": "baza przeszkolonych wolontariuszy z całego powiatu",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "szkolenia z organizacji wolontariatu dla instytucji",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "funding",
             "description": "środki na szkolenia i ubezpieczenie wolontariuszy",
             "conditions": ""},
            {"category": "space",
             "description": "biuro i sala szkoleniowa",
             "conditions": ""},
        ],
    },
    # ------------------------------------------------------------------
    # Wielkopolskie, Poznań: seed 002
    # ------------------------------------------------------------------
    {
        "slug": "um-poznan",
        "name": "Urząd Miasta Poznania",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_POZNAN,
        "address": "pl. Kolegiacki 17, 61-841 Poznań",
        "website": "https://www.poznan.pl",
        "description": (
            "Urząd obsługujący Prezydenta Miasta Poznania. W 2019 r. uczestnik międzynarodowego projektu "
            "miast regionu Morza Bałtyckiego o współpracy międzysektorowej: warsztaty dla KDO, "
            "prace nad Rocznym Programem Współpracy i spotkanie biznesu z NGO."
        ),
        "email": "ngo@um.poznan.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Zofia Kaczmarek", "role": "specjalistka ds. współpracy z organizacjami pozarządowymi",
             "email": "z.kaczmarek@um.poznan.example.pl", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "funding",
             "description": "otwarte konkursy ofert i małe granty na zadania publiczne",
             "conditions": "zgodnie z Rocznym Programem Współpracy", "cost": "free"},
            {"category": "contacts",
             "description": "Komisje Dialogu Obywatelskiego i Poznańska Rada Działalności Pożytku Publicznego",
             "conditions": "", "cost": "free"},
            {"category": "space",
             "description": "sale konferencyjne w urzędzie",
             "conditions": "na spotkania z organizacjami pozarządowymi", "cost": "free"},
            {"category": "promotion",
             "description": "serwis miejski i newsletter dla organizacji pozarządowych",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "nowe organizacje, które nie znają jeszcze form współpracy z miastem",
             "conditions": ""},
            {"category": "expertise",
             "description": "opinie organizacji do ewaluacji współpracy i projektu Rocznego Programu Współpracy",
             "conditions": ""},
            {"category": "contacts",
             "description": "firmy zainteresowane współpracą z organizacjami pozarządowymi",
             "conditions": ""},
        ],
    },
    {
        "slug": "prdpp-poznan",
        "name": "Poznańska Rada Działalności Pożytku Publicznego",
        "sector": "informal",
        "kind": "informal_group",
        "teryt": TERYT_POZNAN,
        "address": "61-841 Poznań",
        "website": "",
        "description": (
            "Ciało konsultacyjno-doradcze złożone z przedstawicieli organizacji pozarządowych i miasta; "
            "w katalogu ujęte jako grupa nieformalna, bo nie ma osobowości prawnej."
        ),
        "email": "",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "opiniowanie projektów dokumentów dotyczących współpracy z organizacjami",
             "conditions": "", "cost": "free"},
            {"category": "contacts",
             "description": "kontakty w środowisku poznańskich organizacji pozarządowych",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "szersze informowanie organizacji o pracach rady",
             "conditions": ""},
        ],
    },
    {
        "slug": "kdo-poznan",
        "name": "Komisje Dialogu Obywatelskiego przy Urzędzie Miasta Poznania",
        "sector": "informal",
        "kind": "informal_group",
        "teryt": TERYT_POZNAN,
        "address": "61-841 Poznań",
        "website": "",
        "description": "Ciała doradczo-inicjatywne działające przy wydziałach urzędu miasta, skupiające przedstawicieli organizacji z danej dziedziny.",
        "email": "",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "wiedza branżowa organizacji z różnych obszarów (kultura, sport, pomoc społeczna, ekologia)",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "moderacja i ewaluacja pracy komisji",
             "conditions": ""},
            {"category": "contacts",
             "description": "wymiana dobrych praktyk między komisjami",
             "conditions": ""},
        ],
    },
    {
        "slug": "bajgle-krola-jana",
        "name": "Bajgle Króla Jana",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "Poznań",
        "website": "",
        "description": (
            "Poznańska restauracja z bajglami o kawiarnianej atmosferze; 12 grudnia 2019 r. gościła "
            "pierwsze spotkanie biznesu i organizacji pozarządowych w formacie speed datingu."
        ),
        "email": "",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "space",
             "description": "sala restauracyjna na kameralne spotkania do 40 osób",
             "conditions": "wieczorem, po rezerwacji", "cost": "negotiable"},
            {"category": "other",
             "description": "poczęstunek dla uczestników spotkań",
             "conditions": "", "cost": "paid"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "dotarcie do nowych gości przez wydarzenia społeczne",
             "conditions": ""},
            {"category": "contacts",
             "description": "organizacje, z którymi można zorganizować wydarzenie charytatywne",
             "conditions": ""},
        ],
    },
    {
        "slug": "wartka-it",
        "name": "Wartka IT sp. z o.o.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Głogowska 112, 60-263 Poznań",
        "website": "",
        "description": "Poznański software house tworzący aplikacje internetowe; prowadzi program wolontariatu pracowniczego.",
        "email": "csr@wartka-it.example.com",
        "phone": "",
        "krs": "", "regon": "365034915", "nip": "7799542550",
        "contacts": [
            {"name": "Michał Szymański", "role": "koordynator programu CSR",
             "email": "m.szymanski@wartka-it.example.com", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "expertise",
             "description": "pro bono: strony internetowe, bezpieczeństwo IT, porządki w danych",
             "conditions": "do 40 godzin rocznie dla jednej organizacji", "cost": "free"},
            {"category": "volunteers",
             "description": "wolontariat pracowniczy: zespoły 3–6 osób",
             "conditions": "w dni robocze, raz na kwartał", "cost": "free"},
            {"category": "equipment",
             "description": "używane laptopy po odnowieniu",
             "conditions": "przekazywane raz w roku", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "organizacje pozarządowe do projektów wolontariatu pracowniczego",
             "conditions": ""},
            {"category": "expertise",
             "description": "warsztaty dla pracowników o różnorodności i włączaniu osób z niepełnosprawnością",
             "conditions": ""},
        ],
    },
    {
        "slug": "saldo-biuro-rachunkowe",
        "name": "Biuro Rachunkowe Saldo s.c.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Dąbrowskiego 41, 60-840 Poznań",
        "website": "",
        "description": "Biuro rachunkowe obsługujące małe firmy i organizacje pozarządowe.",
        "email": "biuro@saldo.example.pl",
        "phone": "",
        "krs": "", "regon": "303446632", "nip": "7812103509",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "konsultacje księgowe dla organizacji: sprawozdania finansowe, rozliczanie dotacji",
             "conditions": "pierwsza konsultacja bezpłatna", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "dotarcie do organizacji pozarządowych jako klientów",
             "conditions": ""},
            {"category": "contacts",
             "description": "partnerzy do bezpłatnych szkoleń z rozliczania dotacji",
             "conditions": ""},
        ],
    },
    {
        "slug": "drukarnia-jezycka",
        "name": "Drukarnia Jeżycka sp. z o.o.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Kraszewskiego 20, 60-519 Poznań",
        "website": "",
        "description": "Drukarnia cyfrowa i offsetowa z Jeżyc.",
        "email": "zamowienia@drukarnia-jezycka.example.pl",
        "phone": "",
        "krs": "", "regon": "639454634", "nip": "7817956300",
        "contacts": [],
        "resources": [
            {"category": "promotion",
             "description": "druk plakatów i ulotek dla organizacji pozarządowych z rabatem 30%",
             "conditions": "dla akcji społecznych", "cost": "paid"},
            {"category": "funding",
             "description": "jeden bezpłatny nakład rocznie dla wybranej akcji charytatywnej",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "logo drukarni na materiałach akcji społecznych",
             "conditions": ""},
        ],
    },
    {
        "slug": "agencja-koziolki",
        "name": "Agencja Kreatywna Koziołki sp. z o.o.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Półwiejska 16, 61-888 Poznań",
        "website": "",
        "description": "Agencja marketingowa specjalizująca się w komunikacji w mediach społecznościowych.",
        "email": "hello@koziolki.example.pl",
        "phone": "",
        "krs": "", "regon": "360586515", "nip": "7833826064",
        "contacts": [
            {"name": "Aleksandra Dudek", "role": "dyrektorka kreatywna",
             "email": "a.dudek@koziolki.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "expertise",
             "description": "warsztaty z komunikacji w mediach społecznościowych i identyfikacji wizualnej",
             "conditions": "pro bono dla dwóch organizacji rocznie", "cost": "free"},
            {"category": "promotion",
             "description": "kampania promocyjna dla akcji społecznej",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "organizacje do wspólnych kampanii społecznych (portfolio agencji)",
             "conditions": ""},
        ],
    },
    {
        "slug": "pyra-catering",
        "name": "Pyra Catering sp. z o.o.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Obornicka 235, 60-650 Poznań",
        "website": "",
        "description": "Firma cateringowa z kuchnią wielkopolską, obsługująca konferencje i wydarzenia plenerowe.",
        "email": "zamowienia@pyra-catering.example.pl",
        "phone": "",
        "krs": "", "regon": "389204534", "nip": "7796750199",
        "contacts": [],
        "resources": [
            {"category": "other",
             "description": "catering na wydarzenia organizacji pozarządowych po kosztach",
             "conditions": "do 100 osób", "cost": "paid"},
            {"category": "funding",
             "description": "przekazywanie nadwyżek żywności",
             "conditions": "odbiór tego samego dnia", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "organizacje odbierające nadwyżki żywności",
             "conditions": ""},
            {"category": "target_group",
             "description": "osoby z doświadczeniem kryzysu bezdomności szukające pracy w gastronomii",
             "conditions": ""},
        ],
    },
    {
        "slug": "kancelaria-lex-posnania",
        "name": "Kancelaria Radców Prawnych Lex Posnania sp.p.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Mickiewicza 31, 60-835 Poznań",
        "website": "",
        "description": "Kancelaria prawna obsługująca przedsiębiorców i organizacje non-profit.",
        "email": "kancelaria@lexposnania.example.pl",
        "phone": "",
        "krs": "", "regon": "368214405", "nip": "7783558608",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "porady prawne pro bono: statuty, umowy partnerskie, RODO",
             "conditions": "jedna konsultacja w miesiącu na organizację", "cost": "free"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "budowanie wizerunku kancelarii zaangażowanej społecznie",
             "conditions": ""},
        ],
    },
    {
        "slug": "stolarnia-wildecka",
        "name": "Stolarnia Wildecka sp. z o.o.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Górna Wilda 90, 61-576 Poznań",
        "website": "",
        "description": "Pracownia stolarska wykonująca meble na zamówienie i prowadząca warsztaty rękodzieła z drewna.",
        "email": "pracownia@stolarnia-wildecka.example.pl",
        "phone": "",
        "krs": "", "regon": "301355776", "nip": "7839749927",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "warsztaty z obróbki drewna dla dzieci i dorosłych",
             "conditions": "", "cost": "negotiable"},
            {"category": "equipment",
             "description": "ścinki drewna i materiały na zajęcia plastyczne",
             "conditions": "odbiór własny", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "młodzież zainteresowana nauką zawodu stolarza",
             "conditions": ""},
            {"category": "promotion",
             "description": "promocja warsztatów wśród mieszkańców Wildy",
             "conditions": ""},
        ],
    },
    {
        "slug": "centrum-konferencyjne-nad-malta",
        "name": "Centrum Konferencyjne Nad Maltą sp. z o.o.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Baraniaka 10, 61-131 Poznań",
        "website": "",
        "description": "Obiekt konferencyjny z salami szkoleniowymi nad Jeziorem Maltańskim.",
        "email": "rezerwacje@nadmalta.example.pl",
        "phone": "",
        "krs": "", "regon": "369080757", "nip": "7827962242",
        "contacts": [],
        "resources": [
            {"category": "space",
             "description": "sale szkoleniowe na 20–150 osób z wyposażeniem multimedialnym",
             "conditions": "dla organizacji pozarządowych rabat 50% w piątki i weekendy", "cost": "paid"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "organizacje do wspólnych akcji sprzątania brzegów Malty z pracownikami",
             "conditions": ""},
        ],
    },
    {
        "slug": "wfob",
        "name": "Wielkopolskie Forum Odpowiedzialnego Biznesu",
        "sector": "business",
        "kind": "business_association",
        "teryt": TERYT_POZNAN,
        "address": "61-131 Poznań",
        "website": "",
        "description": "Stowarzyszenie przedsiębiorców promujące społeczną odpowiedzialność biznesu w regionie.",
        "email": "biuro@wfob.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "contacts",
             "description": "sieć ponad 60 firm członkowskich zainteresowanych współpracą z NGO",
             "conditions": "", "cost": "free"},
            {"category": "promotion",
             "description": "biuletyn członkowski",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "wiarygodne organizacje pozarządowe do programów CSR firm członkowskich",
             "conditions": ""},
        ],
    },
    {
        "slug": "wielkopolskie-przewozy-turystyczne",
        "name": "Wielkopolskie Przewozy Turystyczne sp. z o.o.",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_POZNAN,
        "address": "ul. Szwedzka 5, 61-285 Poznań",
        "website": "",
        "description": "Przewoźnik autokarowy; ma też busy przystosowane do przewozu osób na wózkach.",
        "email": "biuro@wpt.example.pl",
        "phone": "",
        "krs": "", "regon": "364789327", "nip": "7824533316",
        "contacts": [],
        "resources": [
            {"category": "transport",
             "description": "wynajem autokarów i busów, w tym busa z windą dla osób na wózkach",
             "conditions": "dla organizacji pozarządowych rabat 20%", "cost": "paid"},
            {"category": "funding",
             "description": "dwa bezpłatne przejazdy rocznie dla akcji charytatywnych",
             "conditions": "po zgłoszeniu z miesięcznym wyprzedzeniem", "cost": "free"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "promocja firmy jako przewoźnika przyjaznego osobom z niepełnosprawnością",
             "conditions": ""},
            {"category": "contacts",
             "description": "organizacje zainteresowane stałą współpracą przy wyjazdach",
             "conditions": ""},
        ],
    },
    {
        "slug": "fundacja-zielona-wilda",
        "name": "Fundacja „Zielona Wilda”",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_POZNAN,
        "address": "ul. Wierzbięcice 20, 61-558 Poznań",
        "website": "",
        "description": "Fundacja prowadząca ogrody społeczne i edukację ekologiczną na Wildzie.",
        "email": "kontakt@zielonawilda.example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Natalia Wróbel", "role": "prezeska fundacji",
             "email": "n.wrobel@zielonawilda.example.org", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "volunteers",
             "description": "wolontariusze do akcji sadzenia drzew i sprzątania terenów zielonych",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "warsztaty ekologiczne dla zespołów firmowych",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "zespoły wolontariatu pracowniczego do prac w ogrodzie społecznym",
             "conditions": "wiosną i jesienią"},
            {"category": "equipment",
             "description": "narzędzia ogrodnicze i drewno na skrzynie do uprawy",
             "conditions": ""},
            {"category": "promotion",
             "description": "pomoc w kampanii w mediach społecznościowych",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-sasiedzkie-lazarz",
        "name": "Stowarzyszenie Sąsiedzkie „Łazarz Razem”",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_POZNAN,
        "address": "ul. Kasprzaka 12, 60-238 Poznań",
        "website": "",
        "description": "Stowarzyszenie mieszkańców Łazarza organizujące potańcówki, kiermasze i pomoc sąsiedzką.",
        "email": "lazarzrazem@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "kontakt z mieszkańcami Łazarza, w tym z seniorami",
             "conditions": "", "cost": "free"},
            {"category": "volunteers",
             "description": "sąsiedzka sieć wolontariuszy",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "sala na spotkania sąsiedzkie na 50 osób",
             "conditions": "raz w miesiącu, wieczorem"},
            {"category": "funding",
             "description": "sponsor nagród na festyn sąsiedzki",
             "conditions": ""},
        ],
    },
    {
        "slug": "fundacja-dojrzale-pokolenie",
        "name": "Fundacja „Dojrzałe Pokolenie”",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_POZNAN,
        "address": "os. Pod Lipami 5, 61-632 Poznań",
        "website": "",
        "description": "Fundacja wspierająca aktywność seniorów: kursy komputerowe, wolontariat seniorów, spacery.",
        "email": "biuro@dojrzalepokolenie.example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "grupa 150 seniorów z Winograd i Piątkowa",
             "conditions": "", "cost": "free"},
            {"category": "volunteers",
             "description": "seniorzy-wolontariusze chętni do mentoringu",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "trenerzy IT do kursów obsługi smartfonów dla seniorów",
             "conditions": ""},
            {"category": "equipment",
             "description": "laptopy do pracowni komputerowej dla seniorów",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-razem-latwiej",
        "name": "Stowarzyszenie Rodzin i Opiekunów Osób z Niepełnosprawnością „Razem Łatwiej”",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_POZNAN,
        "address": "ul. Grunwaldzka 55, 60-352 Poznań",
        "website": "",
        "description": "Stowarzyszenie rodziców dzieci z niepełnosprawnością prowadzące grupy wsparcia i zajęcia terapeutyczne.",
        "email": "razemlatwiej@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "szkolenia dla firm z obsługi klientów z niepełnosprawnością",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "transport",
             "description": "transport dostosowany do przewozu wózków na wycieczki",
             "conditions": ""},
            {"category": "expertise",
             "description": "pomoc prawna w sprawach orzecznictwa i statutu",
             "conditions": ""},
            {"category": "funding",
             "description": "sponsor turnusu rehabilitacyjnego",
             "conditions": ""},
        ],
    },
    {
        "slug": "spoldzielnia-zakwas",
        "name": "Spółdzielnia Socjalna „Zakwas”",
        "sector": "ngo",
        "kind": "social_cooperative",
        "teryt": TERYT_POZNAN,
        "address": "ul. Hetmańska 40, 60-252 Poznań",
        "website": "",
        "description": "Spółdzielnia socjalna prowadząca piekarnię rzemieślniczą, zatrudniającą osoby zagrożone wykluczeniem.",
        "email": "zakwas@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "other",
             "description": "pieczywo i przekąski na wydarzenia",
             "conditions": "", "cost": "paid"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "doradztwo księgowe i marketingowe",
             "conditions": ""},
            {"category": "promotion",
             "description": "zamówienia od firm w ramach zakupów społecznie odpowiedzialnych",
             "conditions": ""},
        ],
    },
    {
        "slug": "uks-orlik-winogrady",
        "name": "Uczniowski Klub Sportowy „Orlik Winogrady”",
        "sector": "ngo",
        "kind": "sports_club",
        "teryt": TERYT_POZNAN,
        "address": "os. Wichrowe Wzgórze 2, 61-678 Poznań",
        "website": "",
        "description": "Klub piłkarski dla dzieci i młodzieży z Winograd.",
        "email": "uks.orlik@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "trenerzy do turniejów firmowych i pikników rodzinnych",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "funding",
             "description": "sponsor strojów i wyjazdów na turnieje",
             "conditions": ""},
            {"category": "transport",
             "description": "bus na wyjazdy drużyny",
             "conditions": "w weekendy"},
        ],
    },
    {
        "slug": "fundacja-start-w-przyszlosc",
        "name": "Fundacja Edukacji Młodzieży „Start w Przyszłość”",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_POZNAN,
        "address": "ul. Fredry 7, 61-701 Poznań",
        "website": "",
        "description": "Fundacja prowadząca doradztwo zawodowe i programy mentorskie dla licealistów.",
        "email": "biuro@startwprzyszlosc.example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "kontakt z licealistami i szkołami branżowymi",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "mentorzy z biznesu do programu mentorskiego",
             "conditions": "2 godziny miesięcznie"},
            {"category": "space",
             "description": "sale na warsztaty dla młodzieży",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-przystan",
        "name": "Stowarzyszenie Pomocy Osobom w Kryzysie Bezdomności „Przystań”",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_POZNAN,
        "address": "ul. Przemysłowa 12, 61-541 Poznań",
        "website": "",
        "description": "Stowarzyszenie prowadzące punkt pomocy i program aktywizacji zawodowej osób w kryzysie bezdomności.",
        "email": "przystan@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "uczestnicy programu aktywizacji zawodowej gotowi do podjęcia pracy",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "other",
             "description": "żywność i posiłki dla punktu pomocy",
             "conditions": "codziennie"},
            {"category": "contacts",
             "description": "pracodawcy oferujący praktyki i zatrudnienie",
             "conditions": ""},
        ],
    },
    # ------------------------------------------------------------------
    # Wielkopolskie, gmina Śmigiel: seed 004 (BLISKO)
    # ------------------------------------------------------------------
    {
        "slug": "mbp-smigiel",
        "name": "Miejska Biblioteka Publiczna w Śmiglu",
        "sector": "public_institution",
        "kind": "library",
        "teryt": TERYT_SMIGIEL,
        "address": "ul. Ogrodowa 8, 64-030 Śmigiel",
        "website": "",
        "description": (
            "Biblioteka gminy Śmigiel z filiami na wsiach. W 2023 r. realizuje projekt BLISKO "
            "i zaprasza lokalne instytucje i organizacje do wspólnych projektów kulturalnych."
        ),
        "email": "biblioteka@smigiel.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Monika Jankowska", "role": "dyrektorka biblioteki",
             "email": "m.jankowska@mbp-smigiel.example.pl", "phone": "", "public": True},
            {"name": "Paulina Borowiak", "role": "bibliotekarka, koordynatorka projektu BLISKO",
             "email": "p.borowiak@mbp-smigiel.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "space",
             "description": "czytelnia na 40 osób i kącik dla dzieci",
             "conditions": "w godzinach otwarcia, a po uzgodnieniu także wieczorem", "cost": "free"},
            {"category": "equipment",
             "description": "laptopy, rzutnik i ekran",
             "conditions": "na zajęcia prowadzone w bibliotece", "cost": "free"},
            {"category": "expertise",
             "description": "doświadczenie w pisaniu wniosków i prowadzeniu projektów kulturalnych",
             "conditions": "", "cost": "free"},
            {"category": "promotion",
             "description": "profil biblioteki w mediach społecznościowych i plakaty w filiach",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "wolontariusze do pomocy przy Nocy Bibliotek i pikniku czytelniczym",
             "conditions": ""},
            {"category": "space",
             "description": "większa sala lub plac na wydarzenia plenerowe w wioskach",
             "conditions": "latem, w weekendy"},
            {"category": "target_group",
             "description": "dotarcie do seniorów i rodzin z wiosek gminy",
             "conditions": ""},
            {"category": "contacts",
             "description": "partnerzy do projektów w ramach BLISKO",
             "conditions": ""},
        ],
    },
    {
        "slug": "ck-smigiel",
        "name": "Centrum Kultury w Śmiglu",
        "sector": "public_institution",
        "kind": "culture_centre",
        "teryt": TERYT_SMIGIEL,
        "address": "64-030 Śmigiel",
        "website": "",
        "description": "Gminna instytucja kultury organizująca zajęcia artystyczne, koncerty i święta miejskie.",
        "email": "ck@smigiel.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Robert Adamczak", "role": "instruktor ds. imprez",
             "email": "r.adamczak@ck-smigiel.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "space",
             "description": "sala widowiskowa i sale prób",
             "conditions": "dla instytucji i organizacji z gminy", "cost": "negotiable"},
            {"category": "expertise",
             "description": "animatorzy i instruktorzy zajęć muzycznych, tanecznych i plastycznych",
             "conditions": "", "cost": "negotiable"},
            {"category": "equipment",
             "description": "nagłośnienie, oświetlenie sceniczne i scena plenerowa",
             "conditions": "z obsługą techniczną", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "dotarcie do mieszkańców wsi i seniorów",
             "conditions": ""},
            {"category": "volunteers",
             "description": "wolontariusze do obsługi imprez plenerowych",
             "conditions": ""},
            {"category": "transport",
             "description": "dowóz uczestników z wiosek na zajęcia w Śmiglu",
             "conditions": ""},
        ],
    },
    {
        "slug": "um-smigiel",
        "name": "Urząd Miejski w Śmiglu",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_SMIGIEL,
        "address": "64-030 Śmigiel",
        "website": "",
        "description": "Urząd gminy miejsko-wiejskiej Śmigiel w powiecie kościańskim, organ prowadzący bibliotekę i centrum kultury.",
        "email": "urzad@smigiel.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Łukasz Nowak", "role": "inspektor ds. współpracy z organizacjami pozarządowymi",
             "email": "l.nowak@um-smigiel.example.pl", "phone": "", "public": True},
        ],
        "resources": [
            {"category": "funding",
             "description": "otwarte konkursy ofert na zadania z kultury, sportu i turystyki",
             "conditions": "zgodnie z rocznym programem współpracy", "cost": "free"},
            {"category": "promotion",
             "description": "serwis gminy i gazeta lokalna",
             "conditions": "", "cost": "free"},
            {"category": "space",
             "description": "sala sesyjna na 50 osób",
             "conditions": "w dni robocze po 15:30", "cost": "free"},
            {"category": "transport",
             "description": "autobus gminny (na co dzień dowożący uczniów) na wydarzenia kulturalne",
             "conditions": "popołudniami i w weekendy, po uzgodnieniu", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "organizacje gotowe współtworzyć roczny program współpracy",
             "conditions": ""},
            {"category": "expertise",
             "description": "diagnoza potrzeb mieszkańców sołectw",
             "conditions": ""},
        ],
    },
    {
        "slug": "ops-smigiel",
        "name": "Ośrodek Pomocy Społecznej w Śmiglu",
        "sector": "public_institution",
        "kind": "social_assistance",
        "teryt": TERYT_SMIGIEL,
        "address": "64-030 Śmigiel",
        "website": "",
        "description": "Ośrodek pomocy społecznej gminy Śmigiel.",
        "email": "ops@smigiel.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "dostęp do seniorów i osób samotnych z całej gminy",
             "conditions": "za pośrednictwem pracowników socjalnych", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "zajęcia kulturalne i czytelnicze dla seniorów",
             "conditions": ""},
            {"category": "volunteers",
             "description": "wolontariusze do odwiedzin u osób samotnych",
             "conditions": ""},
        ],
    },
    {
        "slug": "kgw-nietazkowo",
        "name": "Koło Gospodyń Wiejskich w Nietążkowie",
        "sector": "ngo",
        "kind": "rural_women_circle",
        "teryt": TERYT_SMIGIEL,
        "address": "Nietążkowo, 64-030 Śmigiel",
        "website": "",
        "description": "Koło gospodyń wiejskich kultywujące tradycje kulinarne i rękodzieło, organizujące dożynki i spotkania wiejskie.",
        "email": "kgw.nietazkowo@example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Teresa Michalak", "role": "przewodnicząca koła",
             "email": "t.michalak@kgw-nietazkowo.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "volunteers",
             "description": "członkinie koła pomagające przy imprezach",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "warsztaty kulinarne i rękodzielnicze z tradycjami regionu",
             "conditions": "", "cost": "free"},
            {"category": "other",
             "description": "domowe wypieki i poczęstunek na wydarzenia",
             "conditions": "koszt produktów", "cost": "negotiable"},
            {"category": "target_group",
             "description": "kontakt z mieszkankami i mieszkańcami Nietążkowa i okolicznych wsi, w tym z seniorkami",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "pomieszczenie z kuchnią na warsztaty",
             "conditions": ""},
            {"category": "funding",
             "description": "środki na stroje i wyposażenie kuchni",
             "conditions": ""},
            {"category": "promotion",
             "description": "promocja działań koła poza wsią",
             "conditions": ""},
        ],
    },
    {
        "slug": "osp-stare-bojanowo",
        "name": "Ochotnicza Straż Pożarna w Starym Bojanowie",
        "sector": "ngo",
        "kind": "fire_brigade",
        "teryt": TERYT_SMIGIEL,
        "address": "Stare Bojanowo, 64-030 Śmigiel",
        "website": "",
        "description": "Jednostka OSP z młodzieżową drużyną pożarniczą; remiza jest miejscem zebrań wiejskich.",
        "email": "osp.stare.bojanowo@example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Krzysztof Walczak", "role": "prezes OSP",
             "email": "k.walczak@osp-bojanowo.example.pl", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "space",
             "description": "sala w remizie na 80 osób z zapleczem kuchennym",
             "conditions": "po uzgodnieniu z zarządem", "cost": "negotiable"},
            {"category": "volunteers",
             "description": "druhowie pomagający przy zabezpieczeniu imprez i festynów",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "pokazy ratownictwa i nauka pierwszej pomocy",
             "conditions": "", "cost": "free"},
            {"category": "equipment",
             "description": "namioty i ławostoły",
             "conditions": "wypożyczenie na wydarzenia w gminie", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "młodzież do młodzieżowej drużyny pożarniczej",
             "conditions": ""},
            {"category": "funding",
             "description": "dofinansowanie sprzętu ratowniczego",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-przyjaciol-ziemi-smigielskiej",
        "name": "Stowarzyszenie Przyjaciół Ziemi Śmigielskiej",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_SMIGIEL,
        "address": "64-030 Śmigiel",
        "website": "",
        "description": "Stowarzyszenie miłośników historii regionu; dokumentuje dzieje śmigielskich wiatraków i wydaje publikacje.",
        "email": "ziemiasmigielska@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "spacery historyczne i prelekcje o historii gminy",
             "conditions": "", "cost": "free"},
            {"category": "volunteers",
             "description": "członkowie stowarzyszenia jako przewodnicy",
             "conditions": "", "cost": "free"},
            {"category": "contacts",
             "description": "dobre kontakty z sołtysami i radami sołeckimi w całej gminie",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "miejsce na wystawę zdjęć archiwalnych",
             "conditions": ""},
            {"category": "funding",
             "description": "środki na druk publikacji",
             "conditions": ""},
        ],
    },
    {
        "slug": "fundacja-smigielskie-wiatraki",
        "name": "Fundacja „Śmigielskie Wiatraki”",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_SMIGIEL,
        "address": "64-030 Śmigiel",
        "website": "",
        "description": "Fundacja wspierająca inicjatywy mieszkańców gminy, prowadzi lokalny fundusz grantowy dla grup nieformalnych.",
        "email": "fundacja@smigielskiewiatraki.example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "funding",
             "description": "mikrogranty do 3000 zł dla inicjatyw mieszkańców",
             "conditions": "nabór wiosną", "cost": "free"},
            {"category": "expertise",
             "description": "doradztwo przy pisaniu wniosków",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "wolontariusze do komisji oceniającej wnioski",
             "conditions": ""},
            {"category": "contacts",
             "description": "instytucje gotowe użyczyć sal grupom nieformalnym",
             "conditions": ""},
        ],
    },
    {
        "slug": "sp-czacz",
        "name": "Szkoła Podstawowa w Czaczu",
        "sector": "public_institution",
        "kind": "school",
        "teryt": TERYT_SMIGIEL,
        "address": "Czacz, 64-030 Śmigiel",
        "website": "",
        "description": "Wiejska szkoła podstawowa w gminie Śmigiel ze szkolnym klubem wolontariusza.",
        "email": "sekretariat@sp-czacz.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "volunteers",
             "description": "uczniowie ze szkolnego klubu wolontariusza",
             "conditions": "pod opieką nauczyciela", "cost": "free"},
            {"category": "space",
             "description": "sala gimnastyczna i boisko",
             "conditions": "po lekcjach i w weekendy", "cost": "free"},
            {"category": "target_group",
             "description": "kontakt z uczniami i rodzicami z okolicznych wsi",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "zajęcia kulturalne i czytelnicze dla uczniów",
             "conditions": ""},
            {"category": "transport",
             "description": "przewóz uczniów na wydarzenia w Śmiglu",
             "conditions": ""},
        ],
    },
    {
        "slug": "agroturystyka-pod-wiatrakiem",
        "name": "Gospodarstwo Agroturystyczne „Pod Wiatrakiem”",
        "sector": "business",
        "kind": "company",
        "teryt": TERYT_SMIGIEL,
        "address": "Bielawy, 64-030 Śmigiel",
        "website": "",
        "description": "Gospodarstwo agroturystyczne z dużą stodołą na imprezy i warsztaty.",
        "email": "podwiatrakiem@example.pl",
        "phone": "",
        "krs": "", "regon": "305641906", "nip": "6982691597",
        "contacts": [],
        "resources": [
            {"category": "space",
             "description": "stodoła na 100 osób i teren zielony na pikniki",
             "conditions": "dla lokalnych organizacji po kosztach", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "promocja gospodarstwa wśród turystów",
             "conditions": ""},
        ],
    },
    # ------------------------------------------------------------------
    # Podlaskie: seed 003 "Razem dla Regionu"
    # ------------------------------------------------------------------
    {
        "slug": "kmsi-bialystok",
        "name": "Klub Myśli Społecznej Inicjatywy",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_BIALYSTOK,
        "address": "Białystok",
        "website": "",
        "description": (
            "Białostocka organizacja pozarządowa wspierająca organizacje i społeczności lokalne na Podlasiu; "
            "lider projektu „Razem dla Regionu” (2008–2009)."
        ),
        "email": "biuro@kmsi.example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [
            {"name": "Anna Kowalczuk", "role": "koordynatorka projektów",
             "email": "a.kowalczuk@kmsi.example.org", "phone": "", "public": False},
        ],
        "resources": [
            {"category": "expertise",
             "description": "szkolenia i doradztwo dla organizacji pozarządowych w zakresie współpracy z samorządem",
             "conditions": "", "cost": "free"},
            {"category": "contacts",
             "description": "sieć organizacji pozarządowych z całego Podlasia",
             "conditions": "", "cost": "free"},
            {"category": "space",
             "description": "sala szkoleniowa na 25 osób w Białymstoku",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "funding",
             "description": "środki na kontynuację doradztwa dla organizacji z małych miejscowości",
             "conditions": ""},
            {"category": "contacts",
             "description": "samorządy otwarte na partnerstwa z organizacjami",
             "conditions": ""},
        ],
    },
    {
        "slug": "um-bialystok",
        "name": "Urząd Miejski w Białymstoku",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_BIALYSTOK,
        "address": "ul. Słonimska 1, 15-950 Białystok",
        "website": "https://www.bialystok.pl",
        "description": "Urząd obsługujący Prezydenta Miasta Białegostoku, stolicy województwa podlaskiego.",
        "email": "ngo@um.bialystok.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "funding",
             "description": "otwarte konkursy ofert na zadania publiczne",
             "conditions": "zgodnie z rocznym programem współpracy", "cost": "free"},
            {"category": "space",
             "description": "sale na spotkania organizacji pozarządowych",
             "conditions": "", "cost": "free"},
            {"category": "promotion",
             "description": "miejski serwis internetowy i newsletter dla organizacji pozarządowych",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "organizacje pozarządowe do realizacji zadań publicznych i konsultacji",
             "conditions": ""},
        ],
    },
    {
        "slug": "fundacja-podlaska-siec",
        "name": "Fundacja Wspierania Inicjatyw Obywatelskich „Podlaska Sieć”",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_BIALYSTOK,
        "address": "ul. Lipowa 20, 15-427 Białystok",
        "website": "",
        "description": "Fundacja prowadząca doradztwo prawne i księgowe dla organizacji pozarządowych z regionu.",
        "email": "biuro@podlaskasiec.example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "doradztwo prawne, księgowe i w zakresie pozyskiwania funduszy",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "dotarcie z ofertą doradztwa do organizacji z małych gmin",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-rozwoju-wsi-podlaskiej",
        "name": "Stowarzyszenie Rozwoju Wsi Podlaskiej",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_BIELSK_PODLASKI,
        "address": "17-100 Bielsk Podlaski",
        "website": "",
        "description": "Stowarzyszenie działające na rzecz aktywizacji mieszkańców wsi i ochrony dziedzictwa kulturowego.",
        "email": "srwp@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "target_group",
             "description": "kontakt z mieszkańcami wsi i sołtysami",
             "conditions": "", "cost": "free"},
            {"category": "volunteers",
             "description": "wolontariusze przy festynach i warsztatach",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "wiedza o procedurze otwartych konkursów ofert i zadaniach publicznych",
             "conditions": ""},
            {"category": "funding",
             "description": "środki na wkład własny",
             "conditions": ""},
        ],
    },
    {
        "slug": "fundacja-nadbuzanskie-inicjatywy",
        "name": "Fundacja „Nadbużańskie Inicjatywy”",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_SIEMIATYCZE,
        "address": "17-300 Siemiatycze",
        "website": "",
        "description": "Fundacja wspierająca młodzież i seniorów z miejscowości nad Bugiem.",
        "email": "nadbuzanskie@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "prowadzenie warsztatów międzypokoleniowych",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "sala na zajęcia dla młodzieży",
             "conditions": ""},
            {"category": "contacts",
             "description": "partnerzy z samorządu do wspólnego projektu",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-aktywni-razem-hajnowka",
        "name": "Stowarzyszenie „Aktywni Razem” w Hajnówce",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_HAJNOWKA,
        "address": "17-200 Hajnówka",
        "website": "",
        "description": "Stowarzyszenie prowadzące klub młodzieżowy i działania na rzecz turystyki w rejonie Puszczy Białowieskiej.",
        "email": "aktywnirazem@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "volunteers",
             "description": "młodzi wolontariusze z klubu młodzieżowego",
             "conditions": "", "cost": "free"},
            {"category": "expertise",
             "description": "przewodnicy po okolicach Puszczy Białowieskiej",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "space",
             "description": "stała siedziba klubu młodzieżowego",
             "conditions": ""},
            {"category": "funding",
             "description": "dotacja na wyjazdy edukacyjne",
             "conditions": ""},
        ],
    },
    {
        "slug": "um-hajnowka",
        "name": "Urząd Miasta Hajnówka",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_HAJNOWKA,
        "address": "17-200 Hajnówka",
        "website": "",
        "description": "Urząd gminy miejskiej Hajnówka.",
        "email": "urzad@hajnowka.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "space",
             "description": "lokale komunalne użyczane organizacjom pozarządowym",
             "conditions": "na podstawie umowy użyczenia", "cost": "free"},
            {"category": "funding",
             "description": "otwarte konkursy ofert na zadania z zakresu kultury, sportu i turystyki",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "volunteers",
             "description": "wolontariusze do obsługi wydarzeń miejskich",
             "conditions": ""},
            {"category": "expertise",
             "description": "oferta turystyczna przygotowana wspólnie z organizacjami",
             "conditions": ""},
        ],
    },
    {
        "slug": "ltwr-lomza",
        "name": "Łomżyńskie Towarzystwo Wspierania Rodzin",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_LOMZA,
        "address": "18-400 Łomża",
        "website": "",
        "description": "Stowarzyszenie prowadzące poradnictwo rodzinne i świetlicę dla dzieci.",
        "email": "ltwr@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "poradnictwo rodzinne i mediacje",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "expertise",
             "description": "szkolenie z przygotowania oferty w otwartym konkursie ofert",
             "conditions": ""},
            {"category": "volunteers",
             "description": "wolontariusze do świetlicy",
             "conditions": ""},
        ],
    },
    {
        "slug": "ssta-suwalki",
        "name": "Suwalskie Stowarzyszenie Turystyki Aktywnej",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_SUWALKI,
        "address": "16-400 Suwałki",
        "website": "",
        "description": "Stowarzyszenie organizujące rajdy rowerowe i spływy kajakowe na Suwalszczyźnie.",
        "email": "ssta@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "equipment",
             "description": "kajaki i rowery do wypożyczenia na imprezy",
             "conditions": "", "cost": "negotiable"},
            {"category": "expertise",
             "description": "instruktorzy turystyki kwalifikowanej",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "promotion",
             "description": "promocja imprez turystycznych",
             "conditions": ""},
            {"category": "transport",
             "description": "transport sprzętu na imprezy",
             "conditions": ""},
        ],
    },
    # ------------------------------------------------------------------
    # Zachodniopomorskie
    # ------------------------------------------------------------------
    {
        "slug": "um-szczecin",
        "name": "Urząd Miasta Szczecin",
        "sector": "jst",
        "kind": "municipal_office",
        "teryt": TERYT_SZCZECIN,
        "address": "pl. Armii Krajowej 1, 70-456 Szczecin",
        "website": "https://www.szczecin.pl",
        "description": "Urząd obsługujący Prezydenta Miasta Szczecin; ma wieloletnie doświadczenie we współpracy z organizacjami pozarządowymi.",
        "email": "ngo@um.szczecin.example.pl",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "doświadczenie w prowadzeniu biura ds. organizacji pozarządowych i ciał dialogu",
             "conditions": "dzielenie się dobrymi praktykami z innymi miastami", "cost": "free"},
            {"category": "funding",
             "description": "otwarte konkursy ofert",
             "conditions": "", "cost": "free"},
            {"category": "space",
             "description": "lokale miejskie na centra aktywności lokalnej",
             "conditions": "w trybie użyczenia dla organizacji", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "wymiana doświadczeń z innymi miastami",
             "conditions": ""},
        ],
    },
    {
        "slug": "stow-szczecinska-siec-sasiedzka",
        "name": "Stowarzyszenie Szczecińska Sieć Sąsiedzka",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_SZCZECIN,
        "address": "ul. Jagiellońska 30, 70-382 Szczecin",
        "website": "",
        "description": "Stowarzyszenie wspierające rady osiedli i inicjatywy sąsiedzkie.",
        "email": "siecsasiedzka@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "animacja lokalna i moderowanie spotkań mieszkańców",
             "conditions": "", "cost": "negotiable"},
            {"category": "contacts",
             "description": "kontakty z radami osiedli i grupami sąsiedzkimi w całym mieście",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "space",
             "description": "miejsca spotkań w osiedlach",
             "conditions": ""},
        ],
    },
    # ------------------------------------------------------------------
    # Other voivodeships (lubelskie, małopolskie)
    # ------------------------------------------------------------------
    {
        "slug": "fundacja-partnerstwa-lokalne-lublin",
        "name": "Fundacja Rozwoju Partnerstw Lokalnych",
        "sector": "ngo",
        "kind": "foundation",
        "teryt": TERYT_LUBLIN,
        "address": "ul. Narutowicza 30, 20-016 Lublin",
        "website": "",
        "description": "Fundacja szkoląca samorządy i organizacje w budowaniu partnerstw lokalnych.",
        "email": "biuro@partnerstwa.example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "trenerzy i eksperci ds. partnerstw międzysektorowych",
             "conditions": "", "cost": "paid"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "gminy zainteresowane programami szkoleniowymi",
             "conditions": ""},
        ],
    },
    {
        "slug": "pracownia-sasiedztwa-krakow",
        "name": "Stowarzyszenie Animatorów Kultury „Pracownia Sąsiedztwa”",
        "sector": "ngo",
        "kind": "association",
        "teryt": TERYT_KRAKOW,
        "address": "ul. Krakowska 10, 31-062 Kraków",
        "website": "",
        "description": "Stowarzyszenie animatorów kultury prowadzące szkolenia z badania potrzeb społeczności lokalnych.",
        "email": "pracownia@example.org",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "szkolenia z diagnozy potrzeb społeczności i włączania społecznego",
             "conditions": "", "cost": "paid"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "biblioteki i domy kultury do wspólnych projektów",
             "conditions": ""},
        ],
    },
    # ------------------------------------------------------------------
    # Abroad (teryt None): partners of seeds 002 and 003
    # ------------------------------------------------------------------
    {
        "slug": "tnb-berlin",
        "name": "Technologie-Netzwerk Berlin e. V.",
        "sector": "ngo",
        "kind": "association",
        "teryt": None,
        "address": "Berlin, Niemcy",
        "website": "",
        "description": (
            "Niemiecka organizacja pozarządowa (stowarzyszenie) z Berlina, partner projektu "
            "„Razem dla Regionu”; poprowadziła warsztat z animacji środowiska lokalnego w Białymstoku."
        ),
        "email": "",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "animacja środowiska lokalnego — metody aktywne i doświadczenia niemieckie",
             "conditions": "", "cost": "negotiable"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "partnerzy z Polski do projektów międzynarodowych",
             "conditions": ""},
        ],
    },
    {
        "slug": "metropolia-uas",
        "name": "Metropolia University of Applied Sciences",
        "sector": "academia",
        "kind": "university",
        "teryt": None,
        "address": "Helsinki, Finlandia",
        "website": "https://www.metropolia.fi",
        "description": "Fińska uczelnia zawodowa z Helsinek; lider etapu projektu, gospodarz spotkania partnerów w czerwcu 2019 r.",
        "email": "",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "metodyka samooceny jakości współpracy międzysektorowej",
             "conditions": "", "cost": "free"},
            {"category": "contacts",
             "description": "dostęp do Helsinki XR Center i twórców technologii rozszerzonej rzeczywistości",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "target_group",
             "description": "pracownicy gmin i miast partnerskich do badania samooceny",
             "conditions": ""},
        ],
    },
    {
        "slug": "rsu-riga",
        "name": "Rīga Stradiņš University",
        "sector": "academia",
        "kind": "university",
        "teryt": None,
        "address": "Ryga, Łotwa",
        "website": "https://www.rsu.lv",
        "description": "Uniwersytet w Rydze; gospodarz spotkania partnerów we wrześniu 2019 r. i autor modelu współpracy międzysektorowej testowanego w pilotażach miast.",
        "email": "",
        "phone": "",
        "krs": "", "regon": "", "nip": "",
        "contacts": [],
        "resources": [
            {"category": "expertise",
             "description": "model współpracy międzysektorowej i wykłady z antropologii współpracy",
             "conditions": "", "cost": "free"},
        ],
        "needs": [
            {"category": "contacts",
             "description": "miasta gotowe przetestować model w pilotażach",
             "conditions": ""},
        ],
    },
]


PROGRAMMES = [
    {
        "slug": "kultura-inicjatywy",
        "seed": "000",
        "name": "Kultura: Inicjatywy",
        "organiser": "mik",
        "partners": [
            {"org": "mdk-ostrow-mazowiecka", "role": "instytucja uczestnicząca — grupa Ostrów Mazowiecka (2019)"},
            {"org": "mops-ostrow-mazowiecka", "role": "instytucja uczestnicząca — grupa Ostrów Mazowiecka (2019)"},
            {"org": "gbp-jadow", "role": "instytucja uczestnicząca — grupa Jadów (2019)"},
            {"org": "gops-jadow", "role": "instytucja uczestnicząca — grupa Jadów (2019)"},
            {"org": "ok-mszczonow", "role": "instytucja uczestnicząca — grupa Mszczonów (2020)"},
            {"org": "ops-mszczonow", "role": "instytucja uczestnicząca — grupa Mszczonów (2020)"},
        ],
        "funding": "Samorząd Województwa Mazowieckiego (środki własne województwa)",
        "start": "2019-01-01",
        "end": "2020-12-31",
        "summary": (
            "Cykl trzech warsztatów, w którym pracownicy instytucji kultury i pomocy społecznej "
            "z jednej gminy poznają się nawzajem i wypracowują własny model współpracy."
        ),
        "description": (
            "Celem projektu Mazowieckiego Instytutu Kultury jest zainicjowanie lub wsparcie współpracy "
            "instytucji kultury z podmiotami pomocy społecznej poprzez ich wzajemne poznanie się. "
            "Trwałość partnerstwa budowana jest przez osobiste relacje między przedstawicielami obu "
            "sektorów, które zapoczątkowują integrację lokalnego środowiska.\n\n"
            "Najważniejszym działaniem jest cykl trzech warsztatów: (1) integracja, zapoznanie i "
            "sieciowanie; (2) współpraca — zasoby i potencjały; (3) podsumowanie wypracowanego modelu "
            "współpracy. Uczestnicy poznają specyfikę pracy drugiego sektora, prezentują swoje oferty "
            "i nawiązują relacje osobiste, co jest pierwszym i najważniejszym krokiem do wspólnych działań. "
            "Drugi warsztat poświęcony jest możliwym formom współpracy, zasobom i potencjałom uczestników "
            "oraz przełamywaniu stereotypu, że współpraca zawsze wymaga dodatkowej pracy i zaangażowania.\n\n"
            "Grupy szukają rozwiązań, które można wdrożyć bez dodatkowych obciążeń, w ramach codziennych "
            "obowiązków służbowych. Powstałe rekomendacje są podstawą porozumienia o współpracy między "
            "instytucjami; jego charakter, czas trwania i zakres projektują sami uczestnicy — reprezentanci "
            "obu instytucji.\n\n"
            "W 2019 r. projekt obejmuje dwie grupy z województwa mazowieckiego, a w 2020 r. rekrutowana "
            "jest jedna grupa. Podejście projektu wynika z doświadczeń trzyletniej realizacji projektu "
            "„Kulturalni Edukatorzy – Mazowiecka Sieć Edukacji i Kultury”: każde partnerstwo wymaga "
            "indywidualnego podejścia, uwzględniającego lokalny kontekst i potrzeby, dlatego praca toczy "
            "się z konkretną grupą ludzi z konkretnych instytucji w danej miejscowości."
        ),
        "goals": [
            "zainicjowanie lub wsparcie współpracy instytucji kultury z podmiotami pomocy społecznej",
            "wzajemne poznanie się pracowników obu sektorów i nawiązanie relacji osobistych",
            "rozpoznanie zasobów i potencjałów, którymi dysponują uczestnicy",
            "przełamanie stereotypu, że współpraca wymaga dodatkowych nakładów pracy",
            "wypracowanie rekomendacji będących podstawą porozumienia o współpracy między instytucjami",
        ],
        "audience": (
            "Pracownicy instytucji kultury i podmiotu pomocy społecznej pracujący w tej samej gminie, "
            "mieście lub miejscowości na Mazowszu."
        ),
        "coordinator_contact": "Natalia Roicka, n.roicka@mik.waw.pl, 22 586 42 25, 601 668 314",
        "website": "",
    },
    {
        "slug": "miedzysektorowa-wspolpraca-rydultowy",
        "seed": "001",
        "name": "Międzysektorowa współpraca czyli wspólnota samorządowa w innym wymiarze",
        "organiser": "um-rydultowy",
        "partners": [
            {"org": "ops-rydultowy", "role": "uczestnik — jednostka organizacyjna JST"},
            {"org": "sp1-rydultowy", "role": "uczestnik — jednostka organizacyjna JST"},
            {"org": "przedszkole1-rydultowy", "role": "uczestnik — jednostka organizacyjna JST"},
            {"org": "rck-rydultowy", "role": "uczestnik — jednostka organizacyjna JST"},
            {"org": "pcpr-wodzislaw", "role": "uczestnik — jednostka organizacyjna powiatu"},
            {"org": "stow-razem-dla-rydultow", "role": "uczestnik — organizacja pozarządowa"},
            {"org": "fundacja-slaskie-gniazdo", "role": "uczestnik — organizacja pozarządowa"},
            {"org": "uks-halda-rydultowy", "role": "uczestnik — organizacja pozarządowa"},
        ],
        "funding": "Unia Europejska — Europejski Fundusz Społeczny (współfinansowanie)",
        "start": "2014-01-01",
        "end": "2014-12-31",
        "summary": (
            "Praktyczne warsztaty „Badanie przez ludzi” dla administracji publicznej, jej jednostek "
            "i organizacji pozarządowych, wypracowujące zasady partnerskiej współpracy na rzecz rozwoju."
        ),
        "description": (
            "Projekt dotyczy współpracy jednostek samorządu terytorialnego z organizacjami pozarządowymi. "
            "Od 8 marca 2014 r. w Rydułtowach trwają warsztaty „Badanie przez ludzi”, skierowane do "
            "przedstawicieli administracji publicznej i jej jednostek organizacyjnych (m.in. ośrodków "
            "pomocy społecznej i szkół) oraz organizacji pozarządowych zainteresowanych budowaniem "
            "partnerskiej współpracy na rzecz rozwoju.\n\n"
            "Spotkania mają charakter praktyczny. Uczestnicy rozpoznają zasoby partnerów i uczą się je "
            "efektywnie wykorzystywać w planowanych projektach, planują nowe działania na terenie powiatu "
            "adekwatnie do potrzeb różnych grup mieszkańców oraz wypracowują koncepcję i formułę "
            "funkcjonowania partnerstwa międzysektorowego. Poznają też różne źródła finansowania wspólnych "
            "projektów o dużej i małej skali, a analiza dobrych praktyk partnerstw międzysektorowych, "
            "lokalnych i regionalnych pomaga odpowiedzieć na pytanie, jakiego typu partnerstwo jest "
            "najbardziej potrzebne.\n\n"
            "Warsztaty otwierają cykl spotkań szkoleniowych, w którym uczestnicy wspólnie ustalają zasady "
            "współpracy partnerskiej, planują działania i razem je realizują. Kolejne terminy są osobne "
            "dla JST i dla organizacji pozarządowych. Udział wymaga wypełnienia formularza zgłoszeniowego "
            "wraz z kompletem dokumentów."
        ),
        "goals": [
            "wypracowanie kierunków i zasad partnerskiej współpracy JST z organizacjami pozarządowymi",
            "rozpoznanie i efektywne wykorzystanie zasobów partnerów w planowanych projektach",
            "planowanie nowych działań w powiecie adekwatnie do potrzeb różnych grup mieszkańców",
            "wypracowanie koncepcji i formuły funkcjonowania partnerstwa międzysektorowego",
            "poznanie źródeł finansowania wspólnych projektów i dobrych praktyk partnerstw",
        ],
        "audience": (
            "Przedstawiciele administracji publicznej i jej jednostek organizacyjnych (m.in. OPS i szkół) "
            "oraz organizacji pozarządowych."
        ),
        "coordinator_contact": "tel. 32 42 22 446",
        "website": "",
    },
    {
        "slug": "poznan-wspolpraca-miedzysektorowa-2019",
        "seed": "002",
        "name": "Poznań w międzynarodowym projekcie współpracy międzysektorowej",
        "organiser": "um-poznan",
        "partners": [
            {"org": "metropolia-uas", "role": "partner zagraniczny — lider etapu projektu, gospodarz spotkania w Helsinkach"},
            {"org": "rsu-riga", "role": "partner zagraniczny — gospodarz spotkania w Rydze, autor modelu współpracy"},
            {"org": "kdo-poznan", "role": "uczestnik warsztatów ewaluacyjnych"},
            {"org": "prdpp-poznan", "role": "ciało konsultacyjne miasta"},
            {"org": "bajgle-krola-jana", "role": "gospodarz spotkania biznesu i NGO"},
        ],
        "funding": "projekt międzynarodowy miast regionu Morza Bałtyckiego",
        "start": "2019-01-01",
        "end": "2020-12-31",
        "summary": (
            "Udział Miasta Poznania w międzynarodowym projekcie miast nadbałtyckich: samoocena jakości "
            "współpracy, warsztaty dla KDO i o Rocznym Programie Współpracy oraz speed dating biznesu z NGO."
        ),
        "description": (
            "Miasto Poznań uczestniczy w międzynarodowym projekcie poświęconym współpracy międzysektorowej, "
            "realizowanym z partnerami z krajów nadbałtyckich. Na spotkaniach partnerów ustalono wspólne "
            "definicje podstawowych pojęć (międzysektorowość, sektory, współpraca, lider), zasady komunikacji "
            "wewnętrznej i zewnętrznej oraz elementy ankiety samooceny jakości współpracy, przeprowadzonej "
            "następnie wśród pracowników gmin i miast. Na jej podstawie powstaje model współpracy "
            "międzysektorowej, testowany w pilotażach przygotowanych przez miasta, także z użyciem "
            "technologii rozszerzonej rzeczywistości (XR).\n\n"
            "W Poznaniu odbyły się warsztaty ewaluacyjne Komisji Dialogu Obywatelskiego działających przy "
            "Urzędzie Miasta Poznania, moderowane przez Pawła Szczyrskiego, wieloletniego pracownika "
            "Urzędu Miasta Szczecin. W czerwcu i lipcu 2019 r. w trzech warsztatach z organizacjami "
            "pozarządowymi rozpoczęto prace nad Rocznym Programem Współpracy — omawiano cele i formy dobrej "
            "współpracy, luki w komunikacji między pierwszym a trzecim sektorem, ciała doradcze i zasady "
            "udzielania dotacji. Warsztaty prowadziła Ewa Gałka, przewodnicząca Poznańskiej Rady "
            "Działalności Pożytku Publicznego w latach 2016–2019. Konkluzje z obu cykli spisano i "
            "udostępniono jako załączniki.\n\n"
            "12 grudnia 2019 r. w restauracji Bajgle Króla Jana odbyło się pierwsze takie spotkanie "
            "drugiego i trzeciego sektora: przedstawiciele biznesu i organizacji pozarządowych rozmawiali "
            "przy stolikach w formacie speed datingu, a wieczór zakończył wspólny warsztat robienia "
            "drewnianych choinek."
        ),
        "goals": [
            "ocena jakości współpracy międzysektorowej przez pracowników miasta (samoocena)",
            "wypracowanie i pilotażowe przetestowanie modelu współpracy międzysektorowej",
            "ewaluacja pracy Komisji Dialogu Obywatelskiego",
            "współtworzenie Rocznego Programu Współpracy z organizacjami pozarządowymi",
            "nawiązanie kontaktów między biznesem a organizacjami pozarządowymi",
            "ustalenie wspólnych definicji pojęć współpracy międzysektorowej",
        ],
        "audience": (
            "Pracownicy Urzędu Miasta Poznania, członkowie KDO, poznańskie organizacje pozarządowe "
            "i przedsiębiorcy."
        ),
        "coordinator_contact": "",
        "website": "",
    },
    {
        "slug": "razem-dla-regionu",
        "seed": "003",
        "name": "Razem dla Regionu",
        "organiser": "kmsi-bialystok",
        "partners": [
            {"org": "collegium-civitas", "role": "partner — realizator cyklu szkoleniowo-coachingowego w Warszawie"},
            {"org": "tnb-berlin", "role": "partner zagraniczny — warsztat z animacji środowiska lokalnego"},
            {"org": "stow-rozwoju-wsi-podlaskiej", "role": "organizacja uczestnicząca"},
            {"org": "fundacja-nadbuzanskie-inicjatywy", "role": "organizacja uczestnicząca"},
            {"org": "stow-aktywni-razem-hajnowka", "role": "organizacja uczestnicząca"},
            {"org": "ltwr-lomza", "role": "organizacja uczestnicząca"},
            {"org": "ssta-suwalki", "role": "organizacja uczestnicząca"},
        ],
        "funding": (
            "Fundusz dla Organizacji Pozarządowych finansowany ze środków Mechanizmu Finansowego EOG "
            "i Norweskiego Mechanizmu Finansowego"
        ),
        "start": "2008-09-01",
        "end": "2009-06-30",
        "summary": (
            "Projekt poprawiający sprawność podlaskich organizacji pozarządowych we współpracy "
            "z samorządem lokalnym: szkolenia z coachingiem, warsztaty, panel ekspertów i konferencja."
        ),
        "description": (
            "Klub Myśli Społecznej Inicjatywy w partnerstwie z Collegium Civitas i niemiecką organizacją "
            "Technologie-Netzwerk Berlin e. V. zrealizował projekt „Razem dla Regionu”. Głównym celem "
            "była poprawa sprawności organizacji pozarządowych z Podlasia we współpracy z samorządem "
            "lokalnym.\n\n"
            "Pierwszym działaniem był innowacyjny cykl szkoleniowo-coachingowy w Warszawie, "
            "przygotowany przez Collegium Civitas na podstawie doświadczeń studiów podyplomowych "
            "„Zarządzanie organizacją pozarządową” i skierowany wyłącznie do działaczy organizacji "
            "z Podlasia. Obejmował zarządzanie organizacją, specyfikę i sposoby działania administracji "
            "publicznej, networking i partnerstwa lokalne, pozyskiwanie funduszy oraz promocję.\n\n"
            "Następnie w Białymstoku odbył się cykl warsztatów prowadzonych metodami aktywnymi, "
            "w dwudniowych (16-godzinnych) blokach tematycznych: animacja środowiska lokalnego "
            "(dla połączonych grup, prowadzona przez Technologie-Netzwerk Berlin e. V.), partnerstwo lokalne "
            "(formy partnerstw, warunki prawne), zadanie publiczne jako skuteczne narzędzie rozwiązywania "
            "problemów społecznych, autoprezentacja i kształtowanie wizerunku organizacji oraz komunikacja "
            "i negocjacje społeczne.\n\n"
            "Trzecim działaniem było doradztwo i coaching w budowaniu partnerstw lokalnych oraz "
            "upowszechnianie dobrych praktyk: panel ekspertów z zakresu zarządzania organizacją, finansów, "
            "komunikacji interpersonalnej i tworzenia partnerstw wspierał uczestników w praktycznym "
            "wdrażaniu wypracowanych koncepcji rozwiązywania problemów społecznych. Projekt zamknęła "
            "konferencja w Białymstoku w maju 2009 r., na którą przygotowano broszurę o budowaniu "
            "partnerstw lokalnych."
        ),
        "goals": [
            "poprawa sprawności organizacji pozarządowych z Podlasia we współpracy z samorządem lokalnym",
            "wzmocnienie kompetencji działaczy w zarządzaniu, fundraisingu i promocji",
            "poznanie specyfiki działania administracji publicznej i form partnerstwa lokalnego",
            "praktyczne wdrożenie koncepcji rozwiązywania problemów społecznych z pomocą panelu ekspertów",
            "upowszechnienie dobrych praktyk budowania partnerstw lokalnych",
        ],
        "audience": "Działacze organizacji pozarządowych z województwa podlaskiego.",
        "coordinator_contact": "",
        "website": "",
    },
    {
        "slug": "blisko-smigiel",
        "seed": "004",
        "name": "BLISKO w Śmiglu — współpraca z otoczeniem lokalnym",
        "organiser": "mbp-smigiel",
        "partners": [
            {"org": "ck-smigiel", "role": "uczestnik szkolenia — instytucja kultury"},
            {"org": "um-smigiel", "role": "uczestnik szkolenia — samorząd"},
            {"org": "kgw-nietazkowo", "role": "uczestnik szkolenia — koło gospodyń wiejskich"},
            {"org": "osp-stare-bojanowo", "role": "uczestnik szkolenia — ochotnicza straż pożarna"},
            {"org": "stow-przyjaciol-ziemi-smigielskiej", "role": "uczestnik szkolenia — stowarzyszenie"},
            {"org": "fundacja-smigielskie-wiatraki", "role": "uczestnik szkolenia — fundacja"},
            {"org": "sp-czacz", "role": "uczestnik szkolenia — szkoła"},
        ],
        "funding": (
            "Program BLISKO koordynowany przez Narodowe Centrum Kultury (Narodowy Program Rozwoju "
            "Czytelnictwa 2.0)"
        ),
        "start": "2023-09-01",
        "end": "2023-12-31",
        "summary": (
            "Szkolenie dla 15 przedstawicieli ośmiu rodzajów lokalnych instytucji i organizacji "
            "o współpracy przy projektach kulturalnych, z tworzeniem i prezentacją autorskich projektów."
        ),
        "description": (
            "W ramach projektu BLISKO Miejska Biblioteka Publiczna w Śmiglu zorganizowała 12 października "
            "2023 r. szkolenie „Współpraca z otoczeniem lokalnym w realizacji projektów kulturalnych”. "
            "Wzięło w nim udział 15 osób z Miejskiej Biblioteki Publicznej, Centrum Kultury i Urzędu "
            "Miejskiego w Śmiglu, koła gospodyń wiejskich, ochotniczej straży pożarnej, stowarzyszeń, "
            "fundacji i szkół.\n\n"
            "Celem szkolenia było zwiększenie świadomości roli, jaką współpraca między instytucjami "
            "i sektorami odgrywa w projektach kulturalnych dla społeczności lokalnej. Omawiano badanie "
            "potrzeb społeczności, skuteczne włączanie społeczne, korzyści ze współpracy międzysektorowej "
            "i możliwe źródła finansowania projektów kulturalnych.\n\n"
            "Kluczowym punktem była praca w grupach nad autorskimi projektami kulturalnymi i ich "
            "prezentacja. Uczestnicy wymieniali opinie, udzielali sobie rad i szukali partnerów do "
            "współpracy. Biblioteka pełni tu rolę katalizatora współpracy i innowacji społecznej "
            "w Śmiglu i okolicach."
        ),
        "goals": [
            "zwiększenie świadomości roli współpracy międzysektorowej w projektach kulturalnych",
            "poznanie metod badania potrzeb społeczności i włączania społecznego",
            "poznanie źródeł finansowania projektów kulturalnych",
            "stworzenie i zaprezentowanie autorskich projektów oraz wzajemna informacja zwrotna",
            "znalezienie partnerów do wspólnych działań w gminie",
        ],
        "audience": (
            "Przedstawiciele instytucji kultury, samorządu, kół gospodyń wiejskich, OSP, stowarzyszeń, "
            "fundacji i szkół z gminy Śmigiel."
        ),
        "coordinator_contact": "",
        "website": "",
    },
]


_KI_AGENDA_1 = [
    "10:00 Powitanie i przedstawienie projektu „Kultura: Inicjatywy”",
    "10:30 Ćwiczenia integracyjne: kim jesteśmy, co robimy",
    "11:30 Specyfika pracy instytucji kultury i pomocy społecznej",
    "12:30 Przerwa",
    "13:00 Prezentacje ofert obu instytucji",
    "14:00 Mapa wspólnych znajomych i kontaktów",
    "14:45 Podsumowanie",
]
_KI_AGENDA_2 = [
    "10:00 Co się wydarzyło od pierwszego spotkania",
    "10:30 Formy współpracy — przegląd przykładów",
    "11:15 Mapa zasobów i potencjałów obu instytucji",
    "12:30 Przerwa",
    "13:00 Stereotypy o współpracy: czy zawsze oznacza dodatkową pracę?",
    "14:00 Pierwsze pomysły wspólnych działań w ramach codziennych obowiązków",
]
_KI_AGENDA_3 = [
    "10:00 Przegląd wypracowanych pomysłów",
    "10:45 Wybór rozwiązań możliwych bez dodatkowych obciążeń",
    "12:00 Przerwa",
    "12:30 Rekomendacje: charakter, zakres i czas trwania współpracy",
    "13:30 Projekt porozumienia o współpracy między instytucjami",
    "14:30 Ewaluacja cyklu",
]

EVENTS = [
    # ---------------- seed 000: Kultura: Inicjatywy ----------------
    {
        "slug": "ki-2019-ostrow-warsztat-1",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 1: Integracja, zapoznanie, sieciowanie — grupa Ostrów Mazowiecka (2019)",
        "kind": "workshop",
        "start": "2019-04-09T10:00", "end": "2019-04-09T15:00",
        "place": "Miejski Dom Kultury w Ostrowi Mazowieckiej, 07-300 Ostrów Mazowiecka",
        "audience": "group",
        "description": (
            "Pracownicy domu kultury i ośrodka pomocy społecznej poznają specyfikę swoich sektorów, "
            "prezentują oferty i nawiązują relacje osobiste."
        ),
        "agenda": _KI_AGENDA_1,
    },
    {
        "slug": "ki-2019-ostrow-warsztat-2",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 2: Współpraca — zasoby i potencjały — grupa Ostrów Mazowiecka (2019)",
        "kind": "workshop",
        "start": "2019-05-14T10:00", "end": "2019-05-14T15:00",
        "place": "Miejski Ośrodek Pomocy Społecznej w Ostrowi Mazowieckiej, 07-300 Ostrów Mazowiecka",
        "audience": "group",
        "description": (
            "Formy współpracy, zasoby i potencjały obu instytucji oraz przełamywanie stereotypów "
            "o współpracy jako dodatkowym obciążeniu."
        ),
        "agenda": _KI_AGENDA_2,
    },
    {
        "slug": "ki-2019-ostrow-warsztat-3",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 3: Podsumowanie wypracowanego modelu współpracy — grupa Ostrów Mazowiecka (2019)",
        "kind": "workshop",
        "start": "2019-06-04T10:00", "end": "2019-06-04T15:00",
        "place": "Miejski Dom Kultury w Ostrowi Mazowieckiej, 07-300 Ostrów Mazowiecka",
        "audience": "group",
        "description": (
            "Grupa porządkuje rekomendacje, które staną się podstawą porozumienia o współpracy "
            "między domem kultury a MOPS."
        ),
        "agenda": _KI_AGENDA_3,
    },
    {
        "slug": "ki-2019-jadow-warsztat-1",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 1: Integracja, zapoznanie, sieciowanie — grupa Jadów (2019)",
        "kind": "workshop",
        "start": "2019-09-24T10:00", "end": "2019-09-24T15:00",
        "place": "Gminna Biblioteka Publiczna w Jadowie, 05-280 Jadów",
        "audience": "group",
        "description": (
            "Pracownicy biblioteki i GOPS poznają specyfikę swoich sektorów, prezentują oferty "
            "i nawiązują relacje osobiste."
        ),
        "agenda": _KI_AGENDA_1,
    },
    {
        "slug": "ki-2019-jadow-warsztat-2",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 2: Współpraca — zasoby i potencjały — grupa Jadów (2019)",
        "kind": "workshop",
        "start": "2019-10-15T10:00", "end": "2019-10-15T15:00",
        "place": "Gminna Biblioteka Publiczna w Jadowie, 05-280 Jadów",
        "audience": "group",
        "description": (
            "Mapa zasobów i potencjałów biblioteki i ośrodka pomocy społecznej; możliwe formy "
            "współpracy bez dodatkowych obciążeń."
        ),
        "agenda": _KI_AGENDA_2,
    },
    {
        "slug": "ki-2019-jadow-warsztat-3",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 3: Podsumowanie wypracowanego modelu współpracy — grupa Jadów (2019)",
        "kind": "workshop",
        "start": "2019-11-05T10:00", "end": "2019-11-05T15:00",
        "place": "Gminny Ośrodek Pomocy Społecznej w Jadowie, 05-280 Jadów",
        "audience": "group",
        "description": "Rekomendacje grupy i projekt porozumienia o współpracy między biblioteką a GOPS.",
        "agenda": _KI_AGENDA_3,
    },
    {
        "slug": "ki-2020-mszczonow-warsztat-1",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 1: Integracja, zapoznanie, sieciowanie — grupa Mszczonów (2020)",
        "kind": "workshop",
        "start": "2020-09-15T10:00", "end": "2020-09-15T15:00",
        "place": "Ośrodek Kultury w Mszczonowie, 96-320 Mszczonów",
        "audience": "group",
        "description": (
            "Pracownicy ośrodka kultury i OPS poznają specyfikę swoich sektorów, prezentują oferty "
            "i nawiązują relacje osobiste."
        ),
        "agenda": _KI_AGENDA_1,
    },
    {
        "slug": "ki-2020-mszczonow-warsztat-2",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 2: Współpraca — zasoby i potencjały — grupa Mszczonów (2020)",
        "kind": "workshop",
        "start": "2020-09-29T10:00", "end": "2020-09-29T15:00",
        "place": "Ośrodek Kultury w Mszczonowie, 96-320 Mszczonów",
        "audience": "group",
        "description": "Zasoby i potencjały obu instytucji, formy współpracy i przełamywanie stereotypów.",
        "agenda": _KI_AGENDA_2,
    },
    {
        "slug": "ki-2020-mszczonow-warsztat-3",
        "programme": "kultura-inicjatywy",
        "title": "Warsztat 3: Podsumowanie wypracowanego modelu współpracy — grupa Mszczonów (2020)",
        "kind": "workshop",
        "start": "2020-10-13T10:00", "end": "2020-10-13T15:00",
        "place": "Ośrodek Pomocy Społecznej w Mszczonowie, 96-320 Mszczonów",
        "audience": "group",
        "description": "Rekomendacje grupy i projekt porozumienia o współpracy między ośrodkiem kultury a OPS.",
        "agenda": _KI_AGENDA_3,
    },
    # ---------------- seed 001: Rydułtowy 2014 ----------------
    {
        "slug": "rydultowy-2014-badanie-przez-ludzi",
        "programme": "miedzysektorowa-wspolpraca-rydultowy",
        "title": "Warsztaty „Badanie przez ludzi” — rozpoczęcie cyklu",
        "kind": "workshop",
        "start": "2014-03-08T10:00", "end": "2014-03-08T16:00",
        "place": "Rydułtowy",
        "audience": "all",
        "description": (
            "Pierwsze spotkanie cyklu dla przedstawicieli administracji publicznej, jej jednostek "
            "i organizacji pozarządowych: rozpoznanie zasobów partnerów i potrzeb mieszkańców."
        ),
        "agenda": [
            "10:00 Powitanie i przedstawienie projektu",
            "10:30 Czym jest partnerstwo międzysektorowe",
            "11:30 Rozpoznanie zasobów partnerów",
            "13:00 Przerwa",
            "13:30 Potrzeby różnych grup mieszkańców powiatu",
            "15:00 Dobre praktyki partnerstw: jakiego typu partnerstwo jest najbardziej potrzebne?",
            "15:45 Podsumowanie",
        ],
    },
    {
        "slug": "rydultowy-2014-03-20-jst",
        "programme": "miedzysektorowa-wspolpraca-rydultowy",
        "title": "Warsztat dla JST i jednostek organizacyjnych — zasoby w planowanych projektach",
        "kind": "workshop",
        "start": "2014-03-20T09:00", "end": "2014-03-20T15:00",
        "place": "Rydułtowy",
        "audience": "jst",
        "description": (
            "Spotkanie dla przedstawicieli administracji publicznej, OPS i szkół: wykorzystanie zasobów "
            "partnerów w planowanych projektach i zasady współpracy z organizacjami."
        ),
        "agenda": [],
    },
    {
        "slug": "rydultowy-2014-04-10-jst",
        "programme": "miedzysektorowa-wspolpraca-rydultowy",
        "title": "Warsztat dla JST i jednostek organizacyjnych — formuła partnerstwa i źródła finansowania",
        "kind": "workshop",
        "start": "2014-04-10T09:00", "end": "2014-04-10T15:00",
        "place": "Rydułtowy",
        "audience": "jst",
        "description": (
            "Koncepcja i formuła funkcjonowania partnerstwa międzysektorowego oraz źródła finansowania "
            "wspólnych projektów o dużej i małej skali."
        ),
        "agenda": [],
    },
    {
        "slug": "rydultowy-2014-04-12-ngo",
        "programme": "miedzysektorowa-wspolpraca-rydultowy",
        "title": "Warsztat dla organizacji pozarządowych — partnerska współpraca z samorządem",
        "kind": "workshop",
        "start": "2014-04-12T10:00", "end": "2014-04-12T16:00",
        "place": "Rydułtowy",
        "audience": "ngo",
        "description": (
            "Spotkanie dla organizacji pozarządowych: planowanie działań odpowiadających na potrzeby "
            "mieszkańców, źródła finansowania i dobre praktyki partnerstw."
        ),
        "agenda": [],
    },
    # ---------------- seed 002: Poznań 2019 ----------------
    {
        "slug": "poznan-2019-kdo-ewaluacja",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Warsztaty ewaluacyjne dla Komisji Dialogu Obywatelskiego",
        "kind": "workshop",
        "start": "2019-06-06T10:00", "end": "2019-06-06T15:00",
        "place": "Urząd Miasta Poznania, pl. Kolegiacki 17, 61-841 Poznań",
        "audience": "group",
        "description": (
            "Podsumowanie dotychczasowych prac KDO działających przy Urzędzie Miasta Poznania i ewaluacja "
            "na przyszłość: wymiana dobrych praktyk i trudności. Moderował Paweł Szczyrski (UM Szczecin); "
            "konkluzje spisano w załączonym podsumowaniu."
        ),
        "agenda": [
            "10:00 Powitanie i cele warsztatu",
            "10:20 Jak pracują nasze komisje — prezentacje KDO",
            "11:30 Dobre praktyki i trudności: praca w grupach",
            "13:00 Przerwa",
            "13:30 Burza mózgów: rekomendacje na przyszłość",
            "14:30 Konkluzje i zamknięcie",
        ],
    },
    {
        "slug": "poznan-2019-helsinki",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Spotkanie partnerów w Helsinkach",
        "kind": "partner_meeting",
        "start": "2019-06-11T08:00", "end": "2019-06-12T15:00",
        "place": "Metropolia University of Applied Sciences i Helsinki XR Center, Helsinki, Finlandia",
        "audience": "group",
        "description": (
            "Dzień 1: podsumowanie samooceny jakości współpracy międzysektorowej i przygotowanie raportu "
            "za pierwszy okres; dzień 2: rozszerzona rzeczywistość (XR) w Helsinki XR Center. "
            "Godziny według czasu polskiego (w Helsinkach o godzinę później)."
        ),
        "agenda": [
            "11.06 08:00 Podsumowanie samooceny jakości współpracy w miastach partnerskich",
            "11.06 11:00 Przygotowanie raportu za pierwszy okres sprawozdawczy",
            "11.06 13:00 Praca w grupach: wytyczne do modelu współpracy międzysektorowej",
            "12.06 08:00 Helsinki XR Center: technologie rozszerzonej rzeczywistości",
            "12.06 11:00 Spotkania z projektantami i programistami, burza mózgów nad pilotażami",
        ],
    },
    {
        "slug": "poznan-2019-rpw-warsztat-1",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Warsztat o Rocznym Programie Współpracy (1/3): cele współpracy Miasta Poznania z NGO",
        "kind": "workshop",
        "start": "2019-06-18T16:00", "end": "2019-06-18T19:00",
        "place": "Urząd Miasta Poznania, pl. Kolegiacki 17, 61-841 Poznań",
        "audience": "ngo",
        "description": (
            "Wprowadzenie do Rocznego Programu Współpracy i dyskusja o celach dobrej współpracy; "
            "prowadzi Ewa Gałka."
        ),
        "agenda": [],
    },
    {
        "slug": "poznan-2019-rpw-warsztat-2",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Warsztat o Rocznym Programie Współpracy (2/3): zasady i formy współpracy",
        "kind": "workshop",
        "start": "2019-07-02T16:00", "end": "2019-07-02T19:00",
        "place": "Urząd Miasta Poznania, pl. Kolegiacki 17, 61-841 Poznań",
        "audience": "ngo",
        "description": (
            "Formy współpracy, ciała doradcze i zasady udzielania dotacji; luki w komunikacji między "
            "pierwszym a trzecim sektorem."
        ),
        "agenda": [],
    },
    {
        "slug": "poznan-2019-rpw-warsztat-3",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Warsztat o Rocznym Programie Współpracy (3/3): rozwiązania i dobre praktyki",
        "kind": "workshop",
        "start": "2019-07-16T16:00", "end": "2019-07-16T19:00",
        "place": "Urząd Miasta Poznania, pl. Kolegiacki 17, 61-841 Poznań",
        "audience": "ngo",
        "description": (
            "Propozycje rozwiązań zgłoszone przez organizacje i przykłady współpracy międzysektorowej "
            "z innych miast w Polsce; konkluzje w załączniku."
        ),
        "agenda": [],
    },
    {
        "slug": "poznan-2019-ryga",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Spotkanie partnerów w Rydze",
        "kind": "partner_meeting",
        "start": "2019-09-17T08:00", "end": "2019-09-18T15:00",
        "place": "Rīga Stradiņš University, Ryga, Łotwa",
        "audience": "group",
        "description": (
            "Omówienie modelu współpracy międzysektorowej wypracowanego przez gospodarzy, który będzie "
            "testowany w pilotażach miast: sesje warsztatowe, studia przypadku, wykład o antropologii "
            "współpracy. Godziny według czasu polskiego."
        ),
        "agenda": [],
    },
    {
        "slug": "poznan-2019-kowno",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Spotkanie partnerów w Kownie",
        "kind": "partner_meeting",
        "start": "2019-11-20T08:00", "end": "2019-11-21T15:00",
        "place": "Kowno, Litwa",
        "audience": "group",
        "description": (
            "Spotkanie międzynarodowej grupy projektowej: 39 osób z 7 krajów nadbałtyckich. "
            "Godziny według czasu polskiego."
        ),
        "agenda": [
            "Wprowadzenie do projektu",
            "Role poszczególnych partnerów",
            "Wspólne definicje pojęć: międzysektorowość, sektory, współpraca, lider",
            "Zasady komunikacji wewnętrznej i zewnętrznej",
            "Konsultacje elementów ankiety samooceny jakości współpracy",
        ],
    },
    {
        "slug": "poznan-2019-speed-dating",
        "programme": "poznan-wspolpraca-miedzysektorowa-2019",
        "title": "Speed dating biznesu i organizacji pozarządowych",
        "kind": "networking",
        "start": "2019-12-12T17:00", "end": "2019-12-12T20:00",
        "place": "Bajgle Króla Jana, Poznań",
        "audience": "all",
        "description": (
            "Pierwsze spotkanie drugiego i trzeciego sektora w kawiarnianej atmosferze: krótkie rozmowy "
            "przy stolikach w formacie speed datingu, a na zakończenie warsztat robienia drewnianych choinek."
        ),
        "agenda": [
            "17:00 Powitanie i zasady speed datingu",
            "17:15 Rundy rozmów przy stolikach",
            "18:45 Warsztat tworzenia ozdób świątecznych — drewniane choinki",
            "19:30 Rozmowy kuluarowe",
        ],
    },
    # ---------------- seed 003: Razem dla Regionu (2008–2009) ----------------
    {
        "slug": "rdr-szkolenie-zarzadzanie",
        "programme": "razem-dla-regionu",
        "title": "Cykl szkoleniowo-coachingowy: zarządzanie organizacją",
        "kind": "training",
        "start": "2008-10-18T10:00", "end": "2008-10-18T17:00",
        "place": "Collegium Civitas, Pałac Kultury i Nauki, pl. Defilad 1, 00-901 Warszawa",
        "audience": "ngo",
        "description": "Szkolenie z elementami coachingu dla działaczy organizacji pozarządowych z Podlasia.",
        "agenda": [],
    },
    {
        "slug": "rdr-szkolenie-administracja",
        "programme": "razem-dla-regionu",
        "title": "Cykl szkoleniowo-coachingowy: specyfika i sposoby działania administracji publicznej",
        "kind": "training",
        "start": "2008-11-08T10:00", "end": "2008-11-08T17:00",
        "place": "Collegium Civitas, Pałac Kultury i Nauki, pl. Defilad 1, 00-901 Warszawa",
        "audience": "ngo",
        "description": "Jak działa samorząd i administracja publiczna — z perspektywy organizacji pozarządowej.",
        "agenda": [],
    },
    {
        "slug": "rdr-szkolenie-networking",
        "programme": "razem-dla-regionu",
        "title": "Cykl szkoleniowo-coachingowy: networking i partnerstwa lokalne",
        "kind": "training",
        "start": "2008-11-29T10:00", "end": "2008-11-29T17:00",
        "place": "Collegium Civitas, Pałac Kultury i Nauki, pl. Defilad 1, 00-901 Warszawa",
        "audience": "ngo",
        "description": "Budowanie sieci kontaktów i partnerstw lokalnych.",
        "agenda": [],
    },
    {
        "slug": "rdr-szkolenie-fundusze",
        "programme": "razem-dla-regionu",
        "title": "Cykl szkoleniowo-coachingowy: pozyskiwanie funduszy",
        "kind": "training",
        "start": "2009-01-10T10:00", "end": "2009-01-10T17:00",
        "place": "Collegium Civitas, Pałac Kultury i Nauki, pl. Defilad 1, 00-901 Warszawa",
        "audience": "ngo",
        "description": "Źródła finansowania organizacji pozarządowych i przygotowanie wniosków.",
        "agenda": [],
    },
    {
        "slug": "rdr-szkolenie-promocja",
        "programme": "razem-dla-regionu",
        "title": "Cykl szkoleniowo-coachingowy: promocja",
        "kind": "training",
        "start": "2009-01-31T10:00", "end": "2009-01-31T17:00",
        "place": "Collegium Civitas, Pałac Kultury i Nauki, pl. Defilad 1, 00-901 Warszawa",
        "audience": "ngo",
        "description": "Promocja organizacji i jej działań.",
        "agenda": [],
    },
    {
        "slug": "rdr-blok-animacja",
        "programme": "razem-dla-regionu",
        "title": "Blok warsztatowy (16 h): Animacja środowiska lokalnego",
        "kind": "training_block",
        "start": "2008-11-21T09:00", "end": "2008-11-22T17:00",
        "place": "Białystok",
        "audience": "group",
        "description": (
            "Dwudniowy warsztat dla połączonych grup, prowadzony metodami aktywnymi przez partnera "
            "Technologie-Netzwerk Berlin e. V."
        ),
        "agenda": ["Dzień 1: 9:00–17:00", "Dzień 2: 9:00–17:00"],
    },
    {
        "slug": "rdr-blok-partnerstwo",
        "programme": "razem-dla-regionu",
        "title": "Blok warsztatowy (16 h): Partnerstwo lokalne — formy partnerstw, warunki prawne",
        "kind": "training_block",
        "start": "2008-12-12T09:00", "end": "2008-12-13T17:00",
        "place": "Białystok",
        "audience": "group",
        "description": "Formy partnerstw lokalnych i ich warunki prawne; warsztat metodami aktywnymi.",
        "agenda": ["Dzień 1: 9:00–17:00", "Dzień 2: 9:00–17:00"],
    },
    {
        "slug": "rdr-blok-zadanie-publiczne",
        "programme": "razem-dla-regionu",
        "title": "Blok warsztatowy (16 h): Zadanie publiczne — skuteczne narzędzie rozwiązywania problemów społecznych",
        "kind": "training_block",
        "start": "2009-01-23T09:00", "end": "2009-01-24T17:00",
        "place": "Białystok",
        "audience": "group",
        "description": "Zlecanie i realizacja zadań publicznych jako sposób rozwiązywania problemów społecznych.",
        "agenda": ["Dzień 1: 9:00–17:00", "Dzień 2: 9:00–17:00"],
    },
    {
        "slug": "rdr-blok-autoprezentacja",
        "programme": "razem-dla-regionu",
        "title": "Blok warsztatowy (16 h): Autoprezentacja, prezentacja, kształtowanie wizerunku organizacji",
        "kind": "training_block",
        "start": "2009-02-20T09:00", "end": "2009-02-21T17:00",
        "place": "Białystok",
        "audience": "group",
        "description": "Autoprezentacja, wystąpienia publiczne i budowanie wizerunku organizacji.",
        "agenda": ["Dzień 1: 9:00–17:00", "Dzień 2: 9:00–17:00"],
    },
    {
        "slug": "rdr-blok-komunikacja",
        "programme": "razem-dla-regionu",
        "title": "Blok warsztatowy (16 h): Komunikacja i negocjacje społeczne",
        "kind": "training_block",
        "start": "2009-03-13T09:00", "end": "2009-03-14T17:00",
        "place": "Białystok",
        "audience": "group",
        "description": "Komunikacja interpersonalna i negocjacje w relacjach z samorządem i partnerami.",
        "agenda": ["Dzień 1: 9:00–17:00", "Dzień 2: 9:00–17:00"],
    },
    {
        "slug": "rdr-panel-ekspertow-1",
        "programme": "razem-dla-regionu",
        "title": "Panel ekspertów: doradztwo i coaching w budowaniu partnerstw lokalnych (1)",
        "kind": "consultation",
        "start": "2009-03-26T10:00", "end": "2009-03-26T15:00",
        "place": "Białystok",
        "audience": "group",
        "description": (
            "Konsultacje z ekspertami (zarządzanie organizacją, finanse, komunikacja interpersonalna, "
            "tworzenie partnerstw) wspierające wdrożenie koncepcji uczestników."
        ),
        "agenda": [],
    },
    {
        "slug": "rdr-panel-ekspertow-2",
        "programme": "razem-dla-regionu",
        "title": "Panel ekspertów: doradztwo i coaching w budowaniu partnerstw lokalnych (2)",
        "kind": "consultation",
        "start": "2009-04-07T10:00", "end": "2009-04-07T15:00",
        "place": "Białystok",
        "audience": "group",
        "description": "Indywidualne konsultacje projektów partnerskich uczestników.",
        "agenda": [],
    },
    {
        "slug": "rdr-panel-ekspertow-3",
        "programme": "razem-dla-regionu",
        "title": "Panel ekspertów: doradztwo i coaching w budowaniu partnerstw lokalnych (3)",
        "kind": "consultation",
        "start": "2009-04-21T10:00", "end": "2009-04-21T15:00",
        "place": "Białystok",
        "audience": "group",
        "description": "Konsultacje i wybór dobrych praktyk do upowszechnienia na konferencji.",
        "agenda": [],
    },
    {
        "slug": "rdr-konferencja-podsumowujaca",
        "programme": "razem-dla-regionu",
        "title": "Konferencja podsumowująca projekt „Razem dla Regionu”",
        "kind": "conference",
        "start": "2009-05-21T10:00", "end": "2009-05-21T15:00",
        "place": "Białystok",
        "audience": "all",
        "description": (
            "Podsumowanie projektu i prezentacja dobrych praktyk; premiera broszury o budowaniu "
            "partnerstw lokalnych."
        ),
        "agenda": [],
    },
    # ---------------- seed 004: BLISKO, Śmigiel 2023 ----------------
    {
        "slug": "blisko-2023-szkolenie-smigiel",
        "programme": "blisko-smigiel",
        "title": "Współpraca z otoczeniem lokalnym w realizacji projektów kulturalnych",
        "kind": "training",
        "start": "2023-10-12T10:00", "end": "2023-10-12T16:00",
        "place": "Miejska Biblioteka Publiczna w Śmiglu, ul. Ogrodowa 8, 64-030 Śmigiel",
        "audience": "group",
        "description": (
            "Szkolenie dla 15 przedstawicieli lokalnych instytucji i organizacji: badanie potrzeb "
            "społeczności, włączanie społeczne, korzyści ze współpracy międzysektorowej i źródła finansowania; "
            "praca w grupach nad autorskimi projektami kulturalnymi."
        ),
        "agenda": [
            "10:00 Powitanie i przedstawienie uczestników",
            "10:30 Badanie potrzeb społeczności lokalnej",
            "11:30 Skuteczne włączanie społeczne",
            "12:15 Przerwa",
            "12:45 Korzyści ze współpracy międzysektorowej i źródła finansowania projektów kulturalnych",
            "13:45 Praca w grupach nad autorskimi projektami",
            "15:00 Prezentacje projektów i wzajemna informacja zwrotna",
            "15:45 Podsumowanie",
        ],
    },
]


GLOSSARY = [
    {
        "term": "sektor",
        "definition": (
            "Obszar życia społecznego wyodrębniony ze względu na cel i sposób działania podmiotów: "
            "pierwszy sektor to administracja publiczna (JST i ich jednostki), drugi — biznes, trzeci — "
            "organizacje pozarządowe. W Mosty osobno wyróżniamy też publiczne instytucje (kultury, pomocy "
            "społecznej, oświaty), uczelnie i grupy nieformalne."
        ),
    },
    {
        "term": "współpraca międzysektorowa",
        "definition": (
            "Wspólne działanie podmiotów z co najmniej dwóch różnych sektorów na rzecz wspólnego celu, "
            "w którym każda ze stron wnosi własne zasoby i zachowuje swoją niezależność."
        ),
    },
    {
        "term": "współpraca",
        "definition": (
            "Dobrowolne, zaplanowane działanie co najmniej dwóch podmiotów, które wymieniają informacje, "
            "dzielą się zasobami lub wspólnie realizują zadania, oparte na zaufaniu i jasno ustalonych zasadach."
        ),
    },
    {
        "term": "partnerstwo",
        "definition": (
            "Trwała i sformalizowana forma współpracy (np. porozumienie o współpracy), w której partnerzy "
            "wspólnie planują, realizują i oceniają działania, dzielą się odpowiedzialnością i korzyściami."
        ),
    },
    {
        "term": "lider",
        "definition": (
            "Podmiot lub osoba koordynująca partnerstwo albo dany etap projektu: inicjuje działania, "
            "dba o komunikację między partnerami i odpowiada za wspólne ustalenia."
        ),
    },
    {
        "term": "zasoby i potencjały",
        "definition": (
            "To, co organizacja może wnieść do współpracy: przestrzeń, sprzęt, wiedza i umiejętności "
            "pracowników, wolontariusze, dostęp do grup odbiorców, kanały promocji, środki finansowe, "
            "transport i kontakty."
        ),
    },
    {
        "term": "roczny program współpracy",
        "definition": (
            "Uchwalany przez organ stanowiący jednostki samorządu terytorialnego, po konsultacjach "
            "z organizacjami pozarządowymi, program współpracy z organizacjami na kolejny rok, określający "
            "m.in. cele, zasady, formy i priorytetowe zadania współpracy (art. 5a ustawy o działalności "
            "pożytku publicznego i o wolontariacie)."
        ),
    },
    {
        "term": "Komisja Dialogu Obywatelskiego (KDO)",
        "definition": (
            "Działające przy urzędzie miasta ciało doradczo-inicjatywne, w którym przedstawiciele "
            "organizacji pozarządowych z danej dziedziny i urzędnicy wspólnie opiniują i inicjują "
            "działania miasta w tym obszarze."
        ),
    },
    {
        "term": "porozumienie o współpracy",
        "definition": (
            "Dokument, w którym strony określają cel, zakres, wkład każdej ze stron, osoby koordynujące, "
            "czas trwania, sposób komunikacji i zasady zakończenia współpracy."
        ),
    },
    {
        "term": "speed networking",
        "definition": (
            "Format spotkania, w którym uczestnicy z różnych sektorów rozmawiają w krótkich, ściśle "
            "odmierzonych rundach przy stolikach, zmieniając rozmówców, by w krótkim czasie poznać "
            "wiele osób i znaleźć punkty zaczepienia do współpracy."
        ),
    },
]
