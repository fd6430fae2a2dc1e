from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mosty.agreements.models import Agreement, Contribution, Party
from mosty.agreements.services import ContributionDetails, PartyDetails, Terms
from mosty.directory.models import Organisation, Resource

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


class TermsForm(forms.ModelForm):
    """The terms; `version` is the number the form was opened with (edit conflicts)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Agreement
        fields = ["title", "place", "purpose", "scope", "work_plan", "indicators",
                  "communication", "start_date", "end_date", "review_date", "disputes",
                  "exit_terms", "personal_data", "attachments_note"]
        widgets = {name: TEXT for name in ["purpose", "scope", "work_plan", "indicators",
                                           "communication", "disputes", "exit_terms",
                                           "personal_data", "attachments_note"]} | {
            "start_date": DATE, "end_date": DATE, "review_date": DATE}

    def terms(self) -> Terms:
        data = self.cleaned_data
        return Terms(**{name: data[name] for name in self.Meta.fields})


class PartyForm(forms.ModelForm):
    class Meta:
        model = Party
        fields = ["representative", "function", "email", "objectives", "role", "coordinator"]
        widgets = {"objectives": forms.Textarea(attrs={"rows": 3}),
                   "role": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"email": _("The secret approval link can be sent here.")}

    def details(self) -> PartyDetails:
        return PartyDetails(**{name: self.cleaned_data[name] for name in self.Meta.fields})


class ResourceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Resource) -> str:
        return f"{obj.get_category_display()}: {obj.description}"


class ContributionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["kind", "resource", "description", "amount"]
        field_classes = {"resource": ResourceChoiceField}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        resource = self.fields["resource"]
        assert isinstance(resource, ResourceChoiceField)
        resource.queryset = Resource.objects.filter(organisation=organisation, kind="offer")
        resource.help_text = _("What the organisation offers in its profile.")
        self.fields["description"].required = False
        self.fields["description"].help_text = _("Leave empty to use the profile's words.")

    def details(self) -> ContributionDetails:
        data = self.cleaned_data
        return ContributionDetails(kind=data["kind"], description=data["description"],
                                   resource_id=data["resource"].pk if data["resource"] else None,
                                   amount=data["amount"])


class AddPartyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), to_field_name="slug",
        widget=forms.TextInput,
        help_text=_("Its address in Mosty: the last part of its page's address, e.g. "
                    "mops-ostrow-mazowiecka."),
        error_messages={"invalid_choice": _("There is no organisation with this address.")})


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE, initial=timezone.localdate)
    scan = forms.FileField(label=_("Signed scan (PDF, JPG or PNG)"), required=False)


class ScanForm(forms.Form):
    scan = forms.FileField(label=_("Signed scan (PDF, JPG or PNG)"))


class EndForm(forms.Form):
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE, initial=timezone.localdate)


class TemplateForm(forms.Form):
    template = forms.FileField(label=_("Own DOCX template"), required=False,
                               help_text=_("Start from the standard template: it shows the "
                                           "fields Mosty fills in."))
    use_standard = forms.BooleanField(label=_("Use the standard template again"),
                                      required=False)
