"""The flow every ask-first, undoable removal shares (docs/design.md), checked the same way
in every app's tests."""
from collections.abc import Callable, Iterable

from django.test import Client


def ask_then_remove(client: Client, page_url: str, url: str, *, mentions: Iterable[str],
                    exists: Callable[[], bool], back_url: str | None = None) -> str:
    """`page_url` links to `url`; GET there asks (naming each of `mentions`) and changes
    nothing (`exists()` stays true); POST removes (`exists()` turns false), goes back to
    `back_url` (default `page_url`) and offers to undo. Returns that last page."""
    assert f'href="{url}"' in client.get(page_url).content.decode()
    question = client.get(url).content.decode()
    assert 'data-testid="confirm-button"' in question
    for text in mentions:
        assert text in question
    assert exists()  # asking changed nothing
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == (back_url or page_url)
    page = response.content.decode()
    assert 'data-testid="undo"' in page
    assert not exists()
    return page
