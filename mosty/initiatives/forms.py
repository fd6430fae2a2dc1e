"""Forms of co-design: they validate what people typed and hand plain values to the services
(they never save a model themselves)."""
from typing import Any

from django import forms
from django.utils.translation import gettext as _, gettext_lazy

from mosty.accounts.access import Viewer, signed_in
from mosty.directory.models import Organisation
from mosty.initiatives.models import (
    Applicant, FundingKind, FundingSource, Idea, IdeaStatus)
from mosty.initiatives.workshop import RATING_SCALE, SourceData, StepData
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Event, Group, Programme


def _organisations(user: Viewer) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=gettext_lazy("On behalf of"), required=False,
        queryset=Organisation.objects.filter(memberships__user=user).order_by("name")
        if signed_in(user) else Organisation.objects.none())


class IdeaForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(label=gettext_lazy("In one or two sentences"), max_length=500,
                              required=False, widget=forms.Textarea(attrs={"rows": 2}))
    programme = forms.ModelChoiceField(label=gettext_lazy("Programme"), required=False,
                                       queryset=Programme.objects.none())
    group = forms.ModelChoiceField(label=gettext_lazy("Group"), required=False,
                                   queryset=Group.objects.none())
    event = forms.ModelChoiceField(label=gettext_lazy("Workshop"), required=False,
                                   queryset=Event.objects.none())
    is_public = forms.BooleanField(
        label=gettext_lazy("Public: everyone may see the idea (without the team's contacts)"),
        required=False)

    def __init__(self, user: Viewer, *args: Any, creating: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programmes = programmes_access.visible_programmes(user).order_by("name")
        self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]
        self.fields["group"].queryset = Group.objects.filter(  # type: ignore[attr-defined]
            edition__programme__in=programmes).select_related("edition__programme")
        self.fields["event"].queryset = Event.objects.filter(  # type: ignore[attr-defined]
            programme__in=programmes).order_by("-start")
        if creating:
            field = _organisations(user)
            field.required = True
            field.label = _("Your organisation in the team")
            self.fields["organisation"] = field


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=IdeaStatus.choices)


class TextSectionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=gettext_lazy("Text"), required=False,
                           widget=forms.Textarea(attrs={"rows": 8}))


