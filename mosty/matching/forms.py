from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mosty.core.forms import choice_field, model_choice_field
from mosty.directory.choices import TerritoryLevel
from mosty.directory.forms import GminaField
from mosty.directory.models import Organisation, Territory
from mosty.matching.models import RelationKind
from mosty.matching.recommend import DEFAULT_RADIUS, area_prefix

RADIUS_CHOICES = [
    ("gmina", _("our gmina")),
    ("powiat", _("our powiat")),
    ("voivodeship", _("our voivodeship")),
    ("country", _("the whole country")),
]
ACTIONS = ["hide", "unhide", "cooperate", "uncooperate"]


class RadiusForm(forms.Form):
    radius = forms.ChoiceField(label=_("Look for partners in"), choices=RADIUS_CHOICES,
                               required=False)

    def radius_value(self) -> str:
        if self.is_valid() and self.cleaned_data["radius"]:
            return self.cleaned_data["radius"]
        return DEFAULT_RADIUS


class PartnerActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    partner = forms.IntegerField(min_value=1)
    radius = forms.ChoiceField(choices=RADIUS_CHOICES, required=False)


def _area_units(selected_voivodeship: str) -> tuple[list[tuple[str, str]], list[Any]]:
    """Voivodeship choices and powiat choices grouped by voivodeship (one query)."""
    units = Territory.objects.filter(
        level__in=[TerritoryLevel.VOIVODESHIP, TerritoryLevel.POWIAT]).order_by("code")
    voivodeships = [(u.code, u.name) for u in units if u.level == TerritoryLevel.VOIVODESHIP]
    names = dict(voivodeships)
    grouped: dict[str, list[tuple[str, str]]] = {}
    for unit in units:
        if unit.level == TerritoryLevel.POWIAT and unit.code.startswith(selected_voivodeship):
            grouped.setdefault(names.get(unit.code[:2], ""), []).append((unit.code, unit.name))
    return voivodeships, list(grouped.items())


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What do you need, or what is your project idea?"),
                        max_length=500, required=False,
                        widget=forms.TextInput(attrs={"type": "search"}),
                        help_text=_("Describe it in your own words, e.g. “szukamy sali na "
                                    "warsztaty dla seniorów”."))
    voivodeship = forms.ChoiceField(label=_("Voivodeship"), required=False)
    powiat = forms.ChoiceField(label=_("Powiat"), required=False)
    gmina = GminaField(label=_("Gmina"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        selected = (self.data.get("voivodeship") or "") if self.is_bound else ""
        voivodeships, powiats = _area_units(selected)
        choice_field(self, "voivodeship").choices = [("", _("anywhere")), *voivodeships]
        choice_field(self, "powiat").choices = [("", _("all powiats")), *powiats]

    def area(self) -> str:
        """The TERYT prefix of the narrowest area picked ("" for anywhere)."""
        data = self.cleaned_data
        return area_prefix(data["gmina"].code if data["gmina"] else "", data["powiat"],
                           data["voivodeship"])


class AnalysisPickForm(forms.Form):
    """Pick an area to analyse: a gmina, or else a powiat."""

    gmina = GminaField(label=_("Gmina"), required=False)
    powiat = forms.ChoiceField(label=_("or a whole powiat"), required=False)
    view = forms.ChoiceField(label=_("Show"), choices=[
        ("matrix", _("resources and needs (matrix)")), ("map", _("relationship map"))])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _voivodeships, powiats = _area_units("")
        choice_field(self, "powiat").choices = [("", "—")] + powiats

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("gmina") and not data.get("powiat"):
            raise forms.ValidationError(_("Pick a gmina or a powiat."))
        return data

    def target(self) -> tuple[str, str]:
        """(scope kind, key) of the picked area."""
        if self.cleaned_data["gmina"]:
            return "gmina", self.cleaned_data["gmina"].code
        return "powiat", self.cleaned_data["powiat"]


class RelationForm(forms.Form):
    """A coordinator records a relation between two organisations of the scope."""

    org_a = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    org_b = forms.ModelChoiceField(label=_("Partner"), queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label=_("Relation"), choices=RelationKind.choices)
    since = forms.DateField(label=_("Since"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("Leave empty for today."))

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("org_a", "org_b"):
            model_choice_field(self, name).queryset = organisations.order_by("name")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("org_a") and data.get("org_a") == data.get("org_b"):
            raise forms.ValidationError(_("Pick two different organisations."))
        return data
