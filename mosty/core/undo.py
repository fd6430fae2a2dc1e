"""Undo for destructive actions: a deletion is kept for UNDO_MINUTES and can be reverted.

`delete(actor, obj, label=..., back_url=...)` deletes `obj` and everything its deletion
cascades to, after serialising those rows into a `Deletion` (and noting the rows it only
unlinks, on_delete=SET_NULL); stored files are not removed yet. `restore(actor, deletion)`
puts the rows back with their keys and files, links the unlinked rows again and runs the
hooks an app registered with `@after_restore(Model)` (its rules may refuse the undo).
`purge()` removes the expired entries and only then their stored files; it runs at every
deletion and from `mosty privacy_retention`. The pages: `ask_then_delete(request, ...)` asks
first (GET, `confirm_page`, templates/confirm.html) and deletes on POST; `offer(request,
deletion)` shows an "Undo" button on the next page (the `{% undo_offer %}` tag in base.html);
the button posts to core:undo.
"""
import json
from datetime import timedelta
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from django.contrib import messages
from django.core import serializers
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.fields.files import FileField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.core.models import Deletion

UNDO_MINUTES = 10
SESSION_KEY = "mosty_undo"


class UndoError(DomainError):
    pass


M = TypeVar("M", bound=models.Model)
RestoreHook = Callable[[Any, Any], None]
_hooks: dict[type[models.Model], list[RestoreHook]] = {}


def after_restore(model: type[M]) -> Callable[[Callable[[Any, M], None]],
                                              Callable[[Any, M], None]]:
    """Register `hook(actor, obj)`, run in the restoring transaction once a deleted `obj` of
    `model` is back: a DomainError it raises refuses the undo (the app's rules no longer
    allow it), and it may redo what the deletion changed elsewhere (a version, a count)."""
    def register(hook: Callable[[Any, M], None]) -> Callable[[Any, M], None]:
        _hooks.setdefault(model, []).append(hook)
        return hook
    return register


def _collected(obj: models.Model) -> tuple[list[models.Model], list[list[Any]]]:
    """`obj` first, then every row its deletion removes, parents before children; and the
    rows it only unlinks as [model, pk, field, key]."""
    collector = Collector(using=router.db_for_write(type(obj)), origin=obj)
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError) as error:
        raise UndoError(_("This cannot be deleted: other records still refer to it.")) \
            from error
    collector.sort()
    rows: list[models.Model] = []
    for instances in collector.data.values():
        rows.extend(instances)
    # The collector orders children first for deleting; restoring goes the other way.
    rows.reverse()
    for queryset in collector.fast_deletes:
        rows.extend(queryset)
    rows.sort(key=lambda row: not (type(row) is type(obj) and row.pk == obj.pk))
    relinks = [[row._meta.label, row.pk, field.attname, getattr(row, field.attname)]
               for (field, value), batches in collector.field_updates.items() if value is None
               for batch in batches for row in cast(Iterable[models.Model], batch)]
    return rows, relinks


def _files(rows: list[models.Model]) -> list[list[str]]:
    return [[row._meta.label, field.name, getattr(row, field.name).name]
            for row in rows for field in row._meta.concrete_fields
            if isinstance(field, FileField) and getattr(row, field.name)]


@transaction.atomic
def delete(actor: Any, obj: models.Model, *, label: str, back_url: str) -> Deletion:
    """Delete `obj` (and what cascades from it) so that `actor` may undo it for a while."""
    purge()
    rows, relinks = _collected(obj)
    deletion = Deletion.objects.create(
        user=actor, label=label[:300], back_url=back_url[:500],
        rows=json.loads(serializers.serialize("json", rows)), files=_files(rows),
        relinks=relinks)
    log_action(actor, "core.deleted", obj, label=label, undo=deletion.pk)
    obj.delete()
    return deletion


def expired(deletion: Deletion) -> bool:
    return deletion.created_at < timezone.now() - timedelta(minutes=UNDO_MINUTES)


