"""Load test of a whole evening before a deadline: simulated people browse the directory and
the events, register for an event, apply to a call and keep the networking phone page open,
against two gunicorn servers behind nginx sharing PostgreSQL and Redis, then against one.

    .venv/bin/python bench/load.py [--users 200] [--seconds 120] [--workers 2]
        [--database postgres://postgres@127.0.0.1:5432/mosty_load]
        [--redis redis://127.0.0.1:6379/15] [--servers 2,1] [--keep-db]

It (re)creates the database, migrates it and loads: one organisation and one account per
user, signed up, e-mail confirmed and the current terms accepted through the same services a
real person's sign-up and confirmation link use (with a ready session in Redis, so no password
hashing is measured), an open event, an open call with one question and a live networking
session of all users. Then, for each number of servers in `--servers`, it starts that many
`gunicorn -c python:mosty.gunicorn_config -w WORKERS` on free loopback ports and nginx
(Debian's package; a config generated into a temporary folder, listening on 127.0.0.1:PORT
only) balancing over them, runs every user for `--seconds` and prints requests, errors and
p50/p95/p99 per page. Registrations and applications are removed between runs. Everything
stops by itself; the database is dropped at the end. Not part of the test suite.

It exits with status 1, saying why, when any request failed (a network error, an unexpected
status, a redirect to the login, terms or two-factor page) or when the registrations and
applications stored are not exactly those the servers answered as accepted (none at all
counts as a failure).

Each user: opens its phone page and polls `live.json` every 5 s with If-None-Match (as
live.js does); in between, every 4-12 s, opens the directory (a list, a search, an
organisation) or the events (the list, the event); once, at a random moment, registers for the
event, and once opens the call's form and submits an application.
"""
import argparse
import http.client
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from networking_load import drop_database, percentile, recreate_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SECRET = "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"
VAR_DIR = tempfile.mkdtemp(prefix="mosty-load-")
EVENT = "wieczor-partnerstw"
POLL_SECONDS = 5.0


def server_env(database: str, redis: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database, "REDIS_URL": redis, "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1", "DEBUG": "0", "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0", "LOG_LEVEL": "WARNING", "MOSTY_VAR_DIR": VAR_DIR,
            "DJANGO_SETTINGS_MODULE": "mosty.settings"}


class User:
    def __init__(self, session_key: str, organisation: str, phone_token: str) -> None:
        self.session_key = session_key
        self.organisation = organisation
        self.phone_token = phone_token


