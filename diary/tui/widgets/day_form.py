"""The form for one day's mood, anxiety, sleep and note; the screen that holds it saves it."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from diary.domain import MoodEntry
from diary.tui.widgets.control_pictures import ControlPictures
from diary.tui.widgets.number_field import NumberField
from diary.tui.widgets.score_picker import ScorePicker
from diary.tui.widgets.text_field import TextField

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
        self._loaded: tuple[int | None, str, str, str] | None = None
        self.shown: MoodEntry | None = None  # the saved entry last loaded: a save is over it

    def compose(self) -> ComposeResult:
        # Few and light widgets: this form is the first thing the app paints.
        yield Static(
            "Mood 0 worst … 10 best  [$diary-hint](digits, ←/→, 1 then 0 for 10, Enter saves)[/]",
            classes="field-label",
        )
        yield ScorePicker(0, 10, id="mood")
        yield Static("", id="saved-state")
        yield ScorePicker(0, 10, label="Anxiety    ", id="anxiety", classes="optional")
        yield NumberField(label="Sleep hours ", placeholder="(optional)", id="sleep", width=5)
        yield TextField(
            compact=True,
            placeholder="Note for the day (optional)",
            id="note",
            highlighter=ControlPictures(),  # a note's line breaks would break the screen
        )
        yield Static("", id="form-errors", classes="field-error")
        with Horizontal(id="save-row"):
            yield Static(" Save ", id="save", classes="button-like")
            yield Static("Enter in any field or ctrl+s saves.", id="status")

    def load(self, entry: MoodEntry | None) -> None:
        """Show the saved entry (or the not-logged state) and prefill the fields with it."""
        picker = self.query_one("#mood", ScorePicker)
        picker.saved = None if entry is None else entry.mood
        picker.value = None if entry is None else entry.mood
        self.query_one("#anxiety", ScorePicker).value = None if entry is None else entry.anxiety
        self.query_one("#sleep", NumberField).value = (
            "" if entry is None or entry.sleep_hours is None else f"{entry.sleep_hours:g}"
        )
        self.query_one("#note", Input).value = "" if entry is None else entry.note
        state = self.query_one("#saved-state", Static)
        if entry is None:
            state.update("[b]Not logged yet[/b] for this day.")
            state.set_class(True, "not-logged")
        else:
            state.update(f"Saved for this day: mood [b]{entry.mood}/10[/b]. Saving replaces it.")
            state.set_class(False, "not-logged")
        self.show_errors({})
        self.shown = entry
        self._loaded = self.typed()

    def typed(self) -> tuple[int | None, str, str, str]:
        """What the fields hold now: mood, and anxiety, sleep and note as text."""
        return (
            self.query_one("#mood", ScorePicker).value,
            self._anxiety_text(),
            self.query_one("#sleep", NumberField).value,
            self.query_one("#note", Input).value,
        )

    def has_changes(self) -> bool:
        """True when a field differs from what was loaded into it."""
        return self._loaded is not None and self.typed() != self._loaded

    def show_errors(self, errors: dict[str, str]) -> None:
        """Mark each bad field and list its message under the form; {} clears them."""
        messages = [errors[field] for field in FIELDS if field in errors]
        box = self.query_one("#form-errors", Static)
        box.update(Text("\n".join(messages)))  # they quote what was typed: not markup
        box.display = bool(messages)
        for field in FIELDS:
            self.query_one(f"#{field}").set_class(field in errors, "-invalid")

    def show_status(self, message: str) -> None:
        self.query_one("#status", Static).update(Text(message))

    def request_save(self) -> None:
        self.post_message(self.SaveRequested(self, *self.typed()))

    def _anxiety_text(self) -> str:
        value = self.query_one("#anxiety", ScorePicker).value
        return "" if value is None else str(value)

    def on_score_picker_submitted(self, event: ScorePicker.Submitted) -> None:
        event.stop()
        self.request_save()

    def on_number_field_submitted(self, event: NumberField.Submitted) -> None:
        event.stop()
        self.request_save()

    def on_click(self, event) -> None:
        if event.widget is not None and event.widget.id == "save":
            self.request_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.request_save()
