from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkingConfig(AppConfig):
    name = "mosty.networking"
    verbose_name = _("Networking")

    def ready(self) -> None:
        from mosty.networking import services  # noqa: F401  (registers the undo hook)
