"""The register of processing (rejestr czynności przetwarzania, art. 30 RODO), read from the
`PERSONAL_DATA` declarations of the models of every installed Mosty app."""
from dataclasses import dataclass
from typing import Any
from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q, QuerySet

from mosty.core.personal_data import Basis, Category, Erase, NoPersonalData, PersonalData

# Field names that hold data about a person; a model with one of them (or a link to a user)
# must declare what it holds.
PERSONAL_NAMES = frozenset({
    "email", "phone", "name", "first_name", "last_name", "full_name", "surname", "pesel",
    "address", "ip", "ip_address", "user_agent", "birth_date", "representative", "person",
})


@dataclass(frozen=True)
class Entry:
    model: type[models.Model]
    declaration: PersonalData

    @property
    def label(self) -> str:
        return self.model._meta.label

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def category(self) -> str:
        return str(Category(self.declaration.category).label)

    @property
    def basis(self) -> str:
        return str(Basis(self.declaration.basis).label)

    @property
    def on_erasure(self) -> str:
        label = str(Erase(self.declaration.erase).label)
        if self.declaration.keep is not None:
            return f"{label}; {self.declaration.kept}: {Erase.KEEP.label}"
        return label

    def field_names(self) -> list[str]:
        return [str(getattr(self.model._meta.get_field(name), "verbose_name", name))
                for name in self.declaration.fields]


def mosty_models() -> list[type[models.Model]]:
    return [model for model in apps.get_models()
            if model._meta.app_config.name.startswith("mosty.")]


def entries() -> list[Entry]:
    """Every model that declares personal data, ordered by category and app."""
    found = [Entry(model, declaration) for model in mosty_models()
             if isinstance(declaration := getattr(model, "PERSONAL_DATA", None), PersonalData)]
    return sorted(found, key=lambda entry: (entry.declaration.category, entry.label))


def _model(model: type[models.Model] | str | None) -> type[models.Model] | None:
    """A related model, which is still a label in a model being defined (tests)."""
    return apps.get_model(model) if isinstance(model, str) else model


def _is_user(model: type[models.Model] | str | None) -> bool:
    model = _model(model)
    return model is not None and model._meta.label == settings.AUTH_USER_MODEL


def looks_personal(model: type[models.Model]) -> list[str]:
    """The fields that make a model look as if it held personal data."""
    found = []
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # reverse relations belong to the other model
        if field.name in PERSONAL_NAMES or (field.is_relation and _is_user(field.related_model)):
            found.append(field.name)
    return found


def target(model: type[models.Model], lookup: str) -> Any:
    """The field a `__` lookup path ends at; FieldDoesNotExist when it does not resolve."""
    field = None
    current: type[models.Model] | None = model
    for part in lookup.split("__"):
        if current is None:
            raise FieldDoesNotExist(lookup)
        field = current._meta.get_field(part)
        current = _model(field.related_model) if field.is_relation else None
    assert field is not None
    return field


def declaration_problems(model: type[models.Model]) -> list[str]:
    """What is missing or wrong in one model's declaration, in words that say what to add."""
    label = model._meta.label
    declaration = getattr(model, "PERSONAL_DATA", None)
    if isinstance(declaration, NoPersonalData):
        return []
    if declaration is None:
        fields = looks_personal(model)
        if not fields:
            return []
        return [f"{label} has fields that look personal ({', '.join(fields)}) but no "
                "declaration. Add to the model class:\n"
                "    PERSONAL_DATA = PersonalData(Category.<CATEGORY>, _(\"<purpose>\"), "
                "Basis.<BASIS>, <retention>, person=(<lookups to the user the row is about>,), "
                "actors=(<lookups to users who created or changed it>,), "
                f"fields=({''.join(repr(f) + ', ' for f in fields if f in PERSONAL_NAMES)}), "
                "erase=Erase.<DELETE|ANONYMISE|KEEP>)\n"
                "(from mosty.core.personal_data import ...), or, if the fields are not about "
                "people, `PERSONAL_DATA = NoPersonalData(\"<why>\")`. See docs/privacy.md."]
    problems = []
    for name in declaration.fields:
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            problems.append(f"{label}.PERSONAL_DATA.fields names {name!r}, which is no field.")
    for lookup in (*declaration.person, *declaration.actors):
        try:
            field = target(model, lookup)
        except FieldDoesNotExist:
            problems.append(f"{label}.PERSONAL_DATA: the lookup {lookup!r} does not resolve.")
            continue
        if not _is_user(field.related_model):
            problems.append(f"{label}.PERSONAL_DATA: the lookup {lookup!r} does not lead to "
                            f"{settings.AUTH_USER_MODEL}.")
    links = {lookup.split("__")[0] for lookup in (*declaration.person, *declaration.actors)}
    for field in model._meta.get_fields():
        if field.concrete and field.is_relation and _is_user(field.related_model) \
                and field.name not in links:
            problems.append(f"{label}.{field.name} links to a user but is in neither `person` "
                            "nor `actors` of its PERSONAL_DATA declaration.")
    return problems


def rows_about(entry: Entry, user: models.Model) -> QuerySet:
    """The rows of the entry's model that are about `user` (by a link or by the address)."""
    conditions = [Q(**{lookup: user}) for lookup in entry.declaration.person]
    email = str(getattr(user, "email", None) or "")
    if "email" in entry.declaration.fields and email:
        conditions.append(Q(email__iexact=email))
    if not conditions:
        return entry.model._default_manager.none()
    return entry.model._default_manager.filter(reduce(or_, conditions)).distinct()


def rows_by(entry: Entry, user: models.Model) -> QuerySet:
    """The rows of the entry's model that `user` created or changed."""
    if not entry.declaration.actors:
        return entry.model._default_manager.none()
    condition = reduce(or_, [Q(**{lookup: user}) for lookup in entry.declaration.actors])
    return entry.model._default_manager.filter(condition).distinct()
