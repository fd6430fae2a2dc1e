"""Polish is the default language: every message has a Polish translation."""
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def catalogue(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle, locale=language)


def test_every_message_is_translated_into_polish():
    missing = []
    for message in catalogue("pl"):
        if not message.id:
            continue
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy or not all(forms):
            missing.append(message.id)
    assert missing == []


def test_polish_plurals_have_all_four_forms():
    for message in catalogue("pl"):
        if message.id and message.pluralizable:
            assert len(message.string) == 4, message.id
            assert all(message.string), message.id


def test_messages_written_in_polish_have_english_translations():
    # The matching engine keeps its sentences in Polish (it has no Django); English needs them.
    engine = [m for m in catalogue("en")
              if m.id and any(path.startswith("matching/engine/") for path, _line in m.locations)]
    assert len(engine) > 20
    # An ASCII id such as "transport" reads the same in English; the others need a translation.
    assert [m.id for m in engine if not m.id.isascii() and (not m.string or m.fuzzy)] == []
