"""How a model declares the personal data it holds (RODO / GDPR).

Every model with personal data carries a class constant `PERSONAL_DATA = PersonalData(...)`
(or `NoPersonalData(reason)` when its names are of places or programmes, not people). The
`privacy` app reads the declarations through the app registry: it prints the register of
processing from them, builds a person's data archive and erases an account with them, and its
tests fail when a model that looks personal has no declaration. Apps therefore import only this
module of core, never `privacy`.

`expires` names a date-time field of rows kept only for a while (files prepared for
download): once it has passed, `privacy_retention` deletes the row and its files.

`person` are the lookups (from the model) that lead to the user the row is *about*: erasing
that user deletes, anonymises or keeps the row as `erase` says. `actors` are lookups to users
who only *did* something to the row (created it, decided it): the row is exported to them and
kept as it is on erasure, pointing to the anonymised account. A declared field named `email`
also finds rows about the person by their address (contact persons, invitations).
"""
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    ACCOUNT = "account", _("account and login data")
    CONTACT = "contact", _("contact data")
    MEMBERSHIP = "membership", _("memberships and roles")
    APPLICATION = "application", _("application contents")
    REVIEW = "review", _("evaluations of applications")
    EVENT = "event", _("event participation")
    NETWORKING = "networking", _("networking participation")
    CONTENT = "content", _("content written by the person")
    AUTHORSHIP = "authorship", _("authorship of records (who created or changed them)")
    AGREEMENT = "agreement", _("partnership agreements")
    SURVEY = "survey", _("survey answers")
    CONSENT = "consent", _("consents")
    AUDIT = "audit", _("audit log")
    TECHNICAL = "technical", _("technical data (tokens, exports)")


class Basis(models.TextChoices):
    """Legal bases of art. 6(1) RODO."""

    CONSENT = "a", _("art. 6(1)(a) RODO: consent")
    CONTRACT = "b", _("art. 6(1)(b) RODO: the terms of use (a contract)")
    LEGAL_OBLIGATION = "c", _("art. 6(1)(c) RODO: a legal obligation of the controller")
    PUBLIC_TASK = "e", _("art. 6(1)(e) RODO: a task in the public interest")


class Erase(models.TextChoices):
    DELETE = "delete", _("deleted")
    ANONYMISE = "anonymise", _("personal fields cleared, the record kept")
    KEEP = "keep", _("kept as the law requires, without the person's identifiers")


UNTIL_ERASED = _("until the account is erased (at the person's request or after the inactivity "
                 "period)")
WITH_RECORD = _("as long as the record it belongs to")
PROGRAMME_ARCHIVE = _("for the archiving period of the programme's documentation (public funds: "
                      "usually 5 years after the programme ends), then deleted")


@dataclass(frozen=True)
class PersonalData:
    category: str
    purpose: str | Promise
    basis: str
    retention: str | Promise
    person: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    erase: str = Erase.ANONYMISE
    # Rows the law requires to keep: anonymised and kept even when `erase` is DELETE;
    # `kept` says which in words, for the register.
    keep: Q | None = None
    kept: str | Promise = ""
    expires: str = ""


@dataclass(frozen=True)
class NoPersonalData:
    """A model whose person-like fields (e.g. `name`) are not about people."""

    reason: str
