"""The per-process index: built from the directory, kept fresh by upserts, thread-safe."""
import threading
from datetime import datetime, timedelta, UTC

import pytest
from django.utils import timezone

from mosty.directory.choices import ResourceCategory, Sector
from mosty.directory.models import Organisation
from mosty.directory.services import refresh_search_text
from mosty.directory.tests.factories import ResourceFactory
from mosty.matching.engine import CATEGORIES, GEO_LEVELS, SECTORS, Item, Org
from mosty.matching.index_cache import DirectorySource, IndexCache
from mosty.matching.recommend import RADII
from mosty.matching.tests.conftest import SMIGIEL, make_org


def test_directory_codes_are_the_engines_codes():
    # The index maps sectors and categories without translation tables: keep them equal.
    assert set(Sector.values) == set(SECTORS)
    assert set(ResourceCategory.values) == set(CATEGORIES)
    assert RADII == GEO_LEVELS


@pytest.mark.django_db
def test_built_from_two_queries_then_one_per_read(planted, count_queries):
    cache = IndexCache()
    with count_queries() as build:
        with cache.read() as index:
            assert index is not None
            assert len(index) == 7
            assert planted.abroad.pk not in index
            library = index.get(planted.library.pk)
    assert cache.last_sync.rebuilt
    assert len(build) == 3
    assert library.teryt == SMIGIEL
    assert {i.text for i in library.items} == {
        "sala na 60 osób z rzutnikiem", "wolontariusze do pomocy przy festynie"}
    with count_queries() as unchanged:
        with cache.read():
            pass
    assert len(unchanged) == 1
    assert cache.last_sync == type(cache.last_sync)()


@pytest.mark.django_db
def test_only_changed_organisations_are_upserted(planted):
    cache = IndexCache()
    with cache.read():
        pass
    ResourceFactory(organisation=planted.bakery, kind="offer", category="transport",
                    description="samochód dostawczy na przewóz sprzętu")
    refresh_search_text(planted.bakery)
    new = make_org("Nowa Fundacja", "ngo", "foundation", SMIGIEL,
                   offers=[("space", "świetlica")])
    with cache.read() as index:
        assert index is not None
        assert "samochód dostawczy na przewóz sprzętu" in {
            i.text for i in index.get(planted.bakery.pk).items}
        assert new.pk in index
    assert not cache.last_sync.rebuilt
    assert sorted(cache.last_sync.upserted) == sorted([planted.bakery.pk, new.pk])


@pytest.mark.django_db
def test_deleted_and_emigrated_organisations_leave_the_index(planted):
    cache = IndexCache()
    with cache.read():
        pass
    koscian_id = planted.koscian.pk
    planted.koscian.delete()
    Organisation.objects.filter(pk=planted.warsaw.pk).update(municipality=None,
                                                             updated_at=timezone.now())
    with cache.read() as index:
        assert index is not None
        assert koscian_id not in index
        assert planted.warsaw.pk not in index
        assert planted.osp.pk in index
    assert sorted(cache.last_sync.removed) == sorted([koscian_id, planted.warsaw.pk])
    assert not cache.last_sync.rebuilt


@pytest.mark.django_db
def test_a_late_commit_is_caught_by_the_periodic_full_check(planted):
    """A change stamped before the newest one seen (a transaction committing late, or an
    app server with a slow clock) escapes the fingerprint; the full check catches it."""
    cache = IndexCache(resync_seconds=3600)
    with cache.read():
        pass
    old = Organisation.objects.order_by("updated_at").first().updated_at - timedelta(hours=1)
    planted.poznan.resources.update(description="studenci do pomocy przy dożynkach")
    Organisation.objects.filter(pk=planted.poznan.pk).update(updated_at=old)
    Organisation.objects.filter(pk=planted.osp.pk).update(updated_at=timezone.now())
    with cache.read() as index:
        texts = {i.text for i in index.get(planted.poznan.pk).items}
    assert cache.last_sync.upserted == (planted.osp.pk,)
    assert "studenci do pomocy przy dożynkach" not in texts
    cache.resync_seconds = 0
    with cache.read() as index:
        texts = {i.text for i in index.get(planted.poznan.pk).items}
    assert "studenci do pomocy przy dożynkach" in texts


@pytest.mark.django_db
def test_empty_directory_then_first_organisations():
    cache = IndexCache()
    with cache.read() as index:
        assert index is None
    org = make_org("Pierwsza", "ngo", "association", SMIGIEL, offers=[("space", "sala")])
    with cache.read() as index:
        assert index is not None
        assert org.pk in index
    org.delete()
    with cache.read() as index:
        assert index is None


class FakeSource(DirectorySource):
    """An in-memory directory that changes while threads read it."""

    def __init__(self, n: int) -> None:
        self.lock = threading.Lock()
        self.clock = datetime(2024, 1, 1, tzinfo=UTC)
        self.orgs = {i: self._org(i, 0) for i in range(1, n + 1)}
        self.updated = dict.fromkeys(self.orgs, self.clock)

    @staticmethod
    def _org(i: int, version: int) -> Org:
        sector = ("ngo", "business", "public_institution")[i % 3]
        return Org(i, f"Org {i}", sector, "3011053", (
            Item("offer", "space", f"sala numer {version}"),
            Item("need", "volunteers", f"wolontariusze {version}")))

    def touch(self, i: int, version: int) -> None:
        with self.lock:
            self.clock += timedelta(seconds=1)
            self.orgs[i] = self._org(i, version)
            self.updated[i] = self.clock

    def fingerprint(self):
        with self.lock:
            return len(self.orgs), max(self.updated.values())

    def stamps(self, since):
        with self.lock:
            return {i: t for i, t in self.updated.items() if since is None or t > since}

    def ids(self):
        with self.lock:
            return set(self.orgs)

    def load(self, ids=None):
        with self.lock:
            chosen = list(self.orgs) if ids is None else [i for i in ids if i in self.orgs]
            return [self.orgs[i] for i in chosen], {i: self.updated[i] for i in chosen}


def test_concurrent_reads_and_updates_stay_consistent():
    """Threads recommend while the directory changes; every read sees a whole index."""
    source = FakeSource(60)
    cache = IndexCache(source=source)
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(40):
                with cache.read() as index:
                    assert index is not None
                    assert len(index) == 60
                    index.recommend(1, radius="gmina")
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    def writer() -> None:
        for version in range(1, 40):
            source.touch(version % 60 + 1, version)

    threads = [threading.Thread(target=reader) for _ in range(6)] + [threading.Thread(
        target=writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with cache.read() as index:
        assert {i.text for i in index.get(40).items} == {"sala numer 39", "wolontariusze 39"}


@pytest.mark.django_db
def test_each_process_keeps_its_own_index_in_step(planted):
    """Two app servers (two caches) share nothing but the database, and both follow it."""
    first, second = IndexCache(), IndexCache()
    for cache in (first, second):
        with cache.read():
            pass
    ResourceFactory(organisation=planted.osp, kind="offer", category="transport",
                    description="wóz strażacki na pokazy")
    refresh_search_text(planted.osp)
    for cache in (first, second):
        with cache.read() as index:
            assert "wóz strażacki na pokazy" in {i.text for i in index.get(planted.osp.pk).items}
        assert cache.last_sync.upserted == (planted.osp.pk,)
