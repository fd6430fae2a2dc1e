"""Coordinator pages: sessions of an event, the format, participants (by hand, from the
directory, from a spreadsheet)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import table_writer, undo
from mosty.directory.access import private_organisations
from mosty.directory.choices import Sector
from mosty.directory.models import Membership, Organisation
from mosty.networking import access, importer, optimiser, services
from mosty.networking.clock import clock_state
from mosty.networking.forms import ImportForm, MembersForm, ParticipantForm, SessionForm
from mosty.networking.models import NetworkingSession, Participant, Status

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MEMBER_RESULTS = 40
PARTICIPANTS_PER_PAGE = 50


def _form_data(form: SessionForm) -> services.SessionData:
    return services.session_data(form.cleaned_data)


@login_required
@require_http_methods(["GET", "POST"])
def event_sessions(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_event_for_manager(request.user, slug)
    form = SessionForm(request.POST or None, initial={"planned_start": event.start})
    if request.method == "POST" and form.is_valid():
        session = services.create_session(request.user, event, _form_data(form))
        messages.success(request, _("The session has been created. Now add participants."))
        return redirect("networking:participants", session.pk)
    sessions = event.networking_sessions.annotate(people=Count("participants"))
    return render(request, "networking/event_sessions.html", {
        "event": event, "sessions": sessions, "form": form, "nav": "events"})


@login_required
@require_GET
def session_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    labels = dict(Sector.choices)
    sectors = [(labels.get(row["sector"], "?"), row["count"]) for row in session.participants
               .values("sector").annotate(count=Count("id")).order_by("-count", "sector")]
    counts = session.participants.aggregate(total=Count("id"),
                                            hosts=Count("id", filter=Q(host=True)))
    return render(request, "networking/session.html", {
        "session": session, "nav": "events", "sectors": sectors, "counts": counts,
        "progress": optimiser.progress(session), "clock": clock_state(session, timezone.now()),
        "stats": session.stats, "Status": Status})


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    form = SessionForm(request.POST or None, instance=NetworkingSession.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_session(request.user, session, _form_data(form),
                                    form.cleaned_data.get("version"))
        except services.NetworkingError as error:
            form.add_error(None, str(error))
            # Submitting again knowingly overwrites: the form now carries the current version.
            data = request.POST.copy()
            data["version"] = str(NetworkingSession.objects.get(pk=pk).setup_version)
            form.data = data
        else:
            messages.success(request, _("The session has been saved."))
            return redirect(session)
    return render(request, "networking/session_edit.html", {
        "session": session, "form": form, "nav": "events"})


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    if request.method == "POST":
        event = session.event
        services.delete_session(request.user, session)
        messages.success(request, _("The session has been deleted."))
        return redirect("networking:event_sessions", event.slug)
    return render(request, "networking/session_delete.html", {"session": session,
                                                              "nav": "events"})


@login_required
@require_POST
def session_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    try:
        services.set_status(request.user, session, request.POST.get("status", ""))
    except services.NetworkingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The status has been changed."))
    return redirect(session)


def _participants_page(request: HttpRequest, session: NetworkingSession,
                       form: ParticipantForm, status: int = 200) -> HttpResponse:
    # One page of people at a time: the queries and the rendering stay the same at 20 or 500.
    people = session.participants.annotate(
        wishes=Count("wishes_made", filter=Q(wishes_made__kind="wish")),
        avoids=Count("wishes_made", filter=Q(wishes_made__kind="avoid"))).order_by("name", "id")
    page = Paginator(people, PARTICIPANTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "networking/participants.html", {
        "session": session, "page": page, "form": form, "nav": "events",
        "registered": services.registered_not_taking_part(session),
        "organisation_names": Organisation.objects.order_by("name")
        .values_list("name", flat=True)[:500],
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def participants(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    form = ParticipantForm(request.POST or None, session=session)
    if request.method == "POST":
        if form.is_valid():
            person = services.add_participant(request.user, session,
                                              services.participant_data(form.cleaned_data))
            messages.success(request, _("%(name)s has been added.") % {"name": person.name})
            return redirect("networking:participants", session.pk)
        messages.error(request, _("The person has not been added: correct the fields marked "
                                  "below."))
    return _participants_page(request, session, form)


@login_required
@require_http_methods(["GET", "POST"])
def participant_edit(request: AuthenticatedHttpRequest, pk: int, participant: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    person = access.get_participant_for_manager(request.user, session, participant)
    form = ParticipantForm(request.POST or None, instance=person, session=session)
    if request.method == "POST" and form.is_valid():
        # Only what the coordinator changed: the participant may have changed their consent
        # or their "about" line on the phone since this form was opened.
        services.update_participant(request.user, person, services.participant_data(
            form.cleaned_data, form.changed_data))
        messages.success(request, _("The changes have been saved."))
        return redirect("networking:participants", session.pk)
    link = request.build_absolute_uri(person.get_absolute_url())
    return render(request, "networking/participant_edit.html", {
        "session": session, "person": person, "form": form, "link": link, "nav": "events"})


@login_required
@require_http_methods(["GET", "POST"])
def participant_remove(request: AuthenticatedHttpRequest,
                       pk: int, participant: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    session = access.get_session_for_manager(request.user, pk)
    person = access.get_participant_for_manager(request.user, session, participant)
    back = reverse("networking:participants", args=[session.pk])
    return undo.ask_then_delete(
        request, lambda: services.remove_participant(request.user, person, back),
        title=_("Remove from the session"), action=_("Remove from the session"),
        back_url=back, question=_("Remove %(name)s from “%(session)s”?") % {
            "name": person.name, "session": session.title},
        details=[_("Their wishes, messages and seats go with them.")])


@login_required
@require_POST
def participant_new_link(request: AuthenticatedHttpRequest,
                         pk: int, participant: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    person = access.get_participant_for_manager(request.user, session, participant)
    services.new_link(request.user, person)
    messages.success(request, _("A new personal link has been made; the old one no longer "
                                "works."))
    return redirect("networking:participant_edit", session.pk, person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def add_members(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Find directory organisations and add their members as participants: only of the
    organisations whose people the user may see in the directory (their own, those taking
    part in the programmes they run), since a participant's e-mail and phone come along."""
    session = access.get_session_for_manager(request.user, pk)
    data = request.POST if request.method == "POST" else request.GET
    form = MembersForm(data or None)
    people = Membership.objects.select_related("user", "organisation").filter(
        user__is_active=True, organisation__in=private_organisations(request.user))
    memberships = people.order_by("organisation__name", "user__full_name")
    query, sector = data.get("q", "").strip(), data.get("sector", "")
    if query:
        memberships = memberships.filter(organisation__name__icontains=query)
    if sector:
        memberships = memberships.filter(organisation__sector=sector)
    found = list(memberships[:MEMBER_RESULTS]) if (query or sector) else []
    if request.method == "POST":
        chosen = people.filter(
            pk__in=[v for v in request.POST.getlist("members") if v.isdigit()])
        added, skipped = services.add_members(request.user, session, chosen)
        messages.success(request, _("Added: %(added)s; already taking part: %(skipped)s.")
                         % {"added": added, "skipped": skipped})
        return redirect("networking:participants", session.pk)
    taken = set(session.participants.exclude(user=None).values_list("user_id", flat=True))
    return render(request, "networking/add_members.html", {
        "session": session, "form": form, "found": found, "taken": taken,
        "searched": bool(query or sector), "limit": MEMBER_RESULTS, "nav": "events"})


