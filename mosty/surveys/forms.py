"""Forms of the survey builder: they check what the coordinator typed and hand plain values
to the services. The respondent's pages are read by `given_from_post`, not by a form."""
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _, gettext_lazy

from mosty.programmes.models import Event, Programme
from mosty.surveys import index
from mosty.surveys.answering import Given
from mosty.surveys.models import (
    CHOICE_KINDS, Question, QuestionKind, Survey, SurveyKind, bilingual)
from mosty.surveys.services import Choice, QuestionData, SurveyData

TEMPLATES = [("blank", gettext_lazy("an empty survey")),
             ("evaluation", gettext_lazy("evaluation of an event")),
             ("index", gettext_lazy("cooperation-quality self-assessment")),
             ("partnership", gettext_lazy("partnership self-assessment (collaboration "
                                          "factors)")),
             ("needs", gettext_lazy("residents' needs survey"))]
LINES_HELP = gettext_lazy("One per line: “Polish text | English text”, optionally preceded by "
                          "a short code: “code | Polish | English”.")


def parse_lines(text: str) -> tuple[Choice, ...]:
    """Options or items from lines "pl | en" or "code | pl | en"; the code defaults to the
    line's number (kept when the list is edited, so answers keep their meaning)."""
    choices: list[Choice] = []
    for number, line in enumerate([raw for raw in text.splitlines() if raw.strip()], start=1):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) >= 3:
            choices.append(Choice(parts[0], parts[1], parts[2]))
        else:
            choices.append(Choice(str(number), parts[0], parts[1] if len(parts) > 1 else ""))
    return tuple(choices)


def lines_of(choices: list[dict[str, str]]) -> str:
    return "\n".join(f"{c['value']} | {c.get('pl', '')} | {c.get('en', '')}" for c in choices)


