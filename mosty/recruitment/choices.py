"""The vocabularies of recruitment: question kinds, statuses, who may apply, file types."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from mosty.core.uploads import TYPE_LABELS


class QuestionKind(models.TextChoices):
    TEXT = "text", _("short text")
    LONG_TEXT = "long_text", _("long text")
    CHOICE = "choice", _("one choice")
    MULTIPLE_CHOICE = "multiple_choice", _("multiple choice")
    YES_NO = "yes_no", _("yes / no")
    DATE = "date", _("date")
    NUMBER = "number", _("number")
    FILE = "file", _("file (attachment)")


# Kinds whose answers pick from the options the coordinator lists.
KINDS_WITH_OPTIONS = {QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE}


class ApplicantMode(models.TextChoices):
    SINGLE = "single", _("a person on behalf of an organisation")
    PAIR = "pair", _("an organisation applying as a pair with its partner")
    EITHER = "either", _("either alone or as a pair with a partner")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    ACCEPTED = "accepted", _("accepted")
    WAITLISTED = "waitlisted", _("on the waiting list")
    REJECTED = "rejected", _("rejected")


# Every status but the draft: what reviewers see and capacity counts.
SUBMITTED_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED)
# Statuses a coordinator may set on a submitted application.
DECISIONS = (Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED)


class FileType(models.TextChoices):
    """File types an application's attachment may have, recognised by their content
    (mosty.core.uploads), never by their name; labelled as everywhere else."""

    PDF = "pdf", TYPE_LABELS["pdf"]
    DOCX = "docx", TYPE_LABELS["docx"]
    XLSX = "xlsx", TYPE_LABELS["xlsx"]
    ODT = "odt", TYPE_LABELS["odt"]
    JPG = "jpg", TYPE_LABELS["jpg"]
    PNG = "png", TYPE_LABELS["png"]
