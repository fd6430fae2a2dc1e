"""The agreement as a document: its plain text (versions and diffs), DOCX and PDF, in Polish.

One context feeds all three: `document_context` lists the parties and the numbered sections
(heading and body). The DOCX is rendered by docxtpl from the template shipped in
`data/porozumienie.docx` (made by `make_template.py`: real Heading 1/2 styles) or from the
organiser's own template, which gets the same variables (see docs/agreements.md).
"""
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _
from jinja2 import TemplateError

from mosty.agreements.models import Agreement, Contribution, Party
from mosty.core.pdf import FONT, new_document, to_bytes

TEMPLATE = Path(__file__).resolve().parent / "data" / "porozumienie.docx"
DOCUMENT_LANGUAGE = "pl"


class DocumentError(Exception):
    """A translated reason why a document cannot be rendered (e.g. a broken own template)."""


def _date(value: Any) -> str:
    return formats.date_format(value, "j E Y") if value else ""


def _amount(value: Decimal) -> str:
    return formats.number_format(value, 2, use_l10n=True, force_grouping=True)


def contribution_line(contribution: Contribution) -> str:
    line = f"{contribution.get_kind_display()}: {contribution.description}"
    if contribution.amount is not None:
        line += f" ({_amount(contribution.amount)} zł)"
    resource = contribution.resource
    if resource is not None and resource.description != contribution.description:
        line += " — " + _("from the profile: %(resource)s") % {"resource": resource.description}
    return line


def party_line(party: Party) -> str:
    line = party.organisation.name
    if party.organisation.address:
        line += f", {party.organisation.address}"
    if party.representative:
        who = party.representative + (f" — {party.function}" if party.function else "")
        line += ", " + _("represented by %(who)s") % {"who": who}
    return line


def _parties(agreement: Agreement) -> list[Party]:
    return list(agreement.parties.select_related("organisation")
                .prefetch_related("contributions__resource"))


def _sections(agreement: Agreement, parties: list[Party]) -> list[tuple[str, str]]:
    objectives = [agreement.purpose.strip()] + [
        f"{p.organisation.name}: {p.objectives.strip()}" for p in parties if p.objectives.strip()]
    contributions = []
    for party in parties:
        lines = [f"{party.organisation.name}:"]
        if party.role.strip():
            lines.append(_("Role and tasks: %(role)s") % {"role": party.role.strip()})
        lines += [f"– {contribution_line(c)}" for c in party.contributions.all()]
        contributions.append("\n".join(lines))
    coordinators = [agreement.communication.strip()] + [
        f"{p.organisation.name}: {p.coordinator}" for p in parties if p.coordinator.strip()]
    duration = []
    if agreement.start_date:
        duration.append(_("The agreement is in force from %(start)s %(end)s.") % {
            "start": _date(agreement.start_date),
            "end": _("until %(date)s") % {"date": _date(agreement.end_date)}
            if agreement.end_date else _("for an indefinite period")})
    if agreement.review_date:
        duration.append(_("The parties review the cooperation on %(date)s.")
                        % {"date": _date(agreement.review_date)})
    sections = [
        (_("Purpose of the cooperation"), "\n".join(t for t in objectives if t)),
        (_("Scope and forms of cooperation"), agreement.scope.strip()),
        (_("Activities and work plan"), agreement.work_plan.strip()),
        (_("Contributions of the parties"), "\n\n".join(contributions)),
        (_("Coordinators and communication"), "\n".join(t for t in coordinators if t)),
        (_("Duration and review"), " ".join(duration)),
        (_("Indicators of success"), agreement.indicators.strip()),
        (_("Disputes"), agreement.disputes.strip()),
        (_("Leaving the agreement"), agreement.exit_terms.strip()),
        (_("Personal data and logos"), agreement.personal_data.strip()),
        (_("Attachments"), agreement.attachments_note.strip()),
    ]
    numbered = [(heading, body) for heading, body in sections if body]
    return [(f"§ {number}. {heading}", body) for number, (heading, body) in
            enumerate(numbered, 1)]


def document_context(agreement: Agreement) -> dict[str, Any]:
    """Everything a template needs, in Polish."""
    with translation.override(DOCUMENT_LANGUAGE):
        parties = _parties(agreement)
        made = _("made on %(date)s") % {"date": _date(agreement.signed_on)} \
            if agreement.signed_on else _("made on ____________")
        if agreement.place:
            made += " " + _("in %(place)s") % {"place": agreement.place}
        return {
            "heading": _("Cooperation agreement"),
            "title": agreement.title,
            "made": made + " " + _("between:"),
            "parties": [{"name": p.organisation.name, "line": party_line(p),
                         "representative": p.representative, "function": p.function,
                         "contributions": [contribution_line(c) for c in p.contributions.all()]}
                        for p in parties],
            "sections": [{"heading": h, "body": b} for h, b in _sections(agreement, parties)],
            "signatures": _("Signatures of the parties"),
            "status": agreement.get_status_display(),
        }


def agreement_text(agreement: Agreement) -> str:
    """The text of the agreement as one string: what versions keep and diffs compare."""
    context = document_context(agreement)
    lines = [context["heading"], context["title"], context["made"]]
    lines += [f"{number}. {party['line']}" for number, party in enumerate(context["parties"], 1)]
    for section in context["sections"]:
        lines += ["", section["heading"], section["body"]]
    return "\n".join(lines)


def render_docx(agreement: Agreement) -> bytes:
    from docxtpl import DocxTemplate  # here: docxtpl takes 0.1 s to import

    source: Any = TEMPLATE
    if agreement.template:
        agreement.template.open("rb")
        try:
            source = io.BytesIO(agreement.template.read())
        finally:
            agreement.template.close()
    try:
        document = DocxTemplate(source)
        document.render(document_context(agreement), autoescape=True)
    except (TemplateError, KeyError, ValueError) as error:
        raise DocumentError(_("The DOCX template cannot be filled in: %(error)s")
                            % {"error": error}) from error
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def render_pdf(agreement: Agreement) -> bytes:
    context = document_context(agreement)
    pdf = new_document(f"{context['heading']}: {agreement.title}")
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(width, 8, context["heading"], new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(width, 7, context["title"], new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.ln(3)
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(width, 6, context["made"], new_x="LMARGIN", new_y="NEXT")
    for number, party in enumerate(context["parties"], 1):
        pdf.multi_cell(width, 6, f"{number}. {party['line']}", new_x="LMARGIN", new_y="NEXT")
    for section in context["sections"]:
        pdf.ln(3)
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(width, 7, section["heading"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(width, 6, section["body"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(width, 7, context["signatures"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    for party in context["parties"]:
        pdf.ln(8)
        who = ", ".join(t for t in (party["representative"], party["function"]) if t)
        pdf.multi_cell(width, 6, f"........................................\n{party['name']}"
                       + (f"\n{who}" if who else ""), new_x="LMARGIN", new_y="NEXT")
    return to_bytes(pdf)
