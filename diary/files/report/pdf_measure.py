"""A table cell's height without fpdf2's line breaking, where the answer is sure.

fpdf2 lays each table cell out twice: first with writing switched off, only for its height
(the row's height is its tallest cell), then for real. Most of the report's cells hold a
few words on one line, and for those the first pass is a sum of glyph widths: when the whole
text is narrower than the cell (by more than any rounding), fpdf2's line breaker would find
one line, whose height is the row's line height. On a layout that is only measured (never
written out) the second pass is the same sum. Anything else goes to fpdf2.
"""

from __future__ import annotations

import functools
import types

# the arguments fpdf2's table passes when it asks a cell for its height
_TABLE_CALL = frozenset(
    {"w", "h", "text", "max_line_height", "border", "align", "new_x", "new_y", "fill"}
    | {"markdown", "output", "wrapmode", "padding", "link"}
)
SURE_BY = 0.01  # mm: narrower than the cell by at least this, the text surely sets on one line


@functools.cache
def _table_values() -> tuple:
    """What fpdf2's table passes: the output it asks for, word wrapping, and the positions
    after the cell (as a name or as fpdf2's enum)."""
    from fpdf.enums import MethodReturnValue, WrapMode, XPos, YPos

    output = MethodReturnValue.PAGE_BREAK | MethodReturnValue.HEIGHT
    return output, WrapMode.WORD, ("RIGHT", XPos.RIGHT), ("TOP", YPos.TOP)


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
    font = pdf.current_font
    if (
        not pdf.is_ttf_font
        or pdf.text_shaping
        or pdf.char_spacing
        or pdf.font_stretching != 100
        or not getattr(font, "measures_quickly", False)
        or not all(map(font.cmap.__contains__, map(ord, text)))
    ):
        return None
    room = w - padding.left - padding.right
    room -= pdf.c_margin * ((not padding.left) + (not padding.right))  # fpdf2's clearance
    if font.get_text_width(text, pdf.font_size_pt, None)[1] / pdf.k > room - SURE_BY:
        return None
    if pdf.y + padding.top + h + padding.bottom > pdf.page_break_trigger:
        return None  # it would start a page: let fpdf2 do what it does then
    pick = font.subset.pick  # the glyphs, in the order fpdf2's pass would have taken them
    for char in text:
        pick(ord(char))
    pdf.x += w  # where fpdf2 leaves it: right of the cell, at its top
    return False, h + padding.top + padding.bottom
