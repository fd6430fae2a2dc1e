"""Links to agreements on other apps' pages, shown only to those who may follow them."""

from django import template

from mosty.accounts.access import Viewer
from mosty.agreements import access
from mosty.agreements.models import Agreement
from mosty.directory.models import Organisation
from mosty.initiatives.models import Idea
from mosty.programmes.models import Event

register = template.Library()


@register.filter
def may_start_agreement_for(organisation: Organisation, user: Viewer) -> bool:
    return access.may_create_for(user, organisation.pk)


@register.filter
def may_create_agreement_from(event: Event, user: Viewer) -> bool:
    return event.group_id is not None and access.may_create_in(user, event.programme_id)


@register.filter
def may_create_agreement_from_idea(idea: Idea, user: Viewer) -> bool:
    return access.may_create_from_idea(user, idea)


@register.simple_tag
def agreement_of_idea(idea: Idea, user: Viewer) -> Agreement | None:
    """The agreement made from the idea, when `user` may see it."""
    agreement = Agreement.objects.filter(source_idea=idea).first()
    if agreement is None or not access.agreement_access(user, agreement).see:
        return None
    return agreement
