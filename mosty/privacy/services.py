"""RODO duties as state changes: consents, the data archive, erasure and retention.

Everything works from the `PERSONAL_DATA` declarations (see mosty.core.personal_data and
privacy.register), so an app that declares its models is exported, erased and listed in the
register without code here.
"""
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from axes.models import (  # type: ignore[import-untyped]
    AccessAttempt, AccessFailureLog, AccessLog)
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import json_safe, log_action
from mosty.core.errors import DomainError
from mosty.core.models import AuditEntry
from mosty.core.personal_data import Erase
from mosty.privacy import tasks
from mosty.privacy.models import Consent, DataExport, Erasure, RetentionNotice
from mosty.privacy.register import Entry, entries, rows_about, rows_by
from mosty.privacy.texts import OPTIONAL, Purpose, current_version

ERASED_NAME = "Usunięty użytkownik"
REMOVED = "[usunięto]"
EXPORT_SALT = "mosty.privacy.export"
# Never in an archive: they would let whoever reads it log in as the person.
SECRET_FIELDS = frozenset({"password", "token", "token_hash"})


class PrivacyError(DomainError):
    """A translated reason why a privacy request cannot be carried out."""


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


# Consents -----------------------------------------------------------------------------------

def active_purposes(user: User) -> set[str]:
    """The purposes the person currently consents to (in any version)."""
    return set(Consent.objects.filter(user=user, withdrawn_at__isnull=True)
               .values_list("purpose", flat=True))


def has_current_terms(user: User) -> bool:
    return Consent.objects.filter(user=user, purpose=Purpose.TERMS,
                                  version=current_version(Purpose.TERMS),
                                  withdrawn_at__isnull=True).exists()


@transaction.atomic
def give_consent(user: User, purpose: str, now: datetime | None = None) -> Consent:
    """Record that the person agrees to the current text of `purpose` (once per version)."""
    if purpose not in Purpose.values:
        raise PrivacyError(_("Unknown purpose."))
    version = current_version(purpose)
    existing = Consent.objects.filter(user=user, purpose=purpose, version=version,
                                      withdrawn_at__isnull=True).first()
    if existing is not None:
        return existing
    consent = Consent.objects.create(user=user, purpose=purpose, version=version,
                                     given_at=_now(now))
    log_action(user, "privacy.consent.given", consent, purpose=purpose, version=version)
    return consent


@transaction.atomic
def withdraw_consent(user: User, purpose: str, now: datetime | None = None) -> int:
    """Withdraw an optional consent, as easily as it was given; the record of it stays."""
    if purpose not in OPTIONAL:
        raise PrivacyError(_("The terms of use cannot be withdrawn on their own: to stop using "
                             "Mosty, erase your account."))
    withdrawn = Consent.objects.filter(user=user, purpose=purpose,
                                       withdrawn_at__isnull=True).update(withdrawn_at=_now(now))
    if withdrawn:
        log_action(user, "privacy.consent.withdrawn", user, purpose=purpose)
    return withdrawn


def record_sign_up_consents(sender: object, user: User, consents: tuple[str, ...],
                            **kwargs: object) -> None:
    """Receiver of accounts.signals.signed_up: the sign-up and its consents commit together."""
    for purpose in consents:
        give_consent(user, purpose)


# The data archive ---------------------------------------------------------------------------

def _serialise(row: models.Model) -> dict[str, Any]:
    values: dict[str, Any] = {"id": json_safe(row.pk)}  # UUID keys too (surveys)
    for model_field in row._meta.concrete_fields:
        if model_field.primary_key or model_field.name in SECRET_FIELDS:
            continue
        values[model_field.name] = json_safe(model_field.value_from_object(row))
    return values


def _files(row: models.Model) -> list[FieldFile]:
    return [value for model_field in row._meta.concrete_fields
            if isinstance(value := getattr(row, model_field.name), FieldFile) and value.name]


def collect(user: User) -> tuple[dict[str, list[dict[str, Any]]], list[FieldFile]]:
    """Everything linked to the person: {model label: rows} and the files of rows about them."""
    data: dict[str, list[dict[str, Any]]] = {}
    files: list[FieldFile] = []
    for entry in entries():
        about = list(rows_about(entry, user))
        by = [row for row in rows_by(entry, user) if row.pk not in {r.pk for r in about}]
        if about or by:
            data[entry.label] = [_serialise(row) for row in about + by]
        for row in about:
            files += _files(row)
    return data, files


