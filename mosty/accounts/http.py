"""Request types for views, so that type checking knows who `request.user` is."""
from django.http import HttpRequest

from mosty.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request that `login_required` has let through: its user is a real account."""

    user: User
