"""Shared fixtures: people in every role, organisations, and a query counter."""
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mosty.accounts.models import Role
from mosty.core.tests import migrated_database
from mosty.directory.models import Territory
from mosty.directory.teryt import load_terc
from mosty.directory.tests.factories import (
    MembershipFactory, OrganisationFactory, UserFactory, library_in_smigiel)

# Real-browser fixtures (`browser`, `page`) for tests marked "browser".
pytest_plugins = ["mosty.core.tests.browser"]
# Tests that commit the demo in the database and flush it afterwards (as a transactional test
# does): they run last, so no test expecting the database as migrations left it follows them.
RUN_LAST = ("mosty/core/tests/test_accessibility_audit.py",)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.nodeid.startswith(RUN_LAST))  # stable: others keep order


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """Runs before pytest-django creates the test database: on SQLite, restore it from the
    migrated copy saved by an earlier process instead of migrating (migrated_database.py)."""
    migrated_database.restore_instead_of_migrating()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database; on SQLite a copy of it as the migrations left it is kept
    for the tests that need a migrated database file (`migrated_sqlite`)."""
    with django_db_blocker.unblock():
        migrated_database.keep_fresh()


@pytest.fixture
def migrated_sqlite(tmp_path, django_db_setup):
    """A migrated SQLite database file of this test's own (copied: migrating takes long)."""
    return migrated_database.copy_to(tmp_path / "mosty.sqlite3")


@pytest.fixture(autouse=True)
def polish_by_default():
    """Each test starts in Polish: a request's language would otherwise stay in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def teryt_in_transactional_tests(request):
    """Transactional tests flush every table afterwards, the TERYT register (loaded by a
    migration) too; put it back for the next one that needs gminas."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        if not Territory.objects.exists():
            load_terc(Territory)


@pytest.fixture
def organisation(db):
    return library_in_smigiel()


@pytest.fixture
def other_organisation(db):
    org = OrganisationFactory(name="Ochotnicza Straż Pożarna w Śmiglu", sector="ngo",
                              kind="fire_brigade", municipality_id="3011053")
    org.contacts.create(name="Bogdan Prywatny", email="bogdan@example.org")
    return org


@pytest.fixture
def member(organisation):
    user = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=user, organisation=organisation)
    return user


@pytest.fixture
def outsider(db):
    return UserFactory(role=Role.PARTICIPANT)


@pytest.fixture
def coordinator(db):
    return UserFactory(role=Role.COORDINATOR)


@pytest.fixture
def partner_coordinator(organisation):
    """A coordinator of a programme that `organisation` takes part in (as a partner): they
    keep its profile; the coordinator role alone does not."""
    from mosty.programmes.models import Programme, ProgrammePartner, ProgrammeStaff, StaffRole

    user = UserFactory(role=Role.COORDINATOR)
    programme = Programme.objects.create(
        name="Program partnerski", slug="program-partnerski",
        organiser=OrganisationFactory(name="Urząd Gminy Śmigiel"))
    ProgrammePartner.objects.create(programme=programme, organisation=organisation)
    ProgrammeStaff.objects.create(programme=programme, user=user, role=StaffRole.COORDINATOR)
    return user


@pytest.fixture
def official(db):
    return UserFactory(role=Role.OFFICIAL)


@pytest.fixture
def staff(db):
    return UserFactory(role=Role.PARTICIPANT, is_staff=True, is_superuser=True)


@pytest.fixture
def count_queries():
    """`with count_queries() as queries: ...` then `len(queries)`."""
    return lambda: CaptureQueriesContext(connection)
