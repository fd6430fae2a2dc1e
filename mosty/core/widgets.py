"""Form widgets and choices that give the same HTML as Django's, faster."""
from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> str:
    """Django's widgets/attrs.html: True is a bare attribute, False leaves it out."""
    return "".join(
        f" {conditional_escape(name)}"
        + ("" if value is True else f'="{conditional_escape(value)}"')
        for name, value in attrs.items() if value is not False)


class QuickSelect(forms.Select):
    """A single-choice <select>, character for character what `forms.Select` renders, built
    in Python: its template renders each option through two includes, which made the
    directory's filter (some 400 powiats) most of the page's time."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None,
               renderer: Any = None) -> SafeString:
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        chosen = widget["value"]
        lines = [f'<select name="{conditional_escape(name)}"{_attrs(widget["attrs"])}>']
        has_selected = False
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):
                group_name, options = option_value, option_label
                if group_name:
                    lines.append(f'\n  <optgroup label="{_text(group_name)}">')
            else:
                group_name = None
                options = [("" if option_value is None else option_value, option_label)]
            for subvalue, sublabel in options:
                selected = not has_selected and str(subvalue) in chosen
                has_selected |= selected
                lines.append(f'\n  <option value="{conditional_escape(str(subvalue))}"'
                             f'{" selected" if selected else ""}>{_text(sublabel)}</option>\n')
            if group_name:
                lines.append("\n  </optgroup>")
        lines.append("\n</select>")
        # The option's template ends with a line break, hence the one after every option.
        return mark_safe("".join(lines))


def _text(value: Any) -> str:
    """A value as `{{ value }}` prints it: localised, then escaped."""
    return str(conditional_escape(localize(value)))


class ReadyChoices(BaseChoiceIterator):
    """Choices already in Django's canonical form (value, label) or (group, [(value, label),
    ...]): a choice field takes them as they are, where a plain list is walked item by item
    each time a form is made (some 400 powiats on every directory page)."""

    def __init__(self, choices: list[tuple[Any, Any]]) -> None:
        self.choices = choices

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        return iter(self.choices)
