from typing import TYPE_CHECKING, TypeAlias

from django.contrib.auth.models import AnonymousUser

from mosty.accounts.models import User

if TYPE_CHECKING:
    from typing_extensions import TypeIs

# Who opens a page: `request.user`, an account or an anonymous visitor. Access checks take a
# Viewer; services, which only signed-in people reach, take a User.
Viewer: TypeAlias = User | AnonymousUser


def signed_in(user: Viewer) -> "TypeIs[User]":
    """A logged-in person whose account is active (a blocked account counts as anonymous,
    so where this is False the checks treat the user as a visitor)."""
    return bool(user.is_authenticated and user.is_active)
