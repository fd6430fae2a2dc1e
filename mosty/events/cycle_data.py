"""The cycle templates Mosty ships: plain data, installed by a data migration and the demo.

- seed 000 ("Kultura: Inicjatywy"): three one-day workshops for a group of culture and
  social-assistance staff of one gmina;
- seed 003 ("Razem dla Regionu"): five two-day workshop blocks of 16 hours each.

Module lines read "HH:MM–HH:MM title | method"; a block's modules are listed day by day.
"""
from datetime import time
from typing import Any

# A template is literal data of several shapes (names, texts, a list of steps), read by key.
KI_WORKSHOPS: dict[str, Any] = {
    "slug": "kultura-inicjatywy-3-warsztaty",
    "name": "Cykl 3 warsztatów: instytucje kultury i pomocy społecznej",
    "description": (
        "Trzy jednodniowe warsztaty dla grupy pracowników instytucji kultury i ośrodka pomocy "
        "społecznej z jednej gminy (wzór: „Kultura: Inicjatywy”, Mazowiecki Instytut Kultury). "
        "Rekomendacje z trzeciego warsztatu są podstawą porozumienia o współpracy."),
    "steps": [
        {"title": "Warsztat 1: Integracja, zapoznanie, sieciowanie", "kind": "workshop",
         "days": 1, "from": "10:00", "to": "15:00",
         "description": "Uczestnicy poznają specyfikę obu sektorów, prezentują swoje oferty "
                        "i nawiązują relacje osobiste.",
         "modules": [["10:00–10:30 Powitanie i przedstawienie projektu | krąg",
                      "10:30–11:30 Ćwiczenia integracyjne: kim jesteśmy, co robimy | gry integracyjne",
                      "11:30–12:30 Specyfika pracy instytucji kultury i pomocy społecznej | praca w parach międzysektorowych",
                      "12:30–13:00 Przerwa |",
                      "13:00–14:00 Prezentacje ofert obu instytucji | prezentacje",
                      "14:00–14:45 Mapa wspólnych znajomych i kontaktów | mapa sieci",
                      "14:45–15:00 Podsumowanie | runda zamykająca"]]},
        {"title": "Warsztat 2: Współpraca — zasoby i potencjały", "kind": "workshop",
         "days": 1, "from": "10:00", "to": "15:00",
         "description": "Formy współpracy, zasoby i potencjały obu instytucji, przełamywanie "
                        "stereotypów o współpracy jako dodatkowym obciążeniu.",
         "modules": [["10:00–10:30 Co się wydarzyło od pierwszego spotkania | runda",
                      "10:30–11:15 Formy współpracy — przegląd przykładów | studium przypadku",
                      "11:15–12:30 Mapa zasobów i potencjałów obu instytucji | mapowanie zasobów",
                      "12:30–13:00 Przerwa |",
                      "13:00–14:00 Stereotypy o współpracy: czy zawsze oznacza dodatkową pracę? | dyskusja moderowana",
                      "14:00–15:00 Pierwsze pomysły wspólnych działań w ramach codziennych obowiązków | burza mózgów"]]},
        {"title": "Warsztat 3: Podsumowanie wypracowanego modelu współpracy", "kind": "workshop",
         "days": 1, "from": "10:00", "to": "15:00",
         "description": "Grupa porządkuje rekomendacje, które staną się podstawą porozumienia "
                        "o współpracy między instytucjami.",
         "modules": [["10:00–10:45 Przegląd wypracowanych pomysłów | galeria pomysłów",
                      "10:45–12:00 Wybór rozwiązań możliwych bez dodatkowych obciążeń | głosowanie kropkami",
                      "12:00–12:30 Przerwa |",
                      "12:30–13:30 Rekomendacje: charakter, zakres i czas trwania współpracy | praca w grupach",
                      "13:30–14:30 Projekt porozumienia o współpracy między instytucjami | redakcja wspólna",
                      "14:30–15:00 Ewaluacja cyklu | ankieta i runda"]]},
    ],
}


def _block(title: str, description: str, day_one: list[str], day_two: list[str]) -> dict:
    hours = ("09:00–11:00", "11:00–13:00", "13:00–15:00", "15:00–17:00")
    return {"title": f"Blok warsztatowy (16 h): {title}", "kind": "training_block", "days": 2,
            "from": "09:00", "to": "17:00", "description": description,
            "modules": [[f"{h} {m}" for h, m in zip(hours, day, strict=False)] for day in (day_one, day_two)]}