@login_required
@require_POST
def add_registered(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Everybody with a confirmed registration for the event becomes a participant."""
    session = access.get_session_for_manager(request.user, pk)
    added, skipped = services.add_registered(request.user, session)
    messages.success(request, _("Added: %(added)s; already taking part: %(skipped)s.")
                     % {"added": added, "skipped": skipped})
    return redirect("networking:participants", session.pk)


@login_required
@require_http_methods(["GET", "POST"])
def import_participants(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict = {"session": session, "form": form, "columns": importer.COLUMNS,
                     "nav": "events"}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            form.add_error("file", _("The file is too large (at most 5 MB)."))
        else:
            result = importer.check_file(session, upload)
            if result.ok:
                result.created = services.add_imported(request.user, session, result.rows)
                messages.success(request, _("Import finished: %(count)s people added.")
                                 % {"count": result.created})
                if result.warning:
                    messages.warning(request, result.warning)
                return redirect("networking:participants", session.pk)
            context["result"] = result
    return render(request, "networking/import.html", context)


@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    return table_writer.download(importer.template_xlsx(), "mosty-uczestnicy-networkingu.xlsx")


@login_required
@require_GET
def my_sessions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The logged-in person's participations, each with its phone page."""
    mine = Participant.objects.filter(user=request.user).select_related("session__event") \
        .order_by("-session__event__start")
    return render(request, "networking/my_sessions.html", {"participations": mine})
