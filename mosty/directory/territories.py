"""Finding gminas by name or code, and labelling them the way people say them."""
from django.db.models import QuerySet

from mosty.directory.choices import TerritoryLevel
from mosty.directory.models import Territory


def gminas() -> QuerySet[Territory]:
    return Territory.objects.filter(level=TerritoryLevel.GMINA).select_related("parent__parent")


def gmina_label(gmina: Territory) -> str:
    """"Śmigiel (gmina miejsko-wiejska), pow. kościański, woj. wielkopolskie [3011053]"."""
    powiat = gmina.parent
    voivodeship = powiat.parent if powiat else None
    parts = [f"{gmina.name} ({gmina.kind_label})"]
    if powiat:
        parts.append(f"pow. {powiat.name}")
    if voivodeship:
        parts.append(f"woj. {voivodeship.name}")
    return ", ".join(parts) + f" [{gmina.code}]"


def search_gminas(text: str, limit: int = 20) -> list[Territory]:
    text = text.strip()
    if not text:
        return []
    found = gminas()
    if text.isdigit():
        found = found.filter(code__startswith=text)
    else:
        # SQLite's LIKE folds only ASCII case; capitalising the first letter covers how
        # people type names ("śmigiel" -> "Śmigiel") on both databases.
        found = found.filter(name__startswith=text[:1].upper() + text[1:])
    return list(found.order_by("name", "code")[:limit])


def resolve_gmina(text: str) -> tuple[Territory | None, str]:
    """Return (gmina, "") or (None, reason) for a typed value: a label, a code or a name."""
    text = text.strip()
    if not text:
        return None, ""
    if text.endswith("]") and "[" in text:
        text = text[text.rindex("[") + 1:-1]
    if text.isdigit():
        gmina = gminas().filter(code=text).first()
        return (gmina, "") if gmina else (None, "unknown_code")
    matches = list(gminas().filter(name__iexact=text)[:5]) or \
        list(gminas().filter(name=text[:1].upper() + text[1:])[:5])
    if len(matches) == 1:
        return matches[0], ""
    return None, ("ambiguous" if matches else "unknown_name")
