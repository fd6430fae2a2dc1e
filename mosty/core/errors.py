class DomainError(Exception):
    """A translated reason why a state change cannot be made.

    Services raise a subclass of it; views show `message` next to `field` (or above the form
    when it is None) and the API answers 400 with it.
    """

    def __init__(self, message: str = "", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
