"""The audit log: who changed what. Services write one entry per state change.

`log_action` records an action with free-form details. For an update, take a `snapshot` of
the fields before changing them and call `log_change` afterwards: the entry then holds
`{"changes": {"field": [before, after]}}` for the fields whose value changed.
"""
import json
from collections.abc import Iterable
from typing import Any, TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile

from mosty.core.models import AuditEntry, own_field

Snapshot = dict[str, Any]
# Who made a change: an account (mosty.accounts' User; core names no app), an anonymous
# visitor, or None for the system (commands, the task queue, the demo).
Actor: TypeAlias = AbstractBaseUser | AnonymousUser | None


def log_action(user: Actor, action: str, obj: models.Model | None = None,
               **data: Any) -> AuditEntry:
    """Record a state change; `user` may be None (commands) or anonymous."""
    return AuditEntry.objects.create(
        user_id=user.pk if user is not None and user.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        data=json_safe(data),
    )


def json_safe(value: Any) -> Any:
    """The value as JSON stores it: dates as ISO strings, Decimals as strings, objects as ids."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, dict):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_safe(item) for item in value]
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _field_value(obj: models.Model, field: models.Field) -> Any:
    if field.many_to_many:
        if obj.pk is None:
            return []
        return sorted(field.value_from_object(obj), key=lambda o: o.pk)
    # For a foreign key this is its id: no query for the related row.
    return field.value_from_object(obj)


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> Snapshot:
    """The JSON-safe values of `fields` (all concrete fields but the key when None);
    a foreign key is recorded as the related row's id under the field's name."""
    meta = obj._meta
    chosen = ([own_field(obj, name) for name in fields] if fields is not None else
              [f for f in meta.concrete_fields if not f.primary_key])
    return {field.name: json_safe(_field_value(obj, field)) for field in chosen}


def changes(before: Snapshot, after: Snapshot) -> dict[str, list[Any]]:
    """`{"field": [before, after]}` for every field whose value differs."""
    return {name: [before.get(name), value] for name, value in after.items()
            if before.get(name) != value}


def log_change(user: Actor, action: str, obj: models.Model, before: Snapshot | None = None,
               after: Snapshot | None = None, **data: Any) -> AuditEntry:
    """Record a change of `obj` as `{"changes": {"field": [before, after]}}`, with only the
    fields whose value changed.

    `after` defaults to a snapshot of the same fields as `before`; a new object has no
    `before`, so every field of `after` (all its fields by default) is recorded as
    `[None, value]`. Snapshots may hold more than model fields (e.g. a list of contacts).
    """
    if after is None:
        after = snapshot(obj, before.keys() if before is not None else None)
    if before is None:
        before = {}
    return log_action(user, action, obj, changes=changes(before, after), **data)
