"""Building and running surveys: views, the API, the demo and commands call these.

Each service takes plain typed values, runs in one transaction, checks that the actor may
manage the survey's programme (`actor=None` is the system: demo, commands), writes an audit
entry and raises SurveyError with a translated message. Answering is in `answering`.
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core import undo
from mosty.core.audit import log_action, log_change, snapshot
from mosty.core.errors import DomainError
from mosty.core.models import Deletion
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Event, Programme
from mosty.surveys import index, needs, partnership, tallies
from mosty.surveys.models import (
    CHOICE_KINDS, SCALE_KINDS, IndexFigures, Invitation, Question, QuestionKind, Section,
    Survey, SurveyKind, SurveyStatus, results_changed)

REMIND_AFTER = timedelta(days=3)
AGREEMENT_PL = ["zdecydowanie się nie zgadzam", "raczej się nie zgadzam", "ani tak, ani nie",
                "raczej się zgadzam", "zdecydowanie się zgadzam"]
AGREEMENT_EN = ["strongly disagree", "disagree", "neither agree nor disagree", "agree",
                "strongly agree"]
AGREEMENT = [{"pl": pl, "en": en} for pl, en in zip(AGREEMENT_PL, AGREEMENT_EN, strict=True)]


class SurveyError(DomainError):
    """A translated reason why a survey cannot be changed that way."""


@dataclass(frozen=True)
class SurveyData:
    title_pl: str
    title_en: str = ""
    intro_pl: str = ""
    intro_en: str = ""
    kind: str = SurveyKind.GENERAL
    anonymous: bool = True
    editable: bool = False
    public_link: bool = False
    event: Event | None = None
    place: str = ""
    year: int | None = None


@dataclass(frozen=True)
class Choice:
    value: str
    pl: str
    en: str = ""

    def as_json(self) -> dict[str, str]:
        return {"value": self.value, "pl": self.pl, "en": self.en}


@dataclass(frozen=True)
class QuestionData:
    kind: str
    text_pl: str
    text_en: str = ""
    help_pl: str = ""
    help_en: str = ""
    required: bool = False
    code: str = ""
    options: tuple[Choice, ...] = ()
    allow_other: bool = False
    items: tuple[Choice, ...] = ()
    scale_points: int = 5
    scale_labels: tuple[tuple[str, str], ...] = ()
    condition_code: str = ""
    condition_values: tuple[str, ...] = ()
    indicator: str = ""
    section: Section | None = None


@dataclass
class Built:
    """What a template builder made (for tests and the demo)."""

    survey: Survey
    questions: list[Question] = field(default_factory=list)


def _require_manager(actor: User | None, programme: Programme) -> None:
    if actor is not None and not programmes_access.programme_access(actor, programme).manage:
        raise SurveyError(_("Only the coordinators of “%(programme)s” manage its surveys.")
                          % {"programme": programme.name})


def _slug(text: str) -> str:
    base = slugify(text.replace("ł", "l").replace("Ł", "L"))[:100] or "ankieta"
    if base == "new":
        base = "new-1"
    taken = set(Survey.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check_survey(data: SurveyData, programme: Programme) -> None:
    if not data.title_pl.strip():
        raise SurveyError(_("Give the survey a Polish title."), "title_pl")
    if data.event is not None and data.event.programme_id != programme.pk:
        raise SurveyError(_("The event belongs to another programme."), "event")
    if data.year is not None and not 1990 <= data.year <= 2100:
        raise SurveyError(_("Enter a year between 1990 and 2100."), "year")


@transaction.atomic
def create_survey(actor: User | None, programme: Programme, data: SurveyData) -> Survey:
    """A draft survey with one empty section."""
    _require_manager(actor, programme)
    _check_survey(data, programme)
    survey = Survey.objects.create(
        programme=programme, slug=_slug(data.title_pl), kind=data.kind,
        title_pl=data.title_pl.strip(), title_en=data.title_en.strip(),
        intro_pl=data.intro_pl, intro_en=data.intro_en, anonymous=data.anonymous,
        editable=data.editable, public_link=data.public_link, event=data.event,
        place=data.place, year=data.year)
    Section.objects.create(survey=survey, position=1)
    log_change(actor, "surveys.survey.created", survey)
    return survey


SURVEY_FIELDS = ["title_pl", "title_en", "intro_pl", "intro_en", "anonymous", "editable",
                 "public_link", "event", "place", "year"]


@transaction.atomic
def update_survey(actor: User | None, survey: Survey, data: SurveyData) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_manager(actor, survey.programme)
    _check_survey(data, survey.programme)
    if data.anonymous != survey.anonymous and survey.responses.exists():
        raise SurveyError(_("Answers have been saved: whether the survey is anonymous can no "
                            "longer change."), "anonymous")
    before = snapshot(survey, SURVEY_FIELDS)
    for name in SURVEY_FIELDS:
        value = getattr(data, name)
        setattr(survey, name, value.strip() if name.startswith("title") else value)
    survey.save(update_fields=SURVEY_FIELDS)
    log_change(actor, "surveys.survey.changed", survey, before)
    results_changed(survey.pk)
    return survey


@transaction.atomic
def set_status(actor: User | None, survey: Survey, status: str) -> Survey:
    """Open or close the survey. Closing wipes the browser keys of anonymous answers: from
    then on nobody, not even the respondent, can find a particular answer again."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_manager(actor, survey.programme)
    if status not in SurveyStatus.values:
        raise SurveyError(_("Unknown status."))
    if status == SurveyStatus.OPEN and not survey.questions.exists():
        raise SurveyError(_("Add at least one question before opening the survey."))
    before = snapshot(survey, ["status"])
    survey.status = status
    survey.save(update_fields=["status"])
    if status == SurveyStatus.CLOSED:
        survey.responses.exclude(key_hash="").update(key_hash="")
    tallies.refresh_statistics()  # results are read from now on
    log_change(actor, "surveys.survey.status", survey, before)
    results_changed(survey.pk)
    return survey


