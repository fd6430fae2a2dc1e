import pytest
from django.core.exceptions import ValidationError

from mosty.directory.models import Territory
from mosty.directory.territories import resolve_gmina
from mosty.directory.validators import normalise_number, validate_krs, validate_nip, validate_regon


@pytest.mark.django_db
def test_the_whole_teryt_register_is_loaded():
    assert Territory.objects.filter(level="voivodeship").count() == 16
    # 314 land powiats, 65 cities with powiat rights, Warsaw
    assert Territory.objects.filter(level="powiat").count() == 380
    assert Territory.objects.filter(level="gmina").count() == 2477
    poznan = Territory.objects.select_related("parent__parent").get(code="3064011")
    assert (poznan.name, poznan.parent.name, poznan.parent.parent.name) == (
        "Poznań", "Poznań", "wielkopolskie")


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "code", "reason"), [
    ("Śmigiel", "3011053", ""),
    ("śmigiel", "3011053", ""),
    ("3011053", "3011053", ""),
    ("Śmigiel (gmina miejsko-wiejska), pow. kościański, woj. wielkopolskie [3011053]",
     "3011053", ""),
    ("Bolesławiec", None, "ambiguous"),
    ("Atlantyda", None, "unknown_name"),
    ("1234567", None, "unknown_code"),
])
def test_gminas_are_found_by_name_code_or_label(text, code, reason):
    gmina, why = resolve_gmina(text)
    assert (gmina.code if gmina else None, why) == (code, reason)


@pytest.mark.parametrize("value", ["5260001246", "1132853869"])
def test_valid_nip(value):
    validate_nip(value)


@pytest.mark.parametrize("value", ["5260001245", "123", "abcdefghij"])
def test_invalid_nip(value):
    with pytest.raises(ValidationError):
        validate_nip(value)


def test_regon_and_krs():
    validate_regon("123456785")
    with pytest.raises(ValidationError):
        validate_regon("123456789")
    validate_krs("0000123456")
    with pytest.raises(ValidationError):
        validate_krs("12345")


def test_numbers_are_normalised_as_people_paste_them():
    assert normalise_number("PL 526-000-12-46") == "5260001246"
    assert normalise_number(" 123 456 785 ") == "123456785"
    assert normalise_number("12a") == "12A"