def prepare(database: str, redis: str, users: int) -> tuple[list[User], int, list[str]]:
    """Migrate and load the data; return the users, the call's id and organisation slugs."""
    os.environ.update(server_env(database, redis))
    import django

    django.setup()
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cache import SessionStore
    from django.core.management import call_command
    from django.utils import timezone

    from mosty.accounts import services as accounts
    from mosty.directory.models import Membership, Organisation
    from mosty.networking import optimiser, services
    from mosty.networking.models import NetworkingSession
    from mosty.privacy.services import has_current_terms
    from mosty.privacy.texts import Purpose
    from mosty.programmes.models import Edition, Event, Programme
    from mosty.recruitment.models import Question, QuestionKind, RecruitmentCall

    # Only this process hashes the sign-up passwords (the servers never check one: sessions
    # are made here); the default hasher would take minutes for 200 accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    settings.NETWORKING_OPTIMISE_INLINE = True
    settings.NETWORKING_OPTIMISER_SECONDS = 10
    organiser = Organisation.objects.create(name="Urząd Miasta Poznania", slug="um-poznan",
                                            sector="jst", kind="municipal_office",
                                            municipality_id="3064011")
    programme = Programme.objects.create(name="Razem", slug="razem", organiser=organiser)
    edition = Edition.objects.create(programme=programme, name="2026")
    now = timezone.now()
    event = Event.objects.create(programme=programme, title="Wieczór partnerstw", slug=EVENT,
                                 kind="networking", start=now + timedelta(days=7),
                                 end=now + timedelta(days=7, hours=3), capacity=users * 2,
                                 audience="all", place="Poznań, ul. Święty Marcin 80/82")
    call = RecruitmentCall.objects.create(edition=edition, title="Nabór 2026",
                                          opens_at=now - timedelta(days=1),
                                          deadline=now + timedelta(days=10), is_published=True)
    Question.objects.create(call=call, position=1, kind=QuestionKind.LONG_TEXT,
                            label="Dlaczego chcecie współpracować?", required=True)
    session = services.create_session(None, event, {  # type: ignore[arg-type]
        "title": "Speed networking", "rounds": 6, "table_size": 4, "minutes_per_round": 1,
        "changeover_seconds": 10, "cross_sector": True})
    sectors = ["ngo", "business", "jst", "public_institution"]
    kinds = {"ngo": "association", "business": "company", "jst": "municipal_office",
             "public_institution": "library"}
    people = []
    for index in range(users):
        sector = sectors[index % len(sectors)]
        organisation = Organisation.objects.create(
            name=f"Organizacja Żółta {index}", slug=f"organizacja-{index}", sector=sector,
            kind=kinds[sector], municipality_id="3064011",
            description=f"Opis {index}: szukamy partnerów do wspólnych działań kulturalnych.")
        # As a person does it: the sign-up form (accepting the current terms), then the
        # link from the confirmation e-mail.
        account = accounts.sign_up(accounts.SignUp(
            email=f"osoba{index}@example.org", password=secrets.token_urlsafe(16),
            full_name=f"Osoba Żółta {index}", language="pl", consents=(Purpose.TERMS,)))
        account = accounts.confirm_email(accounts.confirmation_token(account))
        if not (account.email_confirmed and has_current_terms(account)):
            raise SystemExit(f"{account.email}: not confirmed or without the current terms")
        account.set_unusable_password()
        account.save(update_fields=["password"])
        Membership.objects.create(user=account, organisation=organisation)
        participant = services.add_participant(None, session, {
            "name": f"Osoba Żółta {index}", "sector": sector if sector != "jst" else "ngo",
            "organisation_name": organisation.name, "about": "Szukamy partnerów.",
            "email": account.email, "share_contact": True})
        store = SessionStore()
        store[SESSION_KEY] = str(account.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = account.get_session_auth_hash()
        store.create()
        people.append(User(store.session_key or "", organisation.slug, participant.token))
    from mosty.directory.services import refresh_search_text

    for organisation in Organisation.objects.all():
        refresh_search_text(organisation)
    session.refresh_from_db()
    started = time.perf_counter()
    optimiser.start(session, None)
    print(f"optimiser: {time.perf_counter() - started:.1f} s")
    services.set_status(None, NetworkingSession.objects.get(pk=session.pk), "published")
    services.control_clock(None, NetworkingSession.objects.get(pk=session.pk), "start")
    slugs = list(Organisation.objects.values_list("slug", flat=True))
    return people, call.pk, slugs


def reset_between_runs() -> None:
    from mosty.events.models import Registration
    from mosty.recruitment.models import Application

    Registration.objects.all().delete()
    Application.objects.all().delete()


def wait_for(port: int, process: subprocess.Popen, what: str) -> None:
    deadline = time.time() + 60
    last = "no answer"
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped at start (exit {process.returncode})")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            if response.status == 200:
                return
            last = f"HTTP {response.status}: {response.read()[:200]!r}"
        except OSError as error:
            last = error.__class__.__name__
        time.sleep(0.3)
    raise SystemExit(f"{what} did not answer /healthz on port {port} within 60 s ({last})")


NGINX = """worker_processes 1;
{user}pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
daemon off;
events {{ worker_connections 2048; }}
http {{
  access_log off;
  server_tokens off;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  upstream mosty {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://mosty;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 60s;
    }}
  }}
}}
"""


def free_port() -> int:
    """A loopback port nothing listens on (the other jobs on the machine use theirs)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Servers:
    """`count` gunicorn servers and nginx in front of them, all on loopback."""

    def __init__(self, count: int, workers: int, port: int, database: str, redis: str) -> None:
        self.processes: list[subprocess.Popen] = []
        self.folder = tempfile.mkdtemp(prefix="mosty-nginx-")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        backends = []
        try:
            for _index in range(count):
                backend = free_port()
                process = subprocess.Popen(
                    [str(gunicorn), "-c", "python:mosty.gunicorn_config", "-w", str(workers),
                     "-b", f"127.0.0.1:{backend}", "--log-level", "warning"],
                    cwd=ROOT, env=server_env(database, redis))
                self.processes.append(process)
                wait_for(backend, process, "gunicorn")
                backends.append(backend)
            config = Path(self.folder) / "nginx.conf"
            config.write_text(NGINX.format(
                folder=self.folder, port=port,
                user="user root;\n" if os.geteuid() == 0 else "",
                servers="\n".join(f"    server 127.0.0.1:{b};" for b in backends)))
            nginx = shutil.which("nginx") or "/usr/sbin/nginx"
            process = subprocess.Popen([nginx, "-p", self.folder, "-c", str(config),
                                        "-e", f"{self.folder}/error.log"])
            self.processes.append(process)
            wait_for(port, process, "nginx")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {}
        self.errors: dict[str, list[str]] = {}
        # Form posts the servers answered as done, by page: what must be stored.
        self.accepted: dict[str, int] = {}

    def add(self, page: str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(page, []).append(seconds)

    def error(self, page: str, text: str) -> None:
        with self.lock:
            self.errors.setdefault(page, []).append(text)

    def accept(self, page: str) -> None:
        with self.lock:
            self.accepted[page] = self.accepted.get(page, 0) + 1


# Where a person who may not go on is sent: the login, the terms, e-mail confirmation,
# two-factor set-up. A redirect there is a failed request, whatever its status.
BOUNCED = ("/accounts/login/", "/privacy/", "/accounts/security/", "/accounts/confirm")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ETAG = re.compile(r'data-etag="([^"]+)"')
QUESTION = re.compile(r'name="(q_\d+)"')


class Browser:
    """One person's connection to nginx, with cookies; every request is timed by page."""

    def __init__(self, port: int, user: User, results: Results) -> None:
        self.port = port
        self.results = results
        self.cookies = {"sessionid": user.session_key}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, page: str, method: str, path: str, body: str | None = None,
                headers: dict[str, str] | None = None, ok: tuple[int, ...] = (200,)
                ) -> tuple[int, str, http.client.HTTPResponse | None]:
        sent = {"Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in
                                                         self.cookies.items()), **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=sent)
            response = self.connection.getresponse()
            text = response.read().decode(errors="replace")
        except (OSError, http.client.HTTPException) as error:
            self.results.error(page, error.__class__.__name__)
            self.connection.close()
            return 0, "", None
        self.results.add(page, time.perf_counter() - started)
        for cookie in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        location = urlsplit(response.getheader("Location") or "").path
        if response.status not in ok:
            self.results.error(page, f"HTTP {response.status}"
                               + (f" -> {location}" if location else ""))
        elif location.startswith(BOUNCED):
            self.results.error(page, f"HTTP {response.status} -> {location}")
        elif method == "POST":
            self.results.accept(page)
        return response.status, text, response


