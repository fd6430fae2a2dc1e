from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "mosty.privacy"
    verbose_name = _("Data protection (RODO)")

    def ready(self) -> None:
        from mosty.accounts.signals import signed_up
        from mosty.privacy import services

        signed_up.connect(services.record_sign_up_consents,
                          dispatch_uid="mosty.privacy.sign_up_consents")
