"""Load test of the networking phone page: 100 phones polling a live session on gunicorn +
PostgreSQL, as during the evening.

    .venv/bin/python bench/networking_load.py [--phones 100] [--seconds 60] [--interval 5]
        [--database postgres://postgres@127.0.0.1:5432/mosty_nw_bench] [--port 8799]
        [--workers 4] [--keep-db] [--mode rotation|requested]

With `--mode requested` the session runs requested one-to-one meetings (2 tables per 5
people, 6 slots of 1 minute): every person has asked up to 3 others (half of them accepted,
the rest waiting), the meetings are placed and the clock runs; every phone polls
`live.json` and, every third time, reloads its whole phone page (requests, messages,
agreed meetings); the page loads are reported on their own line ("page").

It (re)creates the database, migrates it, creates a session of `--phones` people (tables
of 4, 6 rounds of 1 minute so that rounds change during the test) seated by the real
optimiser, starts the evening, then starts `gunicorn mosty.wsgi` and lets every phone poll
its `live.json` every `--interval` seconds with If-None-Match, as the page's script does.
Prints the number of requests, 200/304 counts, errors and latency percentiles, then stops
gunicorn and drops the database. Only loopback connections are made.
"""
import argparse
import gzip
import http.client
import json
import os
import random
import statistics
import subprocess
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SECRET = "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


VAR_DIR = tempfile.mkdtemp(prefix="mosty-nw-bench-")


def server_env(database: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database, "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1", "DEBUG": "0", "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0", "LOG_LEVEL": "WARNING", "MOSTY_VAR_DIR": VAR_DIR}


def prepare_requested(session: object, phones: int) -> None:
    """Requests between the people (each asks up to 3), half accepted, then placed."""
    from mosty.networking import meeting_services as ms

    people = list(session.participants.order_by("id"))  # type: ignore[attr-defined]
    rng = random.Random(7)
    for index, sender in enumerate(people):
        for receiver in rng.sample(people, 4)[:3]:
            if receiver.pk == sender.pk:
                continue
            try:
                request = ms.send_request(None, sender, receiver, ms.RequestData(
                    f"Porozmawiajmy o współpracy ({index})"))
                if request.state == "pending" and rng.random() < 0.5:
                    ms.answer_request(None, receiver, request.pk, True)
            except ms.NetworkingError:
                continue
    started = time.perf_counter()
    plan = ms.schedule_meetings(None, session, time_limit=5.0)  # type: ignore[arg-type]
    print(f"meetings: {plan.count} placed, {len(plan.unplaced)} not placed ({plan.solver}) "
          f"in {time.perf_counter() - started:.1f} s")


def prepare(database: str, phones: int, mode: str = "rotation") -> list[str]:
    """Migrate, create a running session of `phones` people; return their tokens."""
    os.environ.update(server_env(database))
    os.environ["DJANGO_SETTINGS_MODULE"] = "mosty.settings"
    import django

    django.setup()
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from django.core.management import call_command

    from mosty.directory.models import Organisation
    from mosty.networking import optimiser, services
    from mosty.networking.models import NetworkingSession
    from mosty.programmes.models import Event, Programme

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    settings.NETWORKING_OPTIMISE_INLINE = True
    organiser = Organisation.objects.create(name="Urząd Miasta Poznania", slug="um-poznan",
                                            sector="jst", kind="municipal_office")
    programme = Programme.objects.create(name="Bench", slug="bench", organiser=organiser)
    start = datetime(2019, 12, 12, 17, tzinfo=ZoneInfo("Europe/Warsaw"))
    event = Event.objects.create(programme=programme, title="Speed dating", slug="bench",
                                 kind="networking", start=start, end=start.replace(hour=20))
    requested = mode == "requested"
    session = services.create_session(None, event, {  # type: ignore[arg-type]
        "title": "Speed dating", "rounds": 6, "table_size": 2 if requested else 4,
        "minutes_per_round": 1, "changeover_seconds": 10, "cross_sector": True,
        "kind": mode, "tables": max(1, phones * 2 // 5) if requested else None,
        "request_cap": 3, "wishes_open": True})
    for index in range(phones):
        sector = "business" if index % 2 else "ngo"
        services.add_participant(None, session, {
            "name": f"Osoba Żółta {index}", "sector": sector,
            "organisation_name": f"{sector} {index // 4}", "about": "Szukamy partnerów.",
            "email": f"osoba{index}@example.org", "share_contact": True})
    session.refresh_from_db()
    started = time.perf_counter()
    if requested:
        prepare_requested(session, phones)
    else:
        optimiser.start(session, None)
    session.refresh_from_db()
    print(f"optimiser: {time.perf_counter() - started:.1f} s, {session.stats}")
    services.set_status(None, session, "published")  # type: ignore[arg-type]
    services.control_clock(None, NetworkingSession.objects.get(pk=session.pk), "start")
    return list(session.participants.values_list("token", flat=True))


def start_server(database: str, port: int, workers: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "mosty.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"], cwd=ROOT, env=server_env(database))
    deadline = time.time() + 90  # a busy 2-core machine imports slowly
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 90 s")


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[int | str, list[float]] = {}
        self.sizes: dict[int | str, list[int]] = {}
        self.errors: list[str] = []

    def add(self, status: int | str, seconds: float, size: int) -> None:
        with self.lock:
            self.latencies.setdefault(status, []).append(seconds)
            self.sizes.setdefault(status, []).append(size)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


