"""Template tags of Mosty's design system (docs/design.md).

`{% icon "calendar" %}` draws one icon of the vendored Lucide sprite. Icons are decoration:
hidden from assistive technology, so the text beside them carries the meaning.
"""

from collections.abc import Iterable
from functools import cache

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "mosty/icons/sprite.svg"


@cache
def _sprite_url() -> str:
    # Looked up once per process: a page draws a dozen icons, and the static files (and
    # their manifest) do not change while the process runs.
    return static(SPRITE)


@register.simple_tag
def icon(name: str, extra_class: str = "") -> str:
    classes = f"icon {extra_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false" width="20" height="20">'
        '<use href="{}#{}"></use></svg>', classes, _sprite_url(), name)


@register.filter
def any_has(items: Iterable[object] | None, attribute: str) -> bool:
    """Whether any of the items has a non-empty `attribute`: a table shows a column only
    when some row fills it (`{% if items|any_has:"method" %}`)."""
    return any(getattr(item, attribute, None) not in (None, "") for item in items or ())
