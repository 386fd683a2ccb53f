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
