"""What the site's menu needs of matching."""
from functools import partial

from django.http import HttpRequest

from mosty.matching.access import can_use_analysis


def menu(request: HttpRequest) -> dict[str, object]:
    """Whether to offer "Resources and relationships": the rule of the analysis pages
    themselves. A callable, so pages that do not render the menu ask nothing."""
    return {"offer_analysis": partial(can_use_analysis, request.user)}
