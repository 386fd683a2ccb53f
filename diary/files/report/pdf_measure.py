"""Text laid out without fpdf2's per-character line breaker, where the answer is sure.

fpdf2 lays each table cell out twice: first with writing switched off, only for its height
(the row's height is its tallest cell), then for real. Most of the report's cells hold a
few words on one line, and for those the first pass is a sum of glyph widths: when the whole
text is narrower than the cell (by more than any rounding), fpdf2's line breaker would find
one line, whose height is the row's line height. On a layout that is only measured (never
written out) the second pass is the same sum. A paragraph's line ends follow fpdf2's word
wrap from the same widths: on a layout only measured they move the page on, and on the one
drawn each line is drawn as the one-line cell fpdf2's multi_cell would draw. Where any line
end is within SURE_BY of the edge, or the text is anything but plain, fpdf2 does it.
"""

from __future__ import annotations

import functools
import types

# the arguments fpdf2's table passes when it asks a cell for its height
_TABLE_CALL = frozenset(
    {"w", "h", "text", "max_line_height", "border", "align", "new_x", "new_y", "fill"}
    | {"markdown", "output", "wrapmode", "padding", "link"}
)
SURE_BY = 0.01  # mm: a line end at least this far from the cell's edge, either side, is sure


@functools.cache
def _table_values() -> tuple:
    """What fpdf2's table passes: the output it asks for, word wrapping, and the positions
    after the cell (as a name or as fpdf2's enum)."""
    from fpdf.enums import MethodReturnValue, WrapMode, XPos, YPos

    output = MethodReturnValue.PAGE_BREAK | MethodReturnValue.HEIGHT
    return output, WrapMode.WORD, ("RIGHT", XPos.RIGHT), ("TOP", YPos.TOP)


def _measurable(pdf, text: str) -> bool:
    """Whether text in the current font is as wide as the sum of its glyphs' widths: the
    diary's quick TrueType font, no shaping, spacing or stretching, every character in it."""
    font = pdf.current_font
    return (
        pdf.is_ttf_font
        and not pdf.text_shaping
        and not pdf.char_spacing
        and pdf.font_stretching == 100
        and getattr(font, "measures_quickly", False)
        and all(map(font.cmap.__contains__, map(ord, text)))
    )


def _room(pdf, w: float, padding) -> float:
    """The width text may take in a cell w wide: its padding off, and fpdf2's clearance on a
    side without padding."""
    room = w - padding.left - padding.right
    return room - pdf.c_margin * ((not padding.left) + (not padding.right))


def measured_only(pdf, kwargs: dict, *, discarded: bool = False) -> tuple[bool, float] | None:
    """(False, height) for a table cell fpdf2 is only measuring (writing off, or the whole
    document discarded: only laid out to be measured) whose text sets on one line with no
    page break; None when fpdf2 should work it out itself."""
    if not discarded and isinstance(getattr(pdf, "_out", None), types.MethodType):
        return None  # writing is on: the cell is being drawn
    if not _TABLE_CALL.issuperset(kwargs):
        return None
    text, w, h = kwargs.get("text"), kwargs.get("w"), kwargs.get("h")
    padding = kwargs.get("padding")
    if not (isinstance(text, str) and text and text.isprintable()):
        return None  # (isprintable: no line or page break, soft hyphen or no-break space)
    if not (isinstance(w, float | int) and w > 0 and isinstance(h, float | int) and h > 0):
        return None
    if padding is None or not all(hasattr(padding, side) for side in ("top", "left")):
        return None
    output, word, right, top = _table_values()
    if (
        kwargs.get("output") != output
        or kwargs.get("new_x") not in right
        or kwargs.get("new_y") not in top
        or kwargs.get("markdown")
        or kwargs.get("border")
        or kwargs.get("fill")
        or kwargs.get("link")
        or kwargs.get("wrapmode", word) != word
    ):
        return None
    if not _measurable(pdf, text):
        return None
    font = pdf.current_font
    room = _room(pdf, w, padding)
    if font.get_text_width(text, pdf.font_size_pt, None)[1] / pdf.k > room - SURE_BY:
        return None
    if pdf.y + padding.top + h + padding.bottom > pdf.page_break_trigger:
        return None  # it would start a page: let fpdf2 do what it does then
    pick = font.subset.pick  # the glyphs, in the order fpdf2's pass would have taken them
    for char in text:
        pick(ord(char))
    pdf.x += w  # where fpdf2 leaves it: right of the cell, at its top
    return False, h + padding.top + padding.bottom


# the arguments of a paragraph (w, h, text, then these) that measure_paragraph handles
_PARAGRAPH_CALL = frozenset({"align", "new_x", "new_y", "fill", "padding"})


