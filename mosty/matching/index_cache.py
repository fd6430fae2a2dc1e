"""The engine's MatchIndex built from the directory, cached per process and kept fresh.

Every process (gunicorn worker) keeps its own index; nothing is shared between processes and
correctness never depends on another process having done something. Each use first reads a
fingerprint of the directory in one cheap query (count and latest ``updated_at`` of
organisations; every profile change moves ``updated_at`` forward). When it differs from the
fingerprint the index was built at, only the organisations changed since then are re-read and
upserted, and deleted ones removed, instead of rebuilding everything.

Two gaps of a (count, max) fingerprint are closed on purpose:
- a transaction that commits late, or an app server whose clock lags, can write an
  ``updated_at`` older than the newest one already seen: changed rows are therefore looked
  for from ``SKEW`` before the last watermark, and every ``RESYNC_SECONDS`` all stamps are
  compared (one query of ids and dates);
- upserts do not refresh the engine's IDF weights: after many of them the index is rebuilt.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from django.db.models import Count, Max

from mosty.directory.models import Organisation, Resource
from mosty.matching.engine import Item, MatchIndex, Org
from mosty.matching.engine.types import Kind

Fingerprint = tuple[int, datetime | None]

SKEW = timedelta(minutes=5)
RESYNC_SECONDS = 600.0
# Past this many changed organisations at once, one rebuild is cheaper than upserts (and it
# keeps `id__in` lists short).
MAX_UPSERTS = 500
# Rebuild (fresh IDF weights) once upserts since the last build exceed this share of the index.
REBUILD_SHARE = 0.2


class DirectorySource:
    """Where the cache reads the directory from: the database, in a few fixed queries.

    A separate object so that tests can drive the cache from plain data (e.g. many
    threads against a changing fake directory) without a database.
    """

    def fingerprint(self) -> Fingerprint:
        """(number of organisations, latest updated_at): one query."""
        row = Organisation.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
        return row["n"], row["latest"]

    def stamps(self, since: datetime | None) -> dict[int, datetime]:
        """``updated_at`` of every organisation changed after ``since`` (all if None)."""
        orgs = Organisation.objects.all()
        if since is not None:
            orgs = orgs.filter(updated_at__gt=since)
        return dict(orgs.values_list("id", "updated_at"))

    def ids(self) -> set[int]:
        return set(Organisation.objects.values_list("id", flat=True))

    def load(self, ids: Iterable[int] | None = None) -> tuple[list[Org], dict[int, datetime]]:
        """Engine organisations from two queries (organisations, then their resources).

        Returns the organisations with a municipality (foreign ones cannot be placed on
        the TERYT map, so matching skips them) and the ``updated_at`` of every
        organisation read, foreign ones included.
        """
        orgs = Organisation.objects.all()
        resources = Resource.objects.all()
        if ids is not None:
            ids = list(ids)
            orgs = orgs.filter(pk__in=ids)
            resources = resources.filter(organisation_id__in=ids)
        rows = list(orgs.values_list("id", "name", "sector", "municipality_id", "updated_at"))
        items: dict[int, list[Item]] = {}
        # Sectors, kinds and categories are stored with the engine's own codes (a test checks
        # it, and Item refuses an unknown kind).
        for pk, org_id, kind, category, text in resources.order_by(
                "organisation_id", "kind", "category", "id").values_list(
                "id", "organisation_id", "kind", "category", "description"):
            items.setdefault(org_id, []).append(Item(cast(Kind, kind), category, text, id=pk))
        stamps = {pk: updated for pk, _n, _s, _m, updated in rows}
        found = [Org(id=pk, name=name, sector=sector, teryt=teryt,
                     items=tuple(items.get(pk, ())))
                 for pk, name, sector, teryt, _u in rows if teryt]
        return found, stamps


@dataclass
class _State:
    # None while no organisation has a municipality: the engine needs at least one row.
    index: MatchIndex | None
    fingerprint: Fingerprint
    stamps: dict[int, datetime]
    synced_at: float = field(default_factory=time.monotonic)
    upserts: int = 0


@dataclass(frozen=True)
class SyncStats:
    """What the last synchronisation did (for tests and logging)."""

    rebuilt: bool = False
    upserted: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()


class IndexCache:
    """A MatchIndex kept in step with the database; thread-safe.

    The engine's index must not be read while another thread mutates it, so reads and
    updates share one lock. Reads take milliseconds; pages render after releasing it.
    """

    def __init__(self, source: DirectorySource | None = None,
                 resync_seconds: float = RESYNC_SECONDS) -> None:
        self.source = source or DirectorySource()
        self.resync_seconds = resync_seconds
        self._lock = threading.RLock()
        self._state: _State | None = None
        self.last_sync = SyncStats()

    @contextmanager
    def read(self) -> Iterator[MatchIndex | None]:
        """The current index (None for an empty directory), locked while in use."""
        # Read before any data, so that changes racing with the load are seen next time.
        current = self.source.fingerprint()
        with self._lock:
            self._sync(current)
            assert self._state is not None
            yield self._state.index

    # -- synchronisation -----------------------------------------------------------------
    def _sync(self, current: Fingerprint) -> None:
        state = self._state
        if state is None:
            self._build(current)
            return
        full = time.monotonic() - state.synced_at >= self.resync_seconds
        if current == state.fingerprint and not full:
            self.last_sync = SyncStats()
            return
        self._refresh(state, current, full)

    def _build(self, current: Fingerprint) -> None:
        orgs, stamps = self.source.load()
        self._state = _State(MatchIndex(orgs) if orgs else None, current, stamps)
        self.last_sync = SyncStats(rebuilt=True)

    def _refresh(self, state: _State, current: Fingerprint, full: bool) -> None:
        _count, latest = state.fingerprint
        seen = self.source.stamps(None if full or latest is None else latest - SKEW)
        changed = [pk for pk, updated in seen.items() if state.stamps.get(pk) != updated]
        removed: list[int] = []
        known = set(state.stamps) | set(seen)
        if full:
            removed = [pk for pk in state.stamps if pk not in seen]
        elif len(known) != current[0]:
            # Count differs from what we know: something was deleted.
            existing = self.source.ids()
            removed = [pk for pk in known if pk not in existing]
        if len(changed) > MAX_UPSERTS:
            self._build(current)
            return
        orgs, fresh = self.source.load(changed) if changed else ([], {})
        index = state.index
        in_directory = {o.id for o in orgs}
        # Removed, or changed into a foreign organisation (no municipality).
        leaving = {pk for pk in (*removed, *changed)
                   if index is not None and pk in index and pk not in in_directory}
        # The engine cannot hold an empty index, and moving an organisation to another
        # gmina removes it for a moment: on a nearly empty index, rebuild (it is cheap).
        if index is None or len(index) - len(leaving) < 2:
            self._build(current)
            return
        # Upserts first: removals then never take the index below the size checked above.
        for org in orgs:
            index.upsert(org)
        for pk in leaving:
            index.remove(pk)
        for pk in removed:
            state.stamps.pop(pk, None)
        state.stamps.update(fresh)
        state.fingerprint = current
        state.upserts += len(orgs)
        if full:
            state.synced_at = time.monotonic()
        self.last_sync = SyncStats(upserted=tuple(o.id for o in orgs), removed=tuple(leaving))
        if state.upserts > max(50, REBUILD_SHARE * len(index)):
            self._build(current)


_CACHE = IndexCache()


def matching_index() -> AbstractContextManager[MatchIndex | None]:
    """``with matching_index() as index:`` (index is None when no organisation is indexed)."""
    return _CACHE.read()
