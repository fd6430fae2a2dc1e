"""The PDF report of a survey's results (fpdf2 with the shipped Unicode font): the index with
its areas for a self-assessment, then each question's counts as bars with the numbers
written beside them. The fewer-than-five rule of the pages applies."""
from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.defaultfilters import floatformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.surveys import index, results
from mosty.surveys.access import MIN_GROUP
from mosty.surveys.models import Survey, SurveyKind, bilingual

if TYPE_CHECKING:
    from fpdf import FPDF

BAR_MM = 70.0
LABEL_MM = 80.0
BLUE = (31, 95, 139)


def _bar(pdf: FPDF, label: str, value: float, maximum: float, text: str) -> None:
    pdf.set_font(FONT, "", 9)
    wrapped = pdf.multi_cell(LABEL_MM, 5, label, align="L", dry_run=True, output="LINES")
    lines = len(wrapped) if isinstance(wrapped, list) else 1
    if pdf.will_page_break(5 * lines + 1):
        pdf.add_page()
    y = pdf.get_y()
    pdf.multi_cell(LABEL_MM, 5, label, align="L", new_x="RIGHT", new_y="TOP")
    height = 5 * lines
    length = BAR_MM * value / maximum if maximum else 0
    pdf.set_fill_color(*BLUE)
    if length:
        pdf.rect(pdf.l_margin + LABEL_MM + 2, y + 1, length, 3.5, style="F")
    pdf.set_xy(pdf.l_margin + LABEL_MM + 4 + length, y)
    pdf.cell(30, 5, text)
    pdf.set_xy(pdf.l_margin, y + height + 1)


def _score(value: float | None) -> str:
    return "—" if value is None else floatformat(value, 0)  # as the pages round


def survey_report(survey: Survey) -> bytes:
    outcome = results.cached(survey)
    pdf = new_document(survey.title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(pdf.epw, 8, survey.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    place = " · ".join(str(x) for x in (survey.programme.name, survey.place, survey.year) if x)
    pdf.multi_cell(pdf.epw, 6, place, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(pdf.epw, 6, f"{_('submitted responses')}: {outcome.count}",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if not outcome.shown:
        pdf.multi_cell(pdf.epw, 6, _("Fewer than %(minimum)s responses: to protect the "
                                     "respondents' anonymity, results are not shown.")
                       % {"minimum": MIN_GROUP}, new_x="LMARGIN", new_y="NEXT")
        return to_bytes(pdf)
    if survey.kind == SurveyKind.INDEX:
        result = results.cached_index(survey)
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(pdf.epw, 7, f"{_('Cooperation-quality index')}: {_score(result.index)}",
                       new_x="LMARGIN", new_y="NEXT")
        for area in index.AREAS:
            score = result.areas[area.code]
            _bar(pdf, bilingual(area.name_pl, area.name_en), score or 0, 100, _score(score))
        pdf.ln(2)
        for indicator in index.INDICATORS:
            score = result.indicators[indicator.code].score
            _bar(pdf, bilingual(indicator.name_pl, indicator.name_en), score or 0, 100,
                 _score(score))
        pdf.ln(4)
    for item in outcome.questions:
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(pdf.epw, 6, item.question.text, new_x="LMARGIN", new_y="NEXT")
        for block in item.blocks:
            if block.label:
                pdf.set_font(FONT, "B", 9)
                pdf.multi_cell(pdf.epw, 5, block.label, new_x="LMARGIN", new_y="NEXT")
            top = max([r.count for r in block.rows] + [1])
            for row in block.rows:
                _bar(pdf, row.label, row.count, top, f"{row.count} ({row.percent:g}%)")
            if block.mean is not None:
                pdf.set_font(FONT, "", 9)
                pdf.multi_cell(pdf.epw, 5, f"{_('Mean')}: {number_format(block.mean, 2)}",
                               new_x="LMARGIN", new_y="NEXT")
        average = item.stats.get("mean")
        if average is not None:
            pdf.set_font(FONT, "", 9)
            pdf.multi_cell(pdf.epw, 5, f"{_('Mean')}: {number_format(average, 2)}",
                           new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 9)
        for text in item.texts + item.others:
            pdf.multi_cell(pdf.epw, 5, f"– {text}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return to_bytes(pdf)