@transaction.atomic
def add_section(actor: User | None, survey: Survey, title_pl: str, title_en: str = "") -> Section:
    _require_manager(actor, survey.programme)
    last = survey.sections.aggregate(last=Max("position"))["last"] or 0
    section = Section.objects.create(survey=survey, position=last + 1,
                                     title_pl=title_pl.strip(), title_en=title_en.strip())
    log_action(actor, "surveys.section.created", survey, section=section.pk, title=title_pl)
    return section


def _question_code(survey: Survey, data: QuestionData, current: Question | None) -> str:
    code = slugify(data.code or data.text_pl)[:50] or "pytanie"
    others = survey.questions.all() if current is None else \
        survey.questions.exclude(pk=current.pk)
    taken = set(others.values_list("code", flat=True))
    candidate, number = code, 2
    while candidate in taken:
        candidate, number = f"{code}-{number}", number + 1
    return candidate


def _check_question(survey: Survey, data: QuestionData,
                    current: Question | None) -> Question | None:
    """Validate and return the condition's question."""
    if data.kind not in QuestionKind.values:
        raise SurveyError(_("Choose the kind of question."), "kind")
    if not data.text_pl.strip():
        raise SurveyError(_("Write the question in Polish."), "text_pl")
    if data.kind in CHOICE_KINDS and len(data.options) < 2:
        raise SurveyError(_("A choice question needs at least two options."), "options")
    if len({o.value for o in data.options}) != len(data.options):
        raise SurveyError(_("Two options have the same value."), "options")
    if data.kind == QuestionKind.MATRIX and not data.items:
        raise SurveyError(_("A matrix needs at least one item."), "items")
    if data.kind in SCALE_KINDS and not 2 <= data.scale_points <= 11:
        raise SurveyError(_("A scale has from 2 to 11 points."), "scale_points")
    if data.scale_labels and len(data.scale_labels) != data.scale_points:
        raise SurveyError(_("Give one label for each point of the scale, or none."),
                          "scale_labels")
    if data.section is not None and data.section.survey_id != survey.pk:
        raise SurveyError(_("The section belongs to another survey."), "section")
    if not data.condition_code:
        return None
    source = survey.questions.select_related("section").filter(code=data.condition_code).first()
    section = data.section or (current.section if current else survey.sections.last())
    if source is None or source == current:
        raise SurveyError(_("The question the condition refers to does not exist."),
                          "condition_code")
    if source.kind not in (*CHOICE_KINDS, QuestionKind.YES_NO):
        raise SurveyError(_("A condition can only refer to a choice or yes/no question."),
                          "condition_code")
    if section is None or (source.section.position, source.section_id) >= (
            section.position, section.pk):
        raise SurveyError(_("A condition can only refer to a question on an earlier page."),
                          "condition_code")
    known = {value for value, _label in source.labelled_options()}
    if not data.condition_values or not set(data.condition_values) <= known:
        raise SurveyError(_("Choose the answers that show this question."), "condition_values")
    return source


