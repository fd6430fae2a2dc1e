"""Retention: unconfirmed accounts warned then removed, unused ones warned then anonymised;
run twice, nothing happens twice. Times are explicit `now` values."""
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import UserFactory
from mosty.privacy import services
from mosty.privacy.models import DataExport, Erasure, RetentionNotice

pytestmark = pytest.mark.django_db
START = timezone.now().replace(microsecond=0)


def day(n: int):
    return START + timedelta(days=n)


@pytest.fixture(autouse=True)
def periods(settings):
    settings.PRIVACY_UNCONFIRMED_WARN_DAYS = 14
    settings.PRIVACY_UNCONFIRMED_REMOVE_DAYS = 30
    settings.PRIVACY_INACTIVE_WARN_DAYS = 730
    settings.PRIVACY_INACTIVE_GRACE_DAYS = 30


def test_an_unconfirmed_account_is_warned_then_removed():
    user = User.objects.get(pk=UserFactory(email="nowy@example.org", email_confirmed_at=None,
                                           date_joined=day(0)).pk)
    log_action(user, "accounts.signed_up", user, email="nowy@example.org")
    mail.outbox.clear()
    assert services.apply_retention(now=day(13)).warned_unconfirmed == 0
    assert services.apply_retention(now=day(14)).warned_unconfirmed == 1
    [warning] = mail.outbox
    assert warning.to == ["nowy@example.org"]
    assert services.apply_retention(now=day(20)).warned_unconfirmed == 0  # once only
    assert services.apply_retention(now=day(29)).removed_unconfirmed == 0
    assert services.apply_retention(now=day(30)).removed_unconfirmed == 1
    assert not User.objects.filter(pk=user.pk).exists()
    trail = [f"{entry.object_repr} {entry.data}" for entry in AuditEntry.objects.all()]
    assert trail
    assert [line for line in trail if "nowy@example.org" in line] == []
    assert services.apply_retention(now=day(31)).removed_unconfirmed == 0
    assert len(mail.outbox) == 1


def test_an_unconfirmed_account_with_records_is_anonymised_instead(member):
    member.email_confirmed_at = None
    member.date_joined = day(0)
    member.save()
    services.apply_retention(now=day(14))
    services.apply_retention(now=day(30))
    member.refresh_from_db()
    assert member.full_name == "Usunięty użytkownik"
    assert Erasure.objects.get(user=member).reason == Erasure.Reason.UNCONFIRMED


def test_an_unused_account_is_warned_then_anonymised_unless_the_person_logs_in():
    idle = UserFactory(email="idle@example.org", date_joined=day(-1000), last_login=day(0))
    back = UserFactory(email="back@example.org", date_joined=day(-1000), last_login=day(0))
    admin = UserFactory(email="root@example.org", is_superuser=True, date_joined=day(-1000))
    mail.outbox.clear()
    assert services.apply_retention(now=day(729)).warned_inactive == 0
    assert services.apply_retention(now=day(730)).warned_inactive == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["back@example.org", "idle@example.org"]
    back.last_login = day(740)
    back.save(update_fields=["last_login"])
    report = services.apply_retention(now=day(760))
    assert (report.erased_inactive, report.warned_inactive) == (1, 0)
    idle.refresh_from_db()
    back.refresh_from_db()
    assert idle.full_name == "Usunięty użytkownik"
    assert not idle.is_active
    assert back.is_active
    assert back.email == "back@example.org"
    assert not Erasure.objects.filter(user=admin).exists()
    again = services.apply_retention(now=day(761))
    assert (again.erased_inactive, again.warned_inactive) == (0, 0)
    assert RetentionNotice.objects.filter(user=back).count() == 1
    # After two more idle years from the last login, the returning person is warned anew.
    assert services.apply_retention(now=day(740 + 730)).warned_inactive == 1


def test_expired_archives_are_deleted(outsider, capsys):
    export = DataExport.objects.create(user=outsider, created_at=day(-8), expires_at=day(-1),
                                       status=DataExport.Status.READY)
    services.apply_retention(now=day(-2))
    assert DataExport.objects.filter(pk=export.pk).exists()
    call_command("privacy_retention")
    assert not DataExport.objects.filter(pk=export.pk).exists()
    assert "expired files deleted: 1" in capsys.readouterr().out
