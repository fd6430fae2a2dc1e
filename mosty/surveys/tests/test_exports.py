"""Answer files of big surveys: written in the background, deleted once their link expires."""
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from mosty.surveys import exports
from mosty.surveys.models import AnswerExport
from mosty.surveys.tests.conftest import answer


def test_the_daily_retention_job_deletes_expired_answer_files(
        settings, tmp_path, survey, programme_coordinator, capsys,
        django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    for _n in range(5):
        answer(survey)
    with django_capture_on_commit_callbacks(execute=True):  # the task runs inline
        old = exports.request_export(programme_coordinator, survey, "csv")
        fresh = exports.request_export(programme_coordinator, survey, "xlsx")
    old.refresh_from_db()
    fresh.refresh_from_db()
    old_file, fresh_file = tmp_path / old.file.name, tmp_path / fresh.file.name
    assert old_file.is_file()
    assert fresh_file.is_file()
    AnswerExport.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert exports.ready_export(survey, programme_coordinator, old.pk) is None

    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        call_command("privacy_retention")

    assert "expired files deleted: 1" in capsys.readouterr().out
    assert not AnswerExport.objects.filter(pk=old.pk).exists()
    assert not old_file.exists()
    assert exports.ready_export(survey, programme_coordinator, fresh.pk) == fresh
    assert fresh_file.is_file()
