"""The diary's two themes: Textual's dark and light, with the colours that fell short of
WCAG AA (4.5:1) for text made darker or lighter, so every text reads on its background."""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

DARK, LIGHT = "diary-dark", "diary-light"

DIARY_DARK: Theme = replace(
    BUILTIN_THEMES["textual-dark"],
    name=DARK,
    primary="#0A5FA8",  # white text on it: buttons, the table cursor, the chosen score
    variables={
        "text-muted": "auto 70%",
        "text-disabled": "auto 62%",
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
    },
)

THEMES = (DIARY_DARK, DIARY_LIGHT)
