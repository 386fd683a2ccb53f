"""A light one-line field for a short number (hours of sleep): digits, a point, backspace."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from diary.tui.widgets.messages import WidgetMessage


class NumberField(Widget, can_focus=True):
    """Typed digits and one decimal point, up to `width` characters; Enter submits.

    Lighter than an Input (no cursor, no selection), so a form of several numbers opens fast.
    The text is checked by the domain's validation when the form is saved, not here.
    """

    DEFAULT_CSS = """
    NumberField { height: 1; width: 14; }
    """

    BINDINGS = [
        Binding("backspace,delete", "erase", "Erase", show=False),
        Binding("enter", "submit", "Save", show=False),
    ]

    COMPONENT_CLASSES = {"number-field--placeholder"}

    value: reactive[str] = reactive("")

    class Submitted(WidgetMessage):
        """Enter was pressed in the field."""

    def __init__(
        self,
        *,
        label: str = "",
        unit: str = "",
        placeholder: str = "",
        width: int = 5,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.unit = unit
        self.placeholder = placeholder
        self.width = width

    def render(self) -> Text:
        text = Text(self.label)
        if not self.value:
            placeholder = self.get_component_rich_style("number-field--placeholder")
            text.append(self.placeholder, style=placeholder)
        else:
            text.append(self.value + ("▏" if self.has_focus else "") + self.unit)
        return text

    def on_key(self, event) -> None:
        character = event.character
        if character is None or not (character.isdigit() or character in ".,"):
            return
        event.stop()
        event.prevent_default()
        if not character.isascii():
            return
        if len(self.value) < self.width:
            self.value += "." if character == "," else character

    def action_erase(self) -> None:
        self.value = self.value[:-1]

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))

    def _on_focus(self) -> None:
        self.refresh()

    def _on_blur(self) -> None:
        self.refresh()
