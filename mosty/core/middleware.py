"""Response headers every page gets; requests no page can serve."""
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext


class ContentSecurityPolicyMiddleware:
    """A strict Content-Security-Policy (settings.CONTENT_SECURITY_POLICY): every script,
    style, font and image comes from Mosty itself and nothing runs inline, so text a user
    managed to slip into a page cannot run as a script."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = "; ".join(f"{name} {value}" for name, value in
                                settings.CONTENT_SECURITY_POLICY.items())

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class RefuseNulMiddleware:
    """Refuse a request whose address, query or JSON body holds a NUL character: no text field
    can store one (PostgreSQL refuses it), so it would end as a server error deep inside.
    The API answers 422 like any parameter that does not fit its schema; pages answer 400.
    Form fields refuse NUL themselves (Django's CharField)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = self._nul_in(request)
        if where is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": [{
                "type": "string_nul", "loc": [where],
                "msg": gettext("Text may not contain the NUL character.")}]}, status=422)
        raise SuspiciousOperation(f"NUL character in the request's {where}")

    @staticmethod
    def _nul_in(request: HttpRequest) -> str | None:
        if "\x00" in request.path:
            return "path"
        if any("\x00" in key or any("\x00" in value for value in values)
               for key, values in request.GET.lists()):
            return "query"
        if request.content_type == "application/json" and request.method != "GET" \
                and (b"\\u0000" in request.body or b"\x00" in request.body):
            return "body"
        return None
