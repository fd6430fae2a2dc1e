"""Every user-facing Polish sentence of the engine, in one place.

Templates use ``%(name)s`` placeholders (the gettext/Django convention) and
are wrapped in a local ``gettext_noop`` marker, so ``makemessages`` extracts
them; the Django app passes ``gettext`` as ``translate``.  The engine itself
never imports Django.  ``translate`` is applied to the template *before*
formatting, and to labels.  Source language: Polish.
"""

from __future__ import annotations

from collections.abc import Callable

from .types import Reason, Recommendation, SearchHit

Translate = Callable[[str], str]


def identity(s: str) -> str:
    return s


def gettext_noop(s: str) -> str:
    """Marks a template for extraction and returns it unchanged.

    Named like Django's marker on purpose: ``makemessages`` (xgettext) finds
    strings by this keyword without the engine importing Django.
    """
    return s


REASON = gettext_noop("%(need_org)s potrzebuje: %(need)s; %(offer_org)s oferuje: %(offer)s "
                      "(%(geo)s)")
# Same category but no words in common: say so rather than imply the offer
# is exactly what was asked for.
REASON_CATEGORY = gettext_noop("%(need_org)s potrzebuje: %(need)s; %(offer_org)s oferuje "
                               "w tej samej kategorii (%(category)s): %(offer)s (%(geo)s)")
HEADLINE_MUTUAL = gettext_noop("%(partner)s – współpraca obustronna: obie strony mają "
                               "coś, czego potrzebuje druga")
HEADLINE_THEY = gettext_noop("%(partner)s może pomóc: %(requester)s")
HEADLINE_WE = gettext_noop("%(requester)s może pomóc: %(partner)s")
COOPERATING = gettext_noop("już współpracujecie")
SEARCH_HIT = gettext_noop("%(org)s oferuje: %(offer)s")
SEARCH_HIT_GEO = gettext_noop("%(org)s oferuje: %(offer)s (%(geo)s)")
UNMET = gettext_noop("%(org)s potrzebuje: %(need)s – nikt w tym obszarze nie oferuje: "
                     "%(category)s")

GEO_LABELS: dict[str, str] = {
    "gmina": gettext_noop("ta sama gmina"),
    "powiat": gettext_noop("ten sam powiat"),
    "voivodeship": gettext_noop("to samo województwo"),
    "country": gettext_noop("inne województwo"),
}

CATEGORY_LABELS: dict[str, str] = {
    "space": gettext_noop("sale i pomieszczenia"),
    "equipment": gettext_noop("sprzęt"),
    "expertise": gettext_noop("wiedza i szkolenia"),
    "volunteers": gettext_noop("ludzie i wolontariusze"),
    "target_group": gettext_noop("dostęp do grupy docelowej"),
    "promotion": gettext_noop("promocja i media"),
    "funding": gettext_noop("finansowanie"),
    "transport": gettext_noop("transport"),
    "contacts": gettext_noop("kontakty i partnerstwa"),
    "other": gettext_noop("inne"),
}

SECTOR_LABELS: dict[str, str] = {
    "jst": gettext_noop("administracja samorządowa"),
    "public_institution": gettext_noop("instytucja publiczna"),
    "ngo": gettext_noop("organizacja pozarządowa"),
    "business": gettext_noop("biznes"),
    "academia": gettext_noop("nauka"),
    "informal": gettext_noop("grupa nieformalna"),
}


def geo_label(level: str, translate: Translate = identity) -> str:
    return translate(GEO_LABELS[level])


def category_label(category: str, translate: Translate = identity) -> str:
    return translate(CATEGORY_LABELS[category])


def sector_label(sector: str, translate: Translate = identity) -> str:
    return translate(SECTOR_LABELS[sector])


def render_reason(reason: Reason, translate: Translate = identity) -> str:
    """E.g. "Biblioteka potrzebuje: wolontariusze; OSP oferuje: ... (ta sama gmina)"."""
    template = REASON if reason.shared_terms or not reason.same_category else REASON_CATEGORY
    return translate(template) % {
        "need_org": reason.need_org_name,
        "need": reason.need.text,
        "offer_org": reason.offer_org_name,
        "offer": reason.offer.text,
        "geo": geo_label(reason.geo_level, translate),
        "category": category_label(reason.need.category, translate),
    }


def render_headline(rec: Recommendation, translate: Translate = identity) -> str:
    """One-line summary: mutual, or who helps whom."""
    if rec.mutual:
        template = HEADLINE_MUTUAL
    elif rec.need_score >= rec.offer_score:
        template = HEADLINE_THEY
    else:
        template = HEADLINE_WE
    text = translate(template) % {"partner": rec.org_name, "requester": rec.requester_name}
    if rec.already_cooperating:
        text += f" ({translate(COOPERATING)})"
    return text


def render_recommendation(rec: Recommendation, translate: Translate = identity) -> list[str]:
    """Headline followed by one sentence per reason."""
    return [render_headline(rec, translate)] + [render_reason(r, translate) for r in rec.reasons]


def render_hit(hit: SearchHit, translate: Translate = identity) -> list[str]:
    """One sentence per matching offer of a free-text search hit."""
    out = []
    for m in hit.matches:
        if hit.geo_level is None:
            out.append(translate(SEARCH_HIT) % {"org": hit.org_name, "offer": m.offer.text})
        else:
            out.append(translate(SEARCH_HIT_GEO) % {
                "org": hit.org_name, "offer": m.offer.text,
                "geo": geo_label(hit.geo_level, translate)})
    return out


def render_unmet(org_name: str, need_text: str, category: str,
                 translate: Translate = identity) -> str:
    return translate(UNMET) % {"org": org_name, "need": need_text,
                               "category": category_label(category, translate)}
