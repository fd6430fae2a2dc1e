"""An idea as a project summary a team pastes into a grant application: DOCX (docxtpl, the
template in docx/) and PDF (mosty.core.pdf), and the activities' simple timeline."""
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.initiatives import services
from mosty.initiatives.models import ROW_SECTIONS, Idea, SectionKey

TEMPLATE = Path(__file__).resolve().parent / "docx" / "idea_summary.docx"


@dataclass(frozen=True)
class TimelineRow:
    what: str
    who: str
    cells: tuple[bool, ...]


@dataclass(frozen=True)
class Timeline:
    months: tuple[str, ...]  # "2024-03"
    rows: tuple[TimelineRow, ...]


def _month(text: str) -> tuple[int, int] | None:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day.year, day.month


def timeline(rows: list[dict[str, str]]) -> Timeline:
    """Months from the first start to the last end, and which months each activity covers."""
    spans = [(r, _month(r.get("start", "")), _month(r.get("end", "")) or
              _month(r.get("start", ""))) for r in rows]
    dated = [(s, e) for _r, s, e in spans if s and e]
    if not dated:
        return Timeline((), ())
    first, last = min(s for s, _e in dated), max(e for _s, e in dated)
    months: list[tuple[int, int]] = []
    year, month = first
    while (year, month) <= last and len(months) < 36:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Timeline(
        tuple(f"{y}-{m:02d}" for y, m in months),
        tuple(TimelineRow(r["what"], r.get("who", ""), tuple(
            bool(s and e and s <= m <= e) for m in months)) for r, s, e in spans))


def _amount(value: Decimal | str) -> str:
    return f"{Decimal(value or 0):,.2f}".replace(",", " ")


def _content(idea: Idea) -> dict[str, Any]:
    saved = {s.key: s for s in idea.sections.all()}
    texts = [{"label": str(label), "text": saved[key].text}
             for key, label in SectionKey.choices
             if key not in ROW_SECTIONS and key in saved and saved[key].text]
    activities = saved[SectionKey.ACTIVITIES].rows if SectionKey.ACTIVITIES in saved else []
    budget = saved[SectionKey.BUDGET].rows if SectionKey.BUDGET in saved else []
    totals = services.budget_totals(budget)
    partners = [{"organisation": p.organisation.name,
                 "sector": str(p.organisation.get_sector_display()),
                 "contribution": "; ".join(filter(None, [p.contribution] + [
                     r.description for r in p.resources.all()]))}
                for p in idea.partners.select_related("organisation")
                .prefetch_related("resources")]
    meta = [_("Status: %(status)s") % {"status": idea.get_status_display()}]
    if idea.programme:
        meta.append(_("Programme: %(name)s") % {"name": idea.programme.name})
    return {
        "title": idea.title, "summary": idea.summary, "meta": " · ".join(meta),
        "texts": texts, "activities": activities, "partners": partners,
        "budget": [{**row, **{k: _amount(row[k]) for k in services.MONEY_FIELDS}}
                   for row in budget],
        "totals": {"own_cash": _amount(totals.own_cash),
                   "own_in_kind": _amount(totals.own_in_kind),
                   "requested": _amount(totals.requested)},
        "grand_total": _("Total cost %(total)s PLN, of which own contribution %(own)s PLN and "
                         "requested %(requested)s PLN.") % {
            "total": _amount(totals.total), "own": _amount(totals.own),
            "requested": _amount(totals.requested)},
        "h": {"team": _("Partners and their contributions"), "organisation": _("Organisation"),
              "sector": _("Sector"), "contribution": _("What it contributes"),
              "activities": str(SectionKey.ACTIVITIES.label), "activity": _("Activity"),
              "start": _("From"), "end": _("To"), "who": _("Who"),
              "budget": str(SectionKey.BUDGET.label), "item": _("Budget line"),
              "own_cash": _("Own contribution in cash (PLN)"),
              "own_in_kind": _("Own contribution in kind (PLN)"),
              "requested": _("Amount requested (PLN)"), "total": _("Total")},
    }


def idea_docx(idea: Idea) -> bytes:
    from docxtpl import DocxTemplate, Listing  # here: docxtpl takes 0.1 s to import

    content = _content(idea)
    template = DocxTemplate(str(TEMPLATE))
    context = {**content, "sections": [{"label": t["label"], "text": Listing(t["text"])}
                                       for t in content["texts"]]}
    context["h"] = {**content["h"], "grand_total": content["grand_total"]}
    template.render(context, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def idea_pdf(idea: Idea) -> bytes:
    content = _content(idea)
    pdf = new_document(idea.title)
    pdf.add_page()
    width = pdf.epw

    def heading(text: str, size: int = 14) -> None:
        pdf.set_font(FONT, "B", size)
        pdf.multi_cell(width, 8, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 10)

    def table(headers: list[str], rows: list[list[str]]) -> None:
        with pdf.table(text_align="LEFT", line_height=5) as grid:
            grid.row(headers)
            for row in rows:
                grid.row(row)
        pdf.ln(3)

    heading(content["title"], 18)
    pdf.multi_cell(width, 6, "\n".join(filter(None, [content["summary"], content["meta"]])),
                   new_x="LMARGIN", new_y="NEXT")
    h = content["h"]
    heading(h["team"])
    table([h["organisation"], h["sector"], h["contribution"]],
          [[p["organisation"], p["sector"], p["contribution"]] for p in content["partners"]])
    for section in content["texts"]:
        heading(section["label"])
        pdf.multi_cell(width, 5, section["text"], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if content["activities"]:
        heading(h["activities"])
        table([h["activity"], h["start"], h["end"], h["who"]],
              [[a["what"], a["start"], a["end"], a["who"]] for a in content["activities"]])
    if content["budget"]:
        heading(h["budget"])
        totals = content["totals"]
        table([h["item"], h["own_cash"], h["own_in_kind"], h["requested"]],
              [[b["item"], b["own_cash"], b["own_in_kind"], b["requested"]]
               for b in content["budget"]]
              + [[h["total"], totals["own_cash"], totals["own_in_kind"], totals["requested"]]])
        pdf.multi_cell(width, 5, content["grand_total"], new_x="LMARGIN", new_y="NEXT")
    return to_bytes(pdf)