def simulate(port: int, user: User, call: int, slugs: list[str], start: float, until: float,
             results: Results) -> None:
    browser = Browser(port, user, results)
    time.sleep(random.uniform(0, max(0.0, start - time.time())))
    status, page, _response = browser.request("phone page", "GET",
                                              f"/networking/p/{user.phone_token}/")
    found = ETAG.search(page)
    etag = found.group(1).replace("&quot;", '"') if found else ""
    register_at = random.uniform(time.time(), until)
    apply_at = random.uniform(time.time(), until)
    next_poll = time.time() + random.uniform(0, POLL_SECONDS)
    next_browse = time.time() + random.uniform(0, 8)
    words = ["partner", "kultura", "Żółta", "senior", "biblioteka"]
    while True:
        now = time.time()
        if now >= until:
            break
        if now >= next_poll:
            next_poll = now + POLL_SECONDS
            status, _text, response = browser.request(
                "phone live.json", "GET", f"/networking/p/{user.phone_token}/live.json",
                headers={"Accept": "application/json", "If-None-Match": etag}, ok=(200, 304))
            if response is not None:
                etag = response.getheader("ETag") or etag
        elif now >= register_at:
            register_at = float("inf")
            _status, page, _response = browser.request("event", "GET",
                                                       f"/programmes/events/{EVENT}/")
            token = CSRF.search(page)
            browser.request("register (POST)", "POST", f"/events/{EVENT}/register/",
                            body=urlencode({"csrfmiddlewaretoken": token.group(1)
                                            if token else ""}), ok=(302,))
        elif now >= apply_at:
            apply_at = float("inf")
            _status, page, _response = browser.request("call form", "GET",
                                                       f"/recruitment/calls/{call}/apply/")
            token = CSRF.search(page)
            fields = {"csrfmiddlewaretoken": token.group(1) if token else "",
                      "organisation": user.organisation, "action": "submit"}
            for name in QUESTION.findall(page):
                fields[name] = "Chcemy razem prowadzić zajęcia dla seniorów w bibliotece."
            browser.request("apply (POST)", "POST", f"/recruitment/calls/{call}/apply/",
                            body=urlencode(fields), ok=(302,))
        elif now >= next_browse:
            next_browse = now + random.uniform(4, 12)
            choice = random.random()
            if choice < 0.3:
                browser.request("directory", "GET", "/directory/")
            elif choice < 0.5:
                browser.request("directory search", "GET",
                                "/directory/?" + urlencode({"q": random.choice(words)}))
            elif choice < 0.7:
                browser.request("organisation", "GET", f"/directory/{random.choice(slugs)}/")
            elif choice < 0.85:
                browser.request("events", "GET", "/programmes/events/")
            else:
                browser.request("event", "GET", f"/programmes/events/{EVENT}/")
        else:
            time.sleep(min(next_poll, next_browse, register_at, apply_at, until) - now)
    browser.connection.close()