class SurveyForm(forms.Form):
    title_pl = forms.CharField(label=gettext_lazy("Title (Polish)"), max_length=255)
    title_en = forms.CharField(label=gettext_lazy("Title (English)"), max_length=255,
                               required=False)
    intro_pl = forms.CharField(label=gettext_lazy("Introduction (Polish)"), required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    intro_en = forms.CharField(label=gettext_lazy("Introduction (English)"), required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    anonymous = forms.BooleanField(label=gettext_lazy("Anonymous"), required=False,
                                   initial=True)
    editable = forms.BooleanField(
        label=gettext_lazy("Respondents may change their answers until the survey closes"),
        required=False)
    public_link = forms.BooleanField(label=gettext_lazy("Open to anyone with the link"),
                                     required=False)
    event = forms.ModelChoiceField(Event.objects.none(), label=gettext_lazy("Event evaluated"),
                                   required=False)
    place = forms.CharField(label=gettext_lazy("Municipality assessed"), max_length=200,
                            required=False)
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False, min_value=1990,
                              max_value=2100)

    def __init__(self, programme: Programme, data: Any = None,
                 survey: Survey | None = None) -> None:
        initial = {}
        if survey is not None:
            initial = {name: getattr(survey, name) for name in self.base_fields}
        super().__init__(data, initial=initial)
        event = self.fields["event"]
        assert isinstance(event, forms.ModelChoiceField)
        event.queryset = programme.events.order_by("start")

    def data_values(self, kind: str = SurveyKind.GENERAL) -> SurveyData:
        c = self.cleaned_data
        return SurveyData(c["title_pl"], c["title_en"], c["intro_pl"], c["intro_en"], kind,
                          c["anonymous"], c["editable"], c["public_link"], c["event"],
                          c["place"], c["year"])


class NewSurveyForm(forms.Form):
    programme = forms.ModelChoiceField(Programme.objects.none(),
                                       label=gettext_lazy("Programme"))
    template = forms.ChoiceField(choices=TEMPLATES, label=gettext_lazy("Start from"),
                                 widget=forms.RadioSelect, initial="blank")
    title_pl = forms.CharField(label=gettext_lazy("Title (Polish)"), max_length=255,
                               required=False,
                               help_text=gettext_lazy("Not needed for the built-in templates."))
    event = forms.CharField(label=gettext_lazy("Event evaluated (its address in Mosty)"),
                            required=False, max_length=120)
    place = forms.CharField(label=gettext_lazy("Municipality assessed"), max_length=200,
                            required=False)
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False, min_value=1990,
                              max_value=2100)
    anonymous = forms.BooleanField(label=gettext_lazy("Anonymous"), required=False,
                                   initial=True)

    def __init__(self, programmes: Any, data: Any = None,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(data, initial=initial)
        programme = self.fields["programme"]
        assert isinstance(programme, forms.ModelChoiceField)
        programme.queryset = programmes.order_by("name")

    def clean(self) -> dict[str, Any]:
        c = super().clean() or {}
        template = c.get("template")
        if template in ("blank", "partnership") and not c.get("title_pl"):
            self.add_error("title_pl", _("Give the survey a Polish title."))
        if template == "index" and (not c.get("place") or not c.get("year")):
            self.add_error("place", _("Name the municipality and the year assessed."))
        if template == "evaluation":
            event = Event.objects.filter(slug=c.get("event") or "",
                                         programme=c.get("programme")).first()
            if event is None:
                self.add_error("event", _("No event of this programme has that address."))
            c["event_object"] = event
        return c


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(choices=QuestionKind.choices, label=gettext_lazy("Kind"))
    section = forms.TypedChoiceField(coerce=int, label=gettext_lazy("Page"))
    text_pl = forms.CharField(label=gettext_lazy("Question (Polish)"), max_length=500)
    text_en = forms.CharField(label=gettext_lazy("Question (English)"), max_length=500,
                              required=False)
    help_pl = forms.CharField(label=gettext_lazy("Hint (Polish)"), max_length=500,
                              required=False)
    help_en = forms.CharField(label=gettext_lazy("Hint (English)"), max_length=500,
                              required=False)
    required = forms.BooleanField(label=gettext_lazy("Required"), required=False)
    options = forms.CharField(label=gettext_lazy("Options (choice questions)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}), help_text=LINES_HELP)
    allow_other = forms.BooleanField(label=gettext_lazy("Add “other, please specify”"),
                                     required=False)
    items = forms.CharField(label=gettext_lazy("Items (matrix)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}), help_text=LINES_HELP)
    scale_points = forms.IntegerField(label=gettext_lazy("Points of the scale"), initial=5,
                                      min_value=2, max_value=11, required=False)
    scale_labels = forms.CharField(
        label=gettext_lazy("Labels of the scale points"), required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One per point, from the lowest: “Polish | English”. Leave "
                               "empty for plain numbers."))
    condition_code = forms.ChoiceField(label=gettext_lazy("Show only if the answer to"),
                                       required=False)
    condition_values = forms.CharField(
        label=gettext_lazy("is one of (option codes, separated by commas)"), required=False,
        max_length=300)

    def __init__(self, survey: Survey, data: Any = None,
                 question: Question | None = None) -> None:
        last = survey.sections.last()
        initial: dict[str, Any] = {"section": last.pk if last is not None else None}
        if question is not None:
            initial = {
                "kind": question.kind, "section": question.section_id,
                "text_pl": question.text_pl, "text_en": question.text_en,
                "help_pl": question.help_pl, "help_en": question.help_en,
                "required": question.required, "options": lines_of(question.options),
                "allow_other": question.allow_other, "items": lines_of(question.items),
                "scale_points": question.scale_points,
                "scale_labels": "\n".join(f"{x.get('pl', '')} | {x.get('en', '')}"
                                          for x in question.scale_labels),
                "condition_code": question.condition_question.code
                if question.condition_question else "",
                "condition_values": ", ".join(question.condition_values)}
        super().__init__(data, initial=initial)
        self.survey, self.question = survey, question
        section = self.fields["section"]
        assert isinstance(section, forms.TypedChoiceField)
        section.choices = [(s.pk, f"{n}. {s.title or _('(untitled page)')}")
                           for n, s in enumerate(survey.sections.all(), start=1)]
        condition = self.fields["condition_code"]
        assert isinstance(condition, forms.ChoiceField)
        condition.choices = [("", _("— always shown —"))] + [
            (q.code, f"{q.code}: {q.text}") for q in survey.questions.filter(
                kind__in=[*CHOICE_KINDS, QuestionKind.YES_NO])
            if question is None or q.pk != question.pk]

    def data_values(self) -> QuestionData:
        c = self.cleaned_data
        labels = tuple((choice.pl, choice.en) for choice in parse_lines(c["scale_labels"]))
        return QuestionData(
            kind=c["kind"], text_pl=c["text_pl"], text_en=c["text_en"], help_pl=c["help_pl"],
            help_en=c["help_en"], required=c["required"], options=parse_lines(c["options"]),
            allow_other=c["allow_other"], items=parse_lines(c["items"]),
            scale_points=c["scale_points"] or 5, scale_labels=labels,
            condition_code=c["condition_code"],
            condition_values=tuple(v.strip() for v in c["condition_values"].split(",")
                                   if v.strip()),
            indicator=self.question.indicator if self.question else "",
            section=self.survey.sections.filter(pk=c["section"]).first())


class InviteForm(forms.Form):
    emails = forms.CharField(label=gettext_lazy("E-mail addresses"),
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=gettext_lazy("One per line, or separated by commas."))

    def clean_emails(self) -> list[str]:
        raw = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n").split()
        field = forms.EmailField()
        return [field.clean(address) for address in raw]


class FiguresForm(forms.Form):
    def __init__(self, data: Any = None, initial: dict[str, Any] | None = None) -> None:
        super().__init__(data, initial=initial)
        for indicator in index.FIGURES:
            name = bilingual(indicator.name_pl, indicator.name_en)
            if indicator.figure == "yes_no":
                self.fields[indicator.code] = forms.NullBooleanField(
                    label=name, required=False, widget=forms.NullBooleanSelect)
            else:
                self.fields[indicator.code] = forms.FloatField(
                    label=name + (" (%)" if indicator.figure == "percent" else ""),
                    required=False, min_value=0, localize=True)


def given_from_post(post: QueryDict, questions: list[Question]) -> dict[str, Any]:
    """The respondent's input by question code: fields are named q-<code>, q-<code>-other
    and q-<code>-<item> for matrix rows."""
    given: dict[str, Given] = {}
    for q in questions:
        name = f"q-{q.code}"
        if q.kind == QuestionKind.MATRIX:
            given[q.code] = Given(items={value: post.get(f"{name}-{value}", "")
                                         for value, _label in q.labelled_items()})
        else:
            given[q.code] = Given(tuple(post.getlist(name)), post.get(f"{name}-other", ""))
    return given
