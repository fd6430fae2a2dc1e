"""QuickSelect must render exactly what Django's Select renders."""
import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from mosty.core.widgets import QuickSelect

GROUPED = [("", "all powiats"),
           ("wielkopolskie", [("3011", "kościański"), ("3064", 'Poznań <"miasto">')]),
           ("mazowieckie", [("1465", "Warszawa & okolice")])]
FLAT = [("", gettext_lazy("all sectors")), ("ngo", "NGO"), (None, "nothing"),
        (3, mark_safe("<b>bold</b>")), ("3", "a duplicate value")]


def field(choices: list, widget: type[forms.Select], required: bool = True) -> type[forms.Form]:
    class Filter(forms.Form):
        area = forms.ChoiceField(choices=choices, widget=widget(attrs={"data-x": 'a"b'}),
                                 required=required)
    return Filter


@pytest.mark.parametrize("choices", [GROUPED, FLAT, []])
@pytest.mark.parametrize("data", [None, {}, {"area": "3064"}, {"area": "3"},
                                  {"area": "nope"}, {"area": ""}])
@pytest.mark.parametrize("required", [True, False])
def test_renders_what_django_select_renders(choices: list, data: dict | None,
                                            required: bool) -> None:
    quick = field(choices, QuickSelect, required=required)(data)
    django = field(choices, forms.Select, required=required)(data)
    if data is not None:  # errors add aria-invalid; both must agree
        assert quick.is_valid() == django.is_valid()
    assert str(quick["area"]) == str(django["area"])
    assert "<option" in str(quick["area"]) or not choices


def test_marks_only_the_first_matching_option_selected() -> None:
    html = str(field(FLAT, QuickSelect)({"area": "3"})["area"])
    assert html.count(" selected") == 1
    assert '<option value="3" selected><b>bold</b></option>' in html
