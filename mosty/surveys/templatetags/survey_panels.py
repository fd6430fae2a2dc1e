"""The surveys panel on the event page: the event's evaluation next to its conclusions, for
the people who see the programme's survey results, so the events app needs no import of
surveys (the event page loads this tag library by name)."""
from typing import Any

from django import template

from mosty.programmes.models import Event
from mosty.surveys import access, results
from mosty.surveys.models import SurveyKind

register = template.Library()


@register.inclusion_tag("surveys/event_panel.html", takes_context=True)
def event_evaluation(context: template.Context, event: Event) -> dict[str, Any]:
    user = context["request"].user
    surveys = access.seen_surveys(user).filter(event=event, kind=SurveyKind.EVALUATION)
    rows = results.evaluations(surveys) if surveys.exists() else []
    can_add = access.managed_programmes(user).filter(pk=event.programme_id).exists()
    return {"event": event, "rows": rows, "can_add": can_add and not rows,
            "shown": bool(rows) or can_add, "minimum": access.MIN_GROUP}
