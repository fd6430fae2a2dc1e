"""The audit log page: staff read every entry, coordinators the entries about the
programmes they manage (which ones: mosty.programmes.audit). Filters, pages and an export."""
import json
from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_GET
from openpyxl import Workbook

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import table_writer
from mosty.core.models import AuditEntry
from mosty.programmes.access import managed_programmes
from mosty.programmes.audit import programme_entries
from mosty.programmes.models import Programme

PAGE_SIZE = 50
# An export beyond this many entries is cut (narrow the filters instead).
EXPORT_LIMIT = 50_000


class AuditFilterForm(forms.Form):
    person = forms.CharField(label=gettext_lazy("Who (e-mail or name)"), required=False,
                             max_length=200)
    action = forms.CharField(label=gettext_lazy("Action begins with"), required=False,
                             max_length=100, help_text=gettext_lazy(
                                 "e.g. accounts.login, recruitment.application, events"))
    object_type = forms.CharField(label=gettext_lazy("Object type"), required=False,
                                  max_length=100, help_text=gettext_lazy(
                                      "e.g. recruitment.application"))
    programme = forms.ModelChoiceField(label=gettext_lazy("Programme"), required=False,
                                       queryset=Programme.objects.none(), to_field_name="slug")
    since = forms.DateField(label=gettext_lazy("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=gettext_lazy("To"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, programmes: QuerySet[Programme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes.order_by("name")  # type: ignore[attr-defined]

    def filter(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        if not self.is_valid():
            return entries.none()
        data = self.cleaned_data
        if data["person"]:
            entries = entries.filter(Q(user__email__icontains=data["person"])
                                     | Q(user__full_name__icontains=data["person"]))
        if data["action"]:
            entries = entries.filter(action__startswith=data["action"])
        if data["object_type"]:
            entries = entries.filter(object_type=data["object_type"].lower())
        if data["programme"]:
            entries = entries & programme_entries(Programme.objects.filter(
                pk=data["programme"].pk))
        zone = timezone.get_current_timezone()
        if data["since"]:
            entries = entries.filter(created_at__gte=datetime.combine(
                data["since"], time.min, tzinfo=zone))
        if data["until"]:
            entries = entries.filter(created_at__lte=datetime.combine(
                data["until"], time.max, tzinfo=zone))
        return entries


def visible_entries(user: Any) -> tuple[QuerySet[AuditEntry], QuerySet[Programme]]:
    """The entries `user` may read and the programmes they may filter by; PermissionDenied
    for people who manage no programme."""
    if user.is_staff:
        return AuditEntry.objects.all(), Programme.objects.all()
    programmes = managed_programmes(user)
    if not programmes.exists():
        raise PermissionDenied
    return programme_entries(programmes), programmes


def _rows(entries: QuerySet[AuditEntry]) -> list[list[Any]]:
    rows: list[list[Any]] = [[_("time"), _("user"), _("action"), _("object type"),
                              _("object id"), _("object"), _("details")]]
    zone = timezone.get_current_timezone()
    for entry in entries[:EXPORT_LIMIT]:
        rows.append([entry.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
                     entry.user.email if entry.user else "", entry.action, entry.object_type,
                     entry.object_id, entry.object_repr,
                     json.dumps(entry.data, ensure_ascii=False, sort_keys=True)])
    return rows


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def details(data: Any) -> list[str]:
    """An entry's details as lines: "field: before → after" for changes, "key: value" else."""
    if not isinstance(data, dict):
        return [_text(data)]
    lines = []
    for key, value in data.items():
        if key == "changes" and isinstance(value, dict):
            lines += [f"{field}: {_text(pair[0])} → {_text(pair[1])}"
                      if isinstance(pair, list) and len(pair) == 2 else f"{field}: {_text(pair)}"
                      for field, pair in value.items()]
        else:
            lines.append(f"{key}: {_text(value)}")
    return lines


def _export(entries: QuerySet[AuditEntry], fmt: str) -> HttpResponse:
    rows = _rows(entries)
    if fmt == "csv":
        content = table_writer.write_csv(rows)
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = table_writer.sheet_title(_("audit log"), "audit")
        table_writer.append_rows(sheet, rows)
        content = table_writer.workbook_bytes(workbook)
    return table_writer.download(content, f"audit-log.{fmt}")


@login_required
@require_GET
def audit_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    entries, programmes = visible_entries(request.user)
    form = AuditFilterForm(request.GET, programmes=programmes)
    entries = form.filter(entries).select_related("user").order_by("-created_at", "-pk")
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        return _export(entries, fmt)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    for entry in page:
        entry.details = details(entry.data)  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(request, "programmes/audit.html", {
        "form": form, "page": page, "query": query.urlencode(), "staff_view":
        request.user.is_staff, "nav": "programmes"})
