"""Forms for managing a programme's editions, groups, staff and events; views turn them into
the plain values that mosty.programmes.services takes."""
from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.forms import inlineformset_factory
from django.utils.translation import gettext as _, gettext_lazy

from mosty.accounts.models import User
from mosty.core.forms import formset_rows, model_choice_field
from mosty.directory.choices import Kind, Sector
from mosty.directory.organisations import resolve_organisation
from mosty.programmes.models import (
    AgendaItem, Audience, Edition, Event, Group, GroupRequirement, Programme, StaffRole)
from mosty.programmes.services import (
    EVENT_FIELDS, AgendaItemInput, EditionData, EventInput, GroupData, RequirementData)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["name", "start_date", "end_date"]
        widgets = {"start_date": DATE, "end_date": DATE}

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end must not come before the start."))
        return data

    def to_data(self) -> EditionData:
        data = self.cleaned_data
        return EditionData(data["name"], data.get("start_date"), data.get("end_date"))


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "area_rule"]


class RequirementForm(forms.ModelForm):
    sectors = forms.MultipleChoiceField(label=gettext_lazy("Sectors"), choices=Sector.choices,
                                        required=False, widget=forms.CheckboxSelectMultiple)
    kinds = forms.MultipleChoiceField(label=gettext_lazy("Kinds"), choices=Kind.choices,
                                      required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = GroupRequirement
        fields = ["label", "minimum", "sectors", "kinds"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("sectors") and not data.get("kinds") and data.get("label"):
            self.add_error("kinds", _("Tick the sectors or kinds this rule counts."))
        return data


RequirementFormSet = inlineformset_factory(Group, GroupRequirement, form=RequirementForm,
                                           extra=2, can_delete=True)


def group_data(form: GroupForm, requirements: Any) -> GroupData:
    """The group and the rules a valid form and RequirementFormSet describe (blank and deleted
    rows left out)."""
    rules = tuple(
        RequirementData(row["label"], row["minimum"], tuple(row.get("sectors") or ()),
                        tuple(row.get("kinds") or ()))
        for row in (f.cleaned_data for f in requirements.forms)
        if row and not row.get("DELETE"))
    return GroupData(form.cleaned_data["name"], form.cleaned_data.get("area_rule", ""), rules)


class MemberForm(forms.Form):
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"),
        help_text=gettext_lazy("Type its name and pick it from the list."),
        widget=forms.TextInput(attrs={
            "list": "organisation-options", "autocomplete": "off",
            "data-suggest-url": reverse_lazy("recruitment:organisation_search")}))
    people = forms.CharField(
        label=gettext_lazy("People (optional)"), required=False,
        help_text=gettext_lazy("E-mail addresses of their Mosty accounts, separated by commas."))

    def clean_organisation(self) -> Any:
        organisation = resolve_organisation(self.cleaned_data["organisation"])
        if organisation is None:
            raise forms.ValidationError(_("No organisation in the directory has this name. "
                                          "Pick one from the suggestions."))
        return organisation

    def clean_people(self) -> list[User]:
        emails = {e.strip().lower() for e in self.cleaned_data["people"].replace(";", ",")
                  .split(",") if e.strip()}
        people = list(User.objects.filter(email__in=emails, is_active=True))
        unknown = emails - {person.email for person in people}
        if unknown:
            raise forms.ValidationError(_("Nobody has a Mosty account with: %(emails)s.")
                                        % {"emails": ", ".join(sorted(unknown))})
        return people


class StaffForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address of their Mosty account"))
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=StaffRole.choices)
    expertise = forms.CharField(label=gettext_lazy("Expertise (optional)"), required=False,
                                max_length=300)

    def clean_email(self) -> User:
        person = User.objects.filter(email__iexact=self.cleaned_data["email"].strip(),
                                     is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Nobody has a Mosty account with this e-mail "
                                          "address. Ask the person to sign up first."))
        return person


class EventForm(forms.ModelForm):
    online_link = forms.URLField(label=gettext_lazy("Online meeting link"), required=False,
                                 assume_scheme="https",
                                 help_text=gettext_lazy("Shown only to registered participants."))

    class Meta:
        model = Event
        fields = EVENT_FIELDS
        widgets = {"start": DATETIME, "end": DATETIME,
                   "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"place": gettext_lazy("Address, or leave empty for an online event."),
                      "group": gettext_lazy("For a group event: its people are invited when "
                                            "you save.")}

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        model_choice_field(self, "edition").queryset = programme.editions.all()
        model_choice_field(self, "group").queryset = Group.objects.filter(
            edition__programme=programme).select_related("edition")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The event cannot end before it starts."))
        group, edition = data.get("group"), data.get("edition")
        if data.get("audience") == Audience.GROUP and group is None:
            self.add_error("group", _("Choose the group the event is for."))
        if group and edition and group.edition_id != edition.pk:
            self.add_error("group", _("This group belongs to another edition."))
        return data


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["day", "starts_at", "ends_at", "title", "facilitator", "method"]
        widgets = {"starts_at": TIME, "ends_at": TIME}


AgendaFormSet = inlineformset_factory(Event, AgendaItem, form=AgendaItemForm, extra=3,
                                      can_delete=True, max_num=60, validate_max=True)


def event_input(form: EventForm, agenda: Any) -> EventInput:
    """The typed event the service saves, from a valid form and its agenda formset."""
    data = form.cleaned_data
    return EventInput(**{name: data[name] for name in EVENT_FIELDS},
                      agenda=formset_rows(agenda, AgendaItemInput))
