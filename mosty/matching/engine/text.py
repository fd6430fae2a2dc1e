"""Polish text normalisation: tokens -> lemmas -> weighted terms.

Why Morfeusz 2 first: it is a dictionary-based morphological analyser (SGJP
dictionary compiled into the PyPI wheel, so it works offline) and maps every
inflected form to its lemma ("salę" -> "sala", "seniorów" -> "senior"), which
the Stempel stemmer gets wrong for many common nouns.  Stempel (pystempel,
stemming table shipped in the wheel) is used for words Morfeusz does not know
(typos, words typed without diacritics, loanwords like "coworkingu"), and as a
stand-alone backend when morfeusz2 cannot be installed on a platform.

On top of the lemmas every word also yields a *family key*: the first
``family_prefix`` (7) letters of the lemma with diacritics folded.  Lemmas that
share a 7-letter prefix ("wolontariusz", "wolontariat", "wolontariuszka")
share the key and therefore match partially, and so does "sprzet" typed
without diacritics against "sprzęt".
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

# Function words that carry no matching signal.  Morfeusz already drops most
# of them by part of speech; the list matters for the Stempel backend.  The
# last lines are lemmas of the verbs people use to phrase any offer or need
# ("szukamy", "oferujemy", "brakuje nam"): they would make every need look
# similar to every other need.  Checked against surface forms and lemmas.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a aby albo ale ani aż bardzo bez bo by być był była było były będzie
    będą co czy dla do gdy gdzie go i ich ile im inne innych jak jako je
    jego jej jest już każdy kiedy kto która które którego której który
    których lub ma mają mamy może można mu na nad nam nas nasz nasza
    nasze naszej naszych nie nich nim niż o od oraz po pod ponad przez
    przy się sobie są ta tak także te tego tej ten też to tu tylko tym
    u w we wiele więc wszystkie wszystko z za ze że żeby itp itd np m.in
    ok około r rok roku
    szukać potrzebować brakować przydać oferować udostępniać udostępnić
    zapewniać zapewnić móc chcieć mieć dysponować posiadać potrzeba potrzebny
    """.split()
)

# Parts of speech (first field of a Morfeusz tag) in order of preference when
# a form is ambiguous; anything not listed is a function word and is dropped.
_POS_RANK: dict[str, int] = {
    "subst": 0, "depr": 0,
    "ger": 1,
    "adj": 2, "adja": 2, "adjp": 2, "adjc": 2, "pact": 2, "ppas": 2,
    "fin": 3, "inf": 3, "praet": 3, "impt": 3, "imps": 3, "pcon": 3,
    "pant": 3, "bedzie": 3, "winien": 3, "pred": 3,
    "adv": 4, "num": 4, "numcol": 4, "brev": 4,
}
# Qualifiers that mark archaic, dialectal or rare readings ("gminy" -> the
# archaic "gmin" besides "gmina"); such readings lose to plain ones.
_RARE = frozenset({"przest.", "gwar.", "rzad.", "daw.", "arch.", "książk."})
# Proper-name readings (surnames, first names) lose to common nouns.
_NAMES = frozenset({"nazwisko", "imię"})

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")


def fold_diacritics(s: str) -> str:
    """Lowercase ASCII-ish form used for family keys ("Łódź" -> "lodz")."""
    return s.lower().translate(_FOLD)


def tokenize(text: str) -> list[str]:
    """Split text into word tokens, keeping Polish letters intact.

    Returns the original-case tokens: acronyms ("OSP", "KGW") must be told
    apart from ordinary words before lowercasing.
    """
    return _WORD_RE.findall(unicodedata.normalize("NFC", text))


class Lemmatizer(Protocol):
    """Maps one lowercase word to its candidate lemmas (empty: drop it)."""

    name: str

    def lemmas(self, word: str) -> tuple[str, ...]: ...


class StempelStemmer:
    """Algorithmic Polish stemmer (pystempel, table shipped in the wheel).

    ``table`` is "default" (Białecki's table: small, 0.4 s to load) or
    "polimorf" (more accurate, 4 s to load).  Loaded lazily on first use.
    """

    def __init__(self, table: str = "default") -> None:
        if table not in ("default", "polimorf"):
            raise ValueError("table must be 'default' or 'polimorf'")
        self.name = f"stempel-{table}"
        self._table = table
        self._stemmer: Callable[[str], str | None] | None = None

    def _load(self) -> Callable[[str], str | None]:
        import os
        import warnings

        # pystempel reads this at import time to silence its tqdm progress bar.
        os.environ.setdefault("DISABLE_TQDM", "1")
        from pystempel import Stemmer

        with warnings.catch_warnings():
            # pystempel uses the deprecated importlib.resources.path().
            warnings.simplefilter("ignore", DeprecationWarning)
            return Stemmer.polimorf() if self._table == "polimorf" else Stemmer.default()

    def lemmas(self, word: str) -> tuple[str, ...]:
        if self._stemmer is None:
            self._stemmer = self._load()
        stem = self._stemmer(word)
        # The stemmer returns None (or "") for words it cannot reduce.
        return (stem.lower() if stem else word,)