class ActivityRow(forms.Form):
    what = forms.CharField(label=gettext_lazy("Activity"), max_length=300, required=False)
    start = forms.DateField(label=gettext_lazy("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))
    who = forms.CharField(label=gettext_lazy("Who"), max_length=200, required=False)


class BudgetRow(forms.Form):
    item = forms.CharField(label=gettext_lazy("Budget line"), max_length=300, required=False)
    own_cash = forms.DecimalField(label=gettext_lazy("Own contribution in cash (PLN)"),
                                  required=False, min_value=0, decimal_places=2)
    own_in_kind = forms.DecimalField(label=gettext_lazy("Own contribution in kind (PLN)"),
                                     required=False, min_value=0, decimal_places=2)
    requested = forms.DecimalField(label=gettext_lazy("Amount requested (PLN)"),
                                   required=False, min_value=0, decimal_places=2)


ActivityRows = forms.formset_factory(ActivityRow, extra=3)
BudgetRows = forms.formset_factory(BudgetRow, extra=3)


def rows_of(formset: Any) -> list[dict[str, str]]:
    return [{name: "" if value is None else str(value)
             for name, value in form.cleaned_data.items()}
            for form in formset.forms if form.cleaned_data]


class MemberForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address of the person"))


class GapForm(forms.Form):
    need = forms.CharField(
        label=gettext_lazy("What does the project still lack?"), max_length=300,
        help_text=gettext_lazy("E.g. “a room for 40 people” or “transport for seniors”."))


class PartnerForm(forms.Form):
    contribution = forms.CharField(label=gettext_lazy("What it contributes"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    resources = forms.MultipleChoiceField(label=gettext_lazy("Resources from its profile"),
                                          required=False,
                                          widget=forms.CheckboxSelectMultiple)

    def __init__(self, organisation: Organisation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resources"].choices = [  # type: ignore[attr-defined]
            (str(r.pk), r.description) for r in organisation.resources.filter(kind="offer")]


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"),
                           help_text=gettext_lazy("PDF, DOCX, XLSX, ODT, JPEG or PNG, at most "
                                                  "15 MB."))
    title = forms.CharField(label=gettext_lazy("Title of the file"), max_length=200,
                            required=False)


class FeedbackForm(forms.Form):
    strengths = forms.CharField(label=gettext_lazy("Strengths"), required=False,
                                widget=forms.Textarea(attrs={"rows": 3}))
    questions = forms.CharField(label=gettext_lazy("Questions"), required=False,
                                widget=forms.Textarea(attrs={"rows": 3}))
    can_help = forms.CharField(label=gettext_lazy("We can help with…"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, user: Viewer, criteria: list[str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = _organisations(user)
        self.criteria = criteria
        choices = [("", _("no rating"))] + [(str(n), str(n)) for n in RATING_SCALE]
        for number, criterion in enumerate(criteria):
            self.fields[f"rating_{number}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (1–5)") % {"criterion": criterion}, choices=choices,
                coerce=int, empty_value=None, required=False, widget=forms.RadioSelect)

    def ratings(self) -> tuple[tuple[str, int], ...]:
        return tuple((c, self.cleaned_data[f"rating_{n}"]) for n, c in enumerate(self.criteria)
                     if self.cleaned_data.get(f"rating_{n}") is not None)


class AdviceForm(forms.Form):
    held_on = forms.DateField(label=gettext_lazy("Date"),
                              widget=forms.DateInput(attrs={"type": "date"}))
    advice = forms.CharField(label=gettext_lazy("Advice"), widget=forms.Textarea(attrs={"rows": 5}))


class StepRow(forms.Form):
    what = forms.CharField(label=gettext_lazy("Next step"), max_length=300, required=False)
    owner = forms.CharField(label=gettext_lazy("Who"), max_length=200, required=False)
    due_on = forms.DateField(label=gettext_lazy("By when"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}))


StepRows = forms.formset_factory(StepRow, extra=3)


def steps_of(formset: Any) -> tuple[StepData, ...]:
    return tuple(StepData(f.cleaned_data["what"], f.cleaned_data.get("owner", ""),
                          f.cleaned_data.get("due_on"))
                 for f in formset.forms if f.cleaned_data.get("what"))


class SessionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    event = forms.ModelChoiceField(label=gettext_lazy("Workshop"), required=False,
                                   queryset=Event.objects.none())
    minutes_per_idea = forms.IntegerField(label=gettext_lazy("Minutes per presentation"),
                                          min_value=1, max_value=60, initial=7)
    criteria = forms.CharField(
        label=gettext_lazy("Rating criteria"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line, at most six, e.g. “answers a real need”."))
    ideas = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Ideas that present, in this order"),
        queryset=Idea.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, programme: Programme, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = programme.events.order_by("start")  # type: ignore
        self.fields["ideas"].queryset = Idea.objects.filter(  # type: ignore[attr-defined]
            programme=programme).order_by("created_at", "id")

    def criteria_list(self) -> tuple[str, ...]:
        return tuple(line for line in self.cleaned_data["criteria"].splitlines() if line.strip())


class SourceForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    funder = forms.CharField(label=gettext_lazy("Funder"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=FundingKind.choices)
    applicants = forms.MultipleChoiceField(label=gettext_lazy("Who may apply"),
                                           choices=Applicant.choices, required=False,
                                           widget=forms.CheckboxSelectMultiple)
    amount_min = forms.DecimalField(label=gettext_lazy("Smallest grant (PLN)"), required=False,
                                    min_value=0)
    amount_max = forms.DecimalField(label=gettext_lazy("Largest grant (PLN)"), required=False,
                                    min_value=0)
    own_contribution_percent = forms.IntegerField(
        label=gettext_lazy("Own contribution required (%)"), min_value=0, max_value=100,
        initial=0)
    deadline = forms.DateField(label=gettext_lazy("Next deadline"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))
    deadline_note = forms.CharField(label=gettext_lazy("Deadlines"), max_length=300,
                                    required=False)
    link = forms.URLField(label=gettext_lazy("Link"), required=False, assume_scheme="https")
    activities = forms.CharField(label=gettext_lazy("Kinds of activity"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    region = forms.CharField(label=gettext_lazy("Region"), max_length=200, required=False)
    is_active = forms.BooleanField(label=gettext_lazy("Active"), required=False, initial=True)

    @classmethod
    def for_source(cls, source: FundingSource) -> "SourceForm":
        return cls(initial={name: getattr(source, name) for name in cls.base_fields})

    def data_out(self) -> SourceData:
        return SourceData(**{**self.cleaned_data,
                             "applicants": tuple(self.cleaned_data["applicants"]),
                             "own_contribution_percent":
                                 self.cleaned_data["own_contribution_percent"] or 0})


