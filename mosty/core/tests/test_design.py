"""The design system's templates: icons, the menu, the error summary (docs/design.md)."""
import re
from pathlib import Path

import pytest
from django.template import Context, Template

from mosty.core.templatetags.mosty_ui import any_has

ROOT = Path(__file__).resolve().parents[2]
SPRITE = ROOT / "core/static/mosty/icons/sprite.svg"


def test_icon_is_hidden_from_assistive_technology_and_points_into_the_sprite():
    html = Template('{% icon "calendar" %}').render(Context())
    assert html == ('<svg class="icon" aria-hidden="true" focusable="false" width="20" height="20">'
                    '<use href="/static/mosty/icons/sprite.svg#calendar"></use></svg>')


def test_every_icon_the_templates_use_is_in_the_sprite():
    sprite = set(re.findall(r'<symbol id="([a-z0-9-]+)"', SPRITE.read_text()))
    used = {name for path in ROOT.rglob("*.html")
            for name in re.findall(r'{% icon "([a-z0-9-]+)"', path.read_text())}
    assert len(used) > 10
    assert used - sprite == set()
    assert (SPRITE.parent / "LICENSE").read_text().startswith("ISC License")


def test_any_has_tells_whether_a_column_has_a_value():
    class Row:
        def __init__(self, method: str) -> None:
            self.method = method
    assert any_has([Row(""), Row("dyskusja")], "method") is True
    assert any_has([Row(""), Row("")], "method") is False
    assert any_has(None, "method") is False


@pytest.mark.django_db
def test_anonymous_menu_has_groups_and_log_in(client):
    html = client.get("/").content.decode()
    groups = re.findall(r'<details class="disclosure nav-group[^"]*">\s*<summary>.*?'
                        r'<span class="summary-text">([^<]+)</span>', html, re.S)
    assert groups == ["Organizacje", "Programy", "Wydarzenia", "Współpraca"]
    assert 'href="/accounts/login/"' in html
    assert "Wyloguj się" not in html
    assert 'style="' not in html
    assert "<style" not in html


@pytest.mark.django_db
def test_signed_in_menu_marks_the_current_group(client, member):
    client.force_login(member)
    html = client.get("/programmes/events/").content.decode()
    assert re.search(r'<details class="disclosure nav-group current">\s*<summary>.*?'
                     r'Wydarzenia', html, re.S)
    assert html.count('aria-current="page"') == 1
    assert re.search(r'<a href="/programmes/events/" aria-current="page">Wszystkie wydarzenia</a>',
                     html)
    assert "Moje konto" in html
    assert "Wyloguj się" in html


@pytest.mark.django_db
def test_a_form_with_errors_starts_with_an_error_summary_linking_to_the_fields(client):
    response = client.post("/accounts/signup/", {"email": "to-nie-adres"})
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary" tabindex="-1" role="alert".*?</div>',
                        html, re.S)
    assert summary is not None
    assert "Wystąpił problem" in summary.group(0)
    links = re.findall(r'<a href="#(id_[a-z_0-9]+)">', summary.group(0))
    assert "id_email" in links
    for field_id in links:
        assert f'id="{field_id}"' in html
    assert html.index("error-summary") < html.index('id="id_email"')


def test_messages_are_notification_banners_with_an_icon_per_level():
    from django.contrib import messages
    from django.contrib.messages.storage.base import Message
    from django.template.loader import render_to_string

    html = render_to_string("includes/messages.html", {"messages": [
        Message(messages.SUCCESS, "Zapisano."), Message(messages.WARNING, "Uwaga."),
        Message(messages.ERROR, "Błąd.")]})
    assert '<div class="messages" role="status">' in html
    banners = re.findall(r'<div class="message message-(\w+)">\s*<svg class="icon"[^>]*>'
                         r'<use href="[^"]+#([a-z-]+)"></use></svg>\s*<p>([^<]+)</p>', html)
    assert banners == [("success", "circle-check", "Zapisano."),
                       ("warning", "triangle-alert", "Uwaga."), ("error", "circle-alert", "Błąd.")]
