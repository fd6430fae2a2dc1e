from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mosty.core.forms import SearchField
from mosty.core.forms import choice_field, date_time_field
from mosty.directory.choices import Sector
from mosty.networking.models import MAX_ROUNDS, Kind, Mode, NetworkingSession, Participant

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SessionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = NetworkingSession
        fields = ["title", "kind", "table_size", "mode", "rounds", "tables", "cross_sector",
                  "minutes_per_round", "changeover_seconds", "planned_start", "wishes_open",
                  "request_cap", "requests_need_acceptance"]
        widgets = {"planned_start": DATETIME_INPUT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        date_time_field(self, "planned_start").input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.setup_version
        if not self.instance.pk:
            self.fields["title"].initial = _("Speed networking")
        if self.instance.pk and self.instance.is_requested:
            self.fields["rounds"].label = _("time slots")
            self.fields["minutes_per_round"].label = _("minutes per slot")
            self.fields["wishes_open"].label = _("participants may send meeting requests")
        self.fields["kind"].widget = forms.RadioSelect(choices=Kind.choices)
        # Older clients (and forms) that do not send them keep the current values.
        self.fields["kind"].required = self.fields["request_cap"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assert data is not None
        if not data.get("kind"):
            data["kind"] = self.instance.kind or Kind.ROTATION
        if data.get("request_cap") is None:
            data["request_cap"] = self.instance.request_cap
        if data.get("kind") == Kind.REQUESTED:
            # One-to-one at a table; the tables are the rooms' real tables.
            data["table_size"], data["mode"] = 2, Mode.MIXED
            if not data.get("tables"):
                self.add_error("tables", _("Give the number of tables for one-to-one "
                                           "meetings."))
        return data


class AbsentRoundsField(forms.CharField):
    """Round numbers typed as “1, 3” (or “1-2”)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.max_round = kwargs.pop("max_round", MAX_ROUNDS)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return value or ""

    def clean(self, value: Any) -> list[int]:
        text = (super().clean(value) or "").replace(";", ",").replace(" ", "")
        rounds: set[int] = set()
        for part in filter(None, text.split(",")):
            first, _sep, last = part.partition("-")
            if not first.isdigit() or (last and not last.isdigit()):
                raise forms.ValidationError(_("Write round numbers separated by commas, "
                                              "e.g. “1, 3” or “1-2”."))
            start, end = int(first), int(last or first)
            if not 1 <= start <= end <= self.max_round:
                raise forms.ValidationError(_("Rounds are numbered from 1 to %(max)s.")
                                            % {"max": self.max_round})
            rounds.update(range(start, end + 1))
        return sorted(rounds)


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "organisation_name", "sector", "host", "about", "email", "phone",
                  "share_contact", "absent_rounds"]
        widgets = {"organisation_name": forms.TextInput(attrs={"list": "organisation-names"})}

    def __init__(self, *args: Any, session: NetworkingSession, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["absent_rounds"] = AbsentRoundsField(
            label=_("absent in rounds"), required=False, max_round=session.rounds,
            help_text=_("E.g. “1, 2” for someone who comes late. Leave empty if present all "
                        "evening."))
        if session.is_requested:
            absent = self.fields["absent_rounds"]
            absent.label = _("not available in time slots")
            absent.help_text = _("E.g. “1-2” for someone who comes later. Meetings are "
                                 "placed only in the other slots.")
        self.fields["organisation_name"].help_text = _(
            "People of one organisation never sit at one table. A name from the directory "
            "links the organisation.")
        self.fields["sector"].required = session.cross_sector
        if session.mode != Mode.HOSTS:
            del self.fields["host"]
        if self.instance.pk:
            # The form remembers what it showed, so only what the coordinator really changed
            # is saved (the participant may edit consent or "about" on the phone meanwhile).
            for field in self.fields.values():
                field.show_hidden_initial = True

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Give the person's name."))
        return name


class MembersForm(forms.Form):
    """People of directory organisations, picked by checkbox."""

    q = SearchField(label=_("Organisation name"))
    sector = forms.ChoiceField(label=_("Sector"), required=False,
                               choices=[("", _("all sectors"))] + list(Sector.choices))
    members = forms.MultipleChoiceField(label=_("People"), required=False,
                                        widget=forms.CheckboxSelectMultiple)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet file (XLSX or CSV, at most 5 MB)"))


class SwapForm(forms.Form):
    first = forms.TypedChoiceField(label=_("First person"), coerce=int)
    second = forms.TypedChoiceField(label=_("Second person"), coerce=int)
    lock = forms.BooleanField(label=_("lock both seats so that re-optimising keeps them"),
                              required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + people
        choice_field(self, "first").choices = choices
        choice_field(self, "second").choices = choices

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("first") and data.get("first") == data.get("second"):
            raise forms.ValidationError(_("Choose two different people."))
        return data


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message (optional)"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why you would like to meet; only this person sees it."))


class MoveForm(forms.Form):
    """Put one accepted meeting into a slot and table by hand."""

    meeting = forms.TypedChoiceField(label=_("Meeting"), coerce=int)
    slot = forms.TypedChoiceField(label=_("Time slot"), coerce=int)
    table = forms.TypedChoiceField(label=_("Table"), coerce=int)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, session: NetworkingSession, meetings: list[Any],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "meeting").choices = [("", "—")] + [
            (m.pk, f"{m.sender.name} – {m.receiver.name}") for m in meetings]
        choice_field(self, "slot").choices = [(n, str(n)) for n in range(1, session.rounds + 1)]
        choice_field(self, "table").choices = [
            (n, str(n)) for n in range(1, (session.tables or 1) + 1)]
