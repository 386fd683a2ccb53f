"""Fields that draw a note as typed: control characters and line breaks visible, never run."""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text
from textual.widgets import TextArea

from diary.display import shown


class ControlPictures(Highlighter):
    """For a one-line Input: a line break shows as ↵ and ESC as ␛ (the value is unchanged)."""

    def highlight(self, text: Text) -> None:
        text.plain = shown(text.plain, one_line=True)


class NoteArea(TextArea):
    """A TextArea that draws control characters as symbols; Textual would send them raw."""

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = shown(line.plain)
        return line