def _paragraph(pdf, args: tuple, kwargs: dict):
    """(w, h, padding, new_x, line ends) of a paragraph fpdf2 would wrap by word, left
    aligned, in one style; None for anything else, or where a line's end is within SURE_BY
    of the edge, or where a line would start a page."""
    from fpdf.enums import Align, XPos, YPos
    from fpdf.util import Padding

    if len(args) != 3 or not _PARAGRAPH_CALL.issuperset(kwargs):
        return None
    w, h, text = args
    if not (isinstance(text, str) and text and text.isprintable() and text.strip() == text):
        return None
    if "  " in text or not (isinstance(w, float | int) and w >= 0 and isinstance(h, float | int)):
        return None
    if h <= 0 or Align.coerce(kwargs.get("align", "L")) != Align.L:
        return None
    new_x = XPos.coerce(kwargs.get("new_x", XPos.RIGHT))
    new_y = YPos.coerce(kwargs.get("new_y", YPos.NEXT))
    if new_x not in (XPos.RIGHT, XPos.LMARGIN) or new_y != YPos.NEXT:
        return None
    if pdf.underline or not _measurable(pdf, text):
        return None
    font = pdf.current_font
    padding = Padding.new(kwargs.get("padding", 0))
    if w == 0:
        w = pdf.w - pdf.r_margin - pdf.x
    room = _room(pdf, w, padding)
    ends = _line_ends(text, [font.cw[ord(char)] for char in text], pdf.font_size_pt, pdf.k, room)
    if ends is None:
        return None
    if pdf.y + padding.top + len(ends) * h + padding.bottom > pdf.page_break_trigger - SURE_BY:
        return None  # a line would start a page: fpdf2 does what it does then
    return w, h, padding, new_x, ends


def measured_paragraph(pdf, args: tuple, kwargs: dict) -> bool | None:
    """On a layout only measured (never written out): a paragraph's lines counted by fpdf2's
    own rule (word wrap, left aligned: a line ends at its last space before the text would
    pass the cell's edge, or at the character when it has none), the page moved on as fpdf2
    moves it, and False (no page break) returned; None where a line's end is within SURE_BY
    of the edge or anything else is unusual: fpdf2 does it."""
    from fpdf.enums import XPos

    found = _paragraph(pdf, args, kwargs)
    if found is None:
        return None
    w, h, padding, new_x, ends = found
    start_x = pdf.x
    y = pdf.y + padding.top
    for _ in ends:  # as fpdf2 adds them, line by line
        y += h
    pdf.y = y + padding.bottom
    if new_x == XPos.LMARGIN:
        pdf.x = pdf.l_margin
    else:  # right of the cell, past its padding
        pdf.x = start_x + padding.left + (w - padding.right - padding.left) + padding.right
    return False


def drawn_paragraph(pdf, args: tuple, kwargs: dict) -> bool | None:
    """A paragraph with no padding or fill drawn line by line as fpdf2's multi_cell draws
    it (each line is the same one-line cell it would make), its lines found as above;
    None where fpdf2 should wrap it itself."""
    from fpdf.enums import XPos

    if kwargs.get("fill") or kwargs.get("padding"):
        return None
    found = _paragraph(pdf, args, kwargs)
    if found is None:
        return None
    w, h, _, new_x, ends = found
    text, start = args[2], 0
    for number, (end, resume) in enumerate(ends, 1):
        last = number == len(ends)
        pdf.cell(
            w, h, text[start:end], align="L", new_x=new_x if last else XPos.LEFT, new_y="NEXT"
        )
        start = resume
    return False


def _line_ends(
    text: str, units: list[int], size_pt: float, k: float, room: float
) -> list[tuple[int, int]] | None:
    """Where fpdf2's word wrap ends each line of text (one style, no line breaks in it) and
    where the next begins, from its glyph widths in font units; None where any decision is
    within SURE_BY."""
    scale = size_pt * 0.001
    ends: list[tuple[int, int]] = []
    start, end = 0, len(text)
    while start < end:
        total, space, at = 0, None, start
        while at < end:
            over = (total * scale) / k + (units[at] * scale) / k - room
            if abs(over) < SURE_BY:
                return None
            if over > 0:
                break
            if text[at] == " ":
                space = at
            total += units[at]
            at += 1
        if at == end:
            ends.append((end, end))
            break
        if text[at] == " ":  # the space the line would pass the edge at goes
            ends.append((at, at + 1))
        elif space is not None:  # back to the line's last space, which goes
            ends.append((space, space + 1))
        elif at > start:  # one long word: cut where it reaches the edge
            ends.append((at, at))
        else:
            return None  # not even one character fits: fpdf2 raises
        start = ends[-1][1]
    return ends
