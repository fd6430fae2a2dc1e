"""The cooperation-quality index: its areas, indicators and arithmetic. No Django here.

Modelled on the three areas of the Polish model of public–NGO cooperation (co-creating local
public policy; carrying out public tasks; infrastructure and conditions for civic activity).
Each indicator is either a survey statement rated on an agreement scale by the respondent
groups who know the matter, or one of the municipality's own figures.

Scoring (the method page in the app says the same in words):
- a Likert answer v on a k-point scale counts as (v − 1) / (k − 1) × 100;
- a survey indicator is the mean of those values over every answer it got, and is computed
  only from at least MIN_ANSWERS answers (fewer are not shown anywhere);
- a figure is scored linearly from 0 at zero to 100 at its `full_at` value (capped at 100);
  a yes/no figure is 100 for yes and 0 for no; a figure not entered is missing;
- an area is the mean of its available indicators, computed when at least half of them are
  available; the index is the mean of the three areas, computed only when all three are.
- strengths: indicators scoring STRENGTH_FROM or more; concerns: below CONCERN_BELOW.

Run `python -m mosty.surveys.index 4 5 3 …` for the score of a list of answers.
"""
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

MIN_ANSWERS = 5
STRENGTH_FROM = 75.0
CONCERN_BELOW = 50.0

STAFF, NGO, COUNCILLOR, COUNCIL = "staff", "ngo", "councillor", "council"
RESPONDENTS: dict[str, tuple[str, str]] = {
    STAFF: ("pracownik/pracowniczka urzędu gminy lub jednostki gminnej",
            "staff of the municipal office or a municipal unit"),
    NGO: ("przedstawiciel/ka organizacji pozarządowej", "representative of an NGO"),
    COUNCILLOR: ("radny/radna", "councillor"),
    COUNCIL: ("członek/członkini rady działalności pożytku publicznego",
              "member of the public benefit council"),
}
RESPONDENT_QUESTION = "respondent"


@dataclass(frozen=True)
class Area:
    code: str
    name_pl: str
    name_en: str


AREAS = (
    Area("policy", "Współtworzenie polityki publicznej", "Co-creating local public policy"),
    Area("tasks", "Realizacja zadań publicznych", "Carrying out public tasks"),
    Area("conditions", "Infrastruktura i warunki dla aktywności obywatelskiej",
         "Infrastructure and conditions for civic activity"),
)


@dataclass(frozen=True)
class Indicator:
    code: str
    area: str
    name_pl: str
    name_en: str
    # A survey indicator: the statement and who is asked; a figure: what is entered.
    text_pl: str = ""
    text_en: str = ""
    respondents: tuple[str, ...] = ()
    figure: str = ""  # "" for a survey indicator; "number", "percent" or "yes_no"
    full_at: float = 0.0  # the figure that scores 100

    @property
    def from_survey(self) -> bool:
        return not self.figure


ALL = (STAFF, NGO, COUNCILLOR, COUNCIL)
INDICATORS = (
    Indicator("policy_consultation", "policy", "Konsultowanie projektów aktów",
              "Consultation of draft acts",
              "Projekty uchwał dotyczących działalności organizacji są z nimi konsultowane, "
              "zanim trafią pod obrady rady gminy.",
              "Draft resolutions concerning the activity of NGOs are consulted with them "
              "before the municipal council debates them.", (STAFF, NGO, COUNCIL)),
    Indicator("policy_programme", "policy", "Współtworzenie programu współpracy",
              "Co-creating the cooperation programme",
              "Organizacje pozarządowe realnie współtworzą roczny program współpracy, a nie "
              "tylko opiniują gotowy projekt.",
              "NGOs really co-create the annual cooperation programme instead of only "
              "commenting on a finished draft.", (STAFF, NGO, COUNCIL)),
    Indicator("policy_dialogue", "policy", "Ciała dialogu", "Dialogue bodies",
              "Zespoły doradcze i komisje dialogu obywatelskiego spotykają się regularnie, a ich "
              "opinie są brane pod uwagę.",
              "Advisory teams and civic dialogue commissions meet regularly and their opinions "
              "are taken into account.", ALL),
    Indicator("policy_feedback", "policy", "Informacja zwrotna z konsultacji",
              "Feedback on consultations",
              "Urząd informuje, co zrobił z uwagami zgłoszonymi w konsultacjach i dlaczego.",
              "The office reports what it did with the comments made in consultations, and "
              "why.", (NGO, COUNCIL)),
    Indicator("policy_consultations_count", "policy", "Liczba konsultacji w roku",
              "Consultations in the year", figure="number", full_at=10),
    Indicator("policy_programme_consulted", "policy", "Program współpracy konsultowany",
              "Annual programme consulted", figure="yes_no", full_at=1),
    Indicator("tasks_calls", "tasks", "Przejrzyste konkursy ofert", "Transparent open calls",
              "Otwarte konkursy ofert mają jasne, opublikowane kryteria, a ich wyniki są "
              "uzasadniane.",
              "Open calls for proposals have clear, published criteria and their results are "
              "explained.", (STAFF, NGO)),
    Indicator("tasks_forms", "tasks", "Różne formy zlecania zadań",
              "Various forms of commissioning",
              "Gmina korzysta z różnych form zlecania zadań: małych grantów, umów wieloletnich, "
              "regrantingu, inicjatywy lokalnej.",
              "The municipality uses various forms of commissioning: small grants, multi-year "
              "agreements, regranting, local initiative.", (STAFF, NGO, COUNCILLOR)),
    Indicator("tasks_reporting", "tasks", "Proporcjonalne rozliczanie", "Proportionate reporting",
              "Rozliczanie dotacji jest proporcjonalne do ich wielkości i nie jest nadmiernie "
              "biurokratyczne.",
              "Reporting on grants is proportionate to their size and not overly "
              "bureaucratic.", (STAFF, NGO)),
    Indicator("tasks_budget_share", "tasks", "Udział dotacji dla NGO w wydatkach",
              "Grants to NGOs as a share of spending", figure="percent", full_at=5),
    Indicator("tasks_small_grants", "tasks", "Małe granty (art. 19a)",
              "Small grants (art. 19a)", figure="number", full_at=20),
    Indicator("conditions_information", "conditions", "Dostęp do informacji",
              "Access to information",
              "Informacje o współpracy (ogłoszenia, wyniki, osoba do kontaktu) łatwo znaleźć.",
              "Information about cooperation (calls, results, a contact person) is easy to "
              "find.", (NGO, COUNCIL)),
    Indicator("conditions_premises", "conditions", "Dostęp do lokali", "Access to premises",
              "Organizacje mogą korzystać z lokali gminnych lub centrum organizacji na "
              "preferencyjnych warunkach.",
              "Organisations can use municipal premises or an NGO centre on favourable "
              "terms.", (STAFF, NGO)),
    Indicator("conditions_support", "conditions", "Wsparcie rozwoju organizacji",
              "Support for the development of organisations",
              "Gmina wspiera rozwój organizacji: szkolenia, doradztwo, pożyczki na wkład własny.",
              "The municipality supports the development of organisations: training, advice, "
              "loans for own contribution.", (NGO, COUNCILLOR, COUNCIL)),
    Indicator("conditions_council", "conditions", "Rada pożytku publicznego",
              "The public benefit council",
              "Rada działalności pożytku publicznego działa, a władze gminy liczą się z jej "
              "opiniami.",
              "The public benefit council works and the municipal authorities heed its "
              "opinions.", (STAFF, COUNCILLOR, COUNCIL)),
)
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
FIGURES = tuple(indicator for indicator in INDICATORS if not indicator.from_survey)


