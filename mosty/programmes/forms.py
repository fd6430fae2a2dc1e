"""Forms for managing a programme's editions, groups, staff and events; views turn them into
the plain values that mosty.programmes.services takes."""
from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.forms import formset_factory, inlineformset_factory
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy

from mosty.accounts.models import User
from mosty.core.forms import (
    MAX_YEARS_AHEAD, ConfirmWarnings, formset_rows, model_choice_field, too_far_ahead)
from mosty.directory.choices import Kind, Sector
from mosty.directory.organisations import organisation_label, resolve_organisation
from mosty.programmes.access import organiser_choices
from mosty.programmes.models import (
    AgendaItem, Audience, Edition, Event, Group, GroupRequirement, Programme, ProgrammeLanguage,
    StaffRole)
from mosty.programmes.services import (
    EVENT_FIELDS, AgendaItemInput, EditionData, EventInput, GroupData, PartnerData,
    ProgrammeData, RequirementData)

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


class EventForm(ConfirmWarnings, forms.ModelForm):
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
        if start and too_far_ahead(start):
            self.add_error("start", _("The event would start more than %(years)s years from "
                                      "now: check the year.") % {"years": MAX_YEARS_AHEAD})
        elif start and "start" in self.changed_data and start < timezone.now():
            self.warn(_("The event starts in the past (%(date)s). Save it only to record an "
                        "event that has already taken place.")
                      % {"date": date_format(timezone.localtime(start), "j E Y, H:i")})
        group, edition = data.get("group"), data.get("edition")
        if data.get("audience") == Audience.GROUP and group is None:
            self.add_error("group", _("Choose the group the event is for."))
        if group and edition and group.edition_id != edition.pk:
            self.add_error("group", _("This group belongs to another edition."))
        self.check_warnings()
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


class ProgrammeForm(forms.ModelForm):
    """A programme's description; its partners are a PartnerFormSet beside it."""

    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages"), choices=ProgrammeLanguage.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("The languages the programme is run in."))
    website = forms.URLField(label=gettext_lazy("Website"), required=False,
                             assume_scheme="https")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Programme
        fields = ["name", "organiser", "summary", "description", "goals", "audience",
                  "funding", "coordinator_contact", "website", "start_date", "end_date",
                  "is_public", "languages"]
        widgets = {"start_date": DATE, "end_date": DATE,
                   "description": forms.Textarea(attrs={"rows": 6}),
                   "goals": forms.Textarea(attrs={"rows": 4})}
        labels = {"is_public": gettext_lazy("Public: everyone sees the programme")}
        help_texts = {
            "summary": gettext_lazy("One or two sentences shown in lists."),
            "organiser": gettext_lazy("An organisation you belong to."),
            "funding": gettext_lazy("E.g. the grant or fund that pays for it."),
            "is_public": gettext_lazy("Untick to keep it visible only to its staff while you "
                                      "prepare it."),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = self.instance if self.instance.pk else None
        organisers = model_choice_field(self, "organiser")
        organisers.queryset = organiser_choices(user, programme)
        if programme is not None:
            self.fields["version"].initial = programme.version
        else:  # a coordinator of one organisation need not pick it
            only = list(organisers.queryset[:2])
            if len(only) == 1:
                self.initial["organiser"] = only[0].pk

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end must not come before the start."))
        return data

    ABOUT = ("name", "organiser", "summary", "description", "goals", "audience")

    def about(self) -> list[forms.BoundField]:
        """The fields describing the programme (the first box of the page)."""
        return [self[name] for name in self.ABOUT]

    def running(self) -> list[forms.BoundField]:
        """Dates, funding, contact, publication and languages (the second box)."""
        return [self[name] for name in self.Meta.fields if name not in self.ABOUT]


class PartnerForm(forms.Form):
    organisation = forms.CharField(
        label=gettext_lazy("Partner organisation"), required=False,
        help_text=gettext_lazy("Type its name and pick it from the list."),
        widget=forms.TextInput(attrs={
            "list": "organisation-options", "autocomplete": "off",
            "data-suggest-url": reverse_lazy("recruitment:organisation_search")}))
    role = forms.CharField(label=gettext_lazy("Its role"), required=False, max_length=200)

    def clean_organisation(self) -> Any:
        text = self.cleaned_data["organisation"]
        if not text.strip():
            return None
        organisation = resolve_organisation(text)
        if organisation is None:
            raise forms.ValidationError(_("No organisation in the directory has this name. "
                                          "Pick one from the suggestions."))
        return organisation


PartnerFormSet = formset_factory(PartnerForm, extra=2, can_delete=True, max_num=40,
                                 validate_max=True)


def partner_initial(programme: Programme) -> list[dict[str, str]]:
    """The programme's partners as the PartnerFormSet's first rows."""
    if programme.pk is None:
        return []
    return [{"organisation": organisation_label(p.organisation), "role": p.role}
            for p in programme.partnerships.select_related("organisation__municipality")
            .order_by("id")]


def programme_data(form: ProgrammeForm, partners: Any) -> ProgrammeData:
    """The typed programme the services save, from a valid form and PartnerFormSet (empty
    and deleted rows left out)."""
    data = form.cleaned_data
    rows = [row for row in (f.cleaned_data for f in partners.forms)
            if row and row.get("organisation") and not row.get("DELETE")]
    return ProgrammeData(
        **{name: data[name] for name in ProgrammeForm.Meta.fields if name != "languages"},
        languages=tuple(data.get("languages") or ()),
        partners=tuple(PartnerData(row["organisation"], row.get("role", "")) for row in rows))
