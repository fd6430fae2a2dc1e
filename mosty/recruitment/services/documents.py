"""Blank documents of a call (forms to download and fill in), uploaded by its coordinators.
Checked by content with mosty.core.uploads; removing one can be undone for a few
minutes (mosty.core.undo)."""
from typing import Any

from django.core.files.base import File
from django.db import transaction

from mosty.core import undo, uploads
from mosty.core.audit import log_action
from mosty.core.models import Deletion
from mosty.recruitment.models import CallDocument, RecruitmentCall
from mosty.recruitment.services import RecruitmentError

DOCUMENT_TYPES = ("pdf", "docx", "xlsx", "odt", "ods")
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


@transaction.atomic
def add_document(actor: Any, call: RecruitmentCall, upload: uploads.Upload) -> CallDocument:
    checked = uploads.check(upload.handle, upload.name, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES)
    if checked.problem:
        raise RecruitmentError(checked.problem, "file")
    name = uploads.stored_name(upload.name, checked.file_type)
    document = CallDocument(call=call, title=upload.title.strip() or name, original_name=name,
                            file_type=checked.file_type,
                            uploaded_by=actor if getattr(actor, "is_authenticated", False)
                            else None)
    document.file.save(name, File(upload.handle, name=name), save=False)
    document.save()
    log_action(actor, "recruitment.document.added", document, call=call.pk)
    return document


@transaction.atomic
def delete_document(actor: Any, document: CallDocument, back_url: str) -> Deletion:
    log_action(actor, "recruitment.document.deleted", document, call=document.call_id)
    return undo.delete(actor, document, label=document.title, back_url=back_url)
