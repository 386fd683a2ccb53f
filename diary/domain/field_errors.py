"""The errors of one form, one per field: the app marks them all, a command says the first."""

from __future__ import annotations

from diary.domain.errors import ValidationError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood` needs none)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")


class FieldErrors:
    """The errors of one form, in the order the fields were read, one per field key."""

    def __init__(self) -> None:
        self.by_key: dict[str, ValidationError] = {}

    def attempt(self, key: str, parse: Callable[[], T]) -> T | None:
        """parse(), or None with its error kept under key (the first error of a key wins)."""
        try:
            return parse()
        except ValidationError as error:
            self.by_key.setdefault(key, error.keyed(key))
            return None

    def optional(self, key: str, text: str | None, parse: Callable[[str], T]) -> T | None:
        """parse(text), or None when the field was not given (None)."""
        return None if text is None else self.attempt(key, lambda: parse(text))

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def first(self) -> ValidationError:
        return next(iter(self.by_key.values()))
