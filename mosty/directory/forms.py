from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from mosty.core.forms import SearchField, choice_field, formset_rows
from mosty.core.widgets import QuickSelect, ReadyChoices
from mosty.directory.choices import Kind, ResourceCategory, ResourceKind, Sector, TerritoryLevel
from mosty.directory.models import ContactPerson, Organisation, Resource, Territory
from mosty.directory.services import (
    PROFILE_FIELDS, ContactInput, OrganisationInput, ResourceInput)
from mosty.directory.territories import gmina_label, resolve_gmina
from mosty.directory.validators import normalise_number

GMINA_ERRORS = {
    "unknown_code": _("There is no gmina with this TERYT code."),
    "unknown_name": _("No gmina has this name. Start typing and pick one from the list."),
    "ambiguous": _("Several gminas have this name. Pick one from the list (it shows the powiat)."),
}


class GminaField(forms.CharField):
    """A text box where the user types a gmina's name and picks it from suggestions."""

    widget = forms.TextInput(attrs={"list": "gmina-options", "autocomplete": "off",
                                    "data-suggest-url": reverse_lazy("directory:gmina_search")})

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, Territory):
            return gmina_label(value)
        if isinstance(value, str) and value.isdigit():
            gmina, _reason = resolve_gmina(value)
            return gmina_label(gmina) if gmina else value
        return value or ""

    def clean(self, value: Any) -> Territory | None:
        text = super().clean(value)
        if not text:
            return None
        gmina, reason = resolve_gmina(text)
        if gmina is None:
            raise forms.ValidationError(GMINA_ERRORS[reason], code=reason)
        return gmina


class OrganisationForm(forms.ModelForm):
    municipality = GminaField(label=_("Municipality (gmina)"), required=False,
                              help_text=_("Type the name and pick the gmina from the list. "
                                          "Leave empty for organisations based abroad."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Longer than the stored numbers: people paste "PL 526-000-12-46"; the model checks the rest.
    krs = forms.CharField(label="KRS", max_length=20, required=False)
    regon = forms.CharField(label="REGON", max_length=24, required=False)
    nip = forms.CharField(label="NIP", max_length=20, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "sector", "kind", "municipality", "address", "website", "email",
                  "phone", "description", "krs", "regon", "nip"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for name in ("krs", "regon", "nip"):
            self.fields[name].help_text = _("Optional. Digits only; spaces and dashes are fine.")

    def _clean_number(self, name: str) -> str:
        return normalise_number(self.cleaned_data.get(name, ""))

    def clean_krs(self) -> str:
        return self._clean_number("krs")

    def clean_regon(self) -> str:
        return self._clean_number("regon")

    def clean_nip(self) -> str:
        return self._clean_number("nip")


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ["category", "description", "conditions", "cost"]


class NeedForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ["category", "description", "conditions"]
        labels = {"conditions": _("Details (when, for whom)")}


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "position", "email", "phone", "is_public"]


def _formset(form: type[forms.ModelForm], extra: int) -> Any:
    return inlineformset_factory(Organisation, form._meta.model, form=form, extra=extra,
                                 can_delete=True, max_num=30, validate_max=True)


OfferFormSet = _formset(ResourceForm, 2)
NeedFormSet = _formset(NeedForm, 2)
ContactFormSet = _formset(ContactForm, 1)


def profile_formsets(data: Any, organisation: Organisation) -> dict[str, Any]:
    """The three inline lists of the edit page: offers, needs and contact people."""
    instance = organisation if organisation.pk else Organisation()
    resources = (Resource.objects.filter(organisation=instance) if instance.pk
                 else Resource.objects.none())
    contacts = (ContactPerson.objects.filter(organisation=instance) if instance.pk
                else ContactPerson.objects.none())
    return {
        "offers": OfferFormSet(data, instance=instance, prefix="offers",
                               queryset=resources.filter(kind=ResourceKind.OFFER)),
        "needs": NeedFormSet(data, instance=instance, prefix="needs",
                             queryset=resources.filter(kind=ResourceKind.NEED)),
        "contacts": ContactFormSet(data, instance=instance, prefix="contacts",
                                   queryset=contacts),
    }


def organisation_input(form: OrganisationForm, formsets: dict[str, Any]) -> OrganisationInput:
    """The typed profile the services save, from a valid form and its three formsets."""
    data = form.cleaned_data
    resources = (formset_rows(formsets["offers"], ResourceInput, kind=ResourceKind.OFFER)
                 + formset_rows(formsets["needs"], ResourceInput, kind=ResourceKind.NEED))
    contacts = formset_rows(formsets["contacts"], ContactInput)
    return OrganisationInput(**{name: data[name] for name in PROFILE_FIELDS},
                             resources=resources, contacts=contacts)


class DirectoryFilterForm(forms.Form):
    q = SearchField(label=_("Search"))
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=QuickSelect,
                               choices=[("", _("all sectors"))] + list(Sector.choices))
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect,
                             choices=[("", _("all kinds"))] + list(Kind.choices))
    voivodeship = forms.ChoiceField(label=_("Voivodeship"), required=False, widget=QuickSelect)
    powiat = forms.ChoiceField(label=_("Powiat"), required=False, widget=QuickSelect)
    gmina = GminaField(label=_("Gmina"), required=False)
    category = forms.ChoiceField(label=_("Resource or need category"), required=False,
                                 widget=QuickSelect,
                                 choices=[("", _("any category"))] + list(ResourceCategory.choices))
    resource_kind = forms.ChoiceField(
        label=_("Category as"), required=False, widget=QuickSelect,
        choices=[("", _("offer or need")), (ResourceKind.OFFER, _("offered")),
                 (ResourceKind.NEED, _("needed"))])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Plain rows, not model instances: some 400 of them on every directory page.
        units = list(Territory.objects.filter(
            level__in=[TerritoryLevel.VOIVODESHIP, TerritoryLevel.POWIAT]
        ).order_by("code").values_list("code", "name", "level"))
        voivodeships = [(code, name) for code, name, level in units
                        if level == TerritoryLevel.VOIVODESHIP]
        choice_field(self, "voivodeship").choices = ReadyChoices(
            [("", _("all voivodeships")), *voivodeships])
        names = dict(voivodeships)
        selected = (self.data.get("voivodeship") or "") if self.is_bound else ""
        grouped: dict[str, list[tuple[str, str]]] = {}
        for code, name, level in units:
            if level == TerritoryLevel.POWIAT and code.startswith(selected):
                grouped.setdefault(names.get(code[:2], ""), []).append((code, name))
        choice_field(self, "powiat").choices = ReadyChoices(
            [("", _("all powiats")), *grouped.items()])
