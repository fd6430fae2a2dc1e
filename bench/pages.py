"""Server time per page, without nginx: the pages of bench/load.py through Django's test
client against a bench database, in production settings (DEBUG off, cached templates,
Redis cache and sessions).

    .venv/bin/python bench/pages.py [--users 200] [--runs 30]
        [--database postgres://postgres@127.0.0.1:5432/mosty_pages]
        [--redis redis://127.0.0.1:6379/14] [--keep-db] [--reuse-db]
        [--only PAGE] [--profile PAGE]

It builds the same data as bench/load.py (`--users` organisations, accounts, a live
networking session of all of them, an open event and call), then requests every page
`--runs` times (after one warm-up request) as a rotating set of signed-in people and prints
the medians of the CPU time this process spent (the server's work, steadier than the wall
time on a busy machine) and of the wall time, and the number of SQL queries of one request.
Form posts are undone after each run (the registration, the application), so every run does
the same work. `--profile PAGE` also prints the cProfile (CPU time) of that page's runs,
`--sql` every page's queries. Only loopback connections;
the database is dropped at the end unless `--keep-db` (then `--reuse-db` skips the loading).
Not part of the test suite.
"""
import argparse
import cProfile
import io
import os
import pstats
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from networking_load import drop_database, recreate_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@dataclass
class Person:
    session_key: str
    organisation: str
    phone_token: str


@dataclass
class Page:
    name: str
    method: str
    path: Callable[[Person], str]
    data: Callable[[Person], dict[str, str]] | None = None
    headers: Callable[[Person], dict[str, str]] | None = None
    expect: tuple[int, ...] = (200,)
    before: Callable[[Any, Person], None] | None = None  # untimed, before each request
    undo: Callable[[Person], None] | None = None


