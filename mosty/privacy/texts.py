"""The versions of the texts people agree to.

A new version of the terms (or of the privacy notice they include) gets a new date here and a
new template `privacy/texts/terms_<version>.html`; the old template stays, so a consent record
always points to the words the person saw. Signed-in people are asked to accept the new
version on their next request (privacy.middleware).
"""
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    TERMS = "terms", _("terms of use and privacy notice")
    NEWSLETTER = "newsletter", _("the programme's newsletter by e-mail")


# purpose → the current version of its text
VERSIONS: dict[str, str] = {
    Purpose.TERMS: "2026-12-03",
    Purpose.NEWSLETTER: "2026-12-03",
}

# Purposes a person may give or withdraw at any time on their account page (art. 7(3) RODO).
OPTIONAL: tuple[str, ...] = (Purpose.NEWSLETTER,)

DESCRIPTIONS: dict[str, Promise] = {
    Purpose.NEWSLETTER: _("I want to receive the programme's newsletter by e-mail (news about "
                          "events, recruitment calls and partnerships, at most twice a month). "
                          "I can withdraw this consent at any time on my account page."),
}


def current_version(purpose: str) -> str:
    return VERSIONS[purpose]
