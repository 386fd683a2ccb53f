"""One symptom's severity, 0-3, shown in words as well as colour; digits and arrows set it."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from diary.domain import Severity
from diary.domain.text import shown
from diary.tui.widgets.messages import WidgetMessage


class SeverityPicker(Widget, can_focus=True):
    """A symptom label followed by none / mild / moderate / severe; the chosen one bracketed."""

    DEFAULT_CSS = """
    SeverityPicker { height: 1; width: 1fr; }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        Binding("up", "move(-1)", "Previous symptom", show=False),
        Binding("down", "move(1)", "Next symptom", show=False),
    ]

    COMPONENT_CLASSES = {
        "severity-picker--label",
        "severity-picker--0",
        "severity-picker--1",
        "severity-picker--2",
        "severity-picker--3",
    }

    severity: reactive[Severity] = reactive(Severity.NONE)

    class Changed(WidgetMessage):
        """The severity changed."""

        def __init__(self, picker: SeverityPicker, severity: Severity) -> None:
            super().__init__(picker)
            self.severity = severity

    def __init__(
        self,
        symptom: str,
        label: str,
        severity: Severity = Severity.NONE,
        *,
        id: str | None = None,
        label_width: int = 24,
    ) -> None:
        super().__init__(id=id)
        self.symptom = symptom
        self.label = label
        self.label_width = label_width  # the grid gives its longest label's width, so all align
        self.set_reactive(SeverityPicker.severity, Severity(severity))

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(
            f"{shown(self.label, one_line=True)[: self.label_width - 1]:<{self.label_width}}",
            style=self.get_component_rich_style("severity-picker--label"),
        )
        for level in Severity:
            word = f"{int(level)} {level.word}"
            if level == self.severity:
                style = self.get_component_rich_style(f"severity-picker--{int(level)}")
                text.append(f"[{word}]", style=style)
            else:
                text.append(f" {word} ", style="dim")
        return text

    def watch_severity(self, severity: Severity) -> None:
        self.post_message(self.Changed(self, severity))

    def on_key(self, event) -> None:
        if event.character in ("0", "1", "2", "3"):
            self.severity = Severity(int(event.character))
            event.stop()
            event.prevent_default()

    def action_step(self, delta: int) -> None:
        self.severity = Severity(max(0, min(3, int(self.severity) + delta)))

    def action_move(self, delta: int) -> None:
        """Up/down go to the neighbouring symptom, past the grid's ends to the next field."""
        pickers = list(self.screen.query(SeverityPicker))
        target = pickers.index(self) + delta
        if 0 <= target < len(pickers):
            pickers[target].focus()
        elif delta > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()
