"""Demo content of events, loaded by `mosty demo` after the seed programmes and accounts.

Idempotent: everything is looked up first (by slug, e-mail or title) and created only if
missing. Adds the cycle templates, programme staff for the demo accounts, and from
``data/events.yaml`` seed 003's expert panel with consultation slots and the conference
brochure, seed 002's published conclusions with attachments, and an upcoming 2027 event of
BLISKO with the demo participant registered.
"""
from datetime import time
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from mosty.accounts.models import Role, User
from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.demo import content as demo_content
from mosty.demo.builders.seeds import DEMO_PASSWORD, _aware, agenda_item
from mosty.events import content, cycles, services, slots
from mosty.events.models import Conclusions, EventFile, FileKind, Registration
from mosty.programmes.models import AgendaItem, Event, Programme, ProgrammeStaff, StaffRole

COORDINATOR = "koordynator@mosty.example"  # coordinates every programme
FACILITATOR = "moderator@mosty.example"  # facilitates the programmes named in events.yaml


def document_pdf(title: str, sections: list[tuple[str, str]]) -> bytes:
    """A short PDF with a title and headed paragraphs (Polish diacritics included)."""
    pdf = new_document(title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(pdf.epw, 11, title, new_x="LMARGIN", new_y="NEXT")
    for heading, text in sections:
        pdf.ln(4)
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(pdf.epw, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(pdf.epw, 6, text, new_x="LMARGIN", new_y="NEXT")
    return to_bytes(pdf)


def _attach(event: Event, kind: str, title: str, data: bytes, filename: str) -> None:
    if not EventFile.objects.filter(event=event, kind=kind, title=title).exists():
        content.add_file(None, event, kind, title, ContentFile(data, name=filename))


def _staff(facilitated: list[str]) -> None:
    users = {u.email: u for u in User.objects.filter(email__in=[COORDINATOR, FACILITATOR])}
    for programme in Programme.objects.all():
        if COORDINATOR in users:
            ProgrammeStaff.objects.get_or_create(programme=programme, user=users[COORDINATOR],
                                                 role=StaffRole.COORDINATOR)
    for slug in facilitated:
        facilitated_programme = Programme.objects.filter(slug=slug).first()
        if facilitated_programme and FACILITATOR in users:
            ProgrammeStaff.objects.get_or_create(programme=facilitated_programme,
                                                 user=users[FACILITATOR],
                                                 role=StaffRole.FACILITATOR)


def _expert_panel(panel: dict[str, Any], brochure: dict[str, Any]) -> None:
    programme = Programme.objects.filter(slug=panel["programme"]).first()
    if programme is None:
        return
    experts = []
    for expert in panel["experts"]:
        user = User.objects.filter(email=expert["email"]).first()
        if user is None:
            user = User.objects.create_user(expert["email"], DEMO_PASSWORD,
                                            full_name=expert["name"], role=Role.FACILITATOR)
        staff, _created = ProgrammeStaff.objects.update_or_create(
            programme=programme, user=user, role=StaffRole.FACILITATOR,
            defaults={"expertise": expert["expertise"]})
        experts.append(staff)
    for event in Event.objects.filter(slug__in=panel["events"]):
        day = timezone.localtime(event.start).date()
        for staff in experts:
            if not staff.consultation_slots.filter(event=event).exists():
                slots.create_slots(None, event, staff, day, time(10), time(13), 60)
    conference = programme.events.filter(kind="conference").order_by("start").first()
    if conference is not None:
        title = brochure["title"]
        sections = [(section["heading"], section["text"]) for section in brochure["sections"]]
        _attach(conference, FileKind.MATERIAL, f"Broszura: {title}",
                document_pdf(title, sections), brochure["file"])


def _conclusions(entries: list[dict[str, str]]) -> None:
    by_slug = {entry["event"]: entry for entry in entries}
    for event in Event.objects.filter(slug__in=by_slug):
        entry = by_slug[event.slug]
        text, recommendations, attachment = (entry["text"], entry["recommendations"],
                                             entry["attachment"])
        if not Conclusions.objects.filter(event=event).exists():
            content.save_conclusions(None, event, text, recommendations, publish=True)
        _attach(event, FileKind.CONCLUSIONS, attachment,
                document_pdf(attachment, [(event.title, text), ("Rekomendacje",
                                                                recommendations)]),
                f"{event.slug}-konkluzje.pdf")


def _upcoming_registration(upcoming: dict[str, Any]) -> None:
    programme = Programme.objects.filter(slug=upcoming["programme"]).first()
    participant = User.objects.filter(email=upcoming["participant"]).first()
    if programme is None:
        return
    if not programme.events.filter(start__gt=timezone.now()).exists():
        event, created = Event.objects.get_or_create(slug=upcoming["slug"], defaults={
            "programme": programme, "title": upcoming["title"], "kind": upcoming["kind"],
            "place": upcoming["place"], "capacity": upcoming["capacity"],
            "description": upcoming["description"],
            "start": _aware(upcoming["start"]), "end": _aware(upcoming["end"])})
        if created:
            AgendaItem.objects.bulk_create([agenda_item(event, line)
                                            for line in upcoming["agenda"]])
    next_event = programme.events.filter(start__gt=timezone.now()).order_by("start").first()
    if participant and next_event and not Registration.objects.filter(
            event=next_event, user=participant).exists():
        services.register(participant, next_event, language="pl")


@transaction.atomic
def load_events_demo() -> None:
    data = demo_content.read("events.yaml")
    cycles.install_shipped_templates()
    _staff(data["facilitated_programmes"])
    _expert_panel(data["expert_panel"], data["brochure"])
    _conclusions(data["conclusions"])
    _upcoming_registration(data["upcoming"])
