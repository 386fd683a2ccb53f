"""A one-line text field that never selects its text on focus, so a key never replaces it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TextField(Input):
    """An Input whose focus puts the cursor at the end of the text instead of selecting it.

    Textual's Input selects everything on focus; the first key typed then replaces a saved
    note without a word. Here tabbing in leaves the text as it is, cursor after it.
    """

    def __init__(self, value: str | None = None, *, compact: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)
        if compact:
            # as Input(compact=True) does, without its restyle of a field not yet mounted
            # (a first paint's worth of it: Today's note is one)
            self.set_reactive(Input.compact, True)
            self.add_class("-textual-compact", update=False)

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        if not event.from_app_focus:
            self.cursor_position = len(self.value)
