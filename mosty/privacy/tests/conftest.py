import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def mail_after_commit(monkeypatch):
    """Tasks and e-mails are queued when the transaction commits; run them right away."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())
