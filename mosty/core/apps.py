from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mosty.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core import checks

        from mosty.core.forms import bound_all_date_fields
        from mosty.core.security_txt import check_contacts

        bound_all_date_fields()
        checks.register(check_contacts)
