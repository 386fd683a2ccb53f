"""A printed line with typed text or a file name in it: control characters are drawn as
text (domain.text.shown), never sent to the terminal, where an escape sequence in a name
would act."""

from __future__ import annotations

import sys
from typing import TextIO

from diary.domain.text import shown


def show(line: str, *, one_line: bool = True, file: TextIO | None = None) -> None:
    """Print line drawn as text (one_line: a line break in it shows as ↵)."""
    print(shown(line, one_line=one_line), file=file or sys.stdout)
