"""The error line under a form field, which knows the field it speaks for."""

from __future__ import annotations

from textual.widgets import Static


class FieldError(Static):
    """One field's error line (hidden until the form shows an error for `field`)."""

    def __init__(self, field: str) -> None:
        super().__init__("", id=f"error-{field}", classes="field-error")
        self.field = field
