"""The coordinator's forms: a call, its questions (the application form) and scoring criteria."""
from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy

from mosty.core.forms import (
    MAX_YEARS_AHEAD, ConfirmWarnings, formset_rows, model_choice_field, too_far_ahead)
from mosty.directory.choices import Kind, Sector
from mosty.programmes.models import Programme
from mosty.recruitment.choices import KINDS_WITH_OPTIONS, FileType, QuestionKind
from mosty.recruitment.models import Criterion, Question, RecruitmentCall
from mosty.recruitment.services.calls import (
    CALL_FIELDS, CallInput, CriterionInput, QuestionInput)

# More questions than anyone needs; the "add" button stops there.
MAX_QUESTIONS = 100
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CallForm(ConfirmWarnings, forms.ModelForm):
    allowed_sectors = forms.MultipleChoiceField(
        label=gettext_lazy("Sectors that may apply"), choices=Sector.choices, required=False,
        widget=forms.CheckboxSelectMultiple)
    allowed_kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Kinds of organisation that may apply"), choices=Kind.choices,
        required=False, widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("An organisation may apply if its sector or its kind is ticked. "
                               "Tick nothing to open the call to all."))

    class Meta:
        model = RecruitmentCall
        fields = ["edition", "title", "description", "opens_at", "deadline", "is_published",
                  "applicant_mode", "pair_area_rule", "allowed_sectors", "allowed_kinds",
                  "max_applications", "max_accepted", "score_max"]
        widgets = {"opens_at": DATETIME, "deadline": DATETIME,
                   "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, programme: Programme, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        edition = model_choice_field(self, "edition")
        edition.queryset = programme.editions.all()
        edition.empty_label = None

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        opens, deadline = data.get("opens_at"), data.get("deadline")
        if opens and deadline and deadline <= opens:
            self.add_error("deadline", _("The deadline must come after the opening."))
        elif opens and too_far_ahead(opens):
            self.add_error("opens_at", _("The call would open more than %(years)s years from "
                                         "now: check the year.") % {"years": MAX_YEARS_AHEAD})
        elif deadline and "deadline" in self.changed_data and deadline < timezone.now():
            self.warn(_("The deadline (%(date)s) has passed: nobody can apply to this call. "
                        "Save it only to record a call that has already closed.")
                      % {"date": date_format(timezone.localtime(deadline), "j E Y, H:i")})
        self.check_warnings()
        return data


class QuestionForm(forms.ModelForm):
    options_text = forms.CharField(
        label=gettext_lazy("Options, one per line"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("For “one choice” and “multiple choice”."))
    file_types = forms.MultipleChoiceField(
        label=gettext_lazy("Accepted files"), choices=FileType.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("For attachments: checked by the file's content."))

    class Meta:
        model = Question
        fields = ["position", "label", "kind", "help_text", "required", "options_text",
                  "file_types", "max_size_mb"]
        widgets = {"position": forms.NumberInput(attrs={"min": 0, "class": "input-narrow"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["options_text"].initial = "\n".join(self.instance.options)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind = data.get("kind")
        options = [line.strip() for line in data.get("options_text", "").splitlines()
                   if line.strip()]
        if kind in KINDS_WITH_OPTIONS and len(options) < 2:
            self.add_error("options_text", _("Give at least two options, one per line."))
        if kind == QuestionKind.FILE and not data.get("file_types"):
            self.add_error("file_types", _("Tick at least one kind of file."))
        data["options"] = options if kind in KINDS_WITH_OPTIONS else []
        if kind != QuestionKind.FILE:
            data["file_types"] = []
        return data

    def save(self, commit: bool = True) -> Question:
        self.instance.options = self.cleaned_data["options"]
        self.instance.file_types = self.cleaned_data["file_types"]
        return super().save(commit)


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["position", "name", "max_points"]
        widgets = {"position": forms.NumberInput(attrs={"min": 0, "class": "input-narrow"})}


QuestionFormSet = inlineformset_factory(RecruitmentCall, Question, form=QuestionForm, extra=0,
                                        can_delete=True, max_num=MAX_QUESTIONS,
                                        validate_max=True)
CriterionFormSet = inlineformset_factory(RecruitmentCall, Criterion, form=CriterionForm,
                                         extra=2, can_delete=True)


def call_forms(programme: Programme, call: RecruitmentCall, data: Any = None,
               add_question: bool = False) -> tuple[CallForm, Any, Any]:
    """The call's form and its two formsets. A call without questions starts with one empty
    question; `add_question` (the "Add a question" button) shows everything posted again
    with one more empty question, saving nothing."""
    if data is not None and add_question:
        data = data.copy()
        total = data.get("questions-TOTAL_FORMS", "0")
        data["questions-TOTAL_FORMS"] = str(min(int(total) + 1 if total.isdigit() else 1,
                                                MAX_QUESTIONS))
    questions = QuestionFormSet(data, instance=call, prefix="questions")
    if call.pk is None or not call.questions.exists():
        questions.extra = 1
    if add_question and questions.forms:
        questions.full_clean()  # the other rows' errors, before the new row replaces its own
        questions.forms[-1] = _blank_question(questions, call)
    return (CallForm(programme, data, instance=call), questions,
            CriterionFormSet(data, instance=call, prefix="criteria"))


def _blank_question(questions: Any, call: RecruitmentCall) -> QuestionForm:
    """The row "Add a question" adds: not bound to the posted data (it has none), so it shows
    no errors, numbered after the others and focused."""
    index = len(questions.forms) - 1
    form = questions.form(auto_id=questions.auto_id, prefix=questions.add_prefix(index),
                          empty_permitted=True, use_required_attribute=False,
                          renderer=questions.renderer, instance=Question(call=call),
                          initial={"position": index + 1})
    questions.add_fields(form, index)
    form.fields["label"].widget.attrs["autofocus"] = True
    return form


def call_input(form: CallForm, questions: Any, criteria: Any) -> CallInput:
    """The typed call the service saves, from a valid form and its two formsets."""
    data = form.cleaned_data
    return CallInput(**{name: data[name] for name in CALL_FIELDS},
                     questions=formset_rows(questions, QuestionInput),
                     criteria=formset_rows(criteria, CriterionInput))
