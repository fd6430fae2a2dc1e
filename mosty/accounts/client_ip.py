"""The address a request came from, behind the proxies the instance says it has."""
import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or with PROXY_COUNT proxies in front, the address
    the outermost of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For (nginx:
    `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`), so the client is the
    PROXY_COUNT-th entry from the right. Entries further left come from the client and may be
    forged; they are never used.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    proxies: int = getattr(settings, "PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                 if part.strip()]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
