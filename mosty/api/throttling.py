"""How often the API may be called: per account (a token or a session) and, for callers
without either, per client address (as mosty.accounts.client_ip reads it behind PROXY_COUNT
proxies). Counted in the Django cache, so with Redis all app servers share the counts.

Rates come from settings.API_RATE_USER and settings.API_RATE_ANON ("600/min", "60/min";
empty: no limit).
"""
import threading
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from mosty.accounts.client_ip import client_ip
from mosty.core import ratelimit

PERIODS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60,
           "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int] | None:
    """"60/min" → (60, 60): requests and seconds; None for an empty rate (no limit)."""
    if not rate.strip():
        return None
    count, _slash, period = rate.strip().partition("/")
    if period not in PERIODS or not count.isdigit():
        raise ValueError(f"An API rate is written like 60/min, not {rate!r}")
    return int(count), PERIODS[period]


class ApiRateThrottle(BaseThrottle):
    """One counter per account, or per client address for anonymous callers."""

    def __init__(self) -> None:
        # One instance serves every request; the wait belongs to the request of this thread.
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        user: Any = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            scope, who, rate = "api-user", str(user.pk), settings.API_RATE_USER
        else:
            scope, who, rate = "api-anon", client_ip(request) or "", settings.API_RATE_ANON
        parsed = parse_rate(rate)
        wait = ratelimit.retry_after(scope, who, *parsed) if parsed else 0
        self._local.wait = wait
        return wait == 0

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None) or None
