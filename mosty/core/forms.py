"""Small helpers shared by the views of several apps."""
from django.http import Http404


def posted_id(value: str | None) -> int:
    """An id from a form; anything else is a 404, never a server error."""
    if not value or not value.isdigit():
        raise Http404
    return int(value)
