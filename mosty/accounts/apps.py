from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mosty.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from mosty.accounts import receivers  # noqa: F401  (connects the audit receivers)
