"""A person's organisations and the invitations to join more, for the "my account" page of
mosty.accounts: the directory owns memberships and invitations, so accounts need not import it."""
from typing import Any

from django import template

from mosty.directory.services import pending_invitations

register = template.Library()


@register.inclusion_tag("directory/includes/my_organisations.html", takes_context=True)
def my_organisations(context: template.Context) -> dict[str, Any]:
    user = context["user"]
    return {
        "invitations": pending_invitations(user),
        "memberships": user.memberships.select_related("organisation").order_by(
            "organisation__name"),
        "csrf_token": context.get("csrf_token"),
    }