class MorfeuszLemmatizer:
    """Dictionary lemmatiser (Morfeusz 2 + SGJP) with a stemmer for unknowns."""

    def __init__(self, fallback: Lemmatizer | None = None) -> None:
        import morfeusz2

        self.name = "morfeusz2"
        self._morf = morfeusz2.Morfeusz(generate=False, expand_tags=False)
        self._fallback = fallback
        # One Morfeusz instance is not safe to call from several threads
        # (threaded web workers); results are cached per word, so the lock
        # is rarely taken.
        self._lock = threading.Lock()

    def lemmas(self, word: str) -> tuple[str, ...]:
        best: dict[str, float] = {}
        unknown = False
        with self._lock:
            analyses = self._morf.analyse(word)
        for start, _end, (_orth, lemma, tag, names, quals) in analyses:
            if start != 0:
                continue  # agglutinate / clitic segments ("-em", "-by")
            pos = tag.split(":", 1)[0]
            if pos == "ign":
                unknown = True
                continue
            rank = _POS_RANK.get(pos)
            if rank is None:
                continue
            penalty = rank + (0.5 if _RARE.intersection(quals) else 0.0)
            penalty += 0.25 if _NAMES.intersection(names) else 0.0
            base = lemma.split(":", 1)[0].lower()  # "senior:Sm1" -> "senior"
            if base not in best or penalty < best[base]:
                best[base] = penalty
        if not best:
            if unknown:
                return self._fallback.lemmas(word) if self._fallback else (word,)
            return ()  # only function-word readings
        top = min(best.values())
        # Keep every lemma of the best reading: "seniorami" is both "senior"
        # and "seniora"; weights are split between them downstream.
        return tuple(sorted(b for b, p in best.items() if p == top))


class TextNormalizer:
    """Turns Polish free text into weighted terms for matching.

    Terms are lemmas plus family keys ("~" + first letters of the folded
    lemma).  Results are cached per word because descriptions reuse a small
    vocabulary.
    """

    def __init__(
        self,
        lemmatizer: Lemmatizer | None = None,
        family_prefix: int = 7,
        family_weight: float = 0.5,
    ) -> None:
        self.lemmatizer = lemmatizer if lemmatizer is not None else default_lemmatizer()
        self.family_prefix = family_prefix
        self.family_weight = family_weight
        self._cache: dict[str, tuple[str, ...]] = {}
        self._terms_cache: dict[str, tuple[tuple[str, float], ...]] = {}

    def word_lemmas(self, token: str) -> tuple[str, ...]:
        """Lemmas of one token; empty for stop words and one-letter tokens."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        low = token.lower()
        if len(low) < 2 or low in STOP_WORDS:
            out: tuple[str, ...] = ()
        elif len(token) >= 2 and token.isupper():
            out = (low,)  # acronym: "OSP" must not become "ospa"
        else:
            out = tuple(x for x in self.lemmatizer.lemmas(low) if x not in STOP_WORDS)
        self._cache[token] = out
        return out

    def lemmas(self, text: str) -> list[str]:
        """All lemmas of a text in order (ambiguous words give several)."""
        return [lem for tok in tokenize(text) for lem in self.word_lemmas(tok)]

    def family_key(self, lemma: str) -> str:
        return "~" + fold_diacritics(lemma)[: self.family_prefix]

    def word_terms(self, token: str) -> tuple[tuple[str, float], ...]:
        """Weighted terms of one token (cached: texts reuse few words).

        An ambiguous word splits its weight between its lemmas so that it
        does not count more than an unambiguous one; its family key counts
        once even if two readings share it.
        """
        hit = self._terms_cache.get(token)
        if hit is not None:
            return hit
        lems = self.word_lemmas(token)
        out: list[tuple[str, float]] = [(lem, 1.0 / len(lems)) for lem in lems]
        fams = sorted({self.family_key(lem) for lem in lems})
        out += [(fam, self.family_weight / len(fams)) for fam in fams]
        self._terms_cache[token] = result = tuple(out)
        return result

    def terms(self, text: str) -> dict[str, float]:
        """Raw term frequencies: lemmas weight 1, family keys ``family_weight``."""
        tf: dict[str, float] = {}
        for tok in tokenize(text):
            for term, w in self.word_terms(tok):
                tf[term] = tf.get(term, 0.0) + w
        return tf


@lru_cache(maxsize=1)
def default_lemmatizer() -> Lemmatizer:
    """Morfeusz 2 with a Stempel fallback; Stempel alone if morfeusz2 is absent."""
    try:
        return MorfeuszLemmatizer(fallback=StempelStemmer("default"))
    except ImportError:  # pragma: no cover - depends on the platform
        return StempelStemmer("polimorf")


@lru_cache(maxsize=1)
def default_normalizer() -> TextNormalizer:
    """Process-wide normaliser (its word cache is shared by all indexes)."""
    return TextNormalizer()
