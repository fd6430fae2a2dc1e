"""The application form, built from the call's questions."""
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.core.files.uploadedfile import UploadedFile
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _, gettext_lazy

from mosty.core.forms import choice_field
from mosty.accounts.models import User
from mosty.directory.models import Organisation
from mosty.core import uploads
from mosty.recruitment.choices import QuestionKind
from mosty.recruitment.models import Application, ApplicationFile, Question, RecruitmentCall
from mosty.directory.organisations import organisation_label, resolve_organisation
from mosty.recruitment.services.applications import ApplicationInput, Upload

YES_NO = [("yes", gettext_lazy("yes")), ("no", gettext_lazy("no"))]
ACCEPT = {"pdf": ".pdf,application/pdf", "docx": ".docx", "xlsx": ".xlsx", "odt": ".odt",
          "jpg": ".jpg,.jpeg,image/jpeg", "png": ".png,image/png"}


class AttachmentField(forms.FileField):
    """A file checked by its content against the question's types and size limit."""

    def __init__(self, question: Question, **kwargs: Any) -> None:
        self.question = question
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(ACCEPT[t] for t in question.file_types
                                               if t in ACCEPT)

    def clean(self, data: Any, initial: Any = None) -> Upload | None:
        upload = super().clean(data, initial)
        if not isinstance(upload, UploadedFile):
            return None
        limit = self.question.max_size_mb * 1024 * 1024
        checked = uploads.check(upload, upload.name, self.question.file_types, limit)
        if checked.problem:
            code = "wrong_type" if checked.size <= limit else "too_large"
            raise forms.ValidationError(checked.problem, code=code)
        return Upload(upload, checked.file_type)


def _question_field(question: Question) -> forms.Field:
    common: dict[str, Any] = {"label": question.label, "help_text": question.help_text,
                              "required": False}
    kind = question.kind
    if kind == QuestionKind.TEXT:
        return forms.CharField(max_length=500, **common)
    if kind == QuestionKind.LONG_TEXT:
        return forms.CharField(max_length=10000, widget=forms.Textarea(attrs={"rows": 5}),
                               **common)
    options = [(option, option) for option in question.options]
    if kind == QuestionKind.CHOICE:
        widget = forms.RadioSelect if len(options) <= 6 else forms.Select
        return forms.ChoiceField(choices=[("", "—")] + options if widget is forms.Select
                                 else options, widget=widget, **common)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple,
                                         **common)
    if kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               **common)
    if kind == QuestionKind.NUMBER:
        return forms.DecimalField(max_digits=14, decimal_places=2, **common)
    return AttachmentField(question, **common)


def to_json(question: Question, value: Any) -> Any:
    """A cleaned answer as stored in Application.answers."""
    if value in (None, "", []):
        return None
    if question.kind == QuestionKind.YES_NO:
        return value == "yes"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def from_json(question: Question, value: Any) -> Any:
    """A stored answer as the form's initial value."""
    if question.kind == QuestionKind.YES_NO and value is not None:
        return "yes" if value else "no"
    return value


class ApplicationForm(forms.Form):
    organisation = forms.ChoiceField(label=gettext_lazy("Organisation you apply for"),
                                     required=False)
    partner = forms.CharField(
        label=gettext_lazy("Partner organisation"), required=False,
        help_text=gettext_lazy("The organisation you apply with, from the directory."),
        widget=forms.TextInput(attrs={
            "list": "organisation-options", "autocomplete": "off",
            "data-suggest-url": reverse_lazy("recruitment:organisation_search")}))

    def __init__(self, call: RecruitmentCall, user: User, application: Application | None,
                 data: Mapping[str, Any] | None = None,
                 files: MultiValueDict[str, UploadedFile] | None = None, *,
                 submitting: bool = False) -> None:
        self.call = call
        self.submitting = submitting
        self.questions = list(call.questions.all())
        self.existing: dict[int, ApplicationFile] = {}
        mine = list(Organisation.objects.filter(memberships__user=user).order_by("name"))
        initial: dict[str, Any] = {}
        if application is not None:
            self.existing = {f.question_id: f for f in application.files.all()}
            initial = self._initial(application, mine)
        if len(mine) == 1 and not initial.get("organisation"):
            # One organisation: it is the one they apply for, unless they chose otherwise.
            initial["organisation"] = mine[0].slug
        super().__init__(data, files, initial=initial)
        # Only one's own organisations: applying in another's name would block its own
        # application to the call.
        choice_field(self, "organisation").choices = [("", "—")] + \
            [(o.slug, o.name) for o in mine]
        if not call.takes_pairs:
            del self.fields["partner"]
        for question in self.questions:
            field = self.fields[f"q_{question.pk}"] = _question_field(question)
            if question.required:
                # Required only to submit: a draft may be saved half-filled.
                field.widget.attrs["aria-required"] = "true"

    def _initial(self, application: Application, mine: list[Organisation]) -> dict[str, Any]:
        initial: dict[str, Any] = {f"q_{q.pk}": from_json(q, application.answers.get(q.key))
                                   for q in self.questions if not q.is_file}
        if application.organisation is not None and application.organisation in mine:
            initial["organisation"] = application.organisation.slug
        if application.partner is not None:
            initial["partner"] = organisation_label(application.partner)
        return initial

    def _resolve(self, name: str, text: str) -> Organisation | None:
        if not text:
            return None
        organisation = resolve_organisation(text)
        if organisation is None:
            self.add_error(name, _("No organisation in the directory has this name. Pick one "
                                   "from the suggestions, or add the organisation to the "
                                   "directory first."))
        return organisation

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        choice = data.get("organisation", "")
        data["organisation_obj"] = Organisation.objects.filter(slug=choice).first() \
            if choice else None
        data["partner_obj"] = self._resolve("partner", data.get("partner", ""))
        if self.submitting:
            self._check_complete(data)
        return data

    def _check_complete(self, data: dict[str, Any]) -> None:
        """Every missing answer at once (the service checks again, one at a time)."""
        if not data.get("organisation_obj"):
            self.add_error("organisation", _("Choose the organisation you apply for."))
        for question in self.questions:
            name = f"q_{question.pk}"
            if not question.required or name in self.errors:
                continue
            value = data.get(name)
            if question.is_file:
                missing = not value and question.pk not in self.existing
            else:
                missing = value in (None, "", [])
            if missing:
                self.add_error(name, _("This question needs an answer before you submit."))

    def to_input(self) -> ApplicationInput:
        data = self.cleaned_data
        answers = {q.key: to_json(q, data.get(f"q_{q.pk}")) for q in self.questions
                   if not q.is_file}
        uploads = {q.pk: data[f"q_{q.pk}"] for q in self.questions
                   if q.is_file and data.get(f"q_{q.pk}")}
        return ApplicationInput(organisation=data.get("organisation_obj"),
                                partner=data.get("partner_obj"), answers=answers,
                                uploads=uploads)

    def question_rows(self) -> list[tuple[Question, forms.BoundField, ApplicationFile | None]]:
        """Each question with its field and, for attachments, the file already in the draft."""
        return [(q, self[f"q_{q.pk}"], self.existing.get(q.pk)) for q in self.questions]

    def uploads_lost(self) -> bool:
        """Valid files chosen in a POST that is refused must be chosen again."""
        return any(isinstance(self.cleaned_data.get(f"q_{q.pk}"), Upload)
                   for q in self.questions if q.is_file) if hasattr(self, "cleaned_data") \
            else False
