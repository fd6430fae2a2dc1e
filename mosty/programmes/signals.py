"""What programmes announce to the apps above them, which react without programmes importing
them (see docs/architecture.md)."""
from django.dispatch import Signal

# Sent by mosty.programmes.services.save_event inside its transaction, after the event and its
# agenda are saved and logged: sender=Event, actor, event, created (bool) and old_capacity
# (int | None, the capacity before the change). The events app invites a group event's people
# and moves the waiting list up when places were added.
event_saved = Signal()
