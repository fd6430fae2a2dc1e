"""The residents' needs survey: what is missing in a town or village, who is left out, when
people have time and what they would join. No Django here.

Written for a team of a project idea that wants evidence of the need before writing the
project: short, anonymous, answerable on a phone in three minutes from a QR poster.
"""
from dataclasses import dataclass

TIME_SLOTS = (
    ("weekday_morning", "dni powszednie, przed południem", "weekdays, mornings"),
    ("weekday_afternoon", "dni powszednie, po południu", "weekdays, afternoons"),
    ("weekday_evening", "dni powszednie, wieczorem", "weekdays, evenings"),
    ("saturday", "sobota", "Saturday"),
    ("sunday", "niedziela", "Sunday"),
)
GROUPS = (
    ("children", "dzieci", "children"),
    ("youth", "młodzież", "young people"),
    ("parents", "rodzice małych dzieci", "parents of small children"),
    ("seniors", "seniorzy", "older people"),
    ("disabled", "osoby z niepełnosprawnościami", "people with disabilities"),
    ("newcomers", "nowi mieszkańcy, cudzoziemcy", "newcomers, foreigners"),
)
JOIN = (
    ("meetings", "spotkania i rozmowy sąsiedzkie", "neighbourhood meetings and talks"),
    ("volunteering", "wolontariat, pomoc sąsiedzka", "volunteering, helping neighbours"),
    ("workshops", "warsztaty, zajęcia", "workshops, classes"),
    ("culture", "wydarzenia kulturalne", "cultural events"),
    ("sport", "sport i rekreacja", "sport and recreation"),
    ("greenery", "sprzątanie i zieleń", "clean-ups and greenery"),
)
AGES = (
    ("under_18", "poniżej 18 lat", "under 18"),
    ("18_29", "18–29", "18–29"),
    ("30_44", "30–44", "30–44"),
    ("45_64", "45–64", "45–64"),
    ("65_plus", "65 i więcej", "65 or older"),
)
PLACES = (
    ("centre", "centrum miejscowości", "the town centre"),
    ("estate", "osiedle", "a housing estate"),
    ("village", "wieś, sołectwo", "a village"),
    ("elsewhere", "poza gminą", "outside the municipality"),
)


@dataclass(frozen=True)
class NeedsQuestion:
    code: str
    kind: str  # a mosty.surveys.models.QuestionKind value
    text_pl: str
    text_en: str
    options: tuple[tuple[str, str, str], ...] = ()
    allow_other: bool = False
    required: bool = False


QUESTIONS = (
    NeedsQuestion("missing", "long_text", "Czego najbardziej brakuje w naszej miejscowości?",
                  "What is most missing in our town or village?", required=True),
    NeedsQuestion("enough_to_do", "likert",
                  "W naszej miejscowości jest dość miejsc i zajęć dla mieszkańców.",
                  "Our town or village has enough places and activities for its residents."),
    NeedsQuestion("left_out", "multiple", "Które grupy mieszkańców są pomijane?",
                  "Which groups of residents are left out?", GROUPS, allow_other=True),
    NeedsQuestion("time", "multiple", "Kiedy masz czas na wspólne działania?",
                  "When do you have time for joint activities?", TIME_SLOTS),
    NeedsQuestion("join", "multiple", "W czym chętnie weźmiesz udział?",
                  "What would you join?", JOIN, allow_other=True),
    NeedsQuestion("age", "single", "Twój wiek", "Your age", AGES),
    NeedsQuestion("place", "single", "Gdzie mieszkasz?", "Where do you live?", PLACES),
)
