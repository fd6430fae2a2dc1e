"""A programme's events as part of its agenda: the staff's list of them, and creating and
editing an event (details and agenda items). What happens at an event (registration,
attendance, files, conclusions, slots) has its pages in mosty.events."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.programmes import services
from mosty.programmes.access import Need, get_event, get_programme
from mosty.programmes.forms import AgendaFormSet, EventForm, event_input
from mosty.programmes.models import Event, Programme


@login_required
@require_GET
def manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The programme's events with their numbers (added by the events app's template tag
    `registration_numbers`), and the staff's tools for each."""
    programme, rights = get_programme(request.user, slug, Need.PRIVATE)
    return render(request, "programmes/events/manage.html", {
        "programme": programme, "events": programme.events.select_related("group"),
        "nav": "events", "can_manage": rights.manage})


def _edit_page(request: AuthenticatedHttpRequest, programme: Programme,
               event: Event) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = EventForm(data, instance=event, programme=programme)
    agenda = AgendaFormSet(data, instance=event if event.pk else Event(), prefix="agenda")
    if data is not None:
        if form.is_valid() and agenda.is_valid():
            try:
                event = services.save_event(request.user, event, event_input(form, agenda))
            except services.EventError as error:
                form.add_error(error.field if error.field in form.fields else None,
                               error.message)
            else:
                messages.success(request, _("The event has been saved."))
                return redirect(event.get_absolute_url())
        messages.error(request, _("The event has not been saved: correct the fields marked "
                                  "below."))
    return render(request, "programmes/events/edit.html", {
        "form": form, "agenda": agenda, "programme": programme, "event": event,
        "creating": event.pk is None, "nav": "events"})


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    programme, _rights = get_programme(request.user, slug, Need.MANAGE)
    return _edit_page(request, programme, Event(programme=programme))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = get_event(request.user, slug, Need.MANAGE)
    return _edit_page(request, event.programme, event)
