"""Pages: edit conflicts keep the user's text, the diff of versions, review reminders."""
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mosty.agreements import services
from mosty.agreements.diffs import diff
from mosty.agreements.models import Status
from mosty.agreements.tests.conftest import complete

pytestmark = pytest.mark.django_db


def test_a_stale_form_keeps_the_users_text(client, users, agreement):
    client.force_login(users["coordinator"])
    url = reverse("agreements:edit", args=[agreement.pk])
    opened = agreement.version
    services.update_terms(None, agreement, services.Terms(title="Zapisane przez kogoś"), opened)
    response = client.post(url, {"title": "Mój tytuł", "purpose": "Mój cel", "version": opened})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="conflict"' in page
    assert "Mój cel" in page
    agreement.refresh_from_db()
    assert agreement.title == "Zapisane przez kogoś"
    again = client.post(url, {"title": "Mój tytuł", "purpose": "Mój cel",
                              "version": agreement.version})
    assert again.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "Mój tytuł"


def test_the_versions_page_marks_changed_words(client, users, agreement):
    complete(agreement)
    client.force_login(users["facilitator"])
    page = client.get(reverse("agreements:versions", args=[agreement.pk]) + "?a=1").content \
        .decode()
    assert "<ins>" in page
    lines = diff("Strony: MDK i MOPS\nbez zmian", "Strony: MDK, MOPS i szkoła\nbez zmian")
    assert lines[0].kind == "changed"
    assert lines[1].kind == "same"
    assert lines[0].segments[0].kind == "same"
    assert lines[0].segments[0].text.startswith("Strony:")
    assert "szkoła" in "".join(s.text for s in lines[0].segments if s.kind == "added")


def test_a_review_reminder_is_sent_once(agreement):
    agreement = complete(agreement)
    for party in agreement.parties.all():
        services.approve(None, party)
    agreement.refresh_from_db()
    services.sign(None, agreement, timezone.localdate() - timedelta(days=1))
    call_command("send_agreement_reminders")
    call_command("send_agreement_reminders")
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) >= {"strona1@example.org", "strona2@example.org"}
    assert "przegląd" in mail.outbox[0].subject.lower()
    agreement.refresh_from_db()
    assert agreement.status == Status.SIGNED
    assert agreement.review_reminded_at is not None


def test_agreement_text_is_escaped_not_rendered(client, users, agreement):
    """No HTML is allowed in agreement text: markup typed into it comes out as text."""
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    services.update_terms(None, agreement, services.Terms(title="Umowa", purpose=payload),
                          agreement.version)
    client.force_login(users["coordinator"])
    for url in (reverse("agreements:versions", args=[agreement.pk]),
                reverse("agreements:edit", args=[agreement.pk])):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page, url
        assert "<img src=x" not in page, url
        assert "&lt;script&gt;alert(" in page, url
