"""The data-protection part of the "my account" page of mosty.accounts (which does not import
privacy): optional consents, the data archive, erasing the account."""
from typing import Any

from django import template
from django.utils import timezone

from mosty.privacy.models import DataExport
from mosty.privacy.services import active_purposes, export_token
from mosty.privacy.texts import DESCRIPTIONS, OPTIONAL, Purpose

register = template.Library()


@register.inclusion_tag("privacy/includes/account_panel.html", takes_context=True)
def privacy_panel(context: template.Context) -> dict[str, Any]:
    user = context["user"]
    given = active_purposes(user)
    exports = list(DataExport.objects.filter(user=user)[:3])
    now = timezone.now()
    ready = next((item for item in exports if item.status == DataExport.Status.READY
                  and item.expires_at and item.expires_at > now), None)
    return {
        "consents": [{"purpose": purpose, "label": Purpose(purpose).label,
                      "description": DESCRIPTIONS.get(purpose, ""), "given": purpose in given}
                     for purpose in OPTIONAL],
        "pending": any(item.status == DataExport.Status.PENDING for item in exports),
        "ready": ready,
        "ready_token": export_token(ready) if ready else "",
        "is_staff": user.is_staff,
        "csrf_token": context.get("csrf_token"),
    }
