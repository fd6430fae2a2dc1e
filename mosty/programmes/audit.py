"""Which audit entries belong to a programme, so that its coordinators can read them.

Staff read the whole audit log. A coordinator (mosty.programmes.access.managed_programmes)
reads the entries about the programmes they manage: an entry belongs to programme P when

1. its object is P itself (object type "programmes.programme"); or
2. its object is a row whose model leads to Programme through foreign keys and whose chain
   ends at P — the shortest chain of at most MAX_LINKS links found on the models, e.g.
   application → call → edition → programme, registration → event → programme. The row is
   looked up as it is now: an entry about a row since deleted no longer counts by this rule;
   or
3. its details name P's slug under "programme" (services that log an object outside the
   programme's tree, e.g. a knowledge term or an event cycle template, add `programme=slug`).

Entries without an object (failed logins, imports), about accounts, organisations and the
directory do not belong to any programme: staff see them, coordinators do not.

The rules are found on the models at run time (`apps.get_models()`), so programmes imports
none of the apps above it and a new model with a programme key counts by itself.
"""
from collections import deque
from functools import cache

from django.apps import apps
from django.db import models
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from mosty.core.models import AuditEntry
from mosty.programmes.models import Programme

MAX_LINKS = 4
PROGRAMME_TYPE = Programme._meta.label_lower


def _path_to_programme(model: type[models.Model]) -> str | None:
    """The ORM path from `model` to its programme's id by the shortest chain of foreign
    keys (fields in declaration order break ties), or None."""
    queue: deque[tuple[type[models.Model], list[str]]] = deque([(model, [])])
    seen = {model}
    while queue:
        current, path = queue.popleft()
        if len(path) >= MAX_LINKS:
            continue
        for field in current._meta.concrete_fields:
            if not field.many_to_one and not field.one_to_one:
                continue
            target = field.related_model
            if target is Programme:
                return "__".join([*path, field.name, "id"])
            if isinstance(target, type) and target not in seen:
                seen.add(target)
                queue.append((target, [*path, field.name]))
    return None


@cache
def programme_paths() -> dict[str, str]:
    """{model label: ORM path to its programme's id} for every model that has one."""
    paths = {}
    for model in apps.get_models():
        if model is Programme or model is AuditEntry:
            continue
        path = _path_to_programme(model)
        if path is not None:
            paths[model._meta.label_lower] = path
    return paths


def _keys(queryset: QuerySet) -> QuerySet:
    """The rows' ids as text, as AuditEntry.object_id holds them."""
    return queryset.annotate(audit_key=Cast("pk", CharField())).values("audit_key")


def programme_entries(programmes: QuerySet[Programme]) -> QuerySet[AuditEntry]:
    """The audit entries that belong to any of `programmes` (rules in the module's
    docstring), as one query however many entries there are."""
    ids = programmes.values("pk")
    slugs = list(programmes.values_list("slug", flat=True))
    condition = Q(object_type=PROGRAMME_TYPE, object_id__in=_keys(Programme.objects.filter(
        pk__in=ids)))
    if slugs:
        condition |= Q(data__programme__in=slugs)
    for label, path in programme_paths().items():
        model = apps.get_model(label)
        rows = model._base_manager.filter(**{f"{path}__in": ids})
        condition |= Q(object_type=label, object_id__in=_keys(rows))
    return AuditEntry.objects.filter(condition)