RDR_BLOCKS: dict[str, Any] = {
    "slug": "razem-dla-regionu-5-blokow-16h",
    "name": "Pięć dwudniowych bloków warsztatowych (16 h) dla organizacji pozarządowych",
    "description": (
        "Cykl warsztatów prowadzonych metodami aktywnymi, w blokach tematycznych po 2 dni "
        "(16 godzin), dla działaczy organizacji pozarządowych (wzór: „Razem dla Regionu”)."),
    "steps": [
        _block("Animacja środowiska lokalnego",
               "Warsztat dla połączonych grup: diagnoza i aktywizacja społeczności lokalnej.",
               ["Czym jest animacja środowiska lokalnego | wykład interaktywny",
                "Diagnoza zasobów społeczności | spacer badawczy",
                "Liderzy i grupy nieformalne | praca w grupach",
                "Podsumowanie dnia | runda"],
               ["Metody aktywizacji mieszkańców | warsztat",
                "Planowanie działania animacyjnego | praca w grupach",
                "Prezentacje planów | informacja zwrotna",
                "Ewaluacja bloku | ankieta"]),
        _block("Partnerstwo lokalne (formy partnerstw, warunki prawne)",
               "Formy partnerstw lokalnych i ich warunki prawne.",
               ["Formy partnerstw lokalnych | wykład interaktywny",
                "Warunki prawne partnerstwa | analiza przepisów",
                "Studium przypadku partnerstwa | praca w grupach",
                "Podsumowanie dnia | runda"],
               ["Umowa partnerska krok po kroku | warsztat",
                "Role i zasoby partnerów | mapowanie zasobów",
                "Projekt partnerstwa w mojej gminie | praca w grupach",
                "Ewaluacja bloku | ankieta"]),
        _block("Zadanie publiczne — skuteczne narzędzie rozwiązywania problemów społecznych",
               "Zlecanie i realizacja zadań publicznych.",
               ["Zadanie publiczne w ustawie o działalności pożytku publicznego | wykład",
                "Tryby zlecania zadań | analiza przypadków",
                "Oferta realizacji zadania | warsztat",
                "Podsumowanie dnia | runda"],
               ["Budżet i rezultaty zadania | ćwiczenia",
                "Sprawozdanie i rozliczenie | ćwiczenia",
                "Problem społeczny jako zadanie publiczne | praca w grupach",
                "Ewaluacja bloku | ankieta"]),
        _block("Autoprezentacja, prezentacja, kształtowanie wizerunku organizacji",
               "Autoprezentacja, wystąpienia publiczne i budowanie wizerunku organizacji.",
               ["Pierwsze wrażenie i autoprezentacja | ćwiczenia z kamerą",
                "Przygotowanie prezentacji | warsztat",
                "Wystąpienia uczestników | informacja zwrotna",
                "Podsumowanie dnia | runda"],
               ["Wizerunek organizacji | studium przypadku",
                "Kontakty z mediami | symulacja",
                "Plan komunikacji organizacji | praca w grupach",
                "Ewaluacja bloku | ankieta"]),
        _block("Komunikacja i negocjacje społeczne",
               "Komunikacja interpersonalna i negocjacje w relacjach z samorządem i partnerami.",
               ["Podstawy komunikacji interpersonalnej | ćwiczenia",
                "Aktywne słuchanie i informacja zwrotna | ćwiczenia w parach",
                "Konflikt w organizacji i partnerstwie | analiza przypadków",
                "Podsumowanie dnia | runda"],
               ["Negocjacje oparte na interesach | symulacja",
                "Negocjacje z samorządem | odgrywanie ról",
                "Mediacja i konsultacje społeczne | warsztat",
                "Ewaluacja bloku | ankieta"]),
    ],
}

TEMPLATES = [KI_WORKSHOPS, RDR_BLOCKS]


def _time(text: str) -> time:
    return time.fromisoformat(text.strip().zfill(5))


def parse_module(line: str) -> dict[str, Any]:
    """'10:00–10:30 Powitanie | krąg' -> from, to, title and method."""
    times, rest = line.split(" ", 1)
    start, end = times.split("–")
    title, _sep, method = rest.partition("|")
    return {"starts_at": _time(start), "ends_at": _time(end), "title": title.strip(),
            "method": method.strip()}


def install_templates(template_model: Any, step_model: Any, module_model: Any) -> None:
    """Create or refresh the shipped templates. Takes the model classes so that a data
    migration can pass its historical models; safe to run again."""
    for data in TEMPLATES:
        template, _created = template_model.objects.update_or_create(
            slug=data["slug"], defaults={"name": data["name"],
                                         "description": data["description"],
                                         "programme": None})
        template.steps.all().delete()
        for position, step_data in enumerate(data["steps"], start=1):
            step = step_model.objects.create(
                template=template, position=position, title=step_data["title"],
                kind=step_data["kind"], days=step_data["days"],
                starts_at=_time(step_data["from"]), ends_at=_time(step_data["to"]),
                description=step_data["description"])
            module_model.objects.bulk_create([
                module_model(step=step, day=day, **parse_module(line))
                for day, lines in enumerate(step_data["modules"], start=1) for line in lines])
