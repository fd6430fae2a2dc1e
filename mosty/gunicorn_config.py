"""Gunicorn settings for Mosty: `gunicorn -c python:mosty.gunicorn_config mosty.wsgi`.

Everything here may be overridden on the command line (`--workers 8 --bind 127.0.0.1:9000`)
or in `GUNICORN_CMD_ARGS`.

The `Server:` header. Since 20.1 gunicorn sends `Server: gunicorn` without its version; it has
no setting to leave the header out (benoitc/gunicorn#825: the maintainers expect a proxy in
front to replace it, as nginx does). Behind the documented nginx (`server_tokens off`) the
client sees `Server: nginx`; this file also keeps the header out of gunicorn's own answers,
which a load balancer or anyone on the internal network reaches directly. It does so by
dropping the line from the headers gunicorn writes for every HTTP/1 response (its
`Response.default_headers`), so it does not depend on import order as reassigning
`gunicorn.SERVER` does. `mosty/core/tests/test_server_header.py` starts a real gunicorn with
this file and fails if the header comes back after a gunicorn upgrade.
"""
from typing import Any

from gunicorn.http import wsgi as _gunicorn_wsgi

wsgi_app = "mosty.wsgi"
bind = ["127.0.0.1:8000"]
workers = 4
# The directory import and other long jobs run in the task queue; no page needs more.
timeout = 30


_default_headers = _gunicorn_wsgi.Response.default_headers


def _headers_without_server(self: Any) -> list[str]:
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


# Once per process (an imported module runs once; the guard is for an explicit reload).
if _default_headers.__name__ != _headers_without_server.__name__:
    _gunicorn_wsgi.Response.default_headers = _headers_without_server
