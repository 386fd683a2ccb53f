"""Typed text made safe to draw on a terminal: control characters become visible symbols.

What is stored keeps every character as typed; only what is drawn changes. Drawn raw, ESC
would start an escape sequence in the person's terminal and a line break would break a
one-line field. Each character maps to one character, so a cursor keeps its place.
"""

from __future__ import annotations

_PICTURES = {code: 0x2400 + code for code in range(0x20)}  # ␀ … ␟, U+2400-U+241F
_PICTURES[0x7F] = 0x2421  # ␡
_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))  # C1 controls (0x9B is a CSI)
_KEEP = ("\t", "\n", "\r")  # what a terminal widget lays out itself (Rich drops a bare CR)
MULTI_LINE = str.maketrans({chr(c): chr(p) for c, p in _PICTURES.items() if chr(c) not in _KEEP})
ONE_LINE = str.maketrans(
    {**{chr(c): chr(p) for c, p in _PICTURES.items() if chr(c) != "\t"}, "\n": "↵"}
)


def shown(text: str, *, one_line: bool = False) -> str:
    """text with each control character drawn as a symbol; tabs and line breaks kept,
    unless one_line, where a line break shows as ↵."""
    return text.translate(ONE_LINE if one_line else MULTI_LINE)
