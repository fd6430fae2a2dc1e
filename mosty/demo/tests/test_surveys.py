"""The surveys demo: seed 002's self-assessment in three cities and two years, seed 000's
workshop evaluation; loads, and loads again without changes."""
import pytest

from mosty.accounts.models import User

from mosty.demo.builders.events import load_events_demo
from mosty.demo.builders.seeds import load_seeds
from mosty.demo.builders.surveys import load_surveys_demo
from mosty.events.tests.test_attendance import pdf_text
from mosty.surveys import results
from mosty.surveys.models import Answer, Response, Survey

pytestmark = pytest.mark.django_db


def test_surveys_demo_shows_the_index_and_is_idempotent(client, tmp_path):
    load_seeds()
    load_events_demo()
    load_surveys_demo()
    counts = (Survey.objects.count(), Response.objects.count(), Answer.objects.count())
    load_surveys_demo()
    assert (Survey.objects.count(), Response.objects.count(), Answer.objects.count()) == counts
    index_surveys = Survey.objects.filter(kind="index", status="closed")
    assert {(s.place, s.year) for s in index_surveys} == {
        (place, year) for place in ("Poznań", "Ryga", "Helsinki") for year in (2019, 2020)}
    rows = {(r.survey.place, r.survey.year): r.result.index
            for r in results.comparison(index_surveys)}
    scores = {key: value for key, value in rows.items() if value is not None}
    assert scores.keys() == rows.keys()
    assert scores[("Poznań", 2020)] > scores[("Poznań", 2019)]  # improving
    evaluation = Survey.objects.get(event__slug="ki-2019-ostrow-warsztat-1")
    assert evaluation.status == "closed"
    assert results.submitted(evaluation).count() == 7
    assert Answer.objects.filter(response__survey=evaluation,
                                 other="już współpracujemy z domem kultury").exists()
    assert Survey.objects.get(event__slug="ki-2020-mszczonow-warsztat-1").public_link
    partnership = Survey.objects.get(kind="partnership")
    bands = {s.factor.code: s.band for s in results.partnership_scores(partnership)}
    assert bands["respect"] == "strength"
    assert bands["means"] == "concern"
    assert not Response.objects.exclude(user=None).exists()  # all demo surveys anonymous
    client.force_login(User.objects.get(email="koordynator@mosty.example"))
    page = client.get("/surveys/compare/").content.decode()
    assert "Helsinki 2020" in page
    assert '<svg class="chart"' in page
    page = client.get("/surveys/compare/?programme=kultura-inicjatywy").content.decode()
    assert "Warsztat 1: Integracja, zapoznanie, sieciowanie — grupa Ostrów" in page
    assert "4,3" in page  # mean overall rating of the seven demo answers: 30 / 7
    poznan = index_surveys.get(place="Poznań", year=2020)
    report = client.get(f"/surveys/{poznan.slug}/report.pdf")
    text = pdf_text(report.content, tmp_path)
    assert "Indeks jakości współpracy" in text
    assert "Współtworzenie polityki publicznej" in text
    assert "Samoocena jakości współpracy — Poznań 2020" in text
