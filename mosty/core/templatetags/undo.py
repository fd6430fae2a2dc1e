"""`{% undo_offer %}`: the "Undo" button after a deletion (mosty.core.undo), shown once."""
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from mosty.core import undo

register = template.Library()


@register.simple_tag(takes_context=True)
def undo_offer(context: Any) -> SafeString | str:
    request = context.get("request")
    deletion = undo.take_offer(request) if request is not None else None
    if deletion is None:
        return ""
    return render_to_string("includes/undo.html", {"deletion": deletion,
                                                   "minutes": undo.UNDO_MINUTES}, request)
