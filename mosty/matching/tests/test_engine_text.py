"""Polish normalisation: inflected forms match, unrelated words do not."""

from __future__ import annotations

import pytest

from mosty.matching.engine.config import ScoringConfig
from mosty.matching.engine.features import Encoder, item_similarity
from mosty.matching.engine.text import (
    MorfeuszLemmatizer,
    StempelStemmer,
    TextNormalizer,
    default_normalizer,
    fold_diacritics,
    tokenize,
)


@pytest.fixture(scope="module")
def norm() -> TextNormalizer:
    return default_normalizer()


def _encoder(norm: TextNormalizer, *texts: str) -> Encoder:
    """An encoder whose vocabulary and IDF know ``texts`` (one item each)."""
    enc = Encoder(norm, ScoringConfig())
    for t in texts:
        enc.raw_terms(t)
    import numpy as np

    parts = [enc.raw_terms(t)[0] for t in texts]
    enc.vocab.count(np.concatenate(parts), len(parts))
    return enc


def test_default_backend_is_morfeusz(norm: TextNormalizer) -> None:
    assert isinstance(norm.lemmatizer, MorfeuszLemmatizer)


@pytest.mark.parametrize(
    ("forms", "lemma"),
    [
        (["wolontariuszy", "wolontariusze", "wolontariuszami", "wolontariusz"], "wolontariusz"),
        (["sala", "sali", "salę", "salą"], "sala"),
        (["seniorzy", "seniorów", "seniorami", "seniorom"], "senior"),
        (["festyn", "festynu", "festynie", "festynów"], "festyn"),
        (["gmina", "gminy", "gminie"], "gmina"),
        (["rzutnik", "rzutnikiem", "rzutnika"], "rzutnik"),
        (["dzieci", "dzieciom", "dziećmi"], "dziecko"),
    ],
)
def test_inflected_forms_share_a_lemma(norm: TextNormalizer, forms: list[str], lemma: str) -> None:
    for form in forms:
        assert lemma in norm.word_lemmas(form), form


def test_wolontariat_needs_the_prefix_fallback(norm: TextNormalizer) -> None:
    # Different lemmas: the dictionary knows these are different words ...
    assert norm.word_lemmas("wolontariat") == ("wolontariat",)
    assert "wolontariat" not in norm.word_lemmas("wolontariuszy")
    # ... but they share the 7-letter family key, so they still match.
    assert norm.family_key("wolontariat") == norm.family_key("wolontariusz") == "~wolonta"
    assert "~wolonta" in norm.terms("wolontariat młodzieżowy")
    assert "~wolonta" in norm.terms("potrzebni wolontariusze")


def test_prefix_fallback_match_is_partial_and_unrelated_is_zero(norm: TextNormalizer) -> None:
    texts = ["wolontariusze do pomocy", "wolontariat", "wolontariuszami", "sala na 60 osób",
             "salon fryzjerski", "sprzęt nagłaśniający", "seniorzy"]
    enc = _encoder(norm, *texts)
    exact, _ = item_similarity(enc, "wolontariusze do pomocy", "wolontariuszami")
    family, shared = item_similarity(enc, "wolontariusze do pomocy", "wolontariat")
    assert exact > family > 0.0
    assert shared == ("wolontariusz",)
    assert item_similarity(enc, "wolontariusze do pomocy", "sala na 60 osób")[0] == 0.0
    # Short lemmas get no prefix fallback: "sala" and "salon" stay apart.
    assert item_similarity(enc, "sala na 60 osób", "salon fryzjerski")[0] == 0.0
    assert item_similarity(enc, "seniorzy", "sprzęt nagłaśniający")[0] == 0.0


def test_stop_words_and_phrasing_verbs_are_dropped(norm: TextNormalizer) -> None:
    assert norm.lemmas("szukamy sali na 60 osób z rzutnikiem") == ["sala", "osoba", "rzutnik"]
    assert norm.lemmas("oferujemy i udostępniamy to dla was") == []


def test_tokenizer_keeps_polish_letters_and_splits_hyphens() -> None:
    assert tokenize("Zażółć gęślą jaźń!") == ["Zażółć", "gęślą", "jaźń"]
    assert tokenize("społeczno-kulturalne, 2024 r.") == ["społeczno", "kulturalne", "r"]


def test_acronyms_are_not_lemmatised(norm: TextNormalizer) -> None:
    # Morfeusz would read lowercase "osp" as a form of "ospa" (chickenpox).
    assert norm.lemmas("OSP Śmigiel") == ["osp", "śmigiel"]


def test_words_typed_without_diacritics_match_partially(norm: TextNormalizer) -> None:
    assert fold_diacritics("Sprzęt Łódź") == "sprzet lodz"
    with_d, without = norm.terms("sprzęt"), norm.terms("sprzet")
    assert "sprzęt" in with_d
    assert "sprzęt" not in without
    assert set(with_d) & set(without) == {"~sprzet"}


def test_unknown_words_fall_back_to_stempel(norm: TextNormalizer) -> None:
    # Not in the SGJP dictionary: the stemmer strips the inflection.
    assert norm.word_lemmas("coworkingu") == norm.word_lemmas("coworkingiem") == ("coworking",)


def test_stempel_backend_alone() -> None:
    stem = TextNormalizer(StempelStemmer("default"))
    assert stem.word_lemmas("wolontariuszy") == stem.word_lemmas("wolontariuszami")
    assert stem.word_lemmas("do") == ()
