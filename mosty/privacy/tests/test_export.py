"""Download my data: a ZIP of JSON files and uploads, built in the background, behind an
expiring link only its owner can open."""
import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mosty.privacy import services
from mosty.privacy.models import DataExport
from mosty.privacy.tests.world import EMAIL, NAME, build_world

pytestmark = pytest.mark.django_db


def download_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_the_account_page_builds_the_archive_and_e_mails_its_link(client):
    world = build_world()
    client.force_login(world.person)
    mail.outbox.clear()
    response = client.post(reverse("privacy:export"))
    assert response.status_code == 302
    export = DataExport.objects.get(user=world.person)
    assert export.status == DataExport.Status.READY
    assert export.expires_at is not None
    assert export.finished_at is not None
    assert export.expires_at - export.finished_at == timedelta(days=7)
    [message] = mail.outbox
    assert message.to == [EMAIL]
    path = download_path(message)
    assert f'href="{path}"' in client.get(reverse("accounts:profile")).content.decode()

    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = set(archive.namelist())
    assert {"accounts.User.json", "directory.Membership.json", "recruitment.Application.json",
            "events.Registration.json", "privacy.Consent.json", "api.ApiToken.json",
            "networking.NetworkingSession.json"} <= names
    [account] = json.loads(archive.read("accounts.User.json"))
    assert (account["email"], account["full_name"]) == (EMAIL, NAME)
    assert "password" not in account
    [token] = json.loads(archive.read("api.ApiToken.json"))
    assert "token_hash" not in token
    assert len(json.loads(archive.read("recruitment.Application.json"))) == 2
    uploads = [name for name in names if name.startswith("files/")]
    assert len(uploads) == 2
    assert archive.read(uploads[0]) == b"%PDF-1.4\n"


def test_the_link_works_only_for_its_owner_and_until_it_expires(client, outsider):
    world = build_world()
    export = services.request_export(world.person)
    export.refresh_from_db()
    path = reverse("privacy:download", args=[services.export_token(export)])
    client.force_login(outsider)
    assert client.get(path).status_code == 404
    client.force_login(world.person)
    assert client.get(path).status_code == 200
    assert client.get(path[:-3] + "xyz/").status_code == 404
    with pytest.raises(services.PrivacyError):
        services.export_for(services.export_token(export), world.person,
                            now=timezone.now() + timedelta(days=8))


def test_one_archive_is_prepared_at_a_time(outsider, monkeypatch):
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: None)
    services.request_export(outsider)
    with pytest.raises(services.PrivacyError):
        services.request_export(outsider)