def people_from_database() -> list[Person]:
    """A ready session for every account of the bench, as a login leaves it (no password
    is checked)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cache import SessionStore

    from mosty.accounts.middleware import LOGIN_AT, NONE, SEEN_AT, TWO_FACTOR
    from mosty.directory.models import Membership
    from mosty.networking.models import Participant

    tokens = dict(Participant.objects.values_list("email", "token"))
    people = []
    for membership in Membership.objects.select_related("user", "organisation").order_by("pk"):
        account = membership.user
        store = SessionStore()
        store[SESSION_KEY] = str(account.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = account.get_session_auth_hash()
        store[LOGIN_AT] = store[SEEN_AT] = int(time.time())
        store[TWO_FACTOR] = NONE
        store.create()
        people.append(Person(store.session_key or "", membership.organisation.slug,
                             tokens[account.email]))
    return people


def pages(call: int, questions: list[str]) -> list[Page]:
    from load import EVENT

    from mosty.events.models import Registration
    from mosty.recruitment.models import Application

    def unregister(person: Person) -> None:
        Registration.objects.filter(event__slug=EVENT).delete()

    def unapply(person: Person) -> None:
        Application.objects.all().delete()

    etags: dict[str, str] = {}

    def current_etag(client: Any, person: Person) -> None:
        # The live state moves with the clock (rounds of one minute): ask just before.
        etags[person.phone_token] = client.get(
            f"/networking/p/{person.phone_token}/live.json",
            HTTP_ACCEPT="application/json")["ETag"]

    answer = "Chcemy razem prowadzić zajęcia dla seniorów w bibliotece."
    return [
        Page("directory", "GET", lambda p: "/directory/"),
        Page("directory search", "GET", lambda p: "/directory/?q=kultura"),
        Page("organisation", "GET", lambda p: f"/directory/{p.organisation}/"),
        Page("events", "GET", lambda p: "/programmes/events/"),
        Page("event", "GET", lambda p: f"/programmes/events/{EVENT}/"),
        Page("register (POST)", "POST", lambda p: f"/events/{EVENT}/register/",
             data=lambda p: {}, expect=(302,), undo=unregister),
        Page("call form", "GET", lambda p: f"/recruitment/calls/{call}/apply/"),
        Page("apply (POST)", "POST", lambda p: f"/recruitment/calls/{call}/apply/",
             data=lambda p: {"organisation": p.organisation, "action": "submit",
                             **{name: answer for name in questions}},
             expect=(302,), undo=unapply),
        Page("phone page", "GET", lambda p: f"/networking/p/{p.phone_token}/"),
        Page("phone live.json", "GET", lambda p: f"/networking/p/{p.phone_token}/live.json",
             headers=lambda p: {"HTTP_ACCEPT": "application/json"}),
        Page("phone live.json 304", "GET",
             lambda p: f"/networking/p/{p.phone_token}/live.json",
             headers=lambda p: {"HTTP_ACCEPT": "application/json",
                                "HTTP_IF_NONE_MATCH": etags[p.phone_token]},
             expect=(304,), before=current_etag),
    ]


def request(client: Any, page: Page, person: Person) -> Any:
    client.cookies["sessionid"] = person.session_key
    path = page.path(person)
    headers = page.headers(person) if page.headers else {}
    if page.method == "POST":
        response = client.post(path, page.data(person) if page.data else {}, **headers)
    else:
        response = client.get(path, **headers)
    if response.status_code not in page.expect:
        raise SystemExit(f"{page.name}: HTTP {response.status_code} "
                         f"{response.get('Location', '')} for {path}")
    location = response.get("Location", "")
    if location.startswith(("/accounts/login/", "/privacy/", "/accounts/security/")):
        raise SystemExit(f"{page.name}: sent to {location}")
    return response


def measure(client: Any, page: Page, people: list[Person], runs: int,
            profile: cProfile.Profile | None, sql: bool) -> tuple[list[float], list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if page.before:
        page.before(client, people[0])
    connection.queries_log.clear()  # each request clears it (request_started)
    with CaptureQueriesContext(connection) as queries:  # warm-up, and the query count
        request(client, page, people[0])
    count = len(queries)  # read now: the next request clears the connection's log
    for query in queries if sql else []:
        print("   ", query["sql"][:300])
    if page.undo:
        page.undo(people[0])
    times, cpu = [], []
    for run in range(runs):
        person = people[(run + 1) % len(people)]
        if page.before:
            page.before(client, person)
        if profile:
            profile.enable()
        started, started_cpu = time.perf_counter(), time.thread_time()
        request(client, page, person)
        times.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
        if profile:
            profile.disable()
        if page.undo:
            page.undo(person)
    return times, cpu, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/mosty_pages")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--reuse-db", action="store_true", help="use the data a --keep-db run left")
    parser.add_argument("--only", action="append", help="measure only this page (repeatable)")
    parser.add_argument("--profile", help="print the cProfile of this page")
    parser.add_argument("--callers", action="append",
                        help="with --profile: who calls functions matching this")
    parser.add_argument("--sql", action="store_true", help="print each page's queries")
    args = parser.parse_args()
    for url in (args.database, args.redis):
        if "127.0.0.1" not in url and "localhost" not in url:
            raise SystemExit(f"{url}: the bench runs on loopback only")
    import load

    os.environ.update(load.server_env(args.database, args.redis))
    if not args.reuse_db:
        recreate_database(args.database)
    try:
        if args.reuse_db:
            import django

            django.setup()
            from django.core.management import call_command

            call_command("collectstatic", interactive=False, verbosity=0)
        else:
            load.prepare(args.database, args.redis, args.users)
        run(args)
    finally:
        if not args.keep_db:
            from django.db import connections

            connections.close_all()
            drop_database(args.database)
        shutil.rmtree(load.VAR_DIR, ignore_errors=True)


def run(args: argparse.Namespace) -> None:
    import re

    from django.contrib.sessions.backends.cache import SessionStore
    from django.test import Client

    from mosty.recruitment.models import RecruitmentCall

    people = people_from_database()
    try:
        client = Client(HTTP_HOST="127.0.0.1")
        call = RecruitmentCall.objects.get()
        client.cookies["sessionid"] = people[0].session_key
        form = client.get(f"/recruitment/calls/{call.pk}/apply/").content.decode()
        questions = re.findall(r'name="(q_\d+)"', form)
        print(f"{len(people)} people, {args.runs} runs per page: medians of the CPU time of this "
              f"process and of the wall time (which includes PostgreSQL and Redis)")
        print(f"{'page':<20} {'CPU ms':>8} {'wall ms':>8} {'queries':>8}")
        for page in pages(call.pk, questions):
            if args.only and page.name not in args.only:
                continue
            profile = cProfile.Profile(time.thread_time) if args.profile == page.name else None
            times, cpu, queries = measure(client, page, people, args.runs, profile, args.sql)
            print(f"{page.name:<20} {1000 * statistics.median(cpu):>8.1f} "
                  f"{1000 * statistics.median(times):>8.1f} {queries:>8}")
            if profile:
                out = io.StringIO()
                stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
                stats.print_stats(45)
                stats.sort_stats("tottime").print_stats(25)
                for name in args.callers or []:
                    stats.print_callers(name)
                print(out.getvalue())
    finally:  # the bench's sessions leave Redis with it
        for person in people:
            SessionStore(person.session_key).delete()


if __name__ == "__main__":
    main()
