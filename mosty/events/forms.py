"""Forms of the events' own pages: files, conclusions, consultation slots, cycles. The event
itself (details and agenda) is edited with mosty.programmes.forms.EventForm."""
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mosty.core import uploads
from mosty.core.forms import model_choice_field
from mosty.events.content import MAX_FILE_BYTES
from mosty.events.models import CycleStep
from mosty.programmes.forms import DATE, TIME
from mosty.programmes.models import Event, Group, Programme, ProgrammeStaff



def validate_upload(upload: Any) -> None:
    """The size, before the file is stored (its type is judged by events.content.add_file)."""
    problem = uploads.too_large(upload.name, upload.size, MAX_FILE_BYTES)
    if problem:
        raise forms.ValidationError(problem)


class FileForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    # The type is judged by content when the file is stored (events.content.add_file).
    file = forms.FileField(label=_("File"), validators=[validate_upload])
    is_public = forms.BooleanField(label=_("Everyone may download it"), required=False,
                                   initial=True, help_text=_(
                                       "Otherwise only the event's participants and staff."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Formatted here, in the request's language (a % at import time would freeze it).
        self.fields["file"].help_text = _(
            "PDF, office documents (DOCX, XLSX, PPTX, ODT, ODS, ODP) or JPEG and PNG pictures, "
            "at most %(mb)s MB.") % {"mb": MAX_FILE_BYTES // (1024 * 1024)}


class ConclusionsForm(forms.Form):
    conclusions = forms.CharField(label=_("Conclusions"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 8}))
    recommendations = forms.CharField(label=_("Recommendations"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 6}))
    is_published = forms.BooleanField(
        label=_("Publish on the event page"), required=False,
        help_text=_("Published conclusions and their attachments are public; otherwise only "
                    "the programme's staff see them."))
    attachment = forms.FileField(label=_("Attach a file"), required=False,
                                 validators=[validate_upload])
    attachment_title = forms.CharField(label=_("Title of the attachment"), max_length=200,
                                       required=False)


class ExpertChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ProgrammeStaff) -> str:
        name = obj.user.get_full_name()
        return f"{name} ({obj.expertise})" if obj.expertise else name


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Group) -> str:
        return f"{obj.name} ({obj.edition.name})"


class EventsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Event) -> str:
        return f"{timezone.localtime(obj.start):%Y-%m-%d} {obj.title}"


class SlotsForm(forms.Form):
    expert = ExpertChoiceField(label=_("Expert"), queryset=ProgrammeStaff.objects.none())
    day = forms.DateField(label=_("Day"), widget=DATE)
    start = forms.TimeField(label=_("From"), widget=TIME)
    end = forms.TimeField(label=_("To"), widget=TIME)
    minutes = forms.IntegerField(label=_("Minutes per consultation"), min_value=10,
                                 max_value=240, initial=45)

    def __init__(self, *args: Any, experts: list[ProgrammeStaff], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "expert").queryset = ProgrammeStaff.objects.filter(
            pk__in=[e.pk for e in experts]).select_related("user")


class ScheduleCycleForm(forms.Form):
    """Step 2 of scheduling: the group, the place and one start date per event."""

    group = GroupChoiceField(label=_("Group"), queryset=Group.objects.none())
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, required=False,
                                  help_text=_("Leave empty for no limit."))

    def __init__(self, *args: Any, programme: Programme, steps: list[CycleStep],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups = Group.objects.filter(edition__programme=programme).select_related("edition")
        model_choice_field(self, "group").queryset = self.groups
        self.steps = steps
        for step in steps:
            hours = f"{step.starts_at:%H:%M}–{step.ends_at:%H:%M}"
            label = _("%(position)s. %(title)s: date") % {"position": step.position,
                                                          "title": step.title}
            help_text = (_("%(days)s days, each %(hours)s") % {"days": step.days, "hours": hours}
                         if step.days > 1 else hours)
            self.fields[f"date_{step.position}"] = forms.DateField(
                label=label, widget=DATE, help_text=help_text)

    def dates(self) -> list[date]:
        return [self.cleaned_data[f"date_{step.position}"] for step in self.steps]


class SaveTemplateForm(forms.Form):
    name = forms.CharField(label=_("Name of the template"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    events = EventsChoiceField(label=_("Events of the cycle"), queryset=Event.objects.none(),
                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "events").queryset = programme.events.select_related(
            "group").prefetch_related("agenda_items").order_by("start")
