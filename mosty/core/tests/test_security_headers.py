"""Every response carries a strict Content-Security-Policy, and no page needs an exception."""
import re
from pathlib import Path

import pytest
from django.conf import settings

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I), "inline script"),
    (re.compile(r"<style\b", re.I), "style element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: link"),
]


def test_no_template_needs_inline_scripts_or_styles():
    found = []
    for template in sorted(Path(settings.BASE_DIR).rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        found += [f"{template.relative_to(settings.BASE_DIR)}: {what}"
                  for pattern, what in INLINE if pattern.search(text)]
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/directory/", "/accounts/login/", "/api/docs",
                                 "/api/programmes", "/healthz", "/no-such-page/"])
def test_every_response_has_a_strict_policy(client, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    if response.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode()
        assert [what for pattern, what in INLINE if pattern.search(html)] == []
