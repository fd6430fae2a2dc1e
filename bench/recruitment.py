"""Time the reviewers' pages of a 400-applicant call with 3 reviewers.

    .venv/bin/python bench/recruitment.py [--applications 400] [--repeat 3]

Uses a fresh SQLite database in a temporary folder (or DATABASE_URL if set), fills it with
one call (8 questions, 3 criteria), N submitted applications with answers and an attachment
row each, and a review by each of 3 reviewers, then prints how long the list page, filtered
pages, the XLSX export and the API take (slowest of --repeat runs) and how many queries each
makes, after one warm-up request. The goal is under 1 s a page.
"""
import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("MOSTY_VAR_DIR", tempfile.mkdtemp(prefix="mosty-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "mosty.settings"

import django  # noqa: E402

django.setup()

from datetime import timedelta  # noqa: E402

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from mosty.accounts.models import Role, User  # noqa: E402
from mosty.directory.models import Organisation, Territory  # noqa: E402
from mosty.programmes.models import Edition, Programme, ProgrammeStaff  # noqa: E402
from mosty.recruitment.choices import QuestionKind, Status  # noqa: E402
from mosty.recruitment.models import (  # noqa: E402
    Application, ApplicationFile, Criterion, Question, RecruitmentCall, Review)

SECTORS = [("ngo", "association"), ("public_institution", "library"),
           ("public_institution", "social_assistance"), ("jst", "municipal_office")]
QUESTIONS = [(QuestionKind.TEXT, "Contact person", []),
             (QuestionKind.LONG_TEXT, "Motivation", []),
             (QuestionKind.CHOICE, "Role", ["culture", "social", "other"]),
             (QuestionKind.MULTIPLE_CHOICE, "Dates", ["8 March", "20 March", "12 April"]),
             (QuestionKind.YES_NO, "Partnered before?", []),
             (QuestionKind.DATE, "Founded", []),
             (QuestionKind.NUMBER, "People", []),
             (QuestionKind.FILE, "Signed declaration", [])]


def build(count: int) -> tuple[RecruitmentCall, User]:
    """A programme, a call and `count` reviewed applications, all written in bulk."""
    prefix = "bench-"
    Organisation.objects.filter(slug__startswith=prefix).delete()
    User.objects.filter(email__endswith="@bench.example").delete()
    gminas = list(Territory.objects.filter(level="gmina").values_list("code", flat=True)[:60])
    organiser = Organisation.objects.create(name="Bench organiser", slug=prefix + "organiser",
                                            sector="ngo", kind="association")
    programme = Programme.objects.create(name="Bench", slug=prefix + "programme",
                                         organiser=organiser)
    edition = Edition.objects.create(programme=programme, name="2026")
    now = timezone.now()
    call = RecruitmentCall.objects.create(edition=edition, title="Bench call",
                                          opens_at=now - timedelta(days=30),
                                          deadline=now + timedelta(days=1), is_published=True)
    questions = Question.objects.bulk_create([
        Question(call=call, position=i, kind=kind, label=label, options=options,
                 file_types=["pdf"] if kind == QuestionKind.FILE else [])
        for i, (kind, label, options) in enumerate(QUESTIONS)])
    criteria = Criterion.objects.bulk_create([
        Criterion(call=call, position=i, name=name, max_points=5)
        for i, name in enumerate(["Motivation", "Potential", "Partnership"])])
    password = make_password("bench-password")
    reviewers = User.objects.bulk_create([
        User(email=f"reviewer{i}@bench.example", password=password, role=Role.COORDINATOR)
        for i in range(3)])
    ProgrammeStaff.objects.bulk_create([ProgrammeStaff(programme=programme, user=user,
                                                       role="coordinator")
                                        for user in reviewers])
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Organizacja {i}", slug=f"{prefix}{i}", sector=SECTORS[i % 4][0],
                     kind=SECTORS[i % 4][1], municipality_id=gminas[i % len(gminas)],
                     search_text=f"organizacja {i}") for i in range(count)])
    applicants = User.objects.bulk_create([
        User(email=f"applicant{i}@bench.example", password=password) for i in range(count)])
    statuses = [Status.SUBMITTED, Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED,
                Status.REJECTED]
    answers = {str(q.pk): value for q, value in zip(questions, [
        "Anna Nowak", "We want to cooperate with the OPS and the school. " * 5, "culture",
        ["8 March", "12 April"], True, "1998-05-01", 3], strict=False)}
    applications = Application.objects.bulk_create([
        Application(call=call, applicant=applicants[i], organisation=organisations[i],
                    applicant_is_member=True, status=statuses[i % 5], answers=answers,
                    submitted_at=now - timedelta(minutes=i)) for i in range(count)])
    ApplicationFile.objects.bulk_create([
        ApplicationFile(application=a, question=questions[-1], file=f"bench/{a.pk}.pdf",
                        original_name="deklaracja.pdf", size=12345, file_type="pdf")
        for a in applications])
    reviews = []
    for index, application in enumerate(applications):
        for number, reviewer in enumerate(reviewers):
            points = [(index + number + c) % 6 for c in range(len(criteria))]
            scores = {str(c.pk): p for c, p in zip(criteria, points, strict=True)}
            reviews.append(Review(application=application, reviewer=reviewer, scores=scores,
                                  total=sum(points), comment="ok" if number else ""))
    Review.objects.bulk_create(reviews, batch_size=1000)
    return call, reviewers[0]


def measure(client: Client, label: str, url: str, repeat: int) -> None:
    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    print(f"{label:<44} {max(times):6.3f} s  {queries:3d} queries  ({len(response.content)} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call, reviewer = build(args.applications)
    print(f"database: {connection.vendor}; built {args.applications} applications, "
          f"{Review.objects.filter(application__call=call).count()} reviews in "
          f"{time.perf_counter() - started:.1f} s")
    logging.getLogger("axes").setLevel(logging.WARNING)
    client = Client(SERVER_NAME="localhost")
    client.force_login(reviewer)
    client.get(f"/recruitment/calls/{call.pk}/applications/")  # warm up: templates, caches
    powiat = Application.objects.filter(call=call).values_list(
        "organisation__municipality_id", flat=True).first()[:4]
    base = f"/recruitment/calls/{call.pk}/applications/"
    measure(client, "list, page 1 (25 of all)", base, args.repeat)
    measure(client, "list, last page", base + "?page=999", args.repeat)
    measure(client, "filter: status + sector + powiat + score", base +
            f"?status=submitted&sector=ngo&area={powiat}&score_min=5", args.repeat)
    measure(client, "filter: not yet reviewed by a reviewer", base +
            f"?reviewer={reviewer.pk}&reviewed=no", args.repeat)
    measure(client, "filter: organisation name", base + "?q=organizacja+12", args.repeat)
    measure(client, f"export XLSX (all {args.applications})", base + "export/", args.repeat)
    measure(client, "API, page 1 (50 with reviews)",
            f"/api/recruitment/calls/{call.pk}/applications", args.repeat)


if __name__ == "__main__":
    main()
