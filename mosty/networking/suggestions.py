"""Whom to meet: the matching module's score between the participants' organisations.

The matching engine scores two organisations by complementarity (what one seeks, the other
offers, and back; "mutual" when both directions match). For a session we ask it once per
organisation taking part and keep the scores of the pairs in the session, per process,
keyed by the session's setup version and a ten-minute bucket (the directory changes slowly;
a phone never waits for the engine twice in a row). Participants without a directory
organisation, or of one sector with the other, score 0.
"""
import time
from collections import OrderedDict
from dataclasses import dataclass

from mosty.networking.models import NetworkingSession

REFRESH_SECONDS = 600
KEPT = 16
CANDIDATES = 2000


@dataclass(frozen=True)
class PairScore:
    score: float
    mutual: bool


_CACHE: "OrderedDict[tuple, dict[frozenset[int], PairScore]]" = OrderedDict()


def _organisation_scores(org_ids: set[int]) -> dict[frozenset[int], PairScore]:
    from mosty.matching.index_cache import matching_index

    found: dict[frozenset[int], PairScore] = {}
    if len(org_ids) < 2:
        return found
    with matching_index() as index:
        if index is None:
            return found
        for org in org_ids:
            if org not in index:
                continue
            for candidate in index.candidates(org, limit=CANDIDATES, radius="country"):
                if candidate.org_id in org_ids:
                    pair = frozenset((org, candidate.org_id))
                    known = found.get(pair)
                    if known is None or candidate.score > known.score:
                        found[pair] = PairScore(candidate.score, candidate.mutual)
    return found


def organisation_scores(session: NetworkingSession) -> dict[frozenset[int], PairScore]:
    """Scores of the pairs of directory organisations taking part (cached)."""
    key = (session.pk, session.created_at, session.setup_version,
           int(time.time() // REFRESH_SECONDS))
    found = _CACHE.get(key)
    if found is None:
        orgs = set(session.participants.exclude(organisation=None)
                   .values_list("organisation_id", flat=True))
        found = _organisation_scores({o for o in orgs if o is not None})
        _CACHE[key] = found
        while len(_CACHE) > KEPT:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return found


def score_of(scores: dict[frozenset[int], PairScore], org_a: int | None,
             org_b: int | None) -> PairScore:
    if org_a is None or org_b is None or org_a == org_b:
        return PairScore(0.0, False)
    return scores.get(frozenset((org_a, org_b)), PairScore(0.0, False))


def pair_scores(session: NetworkingSession) -> dict[frozenset[int], float]:
    """Participant pair -> score, for the scheduler (pairs of zero are left out)."""
    scores = organisation_scores(session)
    people = list(session.participants.values_list("pk", "organisation_id"))
    result: dict[frozenset[int], float] = {}
    for i, (a, org_a) in enumerate(people):
        for b, org_b in people[i + 1:]:
            found = score_of(scores, org_a, org_b)
            if found.score:
                # Complementary both ways counts as mutual interest: +1 above any one-way score.
                result[frozenset((a, b))] = found.score + (1.0 if found.mutual else 0.0)
    return result
