"""Personal API tokens: created and revoked by their owner. Only a hash is stored."""
from django.db import transaction
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.api.models import ApiToken
from mosty.core.audit import log_action
from mosty.core.errors import DomainError


class TokenError(DomainError):
    """A translated reason why a token cannot be created."""


@transaction.atomic
def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token and its raw value, which is shown once and never stored."""
    name = name.strip()[:100]
    if not name:
        raise TokenError(_("Give the token a name, e.g. the program that will use it."))
    token, raw = ApiToken.issue(user, name)
    log_action(user, "api.token.created", token, name=name, prefix=token.prefix)
    return token, raw


@transaction.atomic
def revoke_token(user: User, token: ApiToken) -> None:
    """Delete one of the user's own tokens; programs using it are refused from now on."""
    if token.user_id != user.pk:
        raise TokenError(_("This token belongs to someone else."))
    log_action(user, "api.token.revoked", token, name=token.name, prefix=token.prefix)
    token.delete()
