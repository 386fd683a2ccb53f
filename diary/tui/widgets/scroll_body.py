"""A screen's scrolling body: a tab stop only when it holds more than fits."""

from __future__ import annotations

from textual.containers import VerticalScroll


class ScrollBody(VerticalScroll):
    """A VerticalScroll that takes the focus only when there is more to scroll to (then
    ↑/↓ and PageUp/PageDown move it, and its scroll bar shows it has the focus).

    A plain VerticalScroll is a tab stop even when all of it fits: Tab from a form's last
    field then lands on nothing to be seen, and what is typed next goes nowhere.
    """

    def allow_focus(self) -> bool:
        return self.can_focus and self.allow_vertical_scroll
