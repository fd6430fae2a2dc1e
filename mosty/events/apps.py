from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "mosty.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from mosty.events import services
        from mosty.programmes.models import Event
        from mosty.programmes.signals import event_saved

        event_saved.connect(services.event_saved, sender=Event,
                            dispatch_uid="events.event_saved")
