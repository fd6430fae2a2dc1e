"""Forms of the cooperation pages: they check input and hand typed values to the services."""
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mosty.accounts.access import Viewer
from mosty.core.forms import choice_field
from mosty.cooperation import access
from mosty.cooperation.bodies import BodyData, MemberData
from mosty.cooperation.models import (
    BodyKind, CommentKind, CooperationProgramme, Decision, Element, ImplementationReport)
from mosty.cooperation.services import CommentData, ReportFigures
from mosty.directory.models import Organisation
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Event

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class StartForm(forms.Form):
    territory = forms.ChoiceField(label=_("Local government unit"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    copy_from = forms.ChoiceField(label=_("Start from"), required=False)

    def __init__(self, user: Viewer, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        territories = access.editable_territories(user).order_by("name")[:200]
        choice_field(self, "territory").choices = [(t.code, f"{t.name} ({t.get_level_display()})")
                                            for t in territories]
        earlier = access.visible_programmes(user).filter(
            territory__in=access.editable_territories(user)).select_related("territory")
        choice_field(self, "copy_from").choices = [("", _("an empty programme"))] + [
            (p.pk, str(p)) for p in earlier.order_by("-year")[:50]]
        self.earlier = {str(p.pk): p for p in earlier[:50]}

    def copy_source(self) -> CooperationProgramme | None:
        return self.earlier.get(self.cleaned_data.get("copy_from") or "")


class ChapterForm(forms.Form):
    text = forms.CharField(
        label=_("Paragraphs"), required=False, widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("One paragraph (§) after another, separated by an empty line. Numbering "
                    "is added in the document. A paragraph keeps its comments when you change "
                    "its text."))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def paragraphs(self) -> list[str]:
        return [part.strip() for part in PARAGRAPH_BREAK.split(self.cleaned_data["text"])
                if part.strip()]


class ConsultationForm(forms.Form):
    consultation_start = forms.DateField(label=_("Consultation opens"),
                                         widget=forms.DateInput(attrs={"type": "date"}))
    consultation_end = forms.DateField(label=_("Consultation closes"),
                                       widget=forms.DateInput(attrs={"type": "date"}))


class MeetingsForm(forms.Form):
    meetings = forms.MultipleChoiceField(label=_("Consultation meetings"), required=False,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, user: Viewer, programme: CooperationProgramme, *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        events = Event.objects.filter(
            programme__in=programmes_access.visible_programmes(user),
            start__year__in=(programme.year - 1, programme.year)).order_by("start")[:100]
        choice_field(self, "meetings").choices = [
            (e.pk, f"{e.start:%Y-%m-%d} {e.title}") for e in events]

    def event_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["meetings"]]


class OpinionForm(forms.Form):
    opinion = forms.FileField(label=_("Opinion of the public benefit council (PDF, DOCX, ODT)"))


class CommentForm(forms.Form):
    organisation = forms.ChoiceField(label=_("On behalf of"))
    target = forms.ChoiceField(label=_("Concerns"))
    kind = forms.ChoiceField(label=_("Kind"), choices=CommentKind.choices,
                             widget=forms.RadioSelect, initial=CommentKind.COMMENT)
    text = forms.CharField(label=_("Comment and its reason"),
                           widget=forms.Textarea(attrs={"rows": 5}))
    proposed_text = forms.CharField(
        label=_("Proposed wording"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The whole paragraph as you would like it to read (for a new wording)."))

    def __init__(self, user: Viewer, targets: list[tuple[str, str]], *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "organisation").choices = [
            (o.pk, o.name) for o in access.commenting_organisations(user)]
        choice_field(self, "target").choices = targets

    def to_data(self) -> CommentData:
        target = self.cleaned_data["target"]
        paragraph_id = int(target[2:]) if target.startswith("p-") else None
        element = target[2:] if target.startswith("e-") else ""
        return CommentData(organisation_id=int(self.cleaned_data["organisation"]),
                           text=self.cleaned_data["text"], paragraph_id=paragraph_id,
                           element=element, kind=self.cleaned_data["kind"],
                           proposed_text=self.cleaned_data["proposed_text"])


def comment_targets(paragraphs: list[tuple[int, Any]]) -> list[tuple[str, str]]:
    """Choices for "concerns": each numbered paragraph, then "a new paragraph in" a chapter."""
    choices = [(f"p-{p.pk}", f"§ {number}. {p.text[:70]}") for number, p in paragraphs]
    choices += [(f"e-{value}", _("A new paragraph in: %(chapter)s") % {"chapter": label})
                for value, label in Element.choices]
    return choices


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(label=_("Answer"), choices=Decision.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class AdoptForm(forms.Form):
    resolution_number = forms.CharField(label=_("Resolution number"), max_length=60)
    adopted_on = forms.DateField(label=_("Adopted on"),
                                 widget=forms.DateInput(attrs={"type": "date"}))


class ReportForm(forms.ModelForm):
    class Meta:
        model = ImplementationReport
        fields = ["open_competitions", "offers_received", "grants_given", "grants_amount",
                  "small_grants", "small_grants_amount", "tasks_commissioned", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 5})}

    def to_figures(self) -> ReportFigures:
        return ReportFigures(**{name: self.cleaned_data[name] for name in self.Meta.fields})


class BodyForm(forms.Form):
    territory = forms.ChoiceField(label=_("Local government unit"))
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices)
    name = forms.CharField(label=_("Name"), max_length=255)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    term_start = forms.DateField(label=_("Term of office from"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    term_end = forms.DateField(label=_("Term of office until"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))
    meetings = forms.MultipleChoiceField(label=_("Meetings"), required=False,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, user: Viewer, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "territory").choices = [
            (t.code, f"{t.name} ({t.get_level_display()})")
            for t in access.editable_territories(user).order_by("name")[:200]]
        events = Event.objects.filter(programme__in=programmes_access.visible_programmes(user)) \
            .order_by("-start")[:100]
        choice_field(self, "meetings").choices = [(e.pk, f"{e.start:%Y-%m-%d} {e.title}")
                                           for e in events]

    def to_data(self) -> BodyData:
        data = self.cleaned_data
        return BodyData(territory_code=data["territory"], kind=data["kind"], name=data["name"],
                        description=data["description"], term_start=data["term_start"],
                        term_end=data["term_end"])

    def event_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["meetings"]]


class MemberForm(forms.Form):
    person = forms.CharField(label=_("Person"), max_length=200)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    function = forms.CharField(label=_("Function"), max_length=120, required=False)
    term_start = forms.DateField(label=_("Member from"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    term_end = forms.DateField(label=_("Member until"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, territory_code: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nearby = Organisation.objects.filter(municipality__code__startswith=territory_code) \
            .order_by("name").only("pk", "name")[:500]
        choice_field(self, "organisation").choices = [("", "—")] + [(o.pk, o.name) for o in nearby]

    def to_data(self) -> MemberData:
        data = self.cleaned_data
        return MemberData(person=data["person"], function=data["function"],
                          organisation_id=int(data["organisation"]) if data["organisation"]
                          else None, term_start=data["term_start"], term_end=data["term_end"])
