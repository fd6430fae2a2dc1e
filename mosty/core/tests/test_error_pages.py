"""Error pages are Mosty's own, in the person's language, not Django's bare English."""
import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from mosty.urls import urlpatterns as mosty_urls


def refuse(request):
    raise PermissionDenied


def bad(request):
    raise SuspiciousOperation("test")


def broken(request):
    raise RuntimeError("test")


urlpatterns = [path("test/403/", refuse), path("test/400/", bad), path("test/500/", broken),
               *mosty_urls]


@pytest.mark.django_db
@pytest.mark.urls("mosty.core.tests.test_error_pages")
@pytest.mark.parametrize(("url", "status", "polish", "english"), [
    ("/no-such-page/", 404, "Nie znaleziono strony", "Page not found"),
    ("/test/403/", 403, "Brak dostępu", "No access"),
    ("/test/400/", 400, "Nieprawidłowe żądanie", "Bad request"),
    ("/test/500/", 500, "Błąd serwera", "Server error"),
])
def test_error_pages_speak_the_persons_language(url, status, polish, english):
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == status
    assert polish in response.content.decode()
    assert "mosty.css" in response.content.decode()
    english_page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert english in english_page.content.decode()
    assert polish not in english_page.content.decode()
