"""Every key of the app on one screen, read from the bindings themselves so it stays true."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

WIDGET_KEYS = (
    ("Mood picker", "0-9 pick · 1 then 0 picks 10 · ←/→ step · Home/End ends · Enter saves"),
    ("Symptom grid", "0-3 set none/mild/moderate/severe · ←/→ step · ↑/↓ next symptom"),
    ("Forms", "Tab / Shift+Tab move between fields · Enter in a field saves the day"),
    ("Tables", "↑/↓ PgUp/PgDn move · Enter opens"),
    ("Everywhere", "ctrl+p palette · Escape leaves a text field, then goes back · ctrl+t theme"),
)


def _key_text(binding: Binding) -> str:
    names = {"question_mark": "?", "escape": "esc", "delete": "del"}
    return " / ".join(names.get(k.strip(), k.strip()) for k in binding.key.split(","))


def bindings_text() -> str:
    """The app's and every screen's bindings, grouped by where they work."""
    from diary.tui.app import DiaryApp
    from diary.tui.screens.already_saved import AlreadySavedScreen
    from diary.tui.screens.checkin import CheckinScreen
    from diary.tui.screens.confirm import ConfirmScreen
    from diary.tui.screens.crisis import CrisisScreen
    from diary.tui.screens.day import DayScreen
    from diary.tui.screens.export import ExportScreen
    from diary.tui.screens.history import HistoryScreen
    from diary.tui.screens.leave import LeaveScreen
    from diary.tui.screens.session import SessionScreen
    from diary.tui.screens.settings import SettingsScreen
    from diary.tui.screens.symptoms import SymptomsScreen
    from diary.tui.screens.today import TodayScreen
    from diary.tui.screens.trends import TrendsScreen

    groups = [
        ("Anywhere", DiaryApp),
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
        ("Settings", SettingsScreen),
    ]
    lines = []
    for title, owner in groups:
        lines.append(f"[b]{title}[/b]")
        for binding in _own_bindings(owner):
            lines.append(f"  {_key_text(binding):<22} {binding.description}")
        lines.append("")
    lines.append("[b]Inside widgets[/b]")
    lines += [f"  {name:<22} {keys}" for name, keys in WIDGET_KEYS]
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

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("[b]diary · keys[/b]  [dim](escape closes)[/]", classes="screen-title")
            yield Static(bindings_text(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
