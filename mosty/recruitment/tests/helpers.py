"""Helpers of the recruitment tests: files, answers and form data."""
import functools
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from mosty.core.pdf import new_document, to_bytes
from mosty.directory.models import Organisation
from mosty.recruitment.models import Question, RecruitmentCall
from mosty.recruitment.services.applications import ApplicationInput, Upload, save_application

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


@functools.lru_cache
def pdf_bytes(text: str = "Deklaracja uczestnictwa") -> bytes:
    pdf = new_document(text)
    pdf.add_page()
    pdf.cell(text=text)
    return to_bytes(pdf)


def pdf_upload(name: str = "deklaracja.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def text_as_pdf(name: str = "deklaracja.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"Signed. Really.\n" * 20, content_type="application/pdf")


def question(call: RecruitmentCall, label: str) -> Question:
    return call.questions.get(label=label)


def answers(call: RecruitmentCall, **overrides: object) -> dict[str, object]:
    """Stored answers for every non-file question."""
    values = {"Motivation": "We want to work with the OPS.", "Role": "culture",
              "Dates": ["8 March"], "Partnered before?": True, "Founded": "1998-05-01",
              "People": 3}
    values.update(overrides)
    return {q.key: values.get(q.label) for q in call.questions.all() if not q.is_file}


def submit(call: RecruitmentCall, user, organisation, partner: Organisation | None = None):
    upload = pdf_upload()
    data = ApplicationInput(organisation=organisation, partner=partner, answers=answers(call),
                            uploads={question(call, "Signed declaration").pk:
                                     Upload(upload, "pdf")})
    return save_application(user, call, data, submit=True)


FRESH_PDF = object()  # form_data's default declaration: a new PDF upload on each call


def form_data(call: RecruitmentCall, organisation_slug: str, action: str = "submit",
              declaration: object = FRESH_PDF, **overrides: object) -> dict[str, object]:
    """POST data of the application form, the way a browser sends it; `declaration` is the
    file sent for "Signed declaration" (None: no file) and `overrides` answer by label."""
    values: dict[str, object] = {
        "Motivation": "We want to work with the OPS.", "Role": "culture", "Dates": ["8 March"],
        "Partnered before?": "yes", "Founded": "1998-05-01", "People": "3",
        "Signed declaration": pdf_upload() if declaration is FRESH_PDF else declaration}
    values.update(overrides)
    data: dict[str, object] = {"organisation": organisation_slug, "action": action}
    for q in call.questions.all():
        value = values.get(q.label)
        if value is not None:
            data[f"q_{q.pk}"] = value
    return data


def xlsx_rows(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]