@dataclass(frozen=True)
class IndicatorScore:
    code: str
    score: float | None
    answers: int = 0  # survey answers used (0 for a figure)


@dataclass(frozen=True)
class IndexResult:
    indicators: dict[str, IndicatorScore]
    areas: dict[str, float | None]
    index: float | None
    strengths: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)


def likert_score(value: float, points: int) -> float:
    """An answer on a 1…points scale as 0–100."""
    if points < 2 or not 1 <= value <= points:
        raise ValueError(f"{value} is not on a 1–{points} scale")
    return (value - 1) / (points - 1) * 100


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def survey_indicator(code: str, answers: Sequence[float], points: int) -> IndicatorScore:
    """The indicator from its Likert answers; missing below MIN_ANSWERS answers."""
    if len(answers) < MIN_ANSWERS:
        return IndicatorScore(code, None, len(answers))
    return IndicatorScore(code, mean(likert_score(a, points) for a in answers), len(answers))


def figure_indicator(indicator: Indicator, value: float | bool | None) -> IndicatorScore:
    if value is None:
        return IndicatorScore(indicator.code, None)
    if indicator.figure == "yes_no":
        return IndicatorScore(indicator.code, 100.0 if value else 0.0)
    if value < 0:
        raise ValueError(f"{indicator.code}: a figure cannot be negative")
    return IndicatorScore(indicator.code, min(100.0, float(value) / indicator.full_at * 100))


def area_score(scores: Sequence[float | None]) -> float | None:
    """Mean of the available indicators when at least half of them are available."""
    available = [s for s in scores if s is not None]
    if not scores or len(available) < math.ceil(len(scores) / 2):
        return None
    return mean(available)


def compute(answers: Mapping[str, Sequence[float]], figures: Mapping[str, float | bool | None],
            points: int = 5, indicators: Sequence[Indicator] = INDICATORS) -> IndexResult:
    """The whole index from the answers to each survey indicator (code → answers on a
    1…points scale) and the municipality's figures (code → value or None)."""
    scores: dict[str, IndicatorScore] = {}
    for indicator in indicators:
        if indicator.from_survey:
            scores[indicator.code] = survey_indicator(
                indicator.code, answers.get(indicator.code, ()), points)
        else:
            scores[indicator.code] = figure_indicator(indicator, figures.get(indicator.code))
    areas = {area.code: area_score([scores[i.code].score for i in indicators
                                    if i.area == area.code]) for area in AREAS}
    total = mean(a for a in areas.values() if a is not None) \
        if all(a is not None for a in areas.values()) else None
    strengths = [c for c, s in scores.items() if s.score is not None and s.score >= STRENGTH_FROM]
    concerns = [c for c, s in scores.items() if s.score is not None and s.score < CONCERN_BELOW]
    return IndexResult(scores, areas, total, strengths, concerns)


def main(argv: Sequence[str]) -> int:
    answers = [float(a) for a in argv]
    print(survey_indicator("cli", answers, 5))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
