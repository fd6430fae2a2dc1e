from typing import Any

from django.db import models

from mosty.core.models import AuditEntry


def log_action(user: Any, action: str, obj: models.Model | None = None,
               **data: Any) -> AuditEntry:
    """Record a state change; `user` may be None (commands) or anonymous."""
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        data=data,
    )
