"""Synthetic directories for tests, benchmarks and demos.

The descriptions are built from Polish word lists with varied inflection
("sala" / "sali" / "salę") so that the generated data exercises the
lemmatiser the same way real user input would.  Generation is deterministic
for a given seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from .types import CATEGORIES, SECTORS, Item, Kind, Org

# Sector mix of a Polish municipal partnership directory (rough shares).
SECTOR_WEIGHTS: dict[str, float] = {
    "ngo": 0.45, "business": 0.22, "public_institution": 0.18,
    "informal": 0.10, "jst": 0.03, "academia": 0.02,
}

# Which categories each sector tends to offer / need (relative weights, in
# CATEGORIES order: space equipment expertise volunteers target_group
# promotion funding transport contacts other).
OFFER_PROFILE: dict[str, Sequence[float]] = {
    "jst": (4, 2, 2, 0.5, 2, 4, 5, 2, 3, 1),
    "public_institution": (5, 3, 4, 1, 4, 2, 0.5, 1, 2, 1),
    "ngo": (1, 2, 4, 5, 3, 2, 0.5, 1, 3, 1),
    "business": (2, 4, 3, 1, 1, 3, 4, 3, 2, 1),
    "academia": (3, 3, 6, 2, 1, 1, 1, 0.5, 3, 1),
    "informal": (0.5, 1, 2, 5, 2, 1, 0.2, 1, 2, 2),
}
NEED_PROFILE: dict[str, Sequence[float]] = {
    "jst": (0.5, 1, 3, 4, 2, 2, 1, 1, 3, 1),
    "public_institution": (1, 3, 3, 4, 2, 3, 4, 3, 2, 1),
    "ngo": (5, 4, 2, 2, 2, 3, 6, 3, 2, 1),
    "business": (1, 1, 2, 2, 4, 4, 0.5, 1, 4, 1),
    "academia": (1, 1, 1, 3, 5, 2, 2, 1, 3, 1),
    "informal": (5, 3, 2, 1, 1, 3, 5, 3, 1, 1),
}

# Head phrases per category: (offer forms, need forms).  Needs use other
# grammatical cases than offers on purpose.
HEADS: dict[str, tuple[list[str], list[str]]] = {
    "space": (
        ["sala", "sala konferencyjna", "świetlica", "pomieszczenie", "boisko",
         "scena plenerowa", "kuchnia", "pracownia komputerowa", "sala gimnastyczna",
         "remiza", "plac", "magazyn"],
        ["sali", "sali konferencyjnej", "świetlicy", "pomieszczenia", "boiska",
         "sceny plenerowej", "kuchni", "pracowni komputerowej", "sali gimnastycznej",
         "miejsca", "placu", "magazynu"],
    ),
    "equipment": (
        ["namiot", "nagłośnienie", "rzutnik", "laptopy", "stoły i krzesła",
         "grill", "agregat prądotwórczy", "aparat fotograficzny", "drukarka",
         "sprzęt sportowy", "kajaki", "ławki"],
        ["namiotów", "nagłośnienia", "rzutnika", "laptopów", "stołów i krzeseł",
         "grilla", "agregatu", "aparatu fotograficznego", "drukarki",
         "sprzętu sportowego", "kajaków", "ławek"],
    ),
    "expertise": (
        ["szkolenia z pisania wniosków", "doradztwo prawne", "warsztaty kulinarne",
         "księgowość", "kursy pierwszej pomocy", "doradztwo podatkowe",
         "szkolenia komputerowe", "konsultacje psychologiczne", "grafika i projektowanie",
         "lekcje języka angielskiego", "zajęcia sportowe", "mentoring dla liderów"],
        ["szkolenia z pisania wniosków", "doradztwa prawnego", "warsztatów kulinarnych",
         "księgowej", "kursu pierwszej pomocy", "doradztwa podatkowego",
         "szkoleń komputerowych", "konsultacji psychologicznych", "grafika",
         "lekcji języka angielskiego", "zajęć sportowych", "mentora dla liderów"],
    ),
    "volunteers": (
        ["wolontariusze", "wolontariat młodzieżowy", "strażacy ochotnicy",
         "harcerze", "studenci", "seniorzy do pomocy", "animatorzy", "ratownicy"],
        ["wolontariuszy", "wolontariuszek", "strażaków", "harcerzy", "studentów",
         "seniorów chętnych do pomocy", "animatorów", "ratowników"],
    ),
    "target_group": (
        ["dostęp do seniorów", "kontakt z młodzieżą", "dzieci ze szkoły",
         "rodziny wielodzietne", "osoby niepełnosprawne", "rolnicy",
         "przedsiębiorcy", "mieszkańcy wsi", "uczniowie", "bezrobotni"],
        ["dotarcia do seniorów", "kontaktu z młodzieżą", "dzieci", "rodzin wielodzietnych",
         "osób niepełnosprawnych", "rolników", "przedsiębiorców", "mieszkańców wsi",
         "uczniów", "bezrobotnych"],
    ),
    "promotion": (
        ["promocja w gazecie lokalnej", "profil na Facebooku", "strona internetowa",
         "radio lokalne", "plakaty i ulotki", "newsletter", "tablica ogłoszeń",
         "fotograf", "film promocyjny"],
        ["promocji w gazecie lokalnej", "promocji na Facebooku", "strony internetowej",
         "audycji w radiu lokalnym", "plakatów i ulotek", "newslettera",
         "ogłoszeń", "fotografa", "filmu promocyjnego"],
    ),
    "funding": (
        ["dotacje na projekty", "sponsoring wydarzeń", "mikrogranty",
         "fundusz sołecki", "nagrody rzeczowe", "wkład własny do projektu",
         "darowizny"],
        ["dotacji na projekt", "sponsora wydarzenia", "mikrograntu",
         "środków z funduszu sołeckiego", "nagród rzeczowych", "wkładu własnego",
         "darowizn"],
    ),
    "transport": (
        ["bus dziewięcioosobowy", "autokar", "przewóz osób", "samochód dostawczy",
         "transport sprzętu", "przyczepa", "mikrobus"],
        ["busa", "autokaru", "przewozu osób", "samochodu dostawczego",
         "transportu sprzętu", "przyczepy", "mikrobusu"],
    ),
    "contacts": (
        ["kontakty z samorządem", "partnerzy zagraniczni", "sieć organizacji",
         "kontakty z biznesem", "współpraca z mediami", "znajomość lokalnych liderów"],
        ["kontaktów z samorządem", "partnera zagranicznego", "sieci organizacji",
         "kontaktów z biznesem", "współpracy z mediami", "lokalnych liderów"],
    ),
    "other": (
        ["catering", "pomoc w organizacji", "obsługa techniczna", "opieka nad dziećmi",
         "sadzonki i kwiaty", "wypieki"],
        ["cateringu", "pomocy w organizacji", "obsługi technicznej", "opieki nad dziećmi",
         "sadzonek", "wypieków"],
    ),
}

EVENTS_GEN: list[str] = [
    "festynu", "pikniku rodzinnego", "warsztatów", "koncertu", "zebrania", "turnieju",
    "dożynek", "spotkania z mieszkańcami", "wystawy", "jarmarku", "biegu charytatywnego",
    "zajęć dla dzieci", "potańcówki", "kiermaszu", "wigilii", "półkolonii",
]
OFFER_TAILS: list[str] = [
    "na {n} osób", "nieodpłatnie", "w weekendy", "po godzinach pracy",
    "podczas {event_gen}", "dla organizacji z gminy", "przy okazji imprez", "w sezonie letnim",
    "dla grup", "w centrum miejscowości", "po wcześniejszym uzgodnieniu", "",
]
NEED_LEADS: list[str] = ["potrzebujemy", "szukamy", "brakuje nam", "przydałby się dostęp do", ""]
NEED_TAILS: list[str] = [
    "do organizacji {event_gen}", "podczas {event_gen}", "na czas {event_gen}",
    "dla naszych podopiecznych", "na zajęcia", "w przyszłym roku", "na stałe", "",
]

NAME_PATTERNS: dict[str, list[str]] = {
    "jst": ["Urząd Gminy {place}", "Gmina {place}", "Starostwo Powiatowe, {place}"],
    "public_institution": ["Biblioteka Publiczna Gminy {place}",
                           "Szkoła Podstawowa nr {n}, {place}",
                           "Gminny Ośrodek Kultury, {place}", "Ośrodek Pomocy Społecznej, {place}",
                           "Przedszkole Samorządowe, {place}"],
    "ngo": ["Stowarzyszenie Przyjaciół Ziemi {place}", "Fundacja Razem dla {place}",
            "Ochotnicza Straż Pożarna {place}", "Uczniowski Klub Sportowy {place}",
            "Stowarzyszenie Seniorów {place}", "Fundacja Rozwoju Lokalnego nr {n}"],
    "business": ["Piekarnia Kowalscy, {place}", "Transport-Bud sp. z o.o. nr {n}",
                 "Drukarnia Nowak, {place}", "Agroturystyka pod Lipą, {place}",
                 "Hurtownia Budowlana nr {n}, {place}"],
    "academia": ["Uniwersytet Przyrodniczy, filia {place}", "Wyższa Szkoła Zawodowa, {place}",
                 "Instytut Badań Regionalnych nr {n}"],
    "informal": ["Koło Gospodyń Wiejskich, {place}", "Grupa nieformalna Aktywni {place}",
                 "Klub Rodziców nr {n}, {place}"],
}


def _weighted(rng: random.Random, options: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(options, weights=weights, k=1)[0]


def describe(rng: random.Random, kind: str, category: str) -> str:
    """A Polish description of an offer or a need in ``category``."""
    offers, needs = HEADS[category]
    if kind == "offer":
        head = rng.choice(offers)
        tail = rng.choice(OFFER_TAILS).format(n=rng.choice((20, 30, 60, 100)),
                                              event_gen=rng.choice(EVENTS_GEN))
        return f"{head} {tail}".strip()
    head = rng.choice(needs)
    lead = rng.choice(NEED_LEADS)
    tail = rng.choice(NEED_TAILS).format(event_gen=rng.choice(EVENTS_GEN))
    return " ".join(p for p in (lead, head, tail) if p)


def _count(rng: random.Random) -> int:
    # 1-8 items, fewer more likely (most organisations list a handful).
    return rng.choices(range(1, 9), weights=[1 / k**0.7 for k in range(1, 9)], k=1)[0]


def gmina_weights(codes: Sequence[str], rng: random.Random) -> list[float]:
    """Relative number of organisations per gmina (towns have more)."""
    out = []
    for code in codes:
        base = {"1": 3.0, "2": 1.0, "3": 1.6}.get(code[6], 1.0)
        if int(code[2:4]) >= 61:  # city with powiat rights
            base *= 4.0
        out.append(base * math.exp(rng.gauss(0.0, 0.4)))
    return out


def make_org(rng: random.Random, org_id: int, teryt: str, place: str,
             sector: str | None = None) -> Org:
    """One random organisation located in gmina ``teryt``."""
    if sector is None:
        sector = _weighted(rng, list(SECTOR_WEIGHTS), list(SECTOR_WEIGHTS.values()))
    name = rng.choice(NAME_PATTERNS[sector]).format(place=place, n=rng.randint(1, 99))
    items: list[Item] = []
    profiles: tuple[tuple[Kind, dict[str, Sequence[float]]], ...] = (
        ("offer", OFFER_PROFILE), ("need", NEED_PROFILE))
    for kind, profile in profiles:
        for _ in range(_count(rng)):
            cat = _weighted(rng, CATEGORIES, profile[sector])
            items.append(Item(kind, cat, describe(rng, kind, cat)))
    return Org(id=org_id, name=name, sector=sector, teryt=teryt, items=tuple(items))


def make_directory(n: int, gminas: Sequence[tuple[str, str]], seed: int = 1,
                   first_id: int = 1) -> list[Org]:
    """``n`` random organisations spread over ``gminas`` ((code, name) pairs).

    Every gmina gets at least one organisation when ``n`` allows it, so the
    directory covers the whole country as the benchmark requires.
    """
    rng = random.Random(seed)
    codes = [c for c, _ in gminas]
    names = dict(gminas)
    assigned: list[str] = list(codes[:n]) if n >= len(codes) else rng.sample(codes, n)
    if n > len(codes):
        assigned += rng.choices(codes, weights=gmina_weights(codes, rng), k=n - len(codes))
    rng.shuffle(assigned)
    return [make_org(rng, first_id + i, code, names[code]) for i, code in enumerate(assigned)]


def fake_gminas(n_woj: int = 4, n_pow: int = 4, n_gmi: int = 5) -> list[tuple[str, str]]:
    """A small made-up TERYT tree for tests that must not read files."""
    out = []
    for w in range(1, n_woj + 1):
        for p in range(1, n_pow + 1):
            for g in range(1, n_gmi + 1):
                out.append((f"{2 * w:02d}{p:02d}{g:02d}{1 + g % 3}", f"Gmina {w}-{p}-{g}"))
    return out


assert set(SECTOR_WEIGHTS) == set(SECTORS)


# Complementary pairs for planted-partner tests: A needs what B offers (same
# category, overlapping words in other inflected forms) and B needs what A
# offers.  (category, A's need, B's offer, category, B's need, A's offer)
PLANTED: list[tuple[str, str, str, str, str, str]] = [
    (
        "volunteers",
        "wolontariusze do pomocy przy festynie dożynkowym",
        "wolontariuszami pomagamy przy festynach dożynkowych",
        "space",
        "sala na zebrania i próby chóru",
        "udostępniamy salę na zebrania i próby chóru",
    ),
    (
        "transport",
        "przewóz seniorów busem na wycieczki",
        "bus do przewozu seniorów na wycieczkę",
        "promotion",
        "promocja kiermaszu w radiu lokalnym",
        "audycje w radiu lokalnym o kiermaszach",
    ),
    (
        "equipment",
        "nagłośnienie i scena mobilna na koncert",
        "scena mobilna z nagłośnieniem na koncerty",
        "target_group",
        "dotarcie do rodzin wielodzietnych",
        "kontakt z rodzinami wielodzietnymi",
    ),
    (
        "expertise",
        "szkolenie z pisania wniosków grantowych",
        "szkolenia z pisania wniosków o granty",
        "volunteers",
        "harcerze do pomocy przy sprzątaniu lasu",
        "harcerzy do sprzątania lasu",
    ),
    (
        "funding",
        "sponsor nagród w turnieju szachowym",
        "sponsoring nagród w turniejach szachowych",
        "space",
        "boisko do treningów piłkarskich",
        "boiska na treningi piłkarskie",
    ),
    (
        "target_group",
        "dostęp do seniorów z terenu gminy",
        "seniorzy z naszej gminy – kontakt z klubem seniora",
        "expertise",
        "warsztaty kulinarne dla młodzieży",
        "prowadzimy warsztaty kulinarne z młodzieżą",
    ),
    (
        "contacts",
        "kontakty z partnerami zagranicznymi z Niemiec",
        "partnerzy zagraniczni w Niemczech",
        "equipment",
        "kajaki na spływ rzeką",
        "kajaków na spływy rzeką",
    ),
    (
        "promotion",
        "film promocyjny o festiwalu folkloru",
        "filmy promocyjne o festiwalach folkloru",
        "transport",
        "samochód dostawczy do przewozu stołów",
        "samochodem dostawczym przewieziemy stoły",
    ),
    (
        "space",
        "pracownia komputerowa na kurs dla seniorów",
        "pracownię komputerową na kursy seniorów",
        "funding",
        "dotacja na remont świetlicy wiejskiej",
        "dotacje na remonty świetlic wiejskich",
    ),
    (
        "other",
        "catering na piknik ekologiczny",
        "cateringi na pikniki ekologiczne",
        "contacts",
        "kontakt z lokalnymi mediami",
        "współpraca z lokalnymi mediami i kontakty",
    ),
]

PLANTED_SECTORS: list[tuple[str, str]] = [
    ("public_institution", "ngo"), ("ngo", "business"), ("informal", "jst"),
    ("ngo", "academia"), ("business", "ngo"), ("jst", "informal"),
]


def plant_pairs(gminas: Sequence[tuple[str, str]], n_pairs: int, first_id: int,
                seed: int = 7) -> list[tuple[Org, Org]]:
    """``n_pairs`` complementary (A, B) pairs, each in one gmina.

    Both members also get a couple of random items so they do not look
    artificially clean.
    """
    rng = random.Random(seed)
    out = []
    for i in range(n_pairs):
        code, place = gminas[(i * 7) % len(gminas)]
        cx, a_need, b_offer, cy, b_need, a_offer = PLANTED[i % len(PLANTED)]
        sa, sb = PLANTED_SECTORS[i % len(PLANTED_SECTORS)]
        noise_a = make_org(rng, 0, code, place, sa).items[:2]
        noise_b = make_org(rng, 0, code, place, sb).items[:2]
        a = Org(first_id + 2 * i, f"Planted A{i} {place}", sa, code,
                (Item("need", cx, a_need), Item("offer", cy, a_offer)) + noise_a)
        b = Org(first_id + 2 * i + 1, f"Planted B{i} {place}", sb, code,
                (Item("offer", cx, b_offer), Item("need", cy, b_need)) + noise_b)
        out.append((a, b))
    return out