def build_archive(user: User, now: datetime) -> bytes:
    """A ZIP of one JSON file per model (and the person's uploaded files under files/)."""
    data, files = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _(
            "Your data in Mosty on %(when)s. Each JSON file holds the records of one kind "
            "(named app.Model) that are about you or that you created; files/ holds the files "
            "you uploaded.\n") % {"when": now.isoformat(timespec="seconds")})
        for label, rows in sorted(data.items()):
            archive.writestr(f"{label}.json", json.dumps(rows, ensure_ascii=False, indent=2))
        for number, stored in enumerate(files, start=1):
            try:
                with stored.open("rb") as handle:
                    content = handle.read()
            except FileNotFoundError:
                continue
            archive.writestr(f"files/{number}-{(stored.name or '').rsplit('/', 1)[-1]}", content)
    return buffer.getvalue()


@transaction.atomic
def request_export(user: User, now: datetime | None = None) -> DataExport:
    """Start building the person's archive in the background; one at a time."""
    if DataExport.objects.filter(user=user, status=DataExport.Status.PENDING).exists():
        raise PrivacyError(_("Your archive is already being prepared. We will e-mail you when "
                             "it is ready."))
    export = DataExport.objects.create(user=user, created_at=_now(now))
    log_action(user, "privacy.export.requested", export)
    transaction.on_commit(lambda: tasks.build_data_export.enqueue(export.pk))
    return export


def build_export(export_id: int, now: datetime | None = None) -> DataExport | None:
    """Build a requested archive, store it and e-mail the person its link."""
    export = DataExport.objects.select_related("user").filter(
        pk=export_id, status=DataExport.Status.PENDING).first()
    if export is None:
        return None
    when = _now(now)
    content = build_archive(export.user, when)
    with transaction.atomic():
        export.file.save("archive.zip", ContentFile(content), save=False)
        export.status = DataExport.Status.READY
        export.finished_at = when
        export.expires_at = when + timedelta(days=settings.PRIVACY_EXPORT_DAYS)
        export.save(update_fields=["file", "status", "finished_at", "expires_at"])
        transaction.on_commit(lambda: tasks.send_export_ready.enqueue(export.pk))
    return export


def export_token(export: DataExport) -> str:
    """The signed part of the download link; the link expires with `export.expires_at`."""
    return signing.Signer(salt=EXPORT_SALT).sign_object(
        {"export": export.pk, "user": export.user_id})


def export_for(token: str, user: User, now: datetime | None = None) -> DataExport:
    """The ready archive a link names, only for its owner and only until it expires."""
    invalid = PrivacyError(_("This download link is not valid or has expired. Ask for a new "
                             "archive on your account page."))
    try:
        payload = signing.Signer(salt=EXPORT_SALT).unsign_object(token)
    except signing.BadSignature as error:
        raise invalid from error
    export = DataExport.objects.filter(pk=payload.get("export"), user=user,
                                       status=DataExport.Status.READY).first()
    if export is None or payload.get("user") != user.pk or not export.file:
        raise invalid
    if export.expires_at is None or export.expires_at <= _now(now):
        raise invalid
    return export


# Erasure ------------------------------------------------------------------------------------

