"""A 0-10 (or any small range) picker driven by arrows and digits; the value shows as text."""

from __future__ import annotations

from time import monotonic

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from diary.tui.widgets.messages import WidgetMessage

TEN_WINDOW_S = 1.0  # "1" then "0" within this time picks 10


class PickerMessage(WidgetMessage):
    """A message from a ScorePicker, carrying its value."""

    def __init__(self, picker: ScorePicker, value: int | None) -> None:
        super().__init__(picker)
        self.value = value


class ScorePicker(Widget, can_focus=True):
    """Pick a whole number from low to high; None means not picked yet.

    Digits pick at once, "1" then "0" picks 10, left/right step, home/end jump to the ends,
    backspace clears, enter submits.
    """

    DEFAULT_CSS = """
    ScorePicker { height: 1; width: auto; min-width: 40; }
    """

    BINDINGS = [
        Binding("left,minus", "step(-1)", "Lower", show=False),
        Binding("right,plus,equals_sign", "step(1)", "Higher", show=False),
        Binding("home", "jump('low')", "Lowest", show=False),
        Binding("end", "jump('high')", "Highest", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
        Binding("enter", "submit", "Save", show=False),
    ]

    COMPONENT_CLASSES = {"score-picker--chosen", "score-picker--saved"}

    value: reactive[int | None] = reactive(None)
    saved: reactive[int | None] = reactive(None)

    class Changed(PickerMessage):
        """The picked value changed."""

    class Submitted(PickerMessage):
        """Enter was pressed on the picker."""

    def __init__(
        self,
        low: int = 0,
        high: int = 10,
        value: int | None = None,
        *,
        label: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.low = low
        self.high = high
        self.set_reactive(ScorePicker.value, value)
        self._last_one_at = 0.0

    def render(self) -> Text:
        chosen = self.get_component_rich_style("score-picker--chosen")
        saved_style = self.get_component_rich_style("score-picker--saved")
        text = Text(self.label)
        for number in range(self.low, self.high + 1):
            if number == self.value:
                text.append(f"[{number}]", style=chosen)
            elif number == self.saved:
                text.append(f"({number})", style=saved_style)
            else:
                text.append(f" {number} ")
        shown = "not picked" if self.value is None else f"{self.value}/{self.high}"
        text.append(f"  {shown}")
        return text

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def on_key(self, event) -> None:  # digits are many keys: handled here, not as bindings
        if event.character is None or not event.character.isdigit():
            return
        digit = int(event.character)
        now = monotonic()
        if digit == 0 and self.value == 1 and now - self._last_one_at < TEN_WINDOW_S:
            candidate = 10
        else:
            candidate = digit
        self._last_one_at = now if digit == 1 else 0.0
        if self.low <= candidate <= self.high:
            self.value = candidate
        event.stop()
        event.prevent_default()

    def action_step(self, delta: int) -> None:
        if self.value is None:
            self.value = self.saved if self.saved is not None else (self.low + self.high) // 2
        else:
            self.value = max(self.low, min(self.high, self.value + delta))

    def action_jump(self, end: str) -> None:
        self.value = self.low if end == "low" else self.high

    def action_clear(self) -> None:
        self.value = None

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.value))
