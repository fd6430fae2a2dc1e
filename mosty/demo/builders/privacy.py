"""The demo's accounts have accepted the current terms, so the demo opens without asking."""
from mosty.accounts.models import User
from mosty.privacy.services import give_consent, has_current_terms
from mosty.privacy.texts import Purpose


def load_privacy_demo() -> None:
    for user in User.objects.filter(is_active=True):
        if not has_current_terms(user):
            give_consent(user, Purpose.TERMS)
