"""Every key of the app on one screen, read from the bindings themselves so it stays true."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from diary.tui.start import SCREENS_CSS

WIDGET_KEYS = (
    ("Mood picker", "0-9 pick · 1 then 0 picks 10 · ←/→ step · Home/End ends · Enter saves"),
    ("Symptom grid", "0-3 set none/mild/moderate/severe · ←/→ step · ↑/↓ next symptom"),
    ("Forms", "Tab / Shift+Tab move between fields · Enter in a field saves the day"),
    ("Text fields", "letters and digits are typed as text: t, n, h, q... act outside them"),
    ("Tables", "↑/↓ PgUp/PgDn move · Enter opens"),
    ("Everywhere", "ctrl+p palette · Escape leaves a text field, then goes back · ctrl+t theme"),
)
KEY_WIDTH = 22  # the key column; descriptions wrap under their own column
LEAD = "\u00a0"  # no-break spaces lead a line: Textual drops ordinary ones where lines start
NAMES = {
    "period": ".",
    "comma": ",",
    "escape": "esc",
    "delete": "del",
    "space": "space",
    "enter": "Enter",
    "backspace": "Backspace",
    "f1": "F1",
}


def key_name(key: str) -> str:
    """A key as people read it: "]" not "right_square_bracket", "." not "period"."""
    from textual.keys import format_key

    key = key.strip()
    return NAMES.get(key) or format_key(key)


def _key_text(binding: Binding) -> str:
    return " / ".join(key_name(k) for k in binding.key.split(","))


def _line(left: str, right: str, width: int) -> list[str]:
    """A key and what it does, wrapped with a hanging indent under the description."""
    import textwrap

    indent = LEAD * (2 + KEY_WIDTH + 1)
    wrapped = textwrap.wrap(right, max(20, width - len(indent))) or [""]
    first = f"{LEAD * 2}{left:<{KEY_WIDTH}} {wrapped[0]}".replace("[", "\\[")  # not markup
    return [first] + [indent + rest for rest in wrapped[1:]]


def bindings_text(width: int = 86) -> str:
    """The app's and every screen's bindings, grouped by where they work, wrapped to width."""
    from diary.tui.app import DiaryApp
    from diary.tui.screens.already_saved import AlreadySavedScreen
    from diary.tui.screens.checkin import CheckinScreen
    from diary.tui.screens.confirm import ConfirmScreen
    from diary.tui.screens.crisis import CrisisScreen
    from diary.tui.screens.day import DayScreen
    from diary.tui.screens.export import ExportScreen
    from diary.tui.screens.history import HistoryScreen
    from diary.tui.screens.leave import LeaveScreen
    from diary.tui.screens.medicines import MedicinesScreen
    from diary.tui.screens.session import SessionScreen
    from diary.tui.screens.settings import SettingsScreen
    from diary.tui.screens.symptoms import SymptomsScreen
    from diary.tui.screens.today import TodayScreen
    from diary.tui.screens.trends import TrendsScreen
    from diary.tui.screens.unlock import UnlockScreen

    groups = [
        ("Anywhere but in a text field (there letters are typed)", DiaryApp),
        ("Today", TodayScreen),
        ("A day (from History)", DayScreen),
        ("Session", SessionScreen),
        ("History", HistoryScreen),
        ("Symptoms", SymptomsScreen),
        ("Delete? question", ConfirmScreen),
        ("Leave without saving? question", LeaveScreen),
        ("Already saved? question", AlreadySavedScreen),
        ("Trends", TrendsScreen),
        ("Check-in", CheckinScreen),
        ("Support panel", CrisisScreen),
        ("Export", ExportScreen),
        ("Unlock (an encrypted diary)", UnlockScreen),
        ("Settings", SettingsScreen),
        ("Medicines", MedicinesScreen),
    ]
    lines = []
    for title, owner in groups:
        lines.append(f"[b]{title}[/b]")
        for binding in _own_bindings(owner):
            lines += _line(_key_text(binding), binding.description, width)
        lines.append("")
    lines.append("[b]Inside widgets[/b]")
    for name, keys in WIDGET_KEYS:
        lines += _line(name, keys, width)
    return "\n".join(lines)


def _own_bindings(owner: type) -> list[Binding]:
    """The bindings a class declares or inherits from the diary's own classes."""
    found: list[Binding] = []
    for cls in reversed(owner.__mro__):
        if cls.__module__.startswith("diary.") and "BINDINGS" in cls.__dict__:
            found += [b for b in cls.__dict__["BINDINGS"] if isinstance(b, Binding)]
    return found


class HelpScreen(ModalScreen[None]):
    """Every key binding; escape, q or ? closes it."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("[b]diary · keys[/b]  (escape closes)", classes="screen-title")
            yield Static(self._text(), id="help-text")

    def _text_width(self) -> int:
        """The help box's text width: 90 columns at most, less its border, padding and bar."""
        return min(90, self.app.size.width) - 6

    def _text(self) -> Text:
        return Text.from_markup(bindings_text(self._text_width()))

    def on_resize(self) -> None:
        self.query_one("#help-text", Static).update(self._text())

    def action_close(self) -> None:
        self.dismiss(None)
