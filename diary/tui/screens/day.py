"""Log or edit one day's mood: the form's screen, and a past day's (opened from History)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from diary import clock
from diary.domain import DiaryError
from diary.tui.screens.form import FormScreen
from diary.tui.widgets.day_form import DayForm
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.scroll_body import ScrollBody

TYPE_CHECKING = False
if TYPE_CHECKING:
    from diary.domain import MoodEntry


class DayFormScreen(FormScreen):
    """A day's mood form on a screen; Today and a past day (from History) build on it."""

    BINDINGS = [Binding("ctrl+s", "save", "Save")]
    WORK = "this day's mood, anxiety, sleep or note"
    # the mood first, by Textual's auto focus: focusing it on mount instead moved the focus
    # twice (the scrolling body took it first), each a restyle before the first paint
    AUTO_FOCUS = "#mood"

    def __init__(self, day: dt.date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        yield Header()
        with ScrollBody(id="day-body"):
            yield Static(self.heading(), id="day-title", classes="screen-title")
            yield DayForm(self.day, id="day-form")
            yield from self.compose_context()
        yield KeysFooter()

    def heading(self) -> str:
        return f"Day · {self.day:%A %d %B %Y}"

    def compose_context(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.first_load()

    def first_load(self) -> None:
        """What the screen shows when it is first mounted: the saved entry."""
        self.reload()

    def reload(self, *, keep_typed: bool = True) -> None:
        """Show the saved entry again; typed work that is not saved stays unless told."""
        form = self.query_one(DayForm)
        if not (keep_typed and form.has_changes()):
            form.load(self.app.store.mood_for(self.day))

    def action_save(self) -> None:
        self.query_one(DayForm).request_save()

    def has_unsaved_changes(self) -> bool:
        return self.query_one(DayForm).has_changes()

    def save_form(self) -> bool:
        form = self.query_one(DayForm)
        return self._save(form, *form.typed())

    def discard_form(self) -> None:
        self.reload(keep_typed=False)

    def on_day_form_save_requested(self, event: DayForm.SaveRequested) -> None:
        if self._save(event.form, event.mood, event.anxiety, event.sleep, event.note):
            self.saved()

    def _save(
        self,
        form: DayForm,
        mood: int | None,
        anxiety: str,
        sleep: str,
        note: str,
        *,
        replace: bool = False,
    ) -> bool:
        """Save what the form holds; False with the errors shown on the form. Unless told to
        replace, a day changed elsewhere since the form showed it is not saved over: the
        person is asked first (a shell `diary mood` or a second window is never lost)."""
        # imported here, as the delete's below: Today's first paint needs neither
        from diary.actions.log import ANY_SAVED, log_mood
        from diary.domain.errors import ChangedElsewhereError
        from diary.domain.mood import given, mood_entry

        entry, errors = mood_entry(
            form.day, mood, given(anxiety), given(sleep), note, clock.today()
        )
        form.show_errors({key: str(error) for key, error in errors.by_key.items()})
        if entry is None:
            form.show_status("Not saved: fix the fields marked above.")
            return False
        try:
            over = ANY_SAVED if replace else form.shown
            previous = log_mood(self.app.store, entry, over=over).previous
        except ChangedElsewhereError as error:
            self._ask_replace(form, error.saved, (mood, anxiety, sleep, note))
            return False
        except DiaryError as error:
            form.show_status(f"Not saved: {error}")
            self.notify(str(error), severity="error", markup=False)
            return False
        replaced = (
            f" (replaced {previous.mood})" if previous and previous.mood != entry.mood else ""
        )
        message = f"Mood {entry.mood}/10 saved for {entry.day:%d %b}{replaced}."
        self.reload(keep_typed=False)
        form.show_status(message)
        self.notify(message)
        return True

    def _ask_replace(
        self, form: DayForm, saved: MoodEntry | None, typed: tuple[int | None, str, str, str]
    ) -> None:
        """The day changed elsewhere since the form showed it: say what is saved now and
        ask before replacing it; kept, the typed work stays on the form."""
        from rich.markup import escape

        from diary.tui.screens.changed import ask_replace

        now = _saved_text(saved)
        form.show_status(f"Not saved yet: this day changed elsewhere (now {now}).")

        def replace() -> None:
            if self._save(form, *typed, replace=True):
                self.saved()

        def kept() -> None:
            if not form.has_changes():  # nothing typed to keep: show what is saved now
                self.reload(keep_typed=False)
            message = f"Not saved; the diary keeps {now}."
            form.show_status(message)
            self.notify(message, markup=False)

        question = f"This day was changed elsewhere since this form showed it: now {escape(now)}."
        ask_replace(self, question, replace, kept)

    def saved(self) -> None:
        """What happens after a save."""

    def action_delete(self) -> None:
        from diary.actions.log import delete_mood
        from diary.tui.screens.confirm import ConfirmScreen

        entry = self.app.store.mood_for(self.day)
        if entry is None:
            self.notify("Nothing is logged for this day.")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    gone = delete_mood(self.app.store, self.day)
                except DiaryError as error:
                    self.notify(f"Not deleted: {error}", severity="error", markup=False)
                    return
                self.reload(keep_typed=False)
                self.app.deleted(gone, f"the mood of {self.day:%d %b %Y}")

        self.app.push_screen(
            ConfirmScreen(f"Delete the mood of {self.day:%A %d %B %Y} ({entry.mood}/10)?"),
            confirmed,
        )


class DayScreen(DayFormScreen):
    """Edit the mood entry of one day; escape goes back, ctrl+d deletes it after asking."""

    BINDINGS = [
        Binding("ctrl+d", "delete", "Delete", priority=True),  # also from inside an Input
    ]

    def saved(self) -> None:
        self.dismiss()


def _saved_text(entry: MoodEntry | None) -> str:
    """What is saved for a day, in a few words: 'mood 3/10, anxiety 2, note "from cli"'."""
    if entry is None:
        return "no mood (it was deleted there)"
    parts = [f"mood {entry.mood}/10"]
    if entry.anxiety is not None:
        parts.append(f"anxiety {entry.anxiety}")
    if entry.sleep_hours is not None:
        parts.append(f"sleep {entry.sleep_hours:g} h")
    if entry.note:
        note = entry.note if len(entry.note) <= 30 else entry.note[:29] + "…"
        parts.append(f'note "{note}"')
    return ", ".join(parts)
