"""Attendance certificates (zaświadczenia o udziale) as PDF, in the current language."""
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _, ngettext

from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.events.models import Registration
from mosty.programmes.models import Event


def event_hours(event: Event) -> float | None:
    """Hours of teaching: the agenda modules' times if they have them (a 2-day block of
    9:00–17:00 makes 16 h), otherwise the length of a one-day event; None if unknown."""
    total = timedelta()
    for item in event.agenda_items.all():
        if item.starts_at and item.ends_at:
            total += (datetime.combine(event.start.date(), item.ends_at)
                      - datetime.combine(event.start.date(), item.starts_at))
    if not total and timezone.localdate(event.start) == timezone.localdate(event.end):
        total = event.end - event.start
    hours = total.total_seconds() / 3600
    return round(hours, 1) if hours > 0 else None


def event_dates(event: Event) -> str:
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if start.date() == end.date():
        return date_format(start, "j E Y")
    return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')}"


def _hours_label(hours: float) -> str:
    shown = number_format(hours, decimal_pos=0 if hours == int(hours) else 1)
    return ngettext("%(hours)s hour", "%(hours)s hours", int(hours) or 1) % {"hours": shown}


def _certificate_page(pdf, registration: Registration) -> None:
    event = registration.event
    user = registration.user
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(FONT, "B", 22)
    pdf.ln(20)
    pdf.multi_cell(width, 12, _("Certificate of attendance"), align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font(FONT, "", 12)
    pdf.multi_cell(width, 8, _("This is to certify that"), align="C", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(width, 11, user.get_full_name(), align="C", new_x="LMARGIN", new_y="NEXT")
    organisations = ", ".join(m.organisation.name for m in user.memberships.all())
    if organisations:
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(width, 7, organisations, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT, "", 12)
    pdf.multi_cell(width, 8, _("took part in"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(width, 9, event.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(width, 7, f"{event.get_kind_display()} · {event.programme.name}",
                   align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    facts = [(_("Date"), event_dates(event)), (_("Place"), event.place),
             (_("Organiser"), event.programme.organiser.name)]
    hours = event_hours(event)
    if hours:
        facts.append((_("Duration"), _hours_label(hours)))
    for label, value in facts:
        if value:
            pdf.set_font(FONT, "B", 11)
            pdf.cell(40, 7, f"{label}:")
            pdf.set_font(FONT, "", 11)
            pdf.multi_cell(width - 40, 7, value, new_x="LMARGIN", new_y="NEXT")
    modules = [item.title for item in event.agenda_items.all()]
    if modules:
        pdf.ln(4)
        pdf.set_font(FONT, "B", 11)
        pdf.cell(0, 7, _("Programme of the event:"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 10)
        for title in modules:
            pdf.multi_cell(width, 6, f"•  {title}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(14)
    pdf.set_font(FONT, "", 10)
    pdf.cell(width / 2, 6, "……………………………………")
    pdf.cell(width / 2, 6, "……………………………………", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(width / 2, 6, _("place and date"))
    pdf.cell(width / 2, 6, _("signature of the organiser"), align="R", new_x="LMARGIN",
             new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FONT, "", 8)
    pdf.cell(0, 5, _("Certificate no. %(number)s, issued by Mosty on %(date)s.") % {
        "number": f"{event.pk}/{registration.pk}",
        "date": date_format(timezone.localdate(), "j E Y")}, new_x="LMARGIN", new_y="NEXT")


def certificates_pdf(event: Event, registrations: Iterable[Registration]) -> bytes:
    """One page per person; registrations need user__memberships__organisation prefetched
    and the event its programme, organiser and agenda items."""
    pdf = new_document(_("Certificates of attendance: %(event)s") % {"event": event.title})
    for registration in registrations:
        registration.event = event
        _certificate_page(pdf, registration)
    if pdf.page == 0:
        pdf.add_page()
        pdf.cell(0, 10, _("Nobody has been checked in yet."))
    return to_bytes(pdf)