def _apply(question: Question, data: QuestionData, condition: Question | None) -> None:
    question.kind = data.kind
    question.text_pl, question.text_en = data.text_pl.strip(), data.text_en.strip()
    question.help_pl, question.help_en = data.help_pl.strip(), data.help_en.strip()
    question.required = data.required
    question.options = [o.as_json() for o in data.options]
    question.allow_other = data.allow_other and data.kind in CHOICE_KINDS
    question.items = [i.as_json() for i in data.items]
    question.scale_points = data.scale_points
    question.scale_labels = [{"pl": pl, "en": en} for pl, en in data.scale_labels]
    question.condition_question = condition
    question.condition_values = list(data.condition_values) if condition else []
    question.indicator = data.indicator


QUESTION_FIELDS = ["kind", "text_pl", "text_en", "help_pl", "help_en", "required", "options",
                   "allow_other", "items", "scale_points", "scale_labels",
                   "condition_question", "condition_values", "indicator", "section"]


@transaction.atomic
def add_question(actor: User | None, survey: Survey, data: QuestionData) -> Question:
    """A question at the end of its section (the last section when none is given)."""
    _require_manager(actor, survey.programme)
    condition = _check_question(survey, data, None)
    section = data.section or survey.sections.last()
    if section is None:
        section = Section.objects.create(survey=survey, position=1)
    last = section.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question(survey=survey, section=section, position=last + 1,
                        code=_question_code(survey, data, None))
    _apply(question, data, condition)
    question.save()
    results_changed(survey.pk)
    log_change(actor, "surveys.question.created", question, None,
               snapshot(question, ["code", *QUESTION_FIELDS]))
    return question


@transaction.atomic
def update_question(actor: User | None, question: Question, data: QuestionData) -> Question:
    """Change a question; its code stays, so results stay comparable across versions."""
    survey = question.survey
    _require_manager(actor, survey.programme)
    condition = _check_question(survey, data, question)
    if question.answers.exists() and data.kind != question.kind:
        raise SurveyError(_("The question has answers: its kind can no longer change."), "kind")
    before = snapshot(question, QUESTION_FIELDS)
    _apply(question, data, condition)
    if data.section is not None:
        question.section = data.section
    question.save()
    log_change(actor, "surveys.question.changed", question, before)
    results_changed(question.survey_id)
    return question


