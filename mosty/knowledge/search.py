"""One search over the glossary, good practices, publications, programmes, events and
organisations, with Polish morphology, over what the user may see only.

Every query word is lemmatised by matching's text module (Morfeusz 2, Stempel for unknown
words): "partnerstwa" gives "partnerstwo". The database is then asked, once per kind of
object, for rows containing a stem of the word or of its lemma (the lemma minus its last
letters, so "współpra" finds "współpracy" and "współpracą"). Knowledge items also store the
lemmas of their text (`search_text`), so a form that changes its stem ("mieście" for
"miasto") is found there too. Every word must match; rows with the words in their title
rank first.

The number of database queries is fixed (one per kind) and each fetches a bounded number of
rows, whatever the size of the data; the query is cut to MAX_QUERY characters and
MAX_WORDS words.
"""
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from mosty.accounts.access import Viewer
from mosty.directory.models import Organisation
from mosty.events import access as events_access
from mosty.knowledge import access
from mosty.matching.engine.text import default_normalizer, tokenize
from mosty.programmes import access as programmes_access

MAX_QUERY = 200
MAX_WORDS = 8
PER_KIND = 20
# Rows fetched per kind before ranking: enough to rank PER_KIND well, bounded for big data.
CANDIDATES = 100
SNIPPET = 220


def _stem(word: str) -> str:
    """The part of a word its inflected forms share, roughly: short words stay whole."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 2)]


def index_text(*parts: str) -> str:
    """What a knowledge item stores for the search: its lower-cased text and its lemmas."""
    text = " ".join(part for part in parts if part)
    lemmas = dict.fromkeys(default_normalizer().lemmas(text))
    return f"{text.lower()}\n{' '.join(lemmas)}"


def query_words(query: str) -> list[tuple[str, ...]]:
    """For each meaningful word of the query (stop words dropped), the stems to look for."""
    normalizer = default_normalizer()
    words: list[tuple[str, ...]] = []
    for token in tokenize(query[:MAX_QUERY]):
        lemmas = normalizer.word_lemmas(token)
        if not lemmas:
            continue
        stems = {_stem(token.lower())} | {_stem(lemma) for lemma in lemmas}
        words.append(tuple(sorted(stems)))
        if len(words) == MAX_WORDS:
            break
    return words


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: str
    detail: str = ""
    score: int = 0


@dataclass
class Group:
    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)


@dataclass
class Results:
    query: str
    groups: list[Group]

    @property
    def count(self) -> int:
        return sum(len(group.hits) for group in self.groups)


@dataclass(frozen=True)
class Kind:
    key: str
    label: Any
    queryset: Callable[[Any], QuerySet[Any]]
    fields: Sequence[str]
    hit: Callable[[Any], Hit]
    # Whether `fields` are already lower-cased (search_text): then `contains` is exact and
    # works for Polish capitals on SQLite too.
    lowered: bool = False


def _condition(words: list[tuple[str, ...]], fields: Sequence[str], lowered: bool) -> Q:
    lookup = "contains" if lowered else "icontains"
    condition = Q()
    for stems in words:
        any_stem = Q()
        for stem in stems:
            for name in fields:
                any_stem |= Q(**{f"{name}__{lookup}": stem})
        condition &= any_stem
    return condition


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[:SNIPPET].rsplit(" ", 1)[0] + "…"


def _term_hit(term: Any) -> Hit:
    return Hit(term.term, term.get_absolute_url(), _cut(term.definition), term.other_term)


def _practice_hit(practice: Any) -> Hit:
    return Hit(practice.title, practice.get_absolute_url(),
               _cut(practice.summary or practice.what), practice.who)


def _publication_hit(publication: Any) -> Hit:
    return Hit(publication.title, publication.get_absolute_url(), _cut(publication.summary),
               publication.get_kind_display())


def _programme_hit(programme: Any) -> Hit:
    return Hit(programme.name, programme.get_absolute_url(),
               _cut(programme.summary or programme.description))


def _event_hit(event: Any) -> Hit:
    return Hit(event.title, event.get_absolute_url(), _cut(event.description),
               event.programme.name)


def _organisation_hit(organisation: Any) -> Hit:
    return Hit(organisation.name, organisation.get_absolute_url(),
               _cut(organisation.description), organisation.get_sector_display())


KINDS: tuple[Kind, ...] = (
    Kind("glossary", _("Glossary"), access.visible_terms, ["search_text"], _term_hit, True),
    Kind("practices", _("Good practices"), access.visible_practices, ["search_text"],
         _practice_hit, True),
    Kind("publications", _("Publications"), access.visible_publications, ["search_text"],
         _publication_hit, True),
    Kind("programmes", _("Programmes"), programmes_access.visible_programmes,
         ["name", "summary", "description", "goals"], _programme_hit),
    Kind("events", _("Events"),
         lambda user: events_access.visible_events(user).select_related("programme"),
         ["title", "description", "place"], _event_hit),
    # The directory is public (its private contacts are not searched).
    Kind("organisations", _("Organisations"), lambda user: Organisation.objects.all(),
         ["search_text"], _organisation_hit, True),
)


def _score(hit: Hit, words: Iterable[tuple[str, ...]]) -> int:
    title = hit.title.lower()
    return sum(3 if any(stem in title for stem in stems) else 1 for stems in words)


def search(user: Viewer, query: str, kinds: Sequence[str] = ()) -> Results:
    """Everything `user` may see that contains every word of `query`, grouped by kind."""
    query = " ".join(query[:MAX_QUERY].split())
    words = query_words(query)
    groups: list[Group] = []
    if not words:
        return Results(query, groups)
    for kind in KINDS:
        if kinds and kind.key not in kinds:
            continue
        rows: list[Model] = list(kind.queryset(user)
                                 .filter(_condition(words, kind.fields, kind.lowered))
                                 .order_by("-pk")[:CANDIDATES])
        hits = []
        for row in rows:
            hit = kind.hit(row)
            hits.append(Hit(hit.title, hit.url, hit.snippet, hit.detail, _score(hit, words)))
        hits.sort(key=lambda h: (-h.score, h.title.lower()))
        if hits:
            groups.append(Group(kind.key, str(kind.label), hits[:PER_KIND]))
    return Results(query, groups)


def matches(query: str) -> Callable[[QuerySet[Any]], QuerySet[Any]]:
    """A filter for a knowledge list page's text box (practices, publications)."""
    words = query_words(query)

    def apply(queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(_condition(words, ["search_text"], True)) if words else queryset
    return apply

