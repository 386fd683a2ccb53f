"""The diary's two themes: Textual's dark and light, with the colours that fell short of
WCAG AA (4.5:1) for text made darker or lighter, so every text reads on its background."""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

DARK, LIGHT = "diary-dark", "diary-light"

# The cells of Year in pixels (mood 0-10 in five bands) and of the side-effect grid
# (severity 1-3): one colour per band or grade, the same in both themes, since each cell
# draws its own digit on its own colour (read by the charts from App.theme_variables).
CELL_COLOURS = {
    "mood-band-0-2": "#b2182b",
    "mood-band-3-4": "#ef8a62",
    "mood-band-5": "#bababa",
    "mood-band-6-7": "#67a9cf",
    "mood-band-8-10": "#2166ac",
    "severity-1": "#fee08b",
    "severity-2": "#fc8d59",
    "severity-3": "#d73027",
}


DIARY_DARK: Theme = replace(
    BUILTIN_THEMES["textual-dark"],
    name=DARK,
    primary="#0A5FA8",  # white text on it: buttons, the table cursor, the chosen score
    variables={
        "text-muted": "auto 70%",
        "text-disabled": "auto 62%",
        "diary-hint": "dim",
        **CELL_COLOURS,
    },
)

DIARY_LIGHT: Theme = replace(
    BUILTIN_THEMES["textual-light"],
    name=LIGHT,
    accent="#8A4B00",  # screen titles: orange-brown, not orange on grey
    variables={
        "footer-key-foreground": "#004F8B",
        "text-muted": "auto 72%",
        "text-disabled": "auto 65%",
        "diary-hint": "#505050",
        **CELL_COLOURS,
    },
)

# "diary-hint" is the style of the quieter half of a title or label ("[$diary-hint]…[/]"):
# dim on the dark theme; on the light one dim blends half way to the light grey, 2.8:1 at
# best, so a grey that reads at 4.5:1 or more on each of its backgrounds

THEMES = (DIARY_DARK, DIARY_LIGHT)