@transaction.atomic
def move_question(actor: User | None, question: Question, up: bool) -> None:
    """Swap the question with its neighbour in the section."""
    _require_manager(actor, question.survey.programme)
    siblings = list(question.section.questions.order_by("position", "id"))
    at = siblings.index(question)
    other = at - 1 if up else at + 1
    if not 0 <= other < len(siblings):
        return
    siblings[at], siblings[other] = siblings[other], siblings[at]
    for position, item in enumerate(siblings, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    log_action(actor, "surveys.question.moved", question, up=up)
    results_changed(question.survey_id)


@transaction.atomic
def delete_question(actor: User, question: Question, back_url: str) -> Deletion:
    """Delete a question nobody has answered and no other depends on; `actor` may undo it
    for a few minutes (mosty.core.undo)."""
    survey = question.survey
    _require_manager(actor, survey.programme)
    if question.answers.exists():
        raise SurveyError(_("The question has answers; it cannot be deleted. Close the survey "
                            "and copy it to start a new version."))
    if question.dependants.exists():
        raise SurveyError(_("Other questions are shown depending on this one; change their "
                            "conditions first."))
    log_action(actor, "surveys.question.deleted", survey, code=question.code,
               text=question.text_pl)
    deletion = undo.delete(actor, question, label=question.text_pl[:200], back_url=back_url)
    results_changed(survey.pk)
    return deletion


@undo.after_restore(Question)
def _question_restored(actor: User, question: Question) -> None:
    results_changed(question.survey_id)


@transaction.atomic
def copy_survey(actor: User | None, source: Survey, programme: Programme,
                data: SurveyData) -> Survey:
    """A new draft with the same sections and questions (same codes, so the results of both
    compare question by question and indicator by indicator)."""
    _require_manager(actor, programme)
    survey = create_survey(actor, programme, data)
    survey.sections.all().delete()
    sections: dict[int, Section] = {}
    questions: dict[int, Question] = {}
    for section in source.sections.all():
        sections[section.pk] = Section.objects.create(
            survey=survey, position=section.position, title_pl=section.title_pl,
            title_en=section.title_en)
    for question in source.questions.order_by("section__position", "position", "id"):
        old_pk = question.pk
        question.pk = None
        question.survey = survey
        question.section = sections[question.section_id]
        question.condition_question = questions.get(question.condition_question_id or 0)
        question.save()
        questions[old_pk] = question
    log_action(actor, "surveys.survey.copied", survey, source=source.slug)
    return survey


def _scale(labels: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((label["pl"], label["en"]) for label in labels)


@transaction.atomic
def create_index_survey(actor: User | None, programme: Programme, place: str, year: int,
                        anonymous: bool = True) -> Survey:
    """The built-in cooperation-quality self-assessment for one municipality and year: who
    the respondent is, then one page per area with the indicators asked of that group."""
    survey = create_survey(actor, programme, SurveyData(
        title_pl=f"Samoocena jakości współpracy — {place} {year}",
        title_en=f"Cooperation-quality self-assessment — {place} {year}",
        intro_pl="Ankieta jest anonimowa. Oceń, jak w Twojej gminie wygląda współpraca "
                 "samorządu z organizacjami pozarządowymi." if anonymous else "",
        intro_en="The survey is anonymous. Rate how the municipality and NGOs cooperate in "
                 "your municipality." if anonymous else "",
        kind=SurveyKind.INDEX, anonymous=anonymous, place=place, year=year))
    first = survey.sections.get()
    first.title_pl, first.title_en = "O Tobie", "About you"
    first.save(update_fields=["title_pl", "title_en"])
    add_question(None, survey, QuestionData(
        QuestionKind.SINGLE, "Kim jesteś w tej współpracy?", "Who are you in this cooperation?",
        required=True, code=index.RESPONDENT_QUESTION, section=first,
        options=tuple(Choice(code, pl, en) for code, (pl, en) in index.RESPONDENTS.items())))
    for area in index.AREAS:
        section = add_section(None, survey, area.name_pl, area.name_en)
        for indicator in index.INDICATORS:
            if indicator.area != area.code or not indicator.from_survey:
                continue
            add_question(None, survey, QuestionData(
                QuestionKind.LIKERT, indicator.text_pl, indicator.text_en, code=indicator.code,
                indicator=indicator.code, section=section, scale_labels=_scale(AGREEMENT),
                condition_code=index.RESPONDENT_QUESTION,
                condition_values=indicator.respondents))
    IndexFigures.objects.create(survey=survey)
    return survey


@transaction.atomic
def create_partnership_survey(actor: User | None, programme: Programme, title_pl: str,
                              title_en: str = "") -> Survey:
    """The built-in partnership self-assessment: one page per category of collaboration
    factors, each a matrix of one statement per factor on the agreement scale."""
    survey = create_survey(actor, programme, SurveyData(
        title_pl=title_pl, title_en=title_en, kind=SurveyKind.PARTNERSHIP, anonymous=True,
        intro_pl="Oceń, jak działa Wasze partnerstwo. Ankieta jest anonimowa.",
        intro_en="Rate how your partnership works. The survey is anonymous."))
    first = survey.sections.get()
    for n, (category, pl, en) in enumerate(partnership.CATEGORIES):
        if n == 0:
            first.title_pl, first.title_en = pl, en
            first.save(update_fields=["title_pl", "title_en"])
            section = first
        else:
            section = add_section(None, survey, pl, en)
        add_question(None, survey, QuestionData(
            QuestionKind.MATRIX, "Na ile zgadzasz się z tymi stwierdzeniami?",
            "How far do you agree with these statements?", required=True,
            code=partnership.QUESTION_PREFIX + category, section=section,
            scale_labels=_scale(AGREEMENT), items=tuple(
                Choice(f.code, f.statement_pl, f.statement_en)
                for f in partnership.FACTORS if f.category == category)))
    return survey


@transaction.atomic
def create_needs_survey(actor: User | None, programme: Programme, title_pl: str = "",
                        title_en: str = "", public_link: bool = False) -> Survey:
    """The built-in residents' needs survey (mosty.surveys.needs): anonymous, one page.
    Without a title it is called "Potrzeby mieszkańców" / "Residents' needs"."""
    if not title_pl.strip():
        title_pl, title_en = "Potrzeby mieszkańców", title_en or "Residents' needs"
    survey = create_survey(actor, programme, SurveyData(
        title_pl=title_pl, title_en=title_en, kind=SurveyKind.NEEDS, anonymous=True,
        public_link=public_link,
        intro_pl="Pomóż nam zaplanować działania w Twojej okolicy. Ankieta jest anonimowa "
                 "i zajmie około trzech minut.",
        intro_en="Help us plan activities in your neighbourhood. The survey is anonymous and "
                 "takes about three minutes."))
    section = survey.sections.get()
    for question in needs.QUESTIONS:
        extra: dict[str, Any] = {}
        if question.kind == QuestionKind.LIKERT:
            extra["scale_labels"] = _scale(AGREEMENT)
        add_question(None, survey, QuestionData(
            question.kind, question.text_pl, question.text_en, code=question.code,
            required=question.required, section=section, allow_other=question.allow_other,
            options=tuple(Choice(*option) for option in question.options), **extra))
    return survey


EVALUATION = [
    ("overall", QuestionKind.LIKERT, "Jak oceniasz spotkanie jako całość?",
     "How do you rate the event as a whole?"),
    ("useful", QuestionKind.MATRIX, "Na ile zgadzasz się z tymi stwierdzeniami?",
     "How far do you agree with these statements?"),
    ("contacts", QuestionKind.SINGLE, "Czy poznałeś/aś kogoś, z kim chcesz współpracować?",
     "Did you meet someone you want to cooperate with?"),
    ("best", QuestionKind.LONG_TEXT, "Co było najcenniejsze?", "What was most valuable?"),
    ("improve", QuestionKind.LONG_TEXT, "Co zmienić następnym razem?",
     "What should change next time?"),
]


@transaction.atomic
def create_evaluation(actor: User | None, event: Event, anonymous: bool = True) -> Survey:
    """The standard evaluation of an event: sent to its participants when it ends."""
    survey = create_survey(actor, event.programme, SurveyData(
        title_pl=f"Ocena: {event.title}"[:255], title_en=f"Evaluation: {event.title}"[:255],
        kind=SurveyKind.EVALUATION, anonymous=anonymous, editable=True, event=event,
        year=event.start.year))
    stars = (("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5"))
    ratings = survey.sections.get()
    ratings.title_pl, ratings.title_en = "Ocena", "Rating"
    ratings.save(update_fields=["title_pl", "title_en"])
    comments = add_section(None, survey, "Uwagi", "Comments")
    for code, kind, pl, en in EVALUATION:
        extra: dict[str, Any] = {"section": comments if kind == QuestionKind.LONG_TEXT
                                 else ratings}
        if kind == QuestionKind.LIKERT:
            extra |= {"scale_labels": (("bardzo źle", "very poor"), *stars[1:4],
                                       ("bardzo dobrze", "very good")), "required": True}
        elif kind == QuestionKind.MATRIX:
            extra |= {"scale_labels": _scale(AGREEMENT), "items": (
                Choice("knowledge", "Dowiedziałem/am się czegoś przydatnego w pracy.",
                       "I learnt something useful for my work."),
                Choice("partners", "Lepiej rozumiem, jak pracują inne sektory.",
                       "I understand better how other sectors work."),
                Choice("organisation", "Organizacja spotkania była dobra.",
                       "The event was well organised."))}
        elif kind == QuestionKind.SINGLE:
            extra |= {"allow_other": True, "options": (
                Choice("yes", "tak", "yes"), Choice("maybe", "może", "maybe"),
                Choice("no", "nie", "no"))}
        add_question(None, survey, QuestionData(kind, pl, en, code=code, **extra))
    return survey


@transaction.atomic
def set_figures(actor: User | None, survey: Survey,
                values: Mapping[str, float | bool | None]) -> None:
    """The municipality's own figures of a self-assessment (None: not known)."""
    _require_manager(actor, survey.programme)
    if survey.kind != SurveyKind.INDEX:
        raise SurveyError(_("Only a self-assessment has the municipality's figures."))
    clean: dict[str, float | bool | None] = {}
    for indicator in index.FIGURES:
        value = values.get(indicator.code)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise SurveyError(_("A figure cannot be negative."), indicator.code)
        if indicator.figure == "percent" and isinstance(value, float) and value > 100:
            raise SurveyError(_("A share cannot exceed 100%."), indicator.code)
        clean[indicator.code] = value
    figures, _created = IndexFigures.objects.get_or_create(survey=survey)
    before = {"values": figures.values}
    figures.values = clean
    figures.save(update_fields=["values"])
    log_change(actor, "surveys.figures.changed", survey, before, {"values": clean})
    results_changed(survey.pk)


# Distribution -------------------------------------------------------------------------------

def _queue_mail(invitation_ids: Iterable[int], kind: str) -> None:
    from mosty.surveys import tasks

    ids = list(invitation_ids)
    transaction.on_commit(lambda: [tasks.send_invitation.enqueue(pk, kind) for pk in ids])


@transaction.atomic
def invite(actor: User | None, survey: Survey, emails: Iterable[str], language: str = "") -> int:
    """Personal links for these addresses (an address already invited is skipped); the
    e-mails go out after the commit. Returns how many were created."""
    _require_manager(actor, survey.programme)
    if survey.status == SurveyStatus.CLOSED:
        raise SurveyError(_("The survey is closed."))
    from mosty.accounts.models import User

    wanted = {e.strip().lower() for e in emails if e.strip()}
    known = set(survey.invitations.values_list("email", flat=True))
    users = {u.email.lower(): u for u in User.objects.filter(email__in=wanted - known)}
    created = Invitation.objects.bulk_create([
        Invitation(survey=survey, email=email, user=users.get(email), language=language)
        for email in sorted(wanted - known)])
    if survey.is_open:
        _queue_mail([i.pk for i in created], "invitation")
    log_action(actor, "surveys.invitations.created", survey, count=len(created))
    return len(created)


def send_event_evaluations(now: datetime | None = None) -> int:
    """For open evaluations whose event has ended: invite its registered participants once;
    REMIND_AFTER later, remind once those who have not answered. Safe to run often."""
    from mosty.events.models import RegistrationStatus

    now = now or timezone.now()
    queued = 0
    due = Survey.objects.filter(status=SurveyStatus.OPEN, event__end__lte=now,
                                invitations_sent_at__isnull=True)
    for survey in due.select_related("event", "programme"):
        with transaction.atomic():
            if not Survey.objects.filter(pk=survey.pk, invitations_sent_at__isnull=True) \
                    .update(invitations_sent_at=now):
                continue  # another server claimed it
            assert survey.event is not None
            people = survey.event.registrations.filter(status=RegistrationStatus.CONFIRMED) \
                .select_related("user")
            known = set(survey.invitations.values_list("email", flat=True))
            made = Invitation.objects.bulk_create([
                Invitation(survey=survey, email=r.user.email.lower(), user=r.user,
                           language=r.language) for r in people
                if r.user.email.lower() not in known])
            _queue_mail([i.pk for i in made], "invitation")
            log_action(None, "surveys.evaluation.sent", survey, count=len(made))
            queued += len(made)
    remind = Survey.objects.filter(status=SurveyStatus.OPEN, reminder_sent_at__isnull=True,
                                   invitations_sent_at__lte=now - REMIND_AFTER)
    for survey in remind:
        with transaction.atomic():
            if not Survey.objects.filter(pk=survey.pk, reminder_sent_at__isnull=True) \
                    .update(reminder_sent_at=now):
                continue
            ids = list(survey.invitations.filter(answered=False, reminded=False)
                       .values_list("pk", flat=True))
            _queue_mail(ids, "reminder")
            log_action(None, "surveys.evaluation.reminded", survey, count=len(ids))
            queued += len(ids)
    return queued
