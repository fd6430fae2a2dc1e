"""Small helpers shared by the views of several apps."""
from collections.abc import Callable
from dataclasses import fields
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Row = TypeVar("Row", bound="DataclassInstance")


def posted_id(value: str | None) -> int:
    """An id from a form; anything else is a 404, never a server error."""
    if not value or not value.isdigit():
        raise Http404
    return int(value)


# The longest search text any page or API call looks at: a longer one is cut, never a 500
# (SQLite refuses a query of thousands of LIKE terms).
MAX_SEARCH_LENGTH = 200


def bounded_search(text: str | None) -> str:
    """A search text as typed, cut to MAX_SEARCH_LENGTH characters."""
    return (text or "")[:MAX_SEARCH_LENGTH].strip()


class SearchField(forms.CharField):
    """A search box: optional, and anything longer than MAX_SEARCH_LENGTH is cut."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", str(MAX_SEARCH_LENGTH))

    def to_python(self, value: Any) -> str:
        return bounded_search(super().to_python(value))


# Dates people may type anywhere: far outside these years a date is a typing slip, and near
# year 1 a Warsaw time cannot even be stored in UTC (an OverflowError, i.e. a 500).
FIRST_YEAR, LAST_YEAR = 1900, 2200


def validate_sensible_year(value: date) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(_("Give a date from the years %(first)s–%(last)s."),
                              code="year_out_of_range",
                              params={"first": FIRST_YEAR, "last": LAST_YEAR})


# Further ahead than this a planned date is surely a typing slip (2062 for 2026).
MAX_YEARS_AHEAD = 5


def too_far_ahead(value: datetime) -> bool:
    return value > timezone.now() + timedelta(days=365 * MAX_YEARS_AHEAD + 1)


def bound_all_date_fields() -> None:
    """Give every date and date-time form field (of every form, the admin's too) the year
    check; called once by mosty.core.apps."""
    for field in (forms.DateField, forms.DateTimeField):
        if validate_sensible_year not in field.default_validators:
            field.default_validators = [*field.default_validators, validate_sensible_year]


class ConfirmWarnings(forms.BaseForm):
    """A form that may be right but is probably mistaken (an event in the past, a call that
    closed already) says so and saves only once the person ticks "save anyway".

    In `clean()` call `self.warn(message)` for each doubt, then `self.check_warnings()`: with
    warnings and no tick, the form gets a checkbox `confirm_warnings` carrying the warnings
    as its errors, so it is invalid and shown again with everything entered kept. A form
    without warnings has no such field at all."""

    CONFIRM = "confirm_warnings"

    def warn(self, message: str) -> None:
        self.__dict__.setdefault("warnings", []).append(message)

    def check_warnings(self) -> None:
        warnings: list[str] = self.__dict__.get("warnings", [])
        if not warnings:
            return
        self.fields[self.CONFIRM] = forms.BooleanField(
            required=False, label=_("I have checked the warning and want to save anyway"))
        confirmed = forms.CheckboxInput().value_from_datadict(self.data, self.files,
                                                             self.add_prefix(self.CONFIRM))
        if confirmed:
            self.cleaned_data[self.CONFIRM] = True
        else:
            for message in warnings:
                self.add_error(self.CONFIRM, message)


def formset_rows(formset: Any, row: type[Row], **fixed: Any) -> list[Row]:
    """The rows a valid model formset keeps (not ticked for deletion, not an extra row left
    empty) as `row` dataclass values: `id` is the existing object's key (None for a new
    one), the other fields come from `fixed` or the form's cleaned data."""
    names = [f.name for f in fields(row) if f.name != "id" and f.name not in fixed]
    # A dataclass takes its fields as keywords; the protocol it is bound to cannot say so.
    make = cast("Callable[..., Row]", row)
    return [make(id=form.instance.pk, **fixed,
                 **{name: form.cleaned_data[name] for name in names if name in form.cleaned_data})
            for form in formset.forms
            if not formset._should_delete_form(form) and (form.instance.pk or form.has_changed())]


# A form's `fields` is typed as plain `Field`; these name the kind a form declared, so that
# setting choices or a queryset in `__init__` is type-checked.
def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


def model_choice_field(form: forms.BaseForm, name: str) -> "forms.ModelChoiceField[Any]":
    return cast("forms.ModelChoiceField[Any]", form.fields[name])


def date_time_field(form: forms.BaseForm, name: str) -> forms.DateTimeField:
    return cast(forms.DateTimeField, form.fields[name])
