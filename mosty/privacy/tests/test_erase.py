"""Erasing an account: personal fields anonymised in place, files and sessions gone, records
the law requires kept without the person."""
import os

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from mosty.accounts.models import User
from mosty.api.models import ApiToken
from mosty.core.models import AuditEntry
from mosty.directory.models import ContactPerson, Membership
from mosty.events.models import CalendarFeed, Registration
from mosty.privacy import services
from mosty.privacy.models import Consent, Erasure
from mosty.privacy.register import entries, rows_about, rows_by
from mosty.privacy.tests.world import EMAIL, NAME, PHONE, build_world
from mosty.recruitment.models import Application, ApplicationFile

pytestmark = pytest.mark.django_db


def personal_values_left(user, identifiers):
    """Every declared personal field, in every row linked to the user, that still holds one of
    the person's identifiers."""
    found = []
    for entry in entries():
        rows = list(rows_about(entry, user)) + list(rows_by(entry, user))
        for row in rows:
            for name in entry.declaration.fields:
                text = str(getattr(row, name)).lower()
                found += [f"{entry.label}.{name}" for item in identifiers if item.lower() in text]
    for name in ("email", "full_name", "phone"):
        text = str(getattr(user, name)).lower()
        found += [f"accounts.User.{name}" for item in identifiers if item.lower() in text]
    audit = AuditEntry.objects.filter(object_type="accounts.user", object_id=str(user.pk))
    for audit_entry in audit:
        text = f"{audit_entry.object_repr} {audit_entry.data}".lower()
        found += [f"core.AuditEntry#{audit_entry.pk}" for item in identifiers
                  if item.lower() in text]
    return found


def test_erasure_leaves_nothing_personal_and_keeps_what_the_law_requires(client):
    world = build_world()
    person = world.person
    client.force_login(person)
    assert personal_values_left(person, [EMAIL, NAME, PHONE])  # the check sees them before
    draft_path = world.draft_file.file.path
    submitted_path = world.submitted_file.file.path

    response = client.post(reverse("privacy:erase"), {"password": "haslo-testowe-123",
                                                      "confirm": "on"})
    assert response.status_code == 302

    person.refresh_from_db()
    assert person.full_name == "Usunięty użytkownik"
    assert person.email == f"usuniety-{person.pk}@usuniety.invalid"
    assert person.phone == ""
    assert not person.is_active
    assert not person.has_usable_password()
    assert personal_values_left(person, [EMAIL, NAME, PHONE]) == []
    assert not User.objects.filter(email__iexact=EMAIL).exists()
    # Removed: memberships, tokens, the calendar feed, the draft and its file, the contact
    # person, a registration for an event not yet held; the session ended.
    assert not Membership.objects.filter(user=person).exists()
    assert not ApiToken.objects.filter(user=person).exists()
    assert not CalendarFeed.objects.filter(user=person).exists()
    assert not ContactPerson.objects.filter(email__iexact=EMAIL).exists()
    assert not Application.objects.filter(pk=world.draft.pk).exists()
    assert not ApplicationFile.objects.filter(pk=world.draft_file.pk).exists()
    assert not Registration.objects.filter(pk=world.upcoming.pk).exists()
    assert not Session.objects.exists()
    assert not os.path.exists(draft_path)
    # Kept without the person: the submitted application and its signed file, attendance,
    # the consents, the audit entries; the organisation stays, its shared address cleared.
    submitted = Application.objects.get(pk=world.submitted.pk)
    assert submitted.applicant == person
    assert submitted.answers == {"motivation": "Jestem [usunięto], piszcie na [usunięto]."}
    assert os.path.exists(submitted_path)
    assert Registration.objects.filter(pk=world.attended.pk).exists()
    assert Consent.objects.filter(user=person).count() == 2
    world.organisation.refresh_from_db()
    assert world.organisation.email == ""
    world.participant.refresh_from_db()
    assert (world.participant.name, world.participant.email) == ("Usunięty użytkownik", "")
    assert Erasure.objects.get(user=person).reason == Erasure.Reason.REQUEST
    assert AuditEntry.objects.filter(action="privacy.account.erased",
                                     object_id=str(person.pk)).exists()
    # Logged out, and cannot log in again.
    assert client.get(reverse("accounts:profile")).status_code == 302
    response = client.post(reverse("accounts:login"), {"username": EMAIL,
                                                       "password": "haslo-testowe-123"})
    assert response.status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_wrong_password_erases_nothing(client, outsider):
    client.force_login(outsider)
    response = client.post(reverse("privacy:erase"), {"password": "zle", "confirm": "on"})
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    outsider.refresh_from_db()
    assert outsider.is_active
    assert not Erasure.objects.exists()


def test_an_account_is_erased_once(outsider):
    services.erase_account(outsider)
    with pytest.raises(services.PrivacyError):
        services.erase_account(outsider)