@transaction.atomic
def restore(actor: Any, deletion: Deletion) -> None:
    """Put the deleted rows back, with the same keys; refused once expired or when what
    they belonged to has gone meanwhile."""
    deletion = Deletion.objects.select_for_update().get(pk=deletion.pk)
    if expired(deletion):
        raise UndoError(_("It is too late to undo this: deletions can be undone for "
                          "%(minutes)s minutes.") % {"minutes": UNDO_MINUTES})
    restored = list(serializers.deserialize("python", deletion.rows))
    keys = {(type(r.object), r.object.pk) for r in restored}
    for item in restored:
        for field in item.object._meta.concrete_fields:
            target = field.related_model
            if not field.is_relation or not isinstance(target, type):
                continue
            value = getattr(item.object, field.attname)
            if value is not None and (target, value) not in keys and \
                    not target._default_manager.filter(pk=value).exists():
                raise UndoError(_("“%(label)s” cannot be restored: what it belonged to has "
                                  "been deleted meanwhile.") % {"label": deletion.label})
    try:
        with transaction.atomic():
            for item in restored:
                # Many-to-many links come back as their own rows, with their keys.
                item.save(save_m2m=False)
    except IntegrityError as error:
        raise UndoError(_("“%(label)s” cannot be restored: something else has taken its "
                          "place meanwhile.") % {"label": deletion.label}) from error
    _relink(deletion.relinks)
    root = restored[0].object if restored else None
    for hook in _hooks.get(type(root), []) if root is not None else []:
        try:
            hook(actor, root)
        except DomainError as error:
            raise UndoError(error.message) from error
    log_action(actor, "core.restored", root, label=deletion.label)
    deletion.delete()


def _relink(relinks: list[list[Any]]) -> None:
    """Link the rows the deletion set to NULL again, unless they have been changed since."""
    from django.apps import apps

    for label, pk, attname, key in relinks:
        apps.get_model(label)._base_manager.filter(pk=pk, **{attname: None}) \
            .update(**{attname: key})


def purge(now: Any = None) -> int:
    """Remove the expired entries, then the stored files no restored row uses."""
    limit = (now or timezone.now()) - timedelta(minutes=UNDO_MINUTES)
    old = list(Deletion.objects.filter(created_at__lt=limit))
    if not old:
        return 0
    Deletion.objects.filter(pk__in=[d.pk for d in old]).delete()
    for deletion in old:
        for label, field_name, name in deletion.files:
            _delete_file_later(label, field_name, name)
    return len(old)


def _delete_file_later(label: str, field_name: str, name: str) -> None:
    from django.apps import apps

    model = apps.get_model(label)
    if model._default_manager.filter(**{field_name: name}).exists():
        return  # restored, or the same file used again
    storage = cast(FileField, model._meta.get_field(field_name)).storage
    transaction.on_commit(lambda: storage.delete(name))


def offer(request: HttpRequest, deletion: Deletion) -> None:
    """Show an "Undo" button on the next page the person sees."""
    request.session[SESSION_KEY] = deletion.pk


def take_offer(request: HttpRequest) -> Deletion | None:
    """The deletion to offer undoing on this page, once."""
    pk = request.session.pop(SESSION_KEY, None) if hasattr(request, "session") else None
    if pk is None or not request.user.is_authenticated:
        return None
    deletion = Deletion.objects.filter(pk=pk, user=request.user).first()
    return deletion if deletion is not None and not expired(deletion) else None


def ask_then_delete(request: HttpRequest, remove: Callable[[], Deletion], *, title: str,
                    question: str, action: str, back_url: str,
                    details: list[str] | None = None) -> HttpResponse:
    """One address for a destructive action: GET asks (`confirm_page`), POST calls
    `remove` (a service that returns `delete`'s Deletion), offers to undo it on the next
    page and goes back to `back_url`; a DomainError it raises is shown there instead."""
    if request.method != "POST":
        return confirm_page(request, title=title, question=question, action=action,
                            cancel_url=back_url, details=details)
    try:
        offer(request, remove())
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(back_url)


def confirm_page(request: HttpRequest, *, title: str, question: str, action: str,
                 cancel_url: str, details: list[str] | None = None,
                 undoable: bool = True) -> HttpResponse:
    """The page that asks before a destructive action; its button posts to this address.
    `undoable=False` for an action `offer` will not follow (it must not promise an undo)."""
    return render(request, "confirm.html", {
        "title": title, "question": question, "action": action, "cancel_url": cancel_url,
        "details": details or [], "minutes": UNDO_MINUTES if undoable else None})
