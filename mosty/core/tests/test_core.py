import json
import os
import subprocess
import sys

import pytest
from django.urls import reverse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))


def run_mosty(args: list[str], **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG",
                                "DJANGO_ALLOW_ASYNC_UNSAFE")}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "mosty", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.django_db
def test_healthz_reports_reachable_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path):
    # A real server process whose PostgreSQL address refuses connections.
    script = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE']='mosty.settings'; "
              "django.setup(); from django.test import Client; "
              "r = Client().get('/healthz', HTTP_HOST='localhost', secure=True); "
              "print(r.status_code, r.content.decode())")
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment.update(DATABASE_URL="postgres://postgres@127.0.0.1:9/none", DEBUG="1",
                       MOSTY_VAR_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=60)
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body)["database"] == "unreachable"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_read_only(client):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PRAGMA query_only is SQLite's read-only switch")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    try:
        response = client.get("/healthz")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    assert response.status_code == 503
    assert response.json()["database"] == "read-only"
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_over_plain_http_is_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.parametrize("security_contact", ["", "security@mosty.example.org"])
def test_deploy_check_is_clean_with_production_settings(tmp_path, security_contact):
    """DEBUG unset (production), with and without a security.txt contact."""
    result = run_mosty(["check", "--deploy", "--fail-level", "WARNING"],
                       SECRET_KEY="x" * 20 + "production-secret-key-with-enough-entropy-3f9a",
                       ALLOWED_HOSTS="mosty.example.org", MOSTY_VAR_DIR=str(tmp_path),
                       SECURITY_CONTACT=security_contact)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    result = run_mosty(["check"], MOSTY_VAR_DIR=str(tmp_path), SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_font_size_and_contrast_switches_are_remembered(client):
    response = client.post(reverse("core:set_display"),
                           {"font": "larger", "next": "/directory/"})
    assert response.status_code == 302
    assert response["Location"] == "/directory/"
    client.post(reverse("core:set_display"), {"contrast": "high", "next": "/"})
    page = client.get("/").content.decode()
    assert 'class="font-larger contrast-high"' in page


@pytest.mark.django_db
def test_display_switch_never_redirects_to_another_site(client):
    response = client.post(reverse("core:set_display"),
                           {"font": "large", "next": "https://evil.example.com/"})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_pages_are_polish_by_default_and_english_on_request(client):
    page = client.get("/").content.decode()
    assert 'lang="pl"' in page
    assert "Organizacje" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page
    assert "Organisations" in page


@pytest.mark.django_db
def test_the_language_switch_is_remembered_on_the_account_for_e_mails(client, member):
    client.force_login(member)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "en"
    assert client.post(reverse("set_language"), {"language": "xx", "next": "/"}).status_code == 302
    member.refresh_from_db()
    assert member.language == "en"


def test_the_demo_refuses_to_run_on_production_settings(tmp_path):
    result = run_mosty(["demo"], SECRET_KEY="x" * 50, ALLOWED_HOSTS="mosty.example.org",
                       MOSTY_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "public password" in result.stderr
    assert "Demo data loaded" not in result.stdout