ETAG = re.compile(r'data-etag="([^"]+)"')


def phone(port: int, token: str, start: float, until: float, interval: float,
          results: Results, pages_every: int = 0) -> None:
    """One phone: opens its page at a random moment of the warm-up (not measured), then
    behaves like live.js: polls every `interval` s with If-None-Match, and soon after its
    countdown reaches zero. Polls from `start` to `until` are measured."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": "127.0.0.1"}
    time.sleep(random.uniform(0, max(0.0, start - time.time() - interval)))
    try:
        connection.request("GET", f"/networking/p/{token}/", headers=headers)
        page = connection.getresponse().read().decode()
        etag = ETAG.search(page).group(1).replace("&quot;", '"')  # type: ignore[union-attr]
    except (OSError, http.client.HTTPException, AttributeError) as error:
        results.error(f"page: {error.__class__.__name__}")
        return
    next_at = start + random.uniform(0, interval)
    path = f"/networking/p/{token}/live.json"
    polls = random.randrange(pages_every or 1)
    while True:
        time.sleep(max(0.0, next_at - time.time()))
        if time.time() >= until:
            break
        sent_at = time.time()
        next_at = sent_at + interval
        polls += 1
        if pages_every and polls % pages_every == 0:
            # A reload of the whole page (requests and agreed meetings), measured apart.
            started = time.perf_counter()
            try:
                connection.request("GET", f"/networking/p/{token}/", headers=headers)
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                results.error(f"page: {error.__class__.__name__}")
                connection.close()
                continue
            if response.status != 200:
                results.error(f"page: HTTP {response.status}")
            elif sent_at >= start:
                results.add("page", time.perf_counter() - started, len(body))
            continue
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={**headers, "Accept": "application/json",
                                                     "Accept-Encoding": "gzip",
                                                     "If-None-Match": etag})
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            results.error(error.__class__.__name__)
            connection.close()
            continue
        elapsed = time.perf_counter() - started
        if response.status not in (200, 304):
            results.error(f"HTTP {response.status}")
            continue
        if sent_at >= start:
            results.add(response.status, elapsed, len(body))
        etag = response.getheader("ETag") or etag
        if response.status == 200:
            data = json.loads(gzip.decompress(body) if response.getheader(
                "Content-Encoding") == "gzip" else body)
            clock = data["clock"]
            if clock["remaining"] and not clock["paused"]:
                due = time.time() + clock["remaining"] + random.uniform(0.3, 2.3)
                next_at = min(next_at, due)
    connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=float, default=5)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/mosty_nw_bench")
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--mode", choices=["rotation", "requested"], default="rotation")
    args = parser.parse_args()
    if not urlsplit(args.database).scheme.startswith("postgres"):
        raise SystemExit("--database must be a postgres:// URL")
    recreate_database(args.database)
    tokens = prepare(args.database, args.phones, args.mode)
    server = start_server(args.database, args.port, args.workers)
    results = Results()
    try:
        # People open their links over a warm-up of 3 intervals, then everything counts.
        start = time.time() + 3 * args.interval
        until = start + args.seconds
        threads = [threading.Thread(target=phone, daemon=True, args=(
            args.port, token, start, until, args.interval, results,
            3 if args.mode == "requested" else 0)) for token in tokens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(until - time.time() + 30)
        wall = args.seconds
    finally:
        server.terminate()
        server.wait(15)
        if not args.keep_db:
            drop_database(args.database)
        shutil.rmtree(VAR_DIR, ignore_errors=True)
    everything = [s for values in results.latencies.values() for s in values]
    count = len(everything) + len(results.errors)
    print(f"{args.phones} phones ({args.mode}) polling every {args.interval:g} s for "
          f"{args.seconds:g} s on gunicorn -w {args.workers} + PostgreSQL")
    print(f"requests: {count} ({count / wall:.1f}/s), 200: {len(results.latencies.get(200, []))}, "
          f"304: {len(results.latencies.get(304, []))}, errors: {len(results.errors)} "
          f"{sorted(set(results.errors))[:5]}")
    if everything:
        def ms(values: list[float], share: float) -> str:
            return f"{1000 * percentile(values, share):.1f}"

        print(f"latency ms: p50 {ms(everything, .5)}  p95 {ms(everything, .95)}  "
              f"p99 {ms(everything, .99)}  max {1000 * max(everything):.1f}  "
              f"mean {1000 * statistics.mean(everything):.1f}")
        for status in (200, 304, "page"):
            values = results.latencies.get(status, [])
            if values:
                size = statistics.mean(results.sizes[status])
                print(f"  {status}: p50 {ms(values, .5)}  p95 {ms(values, .95)}  "
                      f"p99 {ms(values, .99)}  body {size:.0f} bytes on average")
    sys.exit(1 if results.errors or not everything else 0)


if __name__ == "__main__":
    main()
