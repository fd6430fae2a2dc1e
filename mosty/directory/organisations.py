"""Naming an organisation of the directory in a text box: "Name [slug]" or its exact name."""
from django.db.models import QuerySet

from mosty.core.forms import bounded_search
from mosty.directory.models import Organisation


def organisation_label(organisation: Organisation) -> str:
    """"Gminna Biblioteka Publiczna w Jadowie, Jadów [gbp-jadow]" (needs municipality loaded)."""
    place = f", {organisation.municipality.name}" if organisation.municipality else ""
    return f"{organisation.name}{place} [{organisation.slug}]"


def _organisations() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("municipality")


def search_organisations(text: str, limit: int = 15) -> list[Organisation]:
    words = bounded_search(text).lower().split()
    if not words or len(text.strip()) < 2:
        return []
    found = _organisations()
    for word in words:
        # search_text is the lower-cased name and description, kept by the directory.
        found = found.filter(search_text__contains=word)
    return list(found.order_by("name", "pk")[:limit])


def resolve_organisation(text: str) -> Organisation | None:
    """The organisation a typed value names, or None if it names none (or several)."""
    text = text.strip()
    if not text:
        return None
    if text.endswith("]") and "[" in text:
        return _organisations().filter(slug=text[text.rindex("[") + 1:-1]).first()
    matches = list(_organisations().filter(name__iexact=text)[:2])
    if len(matches) == 1:
        return matches[0]
    return _organisations().filter(slug=text).first()
