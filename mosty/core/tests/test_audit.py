import datetime
from decimal import Decimal

import pytest

from mosty.core.audit import changes, json_safe, log_action, log_change, snapshot
from mosty.core.models import AuditEntry
from mosty.directory.models import Territory

pytestmark = pytest.mark.django_db


def test_json_safe_turns_dates_decimals_and_objects_into_plain_values(organisation):
    value = {"day": datetime.date(2026, 3, 1), "amount": Decimal("12.50"),
             "when": datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC),
             "organisation": organisation, "ids": (1, 2)}
    assert json_safe(value) == {"day": "2026-03-01", "amount": "12.50",
                                "when": "2026-03-01T09:30:00Z",
                                "organisation": organisation.pk, "ids": [1, 2]}


def test_snapshot_records_foreign_keys_by_id(organisation):
    assert snapshot(organisation, ["name", "municipality"]) == {
        "name": organisation.name, "municipality": organisation.municipality_id}


def test_snapshot_without_fields_takes_every_field_but_the_key(organisation):
    taken = snapshot(organisation)
    assert "id" not in taken
    assert taken["slug"] == organisation.slug
    assert isinstance(taken["created_at"], str)


def test_changes_lists_only_what_differs():
    assert changes({"a": 1, "b": "x"}, {"a": 1, "b": "y"}) == {"b": ["x", "y"]}


def test_log_change_records_before_and_after_of_changed_fields(organisation, member):
    before = snapshot(organisation, ["name", "address", "municipality"])
    old_name, old_gmina = organisation.name, organisation.municipality_id
    organisation.name = "Nowa nazwa"
    organisation.municipality = Territory.objects.get(code="2061011")
    entry = log_change(member, "directory.organisation.updated", organisation, before,
                       note="test")
    entry.refresh_from_db()
    assert entry.user == member
    assert entry.object_id == str(organisation.pk)
    assert entry.data == {"note": "test", "changes": {
        "name": [old_name, "Nowa nazwa"], "municipality": [old_gmina, "2061011"]}}


def test_log_change_of_a_new_object_records_none_before(organisation):
    entry = log_change(None, "x.created", organisation, after={"name": "A", "empty": None})
    assert entry.user is None
    assert entry.data == {"changes": {"name": [None, "A"]}}


def test_log_action_still_takes_free_details(organisation):
    log_action(None, "x.done", organisation, count=3, day=datetime.date(2026, 1, 2))
    assert AuditEntry.objects.get(action="x.done").data == {"count": 3, "day": "2026-01-02"}
