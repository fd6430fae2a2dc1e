from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.text import capfirst


class DomainError(Exception):
    """A translated reason why a state change cannot be made.

    Services raise a subclass of it; views show `message` next to `field` (or above the form
    when it is None) and the API answers 400 with it.
    """

    def __init__(self, message: str = "", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def check_model(obj: models.Model, error: type[DomainError], exclude: Iterable[str] = ()
                ) -> None:
    """Raise `error` with the first problem the model's own rules (lengths, choices,
    validators) find in `obj`, e.g. "KRS: A KRS number has exactly 10 digits."."""
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as problem:
        field, messages = next(iter(problem.message_dict.items()))
        message = " ".join(messages)
        if field == NON_FIELD_ERRORS:
            raise error(message) from problem
        model_field = obj._meta.get_field(field)
        # full_clean reports the model's own fields, never a reverse relation.
        assert isinstance(model_field, models.Field)
        label = capfirst(str(model_field.verbose_name))
        raise error(f"{label}: {message}", field) from problem
