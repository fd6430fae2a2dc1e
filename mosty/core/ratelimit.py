"""Counting requests in a time window through the cache (shared by all servers with Redis)."""
import hashlib
import math
import time

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


def retry_after(scope: str, who: str, limit: int, window_seconds: int) -> int:
    """Count one more request of `who` in `scope` within the current window of the clock
    (every server counts in the same cache entry); 0 while at most `limit` came, otherwise
    the seconds until the window ends and requests are counted afresh."""
    now = time.time()
    window = int(now // window_seconds)
    key = f"ratelimit:{scope}:{window}:" + hashlib.sha256(who.encode()).hexdigest()
    if cache.add(key, 1, window_seconds + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, window_seconds + 1)
            count = 1
    if count <= limit:
        return 0
    return max(1, math.ceil((window + 1) * window_seconds - now))
