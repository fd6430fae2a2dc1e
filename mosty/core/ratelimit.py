"""Counting requests in a time window through the cache (shared by all servers with Redis)."""
import hashlib

from django.core.cache import cache


def allow(scope: str, who: str, limit: int, window_seconds: int) -> bool:
    """Count one more request of `who` in `scope`; False once more than `limit` came within
    the window (which starts with the first of them)."""
    key = "ratelimit:" + scope + ":" + hashlib.sha256(who.encode()).hexdigest()
    if cache.add(key, 1, window_seconds):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window_seconds)
        count = 1
    return count <= limit
