"""Scheduling a cycle template for a group, and saving a programme's events as a template."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.programmes.access import Need, get_programme
from mosty.events import cycles
from mosty.events.forms import SaveTemplateForm, ScheduleCycleForm


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Step 1 picks the template (a plain GET form); step 2 the group and one date per event."""
    programme, _rights = get_programme(request.user, slug, Need.MANAGE)
    templates = list(cycles.templates_for(programme))
    chosen = request.POST.get("template") or request.GET.get("template")
    template = next((t for t in templates if t.slug == chosen), None)
    form = None
    if template is not None:
        steps = list(template.steps.all())
        form = ScheduleCycleForm(request.POST if request.method == "POST" else None,
                                 programme=programme, steps=steps)
        if request.method == "POST" and form.is_valid():
            try:
                events = cycles.schedule_cycle(
                    request.user, template, form.cleaned_data["group"], form.dates(),
                    place=form.cleaned_data["place"], capacity=form.cleaned_data["capacity"])
            except cycles.CycleError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The cycle has been scheduled: %(count)s events "
                                            "created and the group invited.")
                                 % {"count": len(events)})
                return redirect("programmes:events_manage", slug=programme.slug)
    return render(request, "events/cycle_schedule.html", {
        "programme": programme, "templates": templates, "template": template, "form": form,
        "has_groups": form is None or form.groups.exists(),
        "nav": "events"})


@login_required
@require_http_methods(["GET", "POST"])
def save_template(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    programme, _rights = get_programme(request.user, slug, Need.MANAGE)
    form = SaveTemplateForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            template = cycles.template_from_events(
                request.user, programme, form.cleaned_data["name"],
                list(form.cleaned_data["events"]), form.cleaned_data["description"])
        except cycles.CycleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The template “%(name)s” has been saved.")
                             % {"name": template.name})
            url = reverse("events:schedule", args=[programme.slug])
            return redirect(f"{url}?template={template.slug}")
    return render(request, "events/cycle_save.html", {
        "programme": programme, "form": form, "nav": "events"})
