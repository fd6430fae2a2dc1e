"""An application as a PDF: what was submitted, for the applicant's files and the coordinator's."""
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.recruitment.export import answer_text
from mosty.recruitment.models import Application


def application_pdf(application: Application) -> bytes:
    """A4 PDF of the application (organisation, applicant, status, answers, attachments)."""
    call = application.call
    pdf = new_document(_("Application: %(call)s") % {"call": call.title})
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(width, 8, call.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(width, 5, call.edition.programme.name + " · " + call.edition.name,
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    facts = [
        (_("Organisation"), application.organisation.name if application.organisation else "—"),
        (_("Partner"), application.partner.name if application.partner else ""),
        (_("Applicant"),
         f"{application.applicant.get_full_name()} <{application.applicant.email}>"),
        (_("Status"), str(application.get_status_display())),
        (_("Submitted"), date_format(timezone.localtime(application.submitted_at), "j E Y, H:i")
         if application.submitted_at else "—"),
    ]
    for label, value in facts:
        if not value:
            continue
        pdf.set_font(FONT, "B", 10)
        pdf.cell(40, 6, label)
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(width - 40, 6, value, new_x="LMARGIN", new_y="NEXT")
    files = {f.question_id: f.original_name for f in application.files.all()}
    for question in call.questions.all():
        pdf.ln(2)
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(width, 6, question.label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 10)
        value = files.get(question.pk, "") if question.is_file else \
            answer_text(question, application.answers.get(question.key))
        if question.is_file and value:
            value = _("attached file: %(name)s") % {"name": value}
        pdf.multi_cell(width, 6, str(value) or "—", new_x="LMARGIN", new_y="NEXT")
    return to_bytes(pdf)
