"""Deadline reminders: 30 days ahead, once, to the officials of the office."""
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from mosty.core.models import AuditEntry
from mosty.cooperation import reminders, services
from mosty.cooperation.tests.conftest import POZNAN

pytestmark = pytest.mark.django_db


def test_adoption_and_report_reminders_go_once_to_the_office(poznan_official, other_official,
                                                            programme_2019):
    draft = services.start_programme(None, POZNAN, 2020, copy_from=programme_2019)
    assert reminders.due(date(2019, 10, 30)) == []
    assert reminders.send_due(date(2019, 11, 2)) == 1
    message = mail.outbox[0]
    assert message.to == [poznan_official.email]
    assert "do 30 listopada 2019" in message.subject
    assert draft.title in message.body
    assert reminders.send_due(date(2019, 11, 3)) == 0
    assert reminders.send_due(date(2020, 5, 10)) == 1  # 2019's report, not generated
    assert "sprawozdanie" in mail.outbox[1].subject.lower()
    assert AuditEntry.objects.filter(action="cooperation.reminder.report").count() == 1
    call_command("cooperation_reminders")  # today: nothing due for 2019 and 2020 any more
    assert len(mail.outbox) == 2
