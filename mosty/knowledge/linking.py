"""Links to the glossary from any text: write [[term]] or [[term|shown words]].

The text is escaped first, so whatever a coordinator or participant typed stays text; only
the markup becomes a link, to a term of the global glossary (or of the programme the text
belongs to) found by its Polish or English name or its address, case-insensitively.
Markup naming no such term shows its words without the brackets. One database query per
text, whatever the number of terms it names.
"""
import re
from collections.abc import Mapping

from django.db.models import Q
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from mosty.knowledge.models import GlossaryTerm
from mosty.programmes.models import Programme

# [[name]] or [[name|label]]; no brackets or line breaks inside, at most 200 characters.
MARKUP = re.compile(r"\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]|\n]{1,200}))?\]\]")


def names_in(text: str) -> set[str]:
    return {match.group(1).strip().lower() for match in MARKUP.finditer(text)}


def link_terms(text: str, urls: Mapping[str, str]) -> SafeString:
    """Escape `text` and turn markup whose lower-cased name is in `urls` into links."""
    out: list[str] = []
    position = 0
    for match in MARKUP.finditer(text):
        out.append(escape(text[position:match.start()]))
        name = match.group(1).strip()
        label = (match.group(2) or name).strip()
        url = urls.get(name.lower())
        if url:
            out.append(format_html('<a class="glossary-link" href="{}">{}</a>', url, label))
        else:
            out.append(escape(label))
        position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every part above is escaped


def term_urls(names: set[str], programme: Programme | None = None) -> dict[str, str]:
    """Lower-cased term names (both languages) and addresses of the terms named."""
    if not names:
        return {}
    scope = Q(programme__isnull=True)
    if programme is not None:
        scope |= Q(programme=programme)
    urls: dict[str, str] = {}
    terms = GlossaryTerm.objects.filter(scope).only("slug", "term_pl", "term_en", "programme")
    # Global terms first, so a programme's own term of the same name wins.
    for term in sorted(terms, key=lambda t: t.programme_id is not None):
        for key in (term.term_pl.lower(), term.term_en.lower(), term.slug):
            if key in names:
                urls[key] = term.get_absolute_url()
    return urls


def render_with_links(text: str, programme: Programme | None = None) -> SafeString:
    return link_terms(text, term_urls(names_in(text), programme))
