"""Blank documents of a call: its coordinators upload and remove them, and whoever may see
the call downloads them."""
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import undo, uploads
from mosty.recruitment import access
from mosty.recruitment.models import CallDocument
from mosty.recruitment.services import RecruitmentError
from mosty.recruitment.services.documents import add_document, delete_document


class DocumentForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200, required=False,
                            help_text=gettext_lazy("E.g. “Application form to fill in”. "
                                                   "Leave empty to use the file's name."))
    file = forms.FileField(label=gettext_lazy("File"), help_text=gettext_lazy(
        "PDF, DOCX, XLSX, ODT or ODS, at most 10 MB."))


@login_required
@require_http_methods(["GET", "POST"])
def call_documents(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call, _access = access.get_call(request.user, pk, manage=True)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            add_document(request.user, call, uploads.Upload(
                upload, upload.name or "", form.cleaned_data["title"]))
        except RecruitmentError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The document has been added."))
            return redirect("recruitment:call_documents", pk=call.pk)
    return render(request, "recruitment/call_documents.html", {
        "call": call, "programme": call.edition.programme, "form": form,
        "documents": call.documents.all(), "nav": "programmes"})


@login_required
@require_http_methods(["GET", "POST"])
def call_document_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET), then removes (POST); the next page offers to undo it."""
    document = get_object_or_404(CallDocument, pk=pk)
    call, _access = access.get_call(request.user, document.call_id, manage=True)
    back = reverse("recruitment:call_documents", args=[call.pk])
    return undo.ask_then_delete(
        request, lambda: delete_document(request.user, document, back),
        title=_("Remove a document"), action=_("Remove the document"), back_url=back,
        question=_("Remove “%(title)s” from the call “%(call)s”? Applicants will no "
                   "longer be able to download it.") % {
            "title": document.title, "call": call.title},
        details=[document.original_name])


@require_GET
def call_document(request: HttpRequest, pk: int) -> FileResponse:
    """The download: for whoever may see the call (404 for anyone else)."""
    document = get_object_or_404(CallDocument, pk=pk,
                                 call__in=access.visible_calls(request.user))
    return FileResponse(document.file.open("rb"), as_attachment=True,
                        filename=document.original_name)
