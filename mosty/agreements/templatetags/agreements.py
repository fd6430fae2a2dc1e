"""Links to agreements on other apps' pages, shown only to those who may follow them."""
from typing import Any

from django import template

from mosty.agreements import access
from mosty.directory.models import Organisation
from mosty.programmes.models import Event

register = template.Library()


@register.filter
def may_start_agreement_for(organisation: Organisation, user: Any) -> bool:
    return access.may_create_for(user, organisation.pk)


@register.filter
def may_create_agreement_from(event: Event, user: Any) -> bool:
    return event.group_id is not None and access.may_create_in(user, event.programme_id)
