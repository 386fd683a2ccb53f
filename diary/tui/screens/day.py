"""Log or edit one day's mood; Today is this screen for today, with a little context."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from diary import clock
from diary.domain import DiaryError
from diary.tui.screens.confirm import ConfirmScreen
from diary.tui.screens.mood_saving import entry_from_form
from diary.tui.widgets.day_form import DayForm
from diary.tui.widgets.score_picker import ScorePicker


class DayFormScreen(Screen):
    """A day's mood form on a screen; Today and a past day (from History) build on it."""

    BINDINGS = [Binding("ctrl+s", "save", "Save")]

    def __init__(self, day: dt.date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="day-body"):
            yield Static(self.heading(), id="day-title", classes="screen-title")
            yield DayForm(self.day, id="day-form")
            yield from self.compose_context()
        yield Footer()

    def heading(self) -> str:
        return f"Day · {self.day:%A %d %B %Y}"

    def compose_context(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#mood", ScorePicker).focus()

    def reload(self) -> None:
        self.query_one(DayForm).load(self.app.store.mood_for(self.day))

    def action_save(self) -> None:
        self.query_one(DayForm).request_save()

    def on_day_form_save_requested(self, event: DayForm.SaveRequested) -> None:
        form = event.form
        entry, errors = entry_from_form(
            form.day, event.mood, event.anxiety, event.sleep, event.note
        )
        form.show_errors(errors)
        if entry is None:
            form.show_status("Not saved: fix the fields marked above.")
            return
        try:
            previous = self.app.store.save_mood(entry)
        except DiaryError as error:
            form.show_status(f"Not saved: {error}")
            self.notify(str(error), severity="error", markup=False)
            return
        replaced = (
            f" (replaced {previous.mood})" if previous and previous.mood != entry.mood else ""
        )
        message = f"Mood {entry.mood}/10 saved for {entry.day:%d %b}{replaced}."
        self.reload()
        form.show_status(message)
        self.notify(message)
        self.saved()

    def saved(self) -> None:
        """What happens after a save."""

    def action_delete(self) -> None:
        entry = self.app.store.mood_for(self.day)
        if entry is None:
            self.notify("Nothing is logged for this day.")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    self.app.store.delete_mood(self.day)
                except DiaryError as error:
                    self.notify(f"Not deleted: {error}", severity="error", markup=False)
                    return
                self.notify(f"Deleted the mood of {self.day:%d %b %Y}.")
                self.reload()

        self.app.push_screen(
            ConfirmScreen(f"Delete the mood of {self.day:%A %d %B %Y} ({entry.mood}/10)?"),
            confirmed,
        )


class DayScreen(DayFormScreen):
    """Edit the mood entry of one day; escape goes back, ctrl+d deletes it after asking."""

    BINDINGS = [
        Binding("ctrl+d", "delete", "Delete", priority=True),  # also from inside an Input
        Binding("escape", "back", "Back"),
    ]

    def saved(self) -> None:
        self.dismiss()

    def action_back(self) -> None:
        self.dismiss()


class TodayScreen(DayFormScreen):
    """The home screen: today's mood, days since the last session, the last 30 days."""

    BINDINGS = [Binding("ctrl+r", "refresh", "Refresh", show=False)]

    def __init__(self) -> None:
        super().__init__(clock.today())
        self._resumed_before = False

    def heading(self) -> str:
        return f"Today · {self.day:%A %d %B %Y}"

    def compose_context(self) -> ComposeResult:
        from diary.tui.widgets.mood_strip import MoodStrip

        yield Static("", id="last-session")
        yield Static("", id="checkin-due")
        yield Static("Last 30 days of mood  [dim](· = not logged)[/]", classes="field-label")
        yield MoodStrip(id="strip")

    def reload(self) -> None:
        from diary.tui.widgets.mood_strip import MoodStrip

        today = clock.today()
        if today != self.day:  # left open past midnight: Today is the new day
            self.day = today
            self.query_one(DayForm).day = today
            self.query_one("#day-title", Static).update(self.heading())
        super().reload()
        store = self.app.store
        last = store.last_session()
        if last is None:
            text = "No session recorded yet. Press [b]n[/b] to record one."
        else:
            days = (self.day - last.day).days
            when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
            number = store.session_numbers().get(last.id or 0, "?")
            text = (
                f"Last session: [b]{when}[/b] · #{number} {last.route.label} "
                f"{last.dose_text} · {last.day:%d %b %Y}"
            )
        self.query_one("#last-session", Static).update(text)
        self.query_one("#checkin-due", Static).update(self._checkin_reminder())
        start = self.day - dt.timedelta(days=29)
        moods = {m.day: m.mood for m in store.moods_between(start, self.day)}
        days = [start + dt.timedelta(days=i) for i in range(30)]
        self.query_one("#strip", MoodStrip).show(days, moods)

    def _checkin_reminder(self) -> str:
        """A quiet line when the last PHQ-9 is 14 or more days old (never a pop-up)."""
        from diary.analysis.checkins import phq9_reminder

        days = phq9_reminder(self.app.store.checkins_between(None, self.day), self.day)
        if days is None:
            return ""
        if days < 0:
            return "No PHQ-9 check-in yet · press [b]c[/b] when you want to answer one."
        return f"Last PHQ-9 check-in {days} days ago · press [b]c[/b] to answer one."

    def on_screen_resume(self) -> None:
        if self._resumed_before:  # the first resume comes right after on_mount's reload
            self.reload()
        self._resumed_before = True

    def action_refresh(self) -> None:
        self.reload()
        self.notify("Reloaded from the diary file.")
