"""Printable PDFs: A4 table cards (one per table) and personal agendas (one page per person).

Rendered with fpdf2 and the DejaVu fonts of mosty.core.pdf, so Polish names keep their
diacritics; all labels go through gettext and come out in the active language.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.networking.models import Mode, NetworkingSession, Participant, Seat

if TYPE_CHECKING:
    from fpdf import FPDF

SeatMap = dict[int, dict[int | None, list[Participant]]]


def _seats(session: NetworkingSession) -> SeatMap:
    rounds: SeatMap = defaultdict(lambda: defaultdict(list))
    seats = (Seat.objects.filter(session=session).select_related("participant")
             .order_by("round", "table", "participant__name"))
    for seat in seats:
        people = rounds[seat.round][seat.table]
        # In the hosts format the host opens the table's list.
        if seat.participant.host and session.mode == Mode.HOSTS:
            people.insert(0, seat.participant)
        else:
            people.append(seat.participant)
    return rounds


def round_start(session: NetworkingSession, number: int) -> datetime | None:
    if session.planned_start is None:
        return None
    step = session.minutes_per_round * 60 + session.changeover_seconds
    return session.planned_start + timedelta(seconds=step * (number - 1))


def _time(session: NetworkingSession, number: int) -> str:
    start = round_start(session, number)
    return formats.time_format(timezone.localtime(start), "H:i") if start else ""


def _who(person: Participant) -> str:
    return f"{person.name} ({person.organisation_name})" if person.organisation_name \
        else person.name


def _header(pdf: FPDF, session: NetworkingSession) -> None:
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(70, 70, 70)
    event = session.event
    when = formats.date_format(timezone.localtime(event.start), "j E Y")
    pdf.cell(text=f"{session.title} · {event.title} · {when}", new_x="LMARGIN", new_y="NEXT")
    if event.place:
        pdf.cell(text=event.place, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def table_cards(session: NetworkingSession) -> bytes:
    """One A4 page per table: a big number to stand on the table and who sits there when."""
    rounds = _seats(session)
    tables = sorted({t for by_table in rounds.values() for t in by_table if t is not None})
    pdf = new_document(_("Table cards: %(title)s") % {"title": session.title})
    for table in tables:
        pdf.add_page()
        _header(pdf, session)
        pdf.set_font(FONT, "B", 30)
        pdf.ln(6)
        pdf.cell(w=pdf.epw, text=_("Table"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "B", 140)
        pdf.cell(w=pdf.epw, h=58, text=str(table), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font(FONT, "", 11)
        with pdf.table(col_widths=(22, 16, 152), text_align="LEFT", line_height=5.5) as grid:
            head = grid.row()
            for label in (_("Round"), _("Time"), _("Who sits here")):
                head.cell(label)
            for number in range(1, session.rounds + 1):
                people = rounds.get(number, {}).get(table, [])
                row = grid.row()
                row.cell(str(number))
                row.cell(_time(session, number))
                row.cell("\n".join(_who(p) for p in people) or "—")
    if not tables:
        pdf.add_page()
        pdf.cell(text=_("The seating has not been planned yet."))
    return to_bytes(pdf)


def agendas(session: NetworkingSession, people: list[Participant],
            links: dict[int, str] | None = None) -> bytes:
    """A page per person: in which round they sit at which table and whom they meet."""
    rounds = _seats(session)
    where: dict[int, dict[int, int | None]] = defaultdict(dict)
    for number, by_table in rounds.items():
        for table, members in by_table.items():
            for member in members:
                where[member.pk][number] = table
    pdf = new_document(_("Personal agendas: %(title)s") % {"title": session.title})
    for person in people:
        pdf.add_page()
        _header(pdf, session)
        pdf.ln(4)
        pdf.set_font(FONT, "B", 22)
        pdf.multi_cell(w=pdf.epw, align="L", text=person.name, new_x="LMARGIN", new_y="NEXT")
        if person.organisation_name:
            pdf.set_font(FONT, "", 13)
            pdf.multi_cell(w=pdf.epw, align="L", text=person.organisation_name, new_x="LMARGIN",
                           new_y="NEXT")
        pdf.ln(4)
        pdf.set_font(FONT, "", 11)
        with pdf.table(col_widths=(20, 16, 22, 132), text_align="LEFT", line_height=5.5) as grid:
            head = grid.row()
            first = _("Slot") if session.is_requested else _("Round")
            for label in (first, _("Time"), _("Table"), _("You meet")):
                head.cell(label)
            for number in range(1, session.rounds + 1):
                row = grid.row()
                row.cell(str(number))
                row.cell(_time(session, number))
                if number not in where[person.pk]:
                    row.cell("—")
                    row.cell(_("no meeting") if session.is_requested else _("absent"))
                    continue
                table = where[person.pk][number]
                if table is None:
                    row.cell("—")
                    row.cell(_("break: you rest in this round"))
                    continue
                row.cell(str(table))
                others = [p for p in rounds[number][table] if p.pk != person.pk]
                row.cell("\n".join(_who(p) for p in others))
        if links and person.pk in links:
            pdf.ln(6)
            pdf.set_font(FONT, "", 10)
            text = _("Your personal page (current round, whom you meet, follow-up contacts): "
                     "%(link)s") % {"link": links[person.pk]}
            pdf.multi_cell(w=pdf.epw, align="L", text=text, new_x="LMARGIN", new_y="NEXT")
    if not people:
        pdf.add_page()
        pdf.cell(text=_("No participants yet."))
    return to_bytes(pdf)
