"""The events API: whole responses, the same rules as the pages, and a clean OpenAPI schema."""
import pytest
from django.utils.translation import gettext
from django.core.serializers.json import DjangoJSONEncoder

from mosty.events import content, services
from mosty.events.models import Registration
from mosty.events.tests.conftest import bearer, make_event

pytestmark = pytest.mark.django_db


def iso(value) -> str:
    """A datetime as the API writes it (Django's JSON encoder: milliseconds, "Z")."""
    return DjangoJSONEncoder().default(value)


def test_my_registrations_whole_response(client, event, registration, member):
    response = client.get("/api/registrations", **bearer(member))
    event.refresh_from_db()  # times in UTC, as the database gives them
    assert response.json() == [{
        "event": "warsztat-otwarty", "event_title": "Warsztat otwarty: zasoby i potencjały",
        "start": iso(event.start),
        "end": iso(event.end), "status": "confirmed",
        "attended": False, "url": "http://testserver/programmes/events/warsztat-otwarty/"}]


def test_register_and_cancel_through_the_api(client, programme, member):
    event = make_event(programme, "jedno-miejsce", capacity=1)
    headers = bearer(member)
    response = client.post(f"/api/registrations/{event.slug}", **headers)
    assert response.status_code == 200
    assert response.json()["status"] == "confirmed"
    again = client.post(f"/api/registrations/{event.slug}", **headers)
    assert again.status_code == 400
    assert again.json() == {"detail": gettext("You are already registered for this event.")}
    cancelled = client.delete(f"/api/registrations/{event.slug}", **headers)
    assert cancelled.json()["status"] == "cancelled"
    assert client.delete(f"/api/registrations/{event.slug}", **headers).status_code == 400


def test_audience_errors_are_explained(client, programme, outsider):
    event = make_event(programme, "dla-ngo", audience="ngo")
    response = client.post(f"/api/registrations/{event.slug}", **bearer(outsider))
    assert response.status_code == 400
    assert response.json()["detail"] == services.audience_problem(outsider, event)


def test_the_api_needs_credentials_and_csrf_for_sessions(client, event, member):
    assert client.get("/api/registrations").status_code == 401
    assert client.post(f"/api/registrations/{event.slug}").status_code == 401
    client.force_login(member)
    assert client.get("/api/registrations").status_code == 200
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(f"/api/registrations/{event.slug}").status_code == 403
    assert not Registration.objects.exists()


def test_unknown_events_are_404(client, member):
    assert client.post("/api/registrations/nie-ma", **bearer(member)).status_code == 404
    assert client.get("/api/conclusions/nie-ma").status_code == 404


def test_attendance_whole_response(client, event, registration, facilitator):
    services.check_in(facilitator, registration, True)
    registration.refresh_from_db()
    response = client.get(f"/api/attendance/{event.slug}", **bearer(facilitator))
    assert response.json() == [{
        "name": "Łucja Żółkiewska", "email": registration.user.email, "phone": "600700800",
        "organisations": ["Miejska Biblioteka Publiczna w Śmiglu"], "status": "confirmed",
        "attended_at": iso(registration.attended_at)}]


def test_published_conclusions_whole_response(client, event, facilitator):
    from mosty.events.tests.files import pdf_upload

    record = content.save_conclusions(facilitator, event, "Konkluzja", "Rekomendacja", True)
    file = content.add_file(facilitator, event, "conclusions", "Podsumowanie",
                            pdf_upload("podsumowanie.pdf"))
    assert client.get(f"/api/conclusions/{event.slug}").json() == {
        "event": event.slug, "conclusions": "Konkluzja", "recommendations": "Rekomendacja",
        "published_at": iso(record.published_at),
        "attachments": [{"title": "Podsumowanie",
                         "url": f"http://testserver/events/{event.slug}/files/{file.pk}/"}]}


def test_openapi_lists_the_events_paths_without_clashes(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/registrations", "/api/registrations/{slug}",
                 "/api/registrations/{slug}/decline", "/api/attendance/{slug}",
                 "/api/conclusions/{slug}"):
        assert path in paths
    assert set(paths["/api/registrations/{slug}"]) == {"post", "delete"}
    operation_ids = [op["operationId"] for item in paths.values() for op in item.values()]
    assert len(operation_ids) == len(set(operation_ids))
    # The root's own /api/events/{slug} still answers for an event called "registrations".
    assert "/api/events/{slug}" in paths
