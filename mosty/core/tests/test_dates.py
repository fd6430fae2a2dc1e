"""Dates typed anywhere: a year like 1 or 9999 is a form error, never a 500."""
import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from mosty.programmes.models import Event


@pytest.mark.parametrize(("field", "value"), [
    (forms.DateTimeField, "0001-01-01T00:30"), (forms.DateTimeField, "9999-12-31T23:59"),
    (forms.DateField, "0001-01-01"), (forms.DateField, "2999-01-01")])
def test_every_date_field_refuses_years_far_away(field, value):
    with pytest.raises(ValidationError) as refused:
        field().clean(value)
    assert [e.code for e in refused.value.error_list] == ["year_out_of_range"]


def test_every_date_field_takes_ordinary_years():
    assert forms.DateField().clean("1998-05-01").year == 1998
    assert forms.DateTimeField().clean("2030-03-31T23:59").year == 2030


@pytest.mark.django_db
def test_an_event_in_year_one_is_a_form_error(client, settings):
    from mosty.events.tests.conftest import staff_member
    from mosty.programmes.tests.test_events import event_data
    from mosty.directory.tests.factories import OrganisationFactory
    from mosty.programmes.models import Programme, StaffRole

    programme = Programme.objects.create(name="Program", slug="program",
                                         organiser=OrganisationFactory())
    client.force_login(staff_member(programme, StaffRole.COORDINATOR))
    response = client.post(reverse("programmes:event_create", args=[programme.slug]),
                           event_data(start="0001-01-01T00:30", end="0001-01-01T02:00"))
    assert response.status_code == 200
    assert "start" in response.context["form"].errors
    assert "Podaj datę z lat 1900–2200." in response.content.decode()
    assert not Event.objects.exists()
