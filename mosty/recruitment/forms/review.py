"""Forms of the reviewers' pages: filters, scores, decisions, groups, internal comments."""
from typing import Any

from django import forms
from django.utils.translation import gettext as _, gettext_lazy

from mosty.core.forms import SearchField
from mosty.core.forms import choice_field, model_choice_field
from mosty.accounts.models import User
from mosty.directory.choices import Sector
from mosty.programmes.models import Group
from mosty.recruitment.choices import DECISIONS, SUBMITTED_STATUSES, Status
from mosty.recruitment.models import RecruitmentCall, Review

REVIEWED = [("", gettext_lazy("any")), ("yes", gettext_lazy("reviewed")),
            ("no", gettext_lazy("not reviewed yet"))]


class ApplicationFilterForm(forms.Form):
    q = SearchField(label=gettext_lazy("Organisation name"), widget=forms.TextInput())
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False,
                               choices=[("", gettext_lazy("any"))] + Sector.choices)
    area = forms.ChoiceField(label=gettext_lazy("Gmina or powiat"), required=False)
    score_min = forms.DecimalField(label=gettext_lazy("Average score from"), required=False,
                                   min_value=0, decimal_places=2)
    score_max = forms.DecimalField(label=gettext_lazy("Average score up to"), required=False,
                                   min_value=0, decimal_places=2)
    reviewer = forms.ChoiceField(label=gettext_lazy("Reviewer"), required=False)
    reviewed = forms.ChoiceField(label=gettext_lazy("Reviewed by them"), required=False,
                                 choices=REVIEWED)

    def __init__(self, data: Any, areas: list[tuple[str, str]],
                 reviewers: list[User], *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        statuses = dict(Status.choices)
        choice_field(self, "status").choices = [("", _("any"))] + \
            [(s, statuses[s]) for s in SUBMITTED_STATUSES]
        choice_field(self, "area").choices = [("", _("any"))] + areas
        choice_field(self, "reviewer").choices = [("", _("me"))] + \
            [(str(r.pk), str(r)) for r in reviewers]


class ReviewForm(forms.Form):
    """Points per criterion when the call has criteria, otherwise one score."""

    comment = forms.CharField(label=gettext_lazy("Comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, call: RecruitmentCall, review: Review | None, *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(call.criteria.all())
        fields: dict[str, forms.Field] = {}
        for criterion in self.criteria:
            fields[f"c_{criterion.pk}"] = forms.IntegerField(
                label=_("%(name)s (0–%(max)s)") % {"name": criterion.name,
                                                   "max": criterion.max_points},
                min_value=0, max_value=criterion.max_points)
        if not self.criteria:
            fields["score"] = forms.IntegerField(
                label=_("Score (0–%(max)s)") % {"max": call.score_max}, min_value=0,
                max_value=call.score_max)
        self.fields = {**fields, "comment": self.fields["comment"]}
        if review is not None:
            self.initial = {"comment": review.comment, "score": review.total,
                            **{f"c_{key}": value for key, value in review.scores.items()}}

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"c_{c.pk}"] for c in self.criteria}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=gettext_lazy("Decision"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=gettext_lazy("Message to the applicant"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Added to the e-mail that tells them the decision."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {Status.ACCEPTED: _("accept"), Status.WAITLISTED: _("waiting list"),
                  Status.REJECTED: _("reject")}
        choice_field(self, "decision").choices = [(d.value, labels[d]) for d in DECISIONS]


class AssignForm(forms.Form):
    group = forms.ModelChoiceField(label=gettext_lazy("Group"), queryset=Group.objects.none())

    def __init__(self, call: RecruitmentCall, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups = Group.objects.filter(edition_id=call.edition_id)
        model_choice_field(self, "group").queryset = groups


class NoteForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Internal comment"),
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=gettext_lazy("Seen only by the programme's staff."))
