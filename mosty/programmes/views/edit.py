"""Coordinators create programmes (and become their coordinators); the programme's managers
edit its description. Both pages save through mosty.programmes.services."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import BaseFormSet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.programmes import services
from mosty.programmes.access import Need, get_programme, may_create_programmes
from mosty.programmes.forms import PartnerFormSet, ProgrammeForm, partner_initial, programme_data
from mosty.programmes.models import Programme


def _save(request: AuthenticatedHttpRequest, form: ProgrammeForm, partners: BaseFormSet,
          programme: Programme) -> Programme | None:
    """The saved programme, or None with the service's refusal added to the form."""
    data = programme_data(form, partners)
    try:
        if programme.pk is None:
            return services.create_programme(request.user, data)
        return services.update_programme(request.user, programme, data,
                                         form.cleaned_data.get("version") or programme.version)
    except services.ConcurrentEditError as error:
        form.add_error(None, error.message)
        # Submitting again knowingly overwrites the other person's version.
        again = request.POST.copy()
        again["version"] = str(Programme.objects.get(pk=programme.pk).version)
        form.data = again
    except services.ProgrammeError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
    return None


def _page(request: AuthenticatedHttpRequest, programme: Programme) -> HttpResponse:
    creating = programme.pk is None
    data = request.POST if request.method == "POST" else None
    form = ProgrammeForm(data, instance=programme, user=request.user)
    partners = PartnerFormSet(data, initial=partner_initial(programme), prefix="partners")
    if data is not None:
        if form.is_valid() and partners.is_valid():
            saved = _save(request, form, partners, programme)
            if saved is not None:
                messages.success(request, _("The programme has been created.") if creating
                                 else _("The programme has been saved."))
                return redirect(saved)
        messages.error(request, _("The programme has not been saved: correct what is marked "
                                  "below. Everything you typed is still here."))
    return render(request, "programmes/programme_form.html", {
        "form": form, "partners": partners, "programme": programme, "creating": creating,
        "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not may_create_programmes(request.user):
        raise PermissionDenied
    return _page(request, Programme())


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    programme, _access = get_programme(request.user, slug, Need.MANAGE)
    return _page(request, programme)
