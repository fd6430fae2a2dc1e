"""The instance's security.txt (RFC 9116): whom to tell about a vulnerability.

Made from the settings at every request, so its `Expires` (required by the RFC, at most a year
ahead) is always in the future while the operator keeps `SECURITY_CONTACT` set.
"""
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.checks import CheckMessage, Error
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

PATH = "/.well-known/security.txt"


def contact_uri(value: str) -> str:
    """`value` as an RFC 9116 Contact URI: an e-mail address becomes a mailto: link; mailto:,
    https: and tel: links are kept. Anything else raises ValueError (a setting's mistake)."""
    value = value.strip()
    if value.lower().startswith(("mailto:", "https://", "tel:")):
        return value
    try:
        validate_email(value)
    except ValidationError as error:
        raise ValueError(f"SECURITY_CONTACT: {value!r} is neither an e-mail address nor a "
                         "mailto:, https: or tel: link") from error
    return f"mailto:{value}"


def text(canonical: str, now: datetime) -> str | None:
    """The file's text for the instance at the URL `canonical`, or None when the operator has
    named no contact (then there is no file)."""
    contacts = [contact_uri(value) for value in settings.SECURITY_CONTACT if value.strip()]
    if not contacts:
        return None
    # Whole days ahead, in UTC, so the text stays the same all day; the RFC wants less than
    # a year.
    start_of_day = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    expires = start_of_day + timedelta(days=max(1, min(settings.SECURITY_TXT_DAYS, 364)))
    lines = [f"Contact: {contact}" for contact in contacts]
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    lines += ["Preferred-Languages: pl, en", f"Canonical: {canonical}"]
    return "\n".join(lines) + "\n"


def check_contacts(**kwargs: object) -> list[CheckMessage]:
    """System check: a SECURITY_CONTACT that is not a contact stops `mosty check` (and every
    start), not the first visitor of security.txt."""
    problems: list[CheckMessage] = []
    for value in settings.SECURITY_CONTACT:
        try:
            contact_uri(value)
        except ValueError as error:
            problems.append(Error(str(error), id="mosty.E001"))
    return problems
