"""Pages of a programme's staff at its events: inviting the group, files, attendance and
check-in, conclusions, certificates and consultation slots. The list of a programme's events,
creating and editing one are mosty.programmes.views.events."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import undo
from mosty.core.forms import posted_id
from mosty.events import access, content, services, slots
from mosty.events.documents import certificates_pdf
from mosty.events.forms import ConclusionsForm, FileForm, SlotsForm
from mosty.events.models import Conclusions, EventFile, FileKind, RegistrationStatus
from mosty.events.views.participant import _pdf, _with_details, attendance_for_certificates
from mosty.programmes.models import Event

Status = RegistrationStatus


@login_required
@require_POST
def invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_event_to_manage(request.user, slug)
    try:
        invited = services.invite_group(request.user, event)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if invited:
            messages.success(request, _("Invitations sent: %(count)s.")
                             % {"count": len(invited)})
        else:
            messages.info(request, services.why_nobody_invited(event))
    return redirect("programmes:events_manage", slug=event.programme.slug)


@login_required
@require_http_methods(["GET", "POST"])
def files(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Materials of the event (handouts, presentations, a brochure)."""
    event = access.get_event_to_facilitate(request.user, slug)
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            content.add_file(request.user, event, FileKind.MATERIAL, form.cleaned_data["title"],
                             form.cleaned_data["file"], form.cleaned_data["is_public"])
        except content.ContentError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The file has been added."))
            return redirect("events:files", slug=event.slug)
    return render(request, "events/files.html", {
        "event": event, "form": form, "nav": "events",
        "files": event.files.filter(kind=FileKind.MATERIAL)})


@login_required
@require_http_methods(["GET", "POST"])
def delete_file(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then deletes (POST); the next page offers to undo it."""
    event = access.get_event_to_facilitate(request.user, slug)
    file = get_object_or_404(EventFile, event=event, pk=pk)
    target = "events:conclusions" if file.kind == FileKind.CONCLUSIONS else "events:files"
    back = reverse(target, args=[event.slug])
    return undo.ask_then_delete(
        request, lambda: content.delete_file(request.user, file, back),
        title=_("Remove a file"), action=_("Remove the file"), back_url=back,
        question=_("Remove “%(title)s” from the event “%(event)s”?") % {
            "title": file.title, "event": event.title},
        details=[file.filename])


@login_required
@require_http_methods(["GET", "POST"])
def delete_slot(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Asks first (GET), then removes a free slot (POST); the next page offers to undo it."""
    event = access.get_event_to_manage(request.user, slug)
    slot = get_object_or_404(event.consultation_slots.select_related("expert__user"), pk=pk)
    back = reverse("events:slots", args=[event.slug])
    when = timezone.localtime(slot.start)
    return undo.ask_then_delete(
        request, lambda: slots.delete_slot(request.user, slot, back),
        title=_("Remove a consultation slot"), action=_("Remove the slot"), back_url=back,
        question=_("Remove the consultation with %(expert)s at %(time)s?") % {
            "expert": slot.expert.user.get_full_name(), "time": f"{when:%Y-%m-%d %H:%M}"},
        details=[event.title])


def _attendance(event: Event):
    """Everyone who holds or may take a place, with their organisations: a constant
    number of queries however many people there are."""
    return event.registrations.filter(status__in=[Status.CONFIRMED, Status.INVITED,
                                                  Status.WAITLISTED]) \
        .select_related("user").prefetch_related("user__memberships__organisation") \
        .order_by("user__full_name", "user__email")


@login_required
@require_GET
def attendance(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The printable list: names, organisations, contacts, status and a column to sign."""
    event = access.get_event_to_facilitate(request.user, slug)
    people = list(_attendance(event))
    return render(request, "events/attendance.html", {
        "event": event, "nav": "events",
        "expected": [r for r in people if r.status != Status.WAITLISTED],
        "waiting": [r for r in people if r.status == Status.WAITLISTED],
        "present": sum(1 for r in people if r.attended)})


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The phone page: one big button per person; plain forms, so no JavaScript is needed."""
    event = access.get_event_to_facilitate(request.user, slug)
    if request.method == "POST":
        registration = get_object_or_404(event.registrations.select_related("user"),
                                         pk=posted_id(request.POST.get("registration")))
        present = request.POST.get("present") == "1"
        try:
            services.check_in(request.user, registration, present)
        except services.RegistrationError as error:
            messages.error(request, str(error))
        return redirect(f"{request.path}#person-{registration.pk}")
    people = list(_attendance(event))
    return render(request, "events/check_in.html", {
        "event": event, "people": people, "nav": "events",
        "present": sum(1 for r in people if r.attended)})


@login_required
@require_http_methods(["GET", "POST"])
def conclusions(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """After the event: conclusions, recommendations and attachments, published or not."""
    event = access.get_event_to_facilitate(request.user, slug)
    record = Conclusions.objects.filter(event=event).first()
    initial = {"conclusions": record.conclusions, "recommendations": record.recommendations,
               "is_published": record.is_published} if record else {}
    form = ConclusionsForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Conclusions and their attachment are saved together or not at all.
        try:
            with transaction.atomic():
                content.save_conclusions(request.user, event, data["conclusions"],
                                         data["recommendations"], data["is_published"])
                if data["attachment"]:
                    content.add_file(request.user, event, FileKind.CONCLUSIONS,
                                     data["attachment_title"], data["attachment"])
        except content.ContentError as error:
            form.add_error("attachment", error.message)
        else:
            messages.success(request, _("The conclusions have been published.")
                             if data["is_published"] else _(
                                 "The conclusions have been saved; only the programme's staff "
                                 "see them."))
            return redirect("events:conclusions", slug=event.slug)
    return render(request, "events/conclusions.html", {
        "event": event, "form": form, "record": record, "nav": "events",
        "attachments": event.files.filter(kind=FileKind.CONCLUSIONS)})


@login_required
@require_GET
def certificates(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Certificates of everyone checked in, or of one person (?registration=<id>)."""
    event = access.get_event_to_facilitate(request.user, slug)
    registrations = attendance_for_certificates(event)
    if request.GET.get("registration"):
        registrations = registrations.filter(pk=posted_id(request.GET["registration"]))
    return _pdf(certificates_pdf(_with_details(event), list(registrations)),
                f"zaswiadczenia-{slug}")


@login_required
@require_http_methods(["GET", "POST"])
def slot_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Coordinators open consultation slots with the programme's experts."""
    event = access.get_event_to_manage(request.user, slug)
    experts = slots.experts(event)
    form = SlotsForm(request.POST or None, experts=experts,
                     initial={"day": timezone.localdate(event.start)})
    if request.method == "POST":
        try:
            if form.is_valid():
                data = form.cleaned_data
                created = slots.create_slots(request.user, event, data["expert"], data["day"],
                                             data["start"], data["end"], data["minutes"])
                skipped = slots.planned_count(data["start"], data["end"],
                                              data["minutes"]) - len(created)
                messages.success(request, _("Slots added: %(count)s.") % {"count": len(created)})
                if skipped > 0:
                    messages.info(request, ngettext(
                        "%(count)s time was skipped: the expert already has a consultation "
                        "then.",
                        "%(count)s times were skipped: the expert already has consultations "
                        "then.", skipped) % {"count": skipped})
                return redirect("events:slots", slug=event.slug)
        except slots.SlotError as error:
            messages.error(request, str(error))
    return render(request, "events/slots.html", {
        "event": event, "form": form, "experts": experts, "nav": "events",
        "slots": event.consultation_slots.select_related("expert__user", "booked_by")})
