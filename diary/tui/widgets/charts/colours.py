"""The charts' colours, read from the app's theme so light and dark both stay legible:
text in the foreground colour, reference lines a step quieter, data in the theme's text
colours (each at least 3:1 on the chart's background, the WCAG level for graphics); and
for a digit drawn on a coloured cell (Pixels, the side-effect grid), black or white,
whichever reads better (WCAG contrast)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.color import BLACK, WHITE, Color

RGB = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class ChartColours:
    """Colours for plotext, as RGB triples."""

    text: RGB
    canvas: RGB
    reference: RGB
    series: tuple[RGB, ...]
    flag: RGB


def _rgb(variables: Mapping[str, str], name: str, over: Color) -> Color:
    colour = Color.parse(variables[name])
    return over.blend(colour.with_alpha(1), colour.a) if colour.a < 1 else colour


def chart_colours(variables: Mapping[str, str]) -> ChartColours:
    """The chart colours of a theme, from its variables (App.theme_variables)."""
    canvas = Color.parse(variables["surface"])
    text = _rgb(variables, "foreground", canvas)
    return ChartColours(
        text=text.rgb,
        canvas=canvas.rgb,
        reference=canvas.blend(text, 0.7).rgb,
        series=tuple(
            _rgb(variables, name, canvas).rgb
            for name in ("text-primary", "text-success", "text-secondary")
        ),
        flag=_rgb(variables, "text-error", canvas).rgb,
    )


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two '#rrggbb' colours (1 to 21)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def digit_colour(background: str) -> str:
    """Black or white, whichever has the higher contrast on this background."""
    return max((BLACK.hex, WHITE.hex), key=lambda text: contrast(text, background))
