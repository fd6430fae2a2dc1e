"""Tunable weights of the complementarity score, in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ScoringConfig:
    """Weights of the score of "A's need is met by B's offer".

    For one need ``n`` and one offer ``o`` the item score is::

        s(n, o) = category_weight * [cat(n) == cat(o)]      (counted once per need)
                + text_weight * [cat(n) == cat(o)] * cos(n, o)
                + cross_text_weight * cos(n, o)

    where ``cos`` is the cosine of the TF-IDF vectors of the lemmatised
    descriptions.  A need in "other" has no category to agree on: it gets
    no category term and the same-category text term for offers of any
    category.  Category equality dominates (it is what a coordinator
    would check first); text overlap orders candidates within a category and
    lets "other" needs find offers of any category.  The directed org score
    d(A <- B) sums s over A's needs and B's offers (then divides by the
    number of A's needs to the power ``need_norm_power``); the pair score is
    ``geo_factor * (d(A <- B) + d(B <- A))``.
    """

    category_weight: float = 1.0
    # d(A <- B) is divided by (number of A's needs) ** need_norm_power, so a
    # partner with eight needs cannot outrank a better fit through volume
    # alone (0: plain sums, 1: share of needs met).
    need_norm_power: float = 0.5
    text_weight: float = 1.0
    cross_text_weight: float = 0.5
    # A direction counts as a match (for "mutual" and for being recommended
    # at all) only from this score on; one category match alone is 1.0.
    min_direction: float = 0.25
    # Multipliers for gmina, powiat, voivodeship, country.  Steep on purpose:
    # a voivodeship holds ~150 times more candidates than a gmina, so some
    # distant organisation always fits slightly better on paper, while
    # partnerships in these programmes are local.
    geo_factors: tuple[float, float, float, float] = (1.0, 0.7, 0.45, 0.25)
    # True: every mutual match ranks above every one-way match; False: a
    # mutual match only gets ``mutual_bonus`` added.
    mutual_first: bool = True
    mutual_bonus: float = 1.0
    # Terms present in more than this share of all items (and directories of
    # at least ``max_df_min_items`` items) are ignored like stop words: they
    # carry little signal and dominate the cost of the sparse products.
    max_df: float = 0.15
    max_df_min_items: int = 1000
    # Reasons below this item score are not shown in explanations.
    min_reason_score: float = 0.2
