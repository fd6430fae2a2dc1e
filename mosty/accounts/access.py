from typing import Any


def signed_in(user: Any) -> bool:
    """A logged-in person whose account is active (a blocked account counts as anonymous)."""
    return bool(user.is_authenticated and user.is_active)
