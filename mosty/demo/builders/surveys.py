"""Demo surveys (data in mosty/demo/data/surveys.yaml), loaded after the events demo.

Seed 002's cooperation-quality self-assessment in Poznań and two partner cities for 2019 and
2020 (closed, with answers and the municipalities' figures, so the index and its comparison
show), evaluations of seed 000 workshops (one closed with answers, one open with a public
link) and a seed 000 group's partnership self-assessment. Answers go through the same services as a respondent's; the random answers are
seeded, so every load gives the same results.
Idempotent: a survey that exists (by programme, kind, place and year or event) is left alone.
"""
import random
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from mosty.programmes.models import Event, Programme
from mosty.surveys import answering, index, services
from mosty.surveys.answering import Given
from mosty.surveys.models import Survey, SurveyKind

DATA = Path(__file__).resolve().parents[1] / "data" / "surveys.yaml"


def _point(rng: random.Random, level: float, spread: float) -> str:
    return str(min(5, max(1, round(rng.gauss(level, spread)))))


def _answer_index(survey: Survey, group: str, level: float, spread: float,
                  rng: random.Random) -> None:
    response = answering.start_response(survey, None, answering.new_key())
    sections = list(survey.sections.prefetch_related("questions"))
    answering.save_page(response, sections[0], {index.RESPONDENT_QUESTION: Given((group,))})
    for section in sections[1:]:
        given = {q.code: Given((_point(rng, level, spread),)) for q in section.questions.all()}
        saved = answering.saved_values(response)
        shown = {q.code for q in answering.shown_questions(section, saved)}
        answering.save_page(response, section, {c: g for c, g in given.items() if c in shown})
    answering.submit(response)


def _self_assessments(data: dict[str, Any]) -> None:
    programme = Programme.objects.filter(slug=data["programme"]).first()
    if programme is None:
        return
    groups = [group for group, count in data["groups"].items() for _n in range(count)]
    for city in data["cities"]:
        for year, spec in city["years"].items():
            if Survey.objects.filter(programme=programme, kind=SurveyKind.INDEX,
                                     place=city["place"], year=year).exists():
                continue
            survey = services.create_index_survey(None, programme, city["place"], year)
            survey = services.set_status(None, survey, "open")
            rng = random.Random(f"{city['place']}-{year}")
            for group in groups[:data["respondents"]]:
                _answer_index(survey, group, spec["level"], spec["spread"], rng)
            services.set_figures(None, survey, spec["figures"])
            services.set_status(None, survey, "closed")


def _evaluation(spec: dict[str, Any]) -> None:
    event = Event.objects.filter(slug=spec["event"]).first()
    if event is None or Survey.objects.filter(event=event, kind=SurveyKind.EVALUATION).exists():
        return
    survey = services.create_evaluation(None, event)
    if spec.get("public_link"):
        survey.public_link = True
        survey.save(update_fields=["public_link"])
    survey = services.set_status(None, survey, "open")
    ratings, comments = survey.sections.all()
    for answers in spec["responses"]:
        response = answering.start_response(survey, None, answering.new_key())
        answering.save_page(response, ratings, {
            "overall": Given((str(answers["overall"]),)),
            "useful": Given(items={k: str(answers[k])
                                   for k in ("knowledge", "partners", "organisation")}),
            "contacts": Given((answers["contacts"],), answers.get("other", ""))})
        answering.save_page(response, comments, {
            "best": Given((answers["best"],)), "improve": Given((answers["improve"],))})
        answering.submit(response)
    if spec["status"] == "closed":
        services.set_status(None, survey, "closed")


def _partnership(data: dict[str, Any]) -> None:
    programme = Programme.objects.filter(slug=data["programme"]).first()
    if programme is None or Survey.objects.filter(programme=programme,
                                                  kind=SurveyKind.PARTNERSHIP).exists():
        return
    survey = services.create_partnership_survey(None, programme, data["title"])
    survey = services.set_status(None, survey, "open")
    sections = list(survey.sections.prefetch_related("questions"))
    for line in data["responses"]:
        given = dict(zip(data["factors"], (str(v) for v in line), strict=True))
        response = answering.start_response(survey, None, answering.new_key())
        for section in sections:
            question = section.questions.all()[0]
            answering.save_page(response, section, {question.code: Given(items={
                value: given[value] for value, _label in question.labelled_items()})})
        answering.submit(response)
    services.set_status(None, survey, "closed")


@transaction.atomic
def load_surveys_demo() -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    _self_assessments(data["self_assessment"])
    for spec in data["evaluations"]:
        _evaluation(spec)
    _partnership(data["partnership"])
