"""A note area that draws control characters and line breaks visibly, never runs them."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from diary.domain.text import shown


class NoteArea(TextArea):
    """A TextArea that draws control characters as symbols; Textual would send them raw."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = shown(line.plain)
        return line
