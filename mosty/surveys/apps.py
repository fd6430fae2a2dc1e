from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "mosty.surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from mosty.surveys import services  # noqa: F401  (registers the undo hook)
