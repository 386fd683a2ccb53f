"""The footer's keys: one key and what it does, the words of a binding group, a group's keys
side by side. Textual keeps its own in a private module (textual.widgets._footer), so these
follow them, with the same names (the Footer's stylesheet and app.tcss select them by name)
and the same look. A module of their own: the footer lays its keys out once the screen's
bindings are known, after the first frame, so their classes are made then.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Label


class FooterKey(Widget):
    """One key and what it does; a click presses the key (a bell if it does nothing here)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    FooterKey {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
    }
    """

    def __init__(
        self,
        key: str,
        key_display: str,
        description: str,
        action: str,
        *,
        enabled: bool = True,
        tooltip: str = "",
        classes: str = "",
    ) -> None:
        super().__init__(classes=classes if enabled else f"{classes} -disabled")
        self.key, self.key_display, self.description = key, key_display, description
        self.action, self.enabled = action, enabled
        self.set_reactive(Widget.shrink, False)
        if tooltip:
            self.tooltip = tooltip

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        if self.description:
            key = self.get_component_styles("footer-key--key").padding
            words = self.get_component_styles("footer-key--description").padding
            text = Text.assemble(
                (" " * key.left + self.key_display + " " * key.right, key_style),
                (
                    " " * words.left + self.description + " " * words.right,
                    self.get_component_rich_style("footer-key--description"),
                ),
            )
        else:  # a key of a group: the group's label says what it does
            text = Text.assemble((self.key_display, key_style))
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.enabled:
            self.app.simulate_key(self.key)
        else:
            self.app.bell()


class FooterLabel(Label):
    """The words of a binding group (after its keys)."""


class KeyGroup(HorizontalGroup):
    """The keys of one binding group, side by side."""

    DEFAULT_CSS = """
    KeyGroup { width: auto; }
    """
