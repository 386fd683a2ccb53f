"""The morning after a session: how its side effects feel now, as `diary after` records."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Header, Input, Label, Static

from diary import clock
from diary.actions.morning import not_next_morning_note, rate_morning_after
from diary.domain import DiaryError, Session, Severity, SideEffectRating
from diary.domain.text import shown
from diary.tui.screens.form import FormScreen, save_row
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.scroll_body import ScrollBody
from diary.tui.widgets.severity_picker import SeverityPicker
from diary.tui.widgets.text_field import TextField


def symptoms_to_ask(session: Session) -> list[str]:
    """The session's symptoms felt (mild or more), else every one it rated."""
    felt = [r.symptom for r in session.side_effects if r.severity >= Severity.MILD]
    return felt or [r.symptom for r in session.side_effects]


class MorningAfterScreen(FormScreen):
    """A short grid of one session's side effects, rated as they feel this morning."""

    BINDINGS = [Binding("ctrl+s", "save", "Save")]
    WORK = "this morning's ratings"

    def __init__(self, session: Session, number: int | None) -> None:
        super().__init__()
        self.session = session
        self.number = number
        self._saved = False

    def compose(self) -> ComposeResult:
        labels = {symptom.key: symptom.label for symptom in self.app.store.symptoms()}
        keys = symptoms_to_ask(self.session)
        number = "" if self.number is None else f"#{self.number} "
        yield Header()
        with ScrollBody(id="morning-body"):
            yield Static("The morning after", classes="screen-title")
            yield Static(
                f"Session {number}on {self.session.started_at:%d %b %Y %H:%M}. How do these "
                "side effects feel this morning?  [$diary-hint]0 none · 1 mild · 2 moderate · "
                "3 severe; digits or ←/→ set, ↑/↓ move[/]"
            )
            width = min(40, max([23, *(len(labels.get(key, key)) for key in keys)]) + 1)
            for index, key in enumerate(keys):
                yield SeverityPicker(
                    key, shown(labels.get(key, key)), id=f"morning-{index}", label_width=width
                )
            with Horizontal(classes="form-row"):
                yield Label("Note      ", classes="inline-label")
                yield TextField(
                    id="morning-note", placeholder="(optional)", classes="wide", compact=True
                )
            yield Static("", id="morning-error", classes="field-error")
            yield save_row()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#morning-error").display = False
        pickers = list(self.query(SeverityPicker))
        (pickers[0] if pickers else self.query_one("#morning-note")).focus()

    def _ratings(self) -> list[SideEffectRating]:
        return [SideEffectRating(p.symptom, p.severity) for p in self.query(SeverityPicker)]

    def has_unsaved_changes(self) -> bool:
        typed = self.query_one("#morning-note", Input).value.strip()
        rated = any(r.severity != Severity.NONE for r in self._ratings())
        return not self._saved and bool(typed or rated)

    def save_form(self) -> bool:
        error = self.query_one("#morning-error", Static)
        try:
            session, morning = rate_morning_after(
                self.app.store,
                self._ratings(),
                now=clock.now(),
                session_id=self.session.id,
                note=self.query_one("#morning-note", Input).value,
            )
        except DiaryError as problem:
            error.update(Text(shown(str(problem), one_line=True)))
            error.display = True
            return False
        self._saved = True
        late = not_next_morning_note(session, morning)
        self.notify(late or "Saved how the side effects feel this morning.")
        return True

    def action_save(self) -> None:
        if self.save_form():
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save()
