"""No answer names the server software: a real gunicorn started with Mosty's configuration
sends no `Server:` header, and nginx with the documented `server_tokens off` names no
version."""
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

GUNICORN = Path(sys.executable).with_name("gunicorn")
DOCUMENTED_NGINX = Path(settings.BASE_DIR).parent / "docs" / "nginx.conf"


def _get(port: int, path: str = "/healthz") -> http.client.HTTPResponse:
    """The answer of 127.0.0.1:port, waiting up to 30 s for the server to start."""
    deadline = time.monotonic() + 30
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            return response
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _listening_socket() -> socket.socket:
    """A loopback socket on a free port, handed to the server (no race for the port)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.set_inheritable(True)
    return listener


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory) -> Iterator[int]:
    """`gunicorn -c python:mosty.gunicorn_config` in production mode, one for the module's
    tests (it takes seconds to start); yields its port."""
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    listener = _listening_socket()
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "server-header-test-key-0123456789abcdefghij",
           "ALLOWED_HOSTS": "127.0.0.1", "MOSTY_VAR_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "SECURE_SSL_REDIRECT": "0",
           "DJANGO_SETTINGS_MODULE": "mosty.settings", "GUNICORN_CMD_ARGS": ""}
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "python:mosty.gunicorn_config", "--workers", "1",
         "--bind", f"fd://{listener.fileno()}", "--log-level", "warning"],
        env=env, pass_fds=[listener.fileno()], cwd=tmp_path, start_new_session=True)
    try:
        yield listener.getsockname()[1]
    finally:
        # Gunicorn and its worker at once: a graceful stop takes seconds and proves nothing here.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        listener.close()


def test_gunicorn_with_our_configuration_sends_no_server_header(gunicorn):
    response = _get(gunicorn)
    # The app answered (its database is not migrated, so /healthz says 503).
    assert response.status in (200, 503)
    assert response.getheader("Date")
    assert response.getheader("Server") is None


def test_the_documented_nginx_configuration_hides_the_version():
    text = DOCUMENTED_NGINX.read_text(encoding="utf-8")
    assert "\nserver_tokens off;" in text
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text


def test_nginx_with_server_tokens_off_names_no_version(gunicorn, tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.skip("nginx is not installed (Debian: apt-get install nginx-light)")
    listener = _listening_socket()
    port = listener.getsockname()[1]
    listener.close()  # nginx binds by itself; the port was free a moment ago
    temp = "\n".join(f"  {kind}_temp_path {tmp_path}/{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log warn;\ndaemon off;\n"
        + ("user root;\n" if os.geteuid() == 0 else "")
        + "worker_processes 1;\nevents { worker_connections 64; }\n"
        f"http {{\n  access_log off;\n{temp}\n  server_tokens off;\n"
        f"  server {{\n    listen 127.0.0.1:{port};\n"
        f"    location / {{ proxy_pass http://127.0.0.1:{gunicorn}; }}\n  }}\n}}\n")
    process = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(config),
                                "-e", f"{tmp_path}/error.log"])
    try:
        proxied = _get(port)
        assert proxied.status in (200, 503)
        assert proxied.getheader("Server") == "nginx"
        # nginx's own error page (no upstream involved) names no version either.
        refused = _get(port, "/" + "x" * 9000)
        assert refused.getheader("Server") == "nginx"
    finally:
        _stop(process)
