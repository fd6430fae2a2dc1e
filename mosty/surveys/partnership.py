"""The partnership self-assessment: collaboration factors in categories, in the style of the
Wilder Collaboration Factors Inventory (statements written for Mosty). No Django here.

Every member of a partnership rates one statement per factor on a 5-point agreement scale
(1 strongly disagree … 5 strongly agree). A factor's score is the mean of its answers,
computed from at least MIN_ANSWERS answers; 4.0 or more is a strength, 3.0 to below 4.0
borderline, below 3.0 a concern that the partners should discuss.
"""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mosty.surveys.index import MIN_ANSWERS, mean

STRENGTH_FROM = 4.0
CONCERN_BELOW = 3.0
QUESTION_PREFIX = "partnership-"

CATEGORIES = (
    ("environment", "Otoczenie", "Environment"),
    ("membership", "Partnerzy", "Membership characteristics"),
    ("process", "Proces i struktura", "Process and structure"),
    ("communication", "Komunikacja", "Communication"),
    ("purpose", "Cel", "Purpose"),
    ("resources", "Zasoby", "Resources"),
)


@dataclass(frozen=True)
class Factor:
    code: str
    category: str
    name_pl: str
    name_en: str
    statement_pl: str
    statement_en: str


FACTORS = (
    Factor("history", "environment", "Historia współpracy", "History of collaboration",
           "Organizacje w naszym partnerstwie współpracowały już wcześniej i dobrze to "
           "wspominają.", "Organisations in our partnership have worked together before and "
           "remember it well."),
    Factor("legitimacy", "environment", "Uznanie w społeczności", "Standing in the community",
           "Partnerstwo jest postrzegane w gminie jako wiarygodne i potrzebne.",
           "The partnership is seen in the municipality as credible and needed."),
    Factor("respect", "membership", "Wzajemny szacunek i zaufanie",
           "Mutual respect and trust", "Ufamy sobie i szanujemy się nawzajem.",
           "We trust and respect one another."),
    Factor("self_interest", "membership", "Korzyść każdego partnera",
           "Each partner's own benefit",
           "Każdy partner widzi, co jego instytucja zyskuje na współpracy.",
           "Every partner sees what its own institution gains from working together."),
    Factor("compromise", "membership", "Gotowość do kompromisu", "Ability to compromise",
           "Potrafimy iść na kompromis, gdy nasze interesy się różnią.",
           "We can compromise when our interests differ."),
    Factor("ownership", "process", "Współodpowiedzialność", "Shared ownership",
           "Wszyscy partnerzy czują się współwłaścicielami wspólnych działań.",
           "All partners feel they share ownership of the joint work."),
    Factor("roles", "process", "Jasne role", "Clear roles",
           "Wiemy, kto za co odpowiada.", "We know who is responsible for what."),
    Factor("adaptability", "process", "Elastyczność", "Adaptability",
           "Partnerstwo umie zmienić plany, gdy zmieniają się warunki.",
           "The partnership can change its plans when circumstances change."),
    Factor("open_communication", "communication", "Otwarta komunikacja",
           "Open communication", "Mówimy sobie otwarcie o problemach.",
           "We talk openly about problems."),
    Factor("informal_links", "communication", "Nieformalne kontakty", "Informal links",
           "Utrzymujemy kontakt także poza spotkaniami.",
           "We keep in touch between meetings as well."),
    Factor("goals", "purpose", "Konkretne, osiągalne cele", "Concrete, attainable goals",
           "Nasze cele są jasne i realistyczne.", "Our goals are clear and realistic."),
    Factor("vision", "purpose", "Wspólna wizja", "Shared vision",
           "Podzielamy wizję tego, co chcemy razem osiągnąć.",
           "We share a vision of what we want to achieve together."),
    Factor("means", "resources", "Wystarczające środki", "Sufficient means",
           "Mamy dość pieniędzy, ludzi i czasu na wspólne działania.",
           "We have enough money, people and time for the joint work."),
    Factor("leadership", "resources", "Przywództwo", "Skilled leadership",
           "Osoba prowadząca partnerstwo ma umiejętności i autorytet, by je prowadzić.",
           "The person leading the partnership has the skills and standing to lead it."),
)
BY_CODE = {factor.code: factor for factor in FACTORS}


@dataclass(frozen=True)
class FactorScore:
    factor: Factor
    mean: float | None
    answers: int

    @property
    def band(self) -> str:
        """"strength", "borderline", "concern" or "" when there are too few answers."""
        if self.mean is None:
            return ""
        if self.mean >= STRENGTH_FROM:
            return "strength"
        return "borderline" if self.mean >= CONCERN_BELOW else "concern"


def factor_scores(answers: Mapping[str, Sequence[float]]) -> list[FactorScore]:
    """Each factor's mean of its 1–5 answers (None below MIN_ANSWERS answers)."""
    scores = []
    for factor in FACTORS:
        given = list(answers.get(factor.code, ()))
        scores.append(FactorScore(factor, mean(given) if len(given) >= MIN_ANSWERS else None,
                                  len(given)))
    return scores
