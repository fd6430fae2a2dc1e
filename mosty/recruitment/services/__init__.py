"""State changes of recruitment: calls, applications, reviews (editions, groups and staff are
mosty.programmes.services). Views, the API and the demo call these; each is atomic, writes an
audit entry and raises RecruitmentError with a translated message that views show next to the
field it names (or above the form)."""
from mosty.core.errors import DomainError


class RecruitmentError(DomainError):
    """A translated reason why a change cannot be made; `field` names the form field, if any."""
