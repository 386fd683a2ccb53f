"""WCAG contrast of what a screen draws: each visible widget's text on its background."""

from __future__ import annotations

from rich.color import Color as RichColor
from textual.widget import Widget

AA = 4.5  # WCAG AA for body text


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(color: RichColor | None) -> tuple[int, int, int] | None:
    if color is None or color.is_default:
        return None
    triplet = color.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


# The parts of widgets that draw text on the diary's screens (a DataTable's column cursor,
# a TextArea's line numbers and the like are never shown, so never checked).
DRAWN_PARTS = {
    "FooterKey": ("footer-key--key", "footer-key--description"),
    "Input": ("input--placeholder",),
    "DataTable": ("datatable--header", "datatable--cursor", "datatable--even-row"),
    "ScorePicker": ("score-picker--chosen", "score-picker--saved"),
    "TextArea": ("text-area--placeholder",),
}


def text_pairs(widget: Widget) -> list[tuple[str, float]]:
    """(what, contrast) for the widget's own text style and the parts of it drawn as text."""
    found = []
    styles = [("", widget.rich_style)]
    names = next(
        (parts for cls in type(widget).__mro__ if (parts := DRAWN_PARTS.get(cls.__name__))),
        (),
    )
    for name in names:
        styles.append((name, widget.get_component_rich_style(name)))
    base_bg = _rgb(widget.rich_style.bgcolor)
    for name, style in styles:
        fg, bg = _rgb(style.color), _rgb(style.bgcolor) or base_bg
        if fg is not None and bg is not None:
            found.append((name, ratio(fg, bg)))
    return found


def low_contrast(screen, selectors: str) -> list[str]:
    """Each visible widget matched whose text falls under AA, with its ratio."""
    low = []
    for widget in screen.query(selectors):
        if not widget.display or not widget.visible or widget.region.area == 0:
            continue
        for name, value in text_pairs(widget):
            if value < AA:
                what = f"{type(widget).__name__}#{widget.id or ''}.{'.'.join(widget.classes)}"
                low.append(f"{what} {name} {value:.2f}")
    return low


# glyphs that draw a chart, a frame or a mark rather than text to read
_GRAPHICS = set("▁▂▃▄▅▆▇█▔▎▊▌▐▀▏━╸╺─│┌┐└┘├┤┬┴╭╮╰╯▲●○◆•·…▼")


def drawn_low_contrast(svg: str) -> list[str]:
    """Each run of text in a screenshot (App.export_screenshot) whose colour falls under AA
    on the cell behind its first letter: what the screen really draws, inline styles such
    as dim or a Rich colour in a table cell too, which the widget check above cannot see."""
    import html
    import re

    def rgb(hex_colour: str) -> tuple[int, int, int]:
        return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]

    fills = dict(re.findall(r"\.(terminal-\d+-r\d+) \{ fill: (#[0-9a-f]{6})", svg))
    cells = [
        (float(x), float(y), float(w), float(h), fill)
        for fill, x, y, w, h in re.findall(
            r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" '
            r'width="([\d.]+)" height="([\d.]+)"',
            svg,
        )
    ]
    low = []
    for cls, x, y, raw in re.findall(
        r'<text class="([^"]+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg
    ):
        text = html.unescape(raw).replace("\xa0", " ")
        letters = [ch for ch in text if ch != " " and ch not in _GRAPHICS]
        if not letters or all(0x2800 <= ord(ch) <= 0x28FF for ch in letters) or cls not in fills:
            continue
        left = float(x) + (len(text) - len(text.lstrip())) * 12.2 + 1  # 12.2: a cell's width
        top = float(y) - 10
        behind = [f for cx, cy, w, h, f in cells if cy <= top <= cy + h and cx <= left < cx + w]
        if behind and (value := ratio(rgb(fills[cls]), rgb(behind[-1]))) < AA:
            low.append(f"{text.strip()[:40]!r} {value:.2f}")
    return low