def run(servers: Servers, count: int, workers: int, port: int, people: list[User], call: int,
        slugs: list[str], seconds: float) -> bool:
    results = Results()
    # Users arrive over the first 10 s; everything they do counts.
    start = time.time() + 10
    until = time.time() + seconds
    threads = [threading.Thread(target=simulate, daemon=True, args=(
        port, user, call, slugs, start, until, results)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, until - time.time()) + 40)
    total = sum(len(v) for v in results.latencies.values())
    errors = sum(len(v) for v in results.errors.values())
    print(f"\n{len(people)} users for {seconds:g} s: nginx -> {count} x gunicorn -w {workers}, "
          f"PostgreSQL, Redis")
    print(f"requests: {total} ({total / seconds:.1f}/s), errors: {errors}")
    print(f"{'page':<18} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8}")
    for page in sorted(results.latencies):
        values = results.latencies[page]
        wrong = results.errors.get(page, [])
        print(f"{page:<18} {len(values):>8} {len(wrong):>6} "
              f"{1000 * percentile(values, .5):>8.0f} {1000 * percentile(values, .95):>8.0f} "
              f"{1000 * percentile(values, .99):>8.0f}"
              + (f"  {sorted(set(wrong))[:3]}" if wrong else ""))
    from mosty.events.models import Registration
    from mosty.recruitment.models import Application

    registrations = Registration.objects.count()
    applications = Application.objects.exclude(submitted_at=None).count()
    print(f"stored: {registrations} registrations, {applications} submitted applications")
    failures = []
    if errors:
        failures.append(f"{errors} requests failed")
    for what, stored, page in (("registrations", registrations, "register (POST)"),
                               ("applications", applications, "apply (POST)")):
        accepted = results.accepted.get(page, 0)
        if stored == 0:
            failures.append(f"no {what} stored")
        elif stored != accepted:
            failures.append(f"{stored} {what} stored, but {accepted} were accepted")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return not failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/mosty_load")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--servers", default="2,1", help="numbers of servers to run, in order")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    for url in (args.database, args.redis):
        if "127.0.0.1" not in url and "localhost" not in url:
            raise SystemExit(f"{url}: the bench runs on loopback only")
    recreate_database(args.database)
    clean = True
    try:
        people, call, slugs = prepare(args.database, args.redis, args.users)
        for count in (int(n) for n in args.servers.split(",")):
            servers = Servers(count, args.workers, args.port, args.database, args.redis)
            try:
                clean = run(servers, count, args.workers, args.port, people, call, slugs,
                            args.seconds) and clean
            finally:
                servers.stop()
            reset_between_runs()
    finally:
        if not args.keep_db:
            from django.db import connections

            connections.close_all()
            drop_database(args.database)
        shutil.rmtree(VAR_DIR, ignore_errors=True)
    if not clean:
        raise SystemExit("bench/load.py FAILED: see the lines above")


if __name__ == "__main__":
    main()
