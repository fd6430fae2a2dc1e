from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "mosty.agreements"
    verbose_name = _("Cooperation agreements")

    def ready(self) -> None:
        from mosty.agreements import services  # noqa: F401  (registers the undo hooks)
