from datetime import date, datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.directory.tests.factories import OrganisationFactory
from mosty.programmes.models import AgendaItem, Event, Programme, ProgrammePartner

pytestmark = pytest.mark.django_db


def aware(year: int, month: int, day: int, hour: int) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.fixture
def programme():
    organiser = OrganisationFactory(name="Mazowiecki Instytut Kultury", sector="public_institution",
                                    kind="culture_institute")
    programme = Programme.objects.create(
        name="Kultura: Inicjatywy", slug="kultura-inicjatywy", organiser=organiser,
        summary="Współpraca instytucji kultury z pomocą społeczną.",
        funding="Samorząd Województwa Mazowieckiego", goals="Poznanie się\nWspólny model",
        start_date=date(2019, 1, 1), end_date=date(2020, 12, 31))
    ProgrammePartner.objects.create(programme=programme, organisation=OrganisationFactory(
        name="GOPS w Jabłonnie"), role="partner lokalny")
    event = Event.objects.create(programme=programme, title="Warsztat 1: Integracja", slug="w1",
                                 kind="workshop", start=aware(2019, 4, 10, 10),
                                 end=aware(2019, 4, 10, 15), place="Jabłonna", audience="group")
    AgendaItem.objects.create(event=event, starts_at=time(10), ends_at=time(11),
                              title="Powitanie", facilitator="Ewa Gałka", method="krąg")
    AgendaItem.objects.create(event=event, starts_at=time(11), title="Sieciowanie")
    return programme


def test_programme_pages_show_organiser_partners_funding_and_events(client, programme):
    page = client.get(reverse("programmes:detail", args=[programme.slug])).content.decode()
    for text in ("Kultura: Inicjatywy", "Mazowiecki Instytut Kultury", "GOPS w Jabłonnie",
                 "partner lokalny", "Samorząd Województwa Mazowieckiego", "Warsztat 1: Integracja",
                 "10 kwietnia 2019", "Wspólny model"):
        assert text in page
    assert "Kultura: Inicjatywy" in client.get(reverse("programmes:list")).content.decode()


def test_event_page_shows_date_place_audience_and_agenda_in_polish(client, programme):
    page = client.get(reverse("events:detail", args=["w1"])).content.decode()
    assert "Środa, 10 kwietnia 2019, 10:00 – 15:00" in page
    assert "10:00–11:00" in page
    assert "Sieciowanie" in page
    assert "krąg" in page
    assert "tylko grupa programu" in page


def test_event_list_filters_by_kind_and_time(client, programme):
    Event.objects.create(programme=programme, title="Konferencja", slug="k", kind="conference",
                         start=aware(2030, 5, 1, 10), end=aware(2030, 5, 1, 16))
    titles = lambda query: [e.title for e in client.get(  # noqa: E731
        reverse("events:list") + query).context["events"]]
    assert titles("?kind=conference") == ["Konferencja"]
    assert titles("?when=upcoming") == ["Konferencja"]
    assert titles("?when=past") == ["Warsztat 1: Integracja"]


def test_unpublished_programmes_are_hidden_from_the_public(client, programme, staff):
    Programme.objects.filter(pk=programme.pk).update(is_public=False)
    assert client.get(reverse("programmes:detail", args=[programme.slug])).status_code == 404
    assert client.get(reverse("events:detail", args=["w1"])).status_code == 404
    assert not client.get(reverse("programmes:list")).context["programmes"]
    client.force_login(staff)
    assert client.get(reverse("programmes:detail", args=[programme.slug])).status_code == 200


def test_programme_pages_have_constant_query_counts(client, programme, count_queries):
    with count_queries() as few:
        client.get(reverse("programmes:detail", args=[programme.slug]))
        client.get(reverse("events:list"))
    for number in range(15):
        Event.objects.create(programme=programme, title=f"E{number}", slug=f"e{number}",
                             kind="meeting", start=aware(2019, 5, 1, 10), end=aware(2019, 5, 1, 11))
        ProgrammePartner.objects.create(programme=programme, organisation=OrganisationFactory())
    with count_queries() as many:
        client.get(reverse("programmes:detail", args=[programme.slug]))
        client.get(reverse("events:list"))
    assert len(many) == len(few)


def test_staff_of_an_unpublished_programme_still_see_it(client, programme, outsider):
    from mosty.programmes.models import ProgrammeStaff

    Programme.objects.filter(pk=programme.pk).update(is_public=False)
    ProgrammeStaff.objects.create(programme=programme, user=outsider, role="facilitator")
    client.force_login(outsider)
    assert client.get(reverse("programmes:detail", args=[programme.slug])).status_code == 200
