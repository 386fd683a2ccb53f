"""A one-line field's highlighter that shows control characters instead of running them."""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text

from diary.domain.text import shown


class ControlPictures(Highlighter):
    """For a one-line Input: a line break shows as ↵ and ESC as ␛ (the value is unchanged)."""

    def highlight(self, text: Text) -> None:
        text.plain = shown(text.plain, one_line=True)
