"""The home screen: today's mood form, days since the last session, the last 30 days."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from diary import clock
from diary.tui.screens.day import DayFormScreen
from diary.tui.widgets.day_form import DayForm

if TYPE_CHECKING:
    from diary.actions.today import TodayContext
    from diary.domain import Session


class TodayScreen(DayFormScreen):
    """The home screen: today's mood, days since the last session, the last 30 days."""

    CSS_PATH = None  # its rules are app.tcss's: the first frame parses no other

    BINDINGS = [
        Binding("ctrl+r", "refresh", "Refresh", show=False),
        # Today is home: escape only leaves a text field, so the footer does not offer it
        Binding("escape", "escape", "Leave a text field", show=False),
        Binding("a", "morning_after", "Morning after", show=False),
    ]
    HOME = True

    def __init__(self) -> None:
        super().__init__(clock.today())
        self._resumed_before = False

    def heading(self) -> str:
        return f"Today · {self.day:%A %d %B %Y}"

    def compose_context(self) -> ComposeResult:
        from diary.tui.widgets.mood_strip import MoodStrip

        yield Static(" ", id="last-session")  # a line: the first frame keeps its place
        yield Static("", id="morning-after")
        yield Static("", id="checkin-due")
        yield Static(
            "Last 30 days of mood  [$diary-hint](· = not logged)[/]", classes="field-label"
        )
        yield MoodStrip(id="strip")

    def first_load(self) -> None:
        """The form and the strip in the first frame, the session and check-in lines right
        after it: they read sessions and check-ins, whose record types (the domain's
        dataclasses and enums) take tens of ms to load that the first paint need not wait for."""
        self.reload(lines=False)
        self.call_after_refresh(self._show_lines)

    def reload(self, *, keep_typed: bool = True, lines: bool = True) -> None:
        from diary.actions.today import recent_moods, strip_days
        from diary.tui.widgets.mood_strip import MoodStrip

        if self.app.store is None:  # a locked start: the unlock screen covers it until then
            return

        today = clock.today()
        form = self.query_one(DayForm)
        # left open past midnight: Today is the new day, once what was typed for the day it
        # showed is saved or dropped (it would be saved to the new day otherwise)
        if today != self.day and not (keep_typed and form.has_changes()):
            self.day = today
            form.day = today
            self.query_one("#day-title", Static).update(self.heading())
        super().reload(keep_typed=keep_typed)
        moods = recent_moods(self.app.store, self.day)
        self.query_one("#strip", MoodStrip).show(strip_days(self.day), moods)
        if lines:
            self._show_lines()

    def _show_lines(self) -> None:
        """The last session, the PHQ-9 reminder and the morning-after prompt."""
        from diary.actions.today import today_context

        if self.app.store is None:
            return
        context = today_context(self.app.store, self.day)
        self.query_one("#last-session", Static).update(self._last_session_line(context))
        self.query_one("#checkin-due", Static).update(self._checkin_reminder(context))
        self._morning_session = self._to_rate()
        line = "How are the side effects this morning? ([b]a[/b])"
        self.query_one("#morning-after", Static).update(line if self._morning_session else "")

    def _to_rate(self) -> Session | None:
        """Yesterday's session with side effects rated and no morning after yet."""
        from diary.actions.morning import morning_prompt_session

        session = morning_prompt_session(self.app.store, self.day)
        return session if session is not None and session.side_effects else None

    def action_morning_after(self) -> None:
        """Open the short grid of yesterday's session's side effects (when Today asks)."""
        session = getattr(self, "_morning_session", None)
        if session is None:
            self.notify("No session yesterday waits for a morning-after rating.")
            return
        from diary.actions.today import today_context
        from diary.tui.screens.morning import MorningAfterScreen

        context = today_context(self.app.store, self.day)
        last = context.last_session
        number = context.last_number if last is not None and last.id == session.id else None
        self.app.push_screen(MorningAfterScreen(session, number), lambda _: self.reload())

    @staticmethod
    def _last_session_line(context: TodayContext) -> str:
        last, days = context.last_session, context.days_since_session
        if last is None or days is None:
            return "No session recorded yet. Press [b]n[/b] to record one."
        when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
        number = "?" if context.last_number is None else context.last_number
        what = " ".join(part for part in (last.route.label, last.dose_text) if part)
        return f"Last session: [b]{when}[/b] · #{number} {what} · {last.day:%d %b %Y}"

    @staticmethod
    def _checkin_reminder(context: TodayContext) -> str:
        """A quiet line when the last PHQ-9 is 14 or more days old (never a pop-up)."""
        days = context.phq9_days
        if days is None:
            return ""
        if days < 0:
            return "No PHQ-9 check-in yet · press [b]c[/b] when you want to answer one."
        return f"Last PHQ-9 check-in {days} days ago · press [b]c[/b] to answer one."

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls this before Screen's own handler, with the same event (and, as it is
        # this class's private handler, instead of an on_screen_resume here)
        if not self._resumed_before:
            # the first resume comes right after the mount styled every widget: Textual's
            # restyle of the whole screen would change nothing, for about 8 ms of the first
            # paint (tests/tui/test_start.py checks that nothing changes)
            event.refresh_styles = False
        if self.app.back_from_lock(self):  # unlocked again after ctrl+l: keep what was typed
            return
        if self._resumed_before:  # the first resume comes right after on_mount's reload
            self.reload()
        self._resumed_before = True

    def action_refresh(self) -> None:
        self.reload()
        self.notify("Reloaded from the diary file.")
