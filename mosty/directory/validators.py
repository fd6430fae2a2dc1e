"""Checks of Polish registry numbers (NIP, REGON, KRS), with messages for users."""
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.pl import nip, regon


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def normalise_number(value: str) -> str:
    """Drop spaces, dashes and a leading country prefix that people paste from documents."""
    value = value.strip().upper()
    if value.startswith("PL"):
        value = value[2:]
    return _digits(value) if value and all(ch.isdigit() or ch in " -" for ch in value) else value


def validate_nip(value: str) -> None:
    if not nip.is_valid(value):
        raise ValidationError(_("This is not a valid NIP (10 digits with a correct checksum)."),
                              code="invalid_nip")


def validate_regon(value: str) -> None:
    if not regon.is_valid(value):
        raise ValidationError(
            _("This is not a valid REGON (9 or 14 digits with a correct checksum)."),
            code="invalid_regon")


def validate_krs(value: str) -> None:
    if not (value.isdigit() and len(value) == 10):
        raise ValidationError(_("A KRS number has exactly 10 digits."), code="invalid_krs")
