"""20 people register at the same moment for the last seat of an event, against a real SQLite
file with the production database options, each in a thread of its own through the web page.

Run by test_parallel_registrations.py in a process of its own (the test suite's database is an
in-memory one, which locks differently): `python -m mosty.events.tests.parallel_registrations
DB_FILE`. Prints one JSON object: the HTTP statuses, errors and registrations by status.
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

    from mosty.directory.tests.factories import OrganisationFactory, UserFactory
    from mosty.events.models import RegistrationStatus
    from mosty.programmes.models import Event, Programme

    call_command("migrate", verbosity=0)
    programme = Programme.objects.create(name="Próba obciążenia", slug="proba",
                                         organiser=OrganisationFactory())
    start = timezone.now() + timedelta(days=7)
    event = Event.objects.create(programme=programme, slug="ostatnie-miejsce", title="Warsztat",
                                 kind="workshop", start=start, end=start + timedelta(hours=2),
                                 place="Biblioteka", capacity=1, audience="all")
    clients = []
    for _ in range(people):
        client = Client(raise_request_exception=False)
        client.force_login(UserFactory.create())
        clients.append(client)
    connection.close()
    url = reverse("events:register", args=[event.slug])
    barrier = threading.Barrier(people)
    statuses: list[int] = []
    errors: list[str] = []

    def post(client: Client) -> None:
        barrier.wait()
        try:
            statuses.append(client.post(url).status_code)
        except Exception as error:  # noqa: BLE001 - every failure is the result being measured
            errors.append(repr(error))
        finally:
            from django.db import connections

            connections.close_all()

    threads = [threading.Thread(target=post, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    by_status = Counter(event.registrations.values_list("status", flat=True))
    return {"statuses": sorted(statuses), "errors": errors,
            "confirmed": by_status[RegistrationStatus.CONFIRMED],
            "waitlisted": by_status[RegistrationStatus.WAITLISTED],
            "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
