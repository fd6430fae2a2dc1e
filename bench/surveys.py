"""Time the results of a big survey: N responses (100,000 by default) to 40 questions.

    .venv/bin/python bench/surveys.py [--responses 100000] [--keep /tmp/bench-surveys]

Uses a fresh SQLite database in a temporary folder (or DATABASE_URL if set). Rows are bulk
inserted (not through the answering services, which would take hours), then the running
tallies are rebuilt; prints the seconds and the number of queries of the results page
(first and cached view), results filtered by one and by two answers, and the time of
writing the XLSX and CSV files (done in the background for a survey this big).
"""
import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DEBUG", "1")
if "--keep" in sys.argv:
    os.environ["MOSTY_VAR_DIR"] = sys.argv[sys.argv.index("--keep") + 1]
os.environ.setdefault("MOSTY_VAR_DIR", tempfile.mkdtemp(prefix="mosty-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "mosty.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from mosty.accounts.models import User  # noqa: E402
from mosty.directory.models import Organisation  # noqa: E402
from mosty.programmes.models import Programme  # noqa: E402
from mosty.surveys import exports, results, services, tallies  # noqa: E402
from mosty.surveys.models import (  # noqa: E402
    Answer, Question, QuestionKind, Response, Survey, results_changed)
from mosty.surveys.services import Choice, QuestionData, SurveyData  # noqa: E402

OPTIONS = (Choice("a", "A"), Choice("b", "B"), Choice("c", "C"), Choice("d", "D"))
ITEMS = (Choice("x", "X"), Choice("y", "Y"), Choice("z", "Z"))


def build() -> tuple[Programme, Survey]:
    organiser = Organisation.objects.create(name="Bench", slug="bench", sector="ngo",
                                            kind="association")
    programme = Programme.objects.create(name="Bench", slug="bench", organiser=organiser)
    survey = services.create_survey(None, programme, SurveyData("Bench"))
    kinds = ([QuestionKind.LIKERT] * 20 + [QuestionKind.MATRIX] * 5 + [QuestionKind.SINGLE] * 5
             + [QuestionKind.MULTIPLE] * 5 + [QuestionKind.NUMBER] * 3
             + [QuestionKind.LONG_TEXT] * 2)
    for n, kind in enumerate(kinds):
        services.add_question(None, survey, QuestionData(
            kind, f"Pytanie {n}", code=f"q{n}", options=OPTIONS if kind in (
                QuestionKind.SINGLE, QuestionKind.MULTIPLE) else (),
            items=ITEMS if kind == QuestionKind.MATRIX else (), allow_other=n == 25))
    return programme, survey


def fill(survey: Survey, count: int) -> None:
    """Plain INSERTs of tuples (the ORM's objects would take most of an hour)."""
    rng = random.Random(1)
    questions = list(Question.objects.filter(survey=survey))
    today = timezone.localdate()
    answer_sql = (f"INSERT INTO {Answer._meta.db_table} "
                  "(response_id, question_id, item, number, text, other) "
                  "VALUES (%s, %s, %s, %s, %s, '')")
    response_sql = (f"INSERT INTO {Response._meta.db_table} (id, survey_id, submitted_on, "
                    "key_hash) VALUES (%s, %s, %s, '')")
    as_id = Response._meta.pk.get_db_prep_value  # type: ignore[union-attr]
    for start in range(0, count, 5000):
        ids = [as_id(uuid.uuid4(), connection) for _n in range(min(5000, count - start))]
        rows: list[tuple[object, ...]] = []
        for response in ids:
            for q in questions:
                if q.kind == QuestionKind.LIKERT:
                    rows.append((response, q.pk, "", rng.randint(1, 5), ""))
                elif q.kind == QuestionKind.MATRIX:
                    rows += [(response, q.pk, i.value, rng.randint(1, 5), "") for i in ITEMS]
                elif q.kind == QuestionKind.SINGLE:
                    rows.append((response, q.pk, "", None, rng.choice("abcd")))
                elif q.kind == QuestionKind.MULTIPLE:
                    rows += [(response, q.pk, "", None, v) for v in rng.sample("abcd", 2)]
                elif q.kind == QuestionKind.NUMBER:
                    rows.append((response, q.pk, "", rng.randint(0, 100), ""))
                elif rng.random() < 0.05:
                    rows.append((response, q.pk, "", None, "Uwaga"))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(response_sql, [(pk, survey.pk, today) for pk in ids])
            cursor.executemany(answer_sql, rows)


def timed(client: Client, url: str, slowest: bool = False) -> tuple[float, int, int]:
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - began
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    if slowest:
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]:
            print(f"    {query['time']} s  {query['sql'][:150]}")
    return elapsed, len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--slowest", action="store_true", help="print the 3 slowest queries")
    parser.add_argument("--keep", metavar="DIR",
                        help="keep the SQLite database in DIR and reuse it on the next run")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    survey = Survey.objects.filter(programme__slug="bench").first()
    if survey is None:
        _programme, survey = build()
        began = time.perf_counter()
        fill(survey, args.responses)
        print(f"{args.responses} responses inserted in {time.perf_counter() - began:.1f} s")
        began = time.perf_counter()
        tallies.rebuild(survey)  # answering keeps them up to date; a bulk insert does not
        print(f"tallies rebuilt in {time.perf_counter() - began:.1f} s")
        if connection.vendor == "postgresql":  # what autovacuum does a while after a bulk load
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM ANALYZE {Answer._meta.db_table}")
        services.set_status(None, survey, "closed")
    else:
        args.responses = results.submitted(survey).count()
        print(f"reusing {args.responses} responses in {settings.DATABASES['default']['NAME']}")
        if survey.status != "closed":  # an interrupted fill: count what is there
            tallies.rebuild(survey)
            services.set_status(None, survey, "closed")
        tallies.refresh_statistics()
        results_changed(survey.pk)  # start from an empty results cache
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.PRIVACY_ASK_FOR_TERMS = False  # the bench times survey pages, not the terms
    client = Client()
    user = User.objects.filter(email="bench@example.org").first() \
        or User.objects.create_user("bench@example.org", is_staff=True)
    client.force_login(user)
    base = f"/surveys/{survey.slug}"
    client.get(f"{base}/")  # warm up: templates, translations
    check = results.compute(survey)
    assert check.count == args.responses
    assert all(item.answered == args.responses for item in check.questions[:35])
    for label, url in (("results page", f"{base}/results/"),
                       ("results page again (cached)", f"{base}/results/"),
                       ("filtered results (one answer)", f"{base}/results/?by=q25:a"),
                       ("filtered results (two answers)",
                        f"{base}/results/?by=q25:a&by=q26:b"),
                       ("answer files page", f"{base}/exports/")):
        seconds, queries, size = timed(client, url, args.slowest)
        print(f"{label}: {seconds:.2f} s, {queries} queries, {size / 1024:.0f} KiB")
    # What the background task does for a big survey (tasks.build_answer_export).
    for fmt in ("xlsx", "csv"):
        began = time.perf_counter()
        content = exports.export_bytes(survey, fmt)
        print(f"{fmt.upper()} export (background): {time.perf_counter() - began:.1f} s, "
              f"{len(content) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
