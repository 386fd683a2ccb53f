"""Log or edit one day's mood: the form's screen, and a past day's (opened from History)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from diary import clock
from diary.actions.log import delete_mood, log_mood
from diary.domain import DiaryError
from diary.domain.forms import given, mood_entry
from diary.tui.screens.confirm import ConfirmScreen
from diary.tui.widgets.day_form import DayForm
from diary.tui.widgets.footer import KeysFooter
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
        yield KeysFooter()

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
        entry, errors = mood_entry(
            form.day,
            event.mood,
            given(event.anxiety),
            given(event.sleep),
            event.note,
            clock.today(),
        )
        form.show_errors({key: str(error) for key, error in errors.by_key.items()})
        if entry is None:
            form.show_status("Not saved: fix the fields marked above.")
            return
        try:
            previous = log_mood(self.app.store, entry).previous
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
                    delete_mood(self.app.store, self.day)
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
