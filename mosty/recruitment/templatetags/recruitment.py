"""`{% programme_recruitment programme %}`: a programme page's calls, and its coordinators'
and facilitators' way to the private parts (the programme app's views stay untouched)."""
from typing import Any

from django import template
from django.utils import timezone

from mosty.programmes.models import Programme
from mosty.recruitment import access

register = template.Library()


@register.inclusion_tag("recruitment/includes/programme_links.html", takes_context=True)
def programme_recruitment(context: dict[str, Any], programme: Programme) -> dict[str, Any]:
    request = context["request"]
    programme_access = access.programme_access(request.user, programme)
    calls = access.visible_calls(request.user).filter(edition__programme=programme)
    now = timezone.now()
    if not programme_access.see_private:
        calls = calls.filter(deadline__gte=now)
    return {"programme": programme, "access": programme_access,
            "calls": list(calls.order_by("deadline"))}
