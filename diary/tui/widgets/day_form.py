"""The form for one day's mood, anxiety, sleep and note; the screen that holds it saves it."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from diary.domain import MoodEntry
from diary.tui.widgets.score_picker import ScorePicker

FIELDS = ("mood", "anxiety", "sleep", "note")


class DayForm(Vertical):
    """Mood picker, anxiety, sleep and note for one day; shows what is saved already."""

    class SaveRequested(Message):
        """The person asked to save what the form holds (texts as typed)."""

        def __init__(self, form: DayForm, mood: int | None, anxiety: str, sleep: str, note: str):
            super().__init__()
            self.form = form
            self.mood = mood
            self.anxiety = anxiety
            self.sleep = sleep
            self.note = note

    def __init__(self, day: dt.date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.day = day

    def compose(self) -> ComposeResult:
        yield Label(
            "Mood 0 worst … 10 best  [dim](digits, ←/→, 1 then 0 for 10, Enter saves)[/]",
            classes="field-label",
        )
        yield ScorePicker(0, 10, id="mood")
        yield Static("", id="error-mood", classes="field-error")
        yield Static("", id="saved-state")
        with Horizontal(classes="form-row"):
            yield Label("Anxiety 0-10", classes="inline-label")
            yield Input(compact=True, placeholder="optional", id="anxiety", classes="short")
            yield Label("Sleep hours", classes="inline-label")
            yield Input(compact=True, placeholder="optional", id="sleep", classes="short")
        yield Static("", id="error-anxiety", classes="field-error")
        yield Static("", id="error-sleep", classes="field-error")
        yield Input(compact=True, placeholder="Note for the day (optional)", id="note")
        yield Static("", id="error-note", classes="field-error")
        with Horizontal(classes="form-row"):
            yield Button("Save", id="save", variant="primary", compact=True)
            yield Static("", id="status")

    def load(self, entry: MoodEntry | None) -> None:
        """Show the saved entry (or the not-logged state) and prefill the fields with it."""
        picker = self.query_one("#mood", ScorePicker)
        picker.saved = None if entry is None else entry.mood
        picker.value = None if entry is None else entry.mood
        self.query_one("#anxiety", Input).value = (
            "" if entry is None or entry.anxiety is None else str(entry.anxiety)
        )
        self.query_one("#sleep", Input).value = (
            "" if entry is None or entry.sleep_hours is None else f"{entry.sleep_hours:g}"
        )
        self.query_one("#note", Input).value = "" if entry is None else entry.note
        state = self.query_one("#saved-state", Static)
        if entry is None:
            state.update("[b]Not logged yet[/b] for this day.")
            state.set_class(True, "not-logged")
        else:
            state.update(
                f"Saved: mood [b]{entry.mood}/10[/b]. Saving again replaces it (shown in ( ))."
            )
            state.set_class(False, "not-logged")
        self.show_errors({})

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each field's message under it; an empty dict clears them all."""
        for field in FIELDS:
            message = errors.get(field, "")
            error = self.query_one(f"#error-{field}", Static)
            error.update(message)
            error.display = bool(message)
            widget = self.query_one(f"#{field}")
            widget.set_class(bool(message), "-invalid")

    def show_status(self, message: str) -> None:
        self.query_one("#status", Static).update(message)

    def request_save(self) -> None:
        self.post_message(
            self.SaveRequested(
                self,
                self.query_one("#mood", ScorePicker).value,
                self.query_one("#anxiety", Input).value,
                self.query_one("#sleep", Input).value,
                self.query_one("#note", Input).value,
            )
        )

    def on_score_picker_submitted(self, event: ScorePicker.Submitted) -> None:
        event.stop()
        self.request_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.request_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            event.stop()
            self.request_save()
