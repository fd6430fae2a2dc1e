"""20 people from 20 organisations submit their application to one call at the same moment,
against a real SQLite file with the production database options, each in a thread of its own
through the web form (issue 13, finding 5: such posts used to fail with "database is locked").

Run by test_parallel_applications.py in a process of its own (the test suite's database is an
in-memory one, which locks differently): `python -m mosty.recruitment.tests.parallel_applications
DB_FILE`. Prints one JSON object: the HTTP statuses, errors and applications by status.
"""
import json
import os
import sys
import threading
from collections import Counter
from datetime import timedelta


def main(database_file: str, people: int = 20) -> dict[str, object]:
    os.environ["DATABASE_URL"] = f"sqlite:///{database_file}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mosty.test_settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from mosty.directory.tests.factories import (
        MembershipFactory, OrganisationFactory, UserFactory)
    from mosty.programmes.models import Edition, Programme
    from mosty.recruitment.choices import QuestionKind
    from mosty.recruitment.models import Question, RecruitmentCall

    call_command("migrate", verbosity=0)
    programme = Programme.objects.create(name="Próba obciążenia", slug="proba",
                                         organiser=OrganisationFactory())
    edition = Edition.objects.create(programme=programme, name="2026",
                                     start_date=timezone.localdate())
    now = timezone.now()
    call = RecruitmentCall.objects.create(edition=edition, title="Nabór", is_published=True,
                                          opens_at=now - timedelta(days=1),
                                          deadline=now + timedelta(days=1))
    question = Question.objects.create(call=call, position=1, kind=QuestionKind.LONG_TEXT,
                                       label="Motywacja", required=True)
    posts = []
    for number in range(people):
        user = UserFactory.create()
        organisation = OrganisationFactory.create()
        MembershipFactory.create(user=user, organisation=organisation)
        client = Client(raise_request_exception=False)
        client.force_login(user)
        posts.append((client, {"organisation": organisation.slug, "action": "submit",
                               f"q_{question.pk}": f"Chcemy współpracować ({number})."}))
    connection.close()
    url = reverse("recruitment:apply", args=[call.pk])
    barrier = threading.Barrier(people)
    statuses: list[int] = []
    errors: list[str] = []

    def post(client: Client, data: dict[str, str]) -> None:
        barrier.wait()
        try:
            statuses.append(client.post(url, data).status_code)
        except Exception as error:  # noqa: BLE001 - every failure is the result being measured
            errors.append(repr(error))
        finally:
            from django.db import connections

            connections.close_all()

    threads = [threading.Thread(target=post, args=pair) for pair in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    by_status = Counter(call.applications.values_list("status", flat=True))
    return {"statuses": sorted(statuses), "errors": errors, "by_status": dict(by_status)}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
