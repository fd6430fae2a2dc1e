"""Check-in on a phone, the printable attendance list and certificates of attendance."""
import shutil
import subprocess
from datetime import time, timedelta

import pytest
from django.urls import reverse

from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.events import services
from mosty.events.models import Registration, RegistrationStatus as Status
from mosty.events.tests.conftest import make_event
from mosty.programmes.models import AgendaItem

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    assert content.startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def add_people(event, count: int) -> list[Registration]:
    organisation = OrganisationFactory(sector="ngo")
    people = []
    for _ in range(count):
        user = UserFactory.create()
        MembershipFactory(user=user, organisation=organisation)
        MembershipFactory(user=user)
        people.append(services.register(user, event))
    return people


def test_tapping_checks_in_and_tapping_again_undoes(client, event, registration, facilitator):
    client.force_login(facilitator)
    url = reverse("events:check_in", args=[event.slug])
    response = client.post(url, {"registration": registration.pk, "present": "1"})
    assert response["Location"] == f"{url}#person-{registration.pk}"
    registration.refresh_from_db()
    assert registration.attended
    assert registration.checked_in_by == facilitator
    page = client.get(url).content.decode()
    assert f'data-testid="checkin-{registration.pk}" data-present="1"' in page
    client.post(url, {"registration": registration.pk, "present": "0"})
    registration.refresh_from_db()
    assert not registration.attended


def test_someone_invited_or_waiting_who_comes_gets_a_place(event, facilitator):
    people = add_people(event, 6)
    waiting = people[-1]
    assert waiting.status == Status.WAITLISTED
    assert services.check_in(facilitator, waiting, True).status == Status.CONFIRMED


def test_a_registration_of_another_event_cannot_be_checked_in_here(client, programme, event,
                                                                   facilitator):
    other = make_event(programme, "inne")
    stranger = add_people(other, 1)[0]
    client.force_login(facilitator)
    response = client.post(reverse("events:check_in", args=[event.slug]),
                           {"registration": stranger.pk, "present": "1"})
    assert response.status_code == 404


def test_check_in_and_attendance_pages_have_constant_query_counts(client, event, facilitator,
                                                                  count_queries):
    event.capacity = None
    event.save()
    add_people(event, 2)
    client.force_login(facilitator)
    urls = [reverse("events:check_in", args=[event.slug]),
            reverse("events:attendance", args=[event.slug])]
    client.get(urls[0])  # the session and the user are read the same way each time after this
    with count_queries() as few:
        for url in urls:
            assert client.get(url).status_code == 200
    add_people(event, 25)
    with count_queries() as many:
        for url in urls:
            assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_the_printable_list_has_contacts_organisations_and_the_waiting_list(
        client, event, registration, facilitator):
    add_people(event, 5)
    client.force_login(facilitator)
    page = client.get(reverse("events:attendance", args=[event.slug])).content.decode()
    assert "Łucja Żółkiewska" in page
    assert registration.user.email in page
    assert "600700800" in page
    assert "Miejska Biblioteka Publiczna w Śmiglu" in page
    assert 'data-testid="waiting-list"' in page
    assert 'class="signature"' in page


def test_certificate_pdf_has_the_name_event_and_hours_with_diacritics(
        client, programme, member, facilitator, tmp_path):
    block = make_event(programme, "blok", title="Blok warsztatowy (16 h): Komunikacja i "
                       "negocjacje społeczne", kind="training_block", audience="all",
                       start=make_event(programme, "x").start,
                       end=make_event(programme, "y").start + timedelta(days=1, hours=7))
    for day in (1, 2):
        for start in (9, 11, 13, 15):
            AgendaItem.objects.create(event=block, day=day, starts_at=time(start),
                                      ends_at=time(start + 2), title=f"Moduł {day}.{start}")
    member.full_name = "Łucja Żółkiewska"
    member.save()
    registration = services.register(member, block)
    client.force_login(member)
    url = reverse("events:my_certificate", args=[block.slug])
    assert client.get(url).status_code == 403  # not checked in yet
    services.check_in(facilitator, registration, True)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "Łucja Żółkiewska" in text
    assert "Miejska Biblioteka Publiczna w Śmiglu" in text
    assert "Komunikacja i negocjacje społeczne" in text
    assert "Kultura: Inicjatywy" in text
    assert "Mazowiecki Instytut Kultury" in text
    assert "16 " in text
    assert "Moduł 2.15" in text


def test_staff_print_everyone_s_certificates_at_once(client, event, facilitator, tmp_path):
    people = add_people(event, 3)
    for registration in people[:2]:
        services.check_in(facilitator, registration, True)
    client.force_login(facilitator)
    response = client.get(reverse("events:certificates", args=[event.slug]))
    text = pdf_text(response.content, tmp_path)
    names = [r.user.get_full_name() for r in people]
    assert names[0] in text
    assert names[1] in text
    assert names[2] not in text
    assert text.count("\f") == 2  # one page each
    one = client.get(reverse("events:certificates", args=[event.slug])
                     + f"?registration={people[1].pk}")
    text = pdf_text(one.content, tmp_path)
    assert names[1] in text
    assert names[0] not in text


def test_nonsense_ids_are_404_not_errors(client, event, facilitator, prog_coordinator):
    client.force_login(facilitator)
    assert client.post(reverse("events:check_in", args=[event.slug]),
                       {"registration": "abc"}).status_code == 404
    assert client.get(reverse("events:certificates", args=[event.slug])
                      + "?registration=1;DROP").status_code == 404
