"""Speed-networking rotation scheduler (plain Python, no Django).

Input (decoded JSON)::

    {"rounds": 7, "table_size": 3, "tables": 5, "mode": "mixed",
     "cross_sector": true,
     "participants": [{"id": "a1", "sector": "ngo", "organisation": "o1",
                       "host": false, "wishes": ["b7"], "avoid": ["d4"],
                       "absent_rounds": [1]}, ...]}

Only ``rounds``, ``table_size`` and each participant's ``id`` are required
(an extra ``name`` per participant is accepted and ignored).  Semantics:

* ``table_size`` is the largest table; tables of a round differ in size by at
  most one and never hold fewer than two people.  ``tables`` caps the number
  of physical tables (mixed mode); people rest only when seats run out or
  with pairs and an odd head count, and rests are spread evenly.
* ``mode: "hosts"``: each host keeps one table all evening (exactly one host
  per table; ``tables``, if given, must equal the number of hosts) and guests
  rotate.  ``host`` is ignored in mixed mode.
* ``avoid`` pairs and colleagues (same ``organisation``) are kept apart when
  at all possible; then, in this order: fewest repeated encounters, fewest
  single-sector tables (``cross_sector``), most wishes met (mutual wishes
  count double), most distinct pairs.

Output of :func:`schedule`: ``{"rounds": [{"tables": [[id, ...], ...],
"resting": [id, ...]}, ...], "stats": {...}}``.  Table ``i`` is the same
physical table in every round; in hosts mode each list starts with its host
and an unused host table is ``[]``.  Absent participants appear neither in
``tables`` nor in ``resting``.  ``repeated_pairs`` counts extra encounters (a
pair meeting three times adds two), so ``pairs_met + repeated_pairs`` is the
number of encounters; ``upper_bound_pairs`` is a proven bound on
``pairs_met``.

How: known constructions (circle method, host rotation, affine/projective
geometry, transversal designs), greedy seating, tabu search with seat swaps
and whole-evening relabelling, and an exact OR-Tools CP-SAT model for pairs.
"""

from .api import DEFAULT_TIME_LIMIT, schedule
from .model import Participant, Problem, ProblemError, parse_problem
from .stats import compute_stats, upper_bound_pairs

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "Participant",
    "Problem",
    "ProblemError",
    "compute_stats",
    "parse_problem",
    "schedule",
    "upper_bound_pairs",
]
