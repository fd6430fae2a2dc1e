from django import template
from django.utils.safestring import SafeString

from mosty.knowledge.linking import render_with_links
from mosty.programmes.models import Programme

register = template.Library()


@register.filter
def glossary_links(text: str | None, programme: Programme | None = None) -> SafeString:
    """`{{ text|glossary_links }}` or `{{ text|glossary_links:programme }}`: [[term]] markup
    becomes a link to the glossary, everything else is escaped."""
    return render_with_links(str(text or ""), programme)
