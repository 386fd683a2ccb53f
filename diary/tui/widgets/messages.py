"""The base of our widgets' messages: like Textual's own, each names its widget as control."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


class WidgetMessage(Message):
    """A message about one widget, which `@on(..., "#id")` selects by that widget."""

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    @property
    def control(self) -> Widget:
        return self.widget