@dataclass
class _Identifiers:
    values: list[str]

    def scrub(self, value: Any) -> Any:
        """The value with every identifier of the person replaced; whole matches emptied."""
        if isinstance(value, str):
            if any(value.strip().lower() == item.lower() for item in self.values):
                return ""
            for item in self.values:
                value = _replace_ignoring_case(value, item, REMOVED)
            return value
        if isinstance(value, dict):
            return {key: self.scrub(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.scrub(item) for item in value]
        return value


def _replace_ignoring_case(text: str, old: str, new: str) -> str:
    lowered, needle, start, parts = text.lower(), old.lower(), 0, []
    while (found := lowered.find(needle, start)) != -1:
        parts += [text[start:found], new]
        start = found + len(old)
    return "".join(parts) + text[start:]


def _identifiers(user: User) -> _Identifiers:
    # Short values (initials, "Jan") would blank unrelated words: only distinctive ones count.
    values = [value for value in (user.email, user.full_name, user.phone)
              if value and len(value.strip()) >= 5]
    return _Identifiers(sorted(values, key=len, reverse=True))


@dataclass
class _FilesToRemove:
    files: list[tuple[Storage, str]] = field(default_factory=list)

    def add(self, row: models.Model) -> None:
        self.files += [(stored.storage, str(stored.name)) for stored in _files(row)]

    def remove_after_commit(self) -> None:
        files = list(self.files)

        def remove() -> None:
            for storage, name in files:
                storage.delete(name)

        transaction.on_commit(remove)


def _blank(model_field: models.Field) -> Any:
    if isinstance(model_field, models.JSONField):
        return model_field.get_default()
    if model_field.null:
        return None
    return ERASED_NAME if model_field.name == "name" else ""


def _anonymise(row: models.Model, entry: Entry, files: _FilesToRemove) -> None:
    for name in entry.declaration.fields:
        model_field = row._meta.get_field(name)
        assert isinstance(model_field, models.Field)
        if isinstance(model_field, models.FileField):
            files.add(row)
        setattr(row, name, _blank(model_field))
    if entry.declaration.fields:
        row.save(update_fields=list(entry.declaration.fields))


def _scrub(row: models.Model, entry: Entry, identifiers: _Identifiers) -> None:
    changed = []
    for name in entry.declaration.fields:
        if isinstance(row._meta.get_field(name), models.FileField):
            continue  # documents the law requires to keep stay as they were signed
        before = getattr(row, name)
        after = identifiers.scrub(before)
        if after != before:
            setattr(row, name, after)
            changed.append(name)
    if changed:
        row.save(update_fields=changed)


def _erase_rows(entry: Entry, user: User, identifiers: _Identifiers,
                files: _FilesToRemove) -> None:
    declaration = entry.declaration
    rows = rows_about(entry, user)
    many = [lookup for lookup in declaration.person
            if "__" not in lookup and entry.model._meta.get_field(lookup).many_to_many]
    if declaration.erase == Erase.DELETE and many:
        for row in rows:  # a group keeps existing without the person
            for lookup in many:
                getattr(row, lookup).remove(user)
        return
    if declaration.erase == Erase.DELETE:
        kept = rows.filter(declaration.keep) if declaration.keep is not None else rows.none()
        kept_ids = set(kept.values_list("pk", flat=True))
        doomed = [row for row in rows if row.pk not in kept_ids]
        for row in doomed:
            files.add(row)
        entry.model._default_manager.filter(pk__in=[row.pk for row in doomed]).delete()
        for row in entry.model._default_manager.filter(pk__in=kept_ids):
            _scrub(row, entry, identifiers)
    elif declaration.erase == Erase.ANONYMISE:
        for row in rows:
            _anonymise(row, entry, files)
    else:
        for row in rows:
            _scrub(row, entry, identifiers)


def _end_sessions(user: User) -> None:
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return  # other engines: the changed password hash ends them at the next request
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


@transaction.atomic
def erase_account(user: User, reason: str = Erasure.Reason.REQUEST, actor: User | None = None,
                  now: datetime | None = None) -> User:
    """Anonymise the account in place and erase or anonymise what is about the person.

    Records the law requires (submitted applications, attendance, signed agreements, reviews,
    the audit log, consents) stay, linked to the anonymised account, with the person's name,
    address and phone number replaced inside them. Uploaded files of deleted records go,
    sessions end, API tokens and memberships are removed.
    """
    account = User.objects.select_for_update().get(pk=user.pk)
    if Erasure.objects.filter(user=account).exists():
        raise PrivacyError(_("This account has already been erased."))
    identifiers = _identifiers(account)
    files = _FilesToRemove()
    for entry in sorted(entries(), key=lambda e: -max((p.count("__") for p in
                                                       e.declaration.person), default=0)):
        if entry.model is User:
            continue
        _erase_rows(entry, account, identifiers, files)
    about_account = AuditEntry.objects.filter(object_type=User._meta.label_lower,
                                              object_id=str(account.pk))
    for audit in about_account:
        after = identifiers.scrub({"repr": audit.object_repr, "data": audit.data})
        audit.object_repr, audit.data = after["repr"], after["data"]
        audit.save(update_fields=["object_repr", "data"])
    AccessAttempt.objects.filter(username__iexact=account.email).delete()
    AccessLog.objects.filter(username__iexact=account.email).delete()
    AccessFailureLog.objects.filter(username__iexact=account.email).delete()
    _end_sessions(account)

    account.email = f"usuniety-{account.pk}@usuniety.invalid"
    account.full_name = ERASED_NAME
    account.phone = ""
    account.language = ""
    account.is_active = account.is_staff = account.is_superuser = False
    account.confirmation_sent_at = None
    account.set_unusable_password()
    account.save()
    account.groups.clear()
    account.user_permissions.clear()
    Erasure.objects.create(user=account, reason=reason, erased_at=_now(now))
    log_action(actor, "privacy.account.erased", account, reason=reason)
    files.remove_after_commit()
    return account


# Retention ----------------------------------------------------------------------------------

@dataclass
class RetentionReport:
    warned_unconfirmed: int = 0
    removed_unconfirmed: int = 0
    warned_inactive: int = 0
    erased_inactive: int = 0
    expired_files: int = 0  # data archives, survey answer files: rows declaring `expires`


# Records of the account itself: an unconfirmed account with nothing else is deleted outright.
_ACCOUNT_ONLY = {"accounts.User", "core.AuditEntry", "privacy.Consent", "privacy.DataExport",
                 "privacy.RetentionNotice", "privacy.Erasure"}


def _only_account_records(user: User) -> bool:
    return not any(rows_about(entry, user).exists() for entry in entries()
                   if entry.label not in _ACCOUNT_ONLY)


def _warn(user: User, kind: str, now: datetime, deadline: datetime) -> None:
    RetentionNotice.objects.create(user=user, kind=kind, sent_at=now)
    log_action(None, f"privacy.retention.warned_{kind}", user)
    transaction.on_commit(lambda: tasks.send_retention_warning.enqueue(
        user.pk, kind, deadline.isoformat()))


def _remove_unconfirmed(user: User, now: datetime) -> None:
    """Erase the account (which also scrubs the audit log); delete its row when nothing but
    the account's own records points to it."""
    only_account = _only_account_records(user)
    account = erase_account(user, Erasure.Reason.UNCONFIRMED, now=now)
    if only_account:
        account.delete()


@transaction.atomic
def apply_retention(now: datetime | None = None) -> RetentionReport:
    """Warn, then remove, unconfirmed accounts; warn, then anonymise, unused ones; delete
    the files whose link has expired (data archives, survey answer files: every model that
    declares `expires`). Safe to run again: every warning is sent once per period."""
    now = _now(now)
    report = RetentionReport()
    live = User.objects.filter(is_active=True, erasure__isnull=True)

    warn_after = timedelta(days=settings.PRIVACY_UNCONFIRMED_WARN_DAYS)
    remove_after = timedelta(days=settings.PRIVACY_UNCONFIRMED_REMOVE_DAYS)
    unconfirmed = live.filter(email_confirmed_at__isnull=True, date_joined__lte=now - warn_after)
    for user in unconfirmed:
        notice = user.retention_notices.filter(kind=RetentionNotice.Kind.UNCONFIRMED).first()
        if notice is None:
            _warn(user, RetentionNotice.Kind.UNCONFIRMED, now, user.date_joined + remove_after)
            report.warned_unconfirmed += 1
        elif (user.date_joined <= now - remove_after
              and notice.sent_at <= now - (remove_after - warn_after)):
            _remove_unconfirmed(user, now)
            report.removed_unconfirmed += 1

    idle = timedelta(days=settings.PRIVACY_INACTIVE_WARN_DAYS)
    grace = timedelta(days=settings.PRIVACY_INACTIVE_GRACE_DAYS)
    confirmed = live.filter(email_confirmed_at__isnull=False, is_superuser=False)
    for user in confirmed.exclude(last_login__gt=now - idle).filter(date_joined__lte=now - idle):
        last_seen = user.last_login or user.date_joined
        notice = user.retention_notices.filter(kind=RetentionNotice.Kind.INACTIVE,
                                               sent_at__gte=last_seen).first()
        if notice is None:
            _warn(user, RetentionNotice.Kind.INACTIVE, now, now + grace)
            report.warned_inactive += 1
        elif notice.sent_at <= now - grace:
            erase_account(user, Erasure.Reason.INACTIVE, now=now)
            report.erased_inactive += 1

    files = _FilesToRemove()
    for entry in entries():
        if not entry.declaration.expires:
            continue
        expired = {f"{entry.declaration.expires}__lte": now}
        for row in entry.model._default_manager.filter(**expired):
            files.add(row)
            row.delete()
            report.expired_files += 1
    files.remove_after_commit()
    return report
