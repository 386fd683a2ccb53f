"""PHQ-9 or GAD-7, one question at a time: keys 0-3 answer, ←/→ go back and forward."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from diary import clock
from diary.actions.checkins import CheckinNotSavedError, save_checkin
from diary.domain import AlreadySavedError, CheckIn, CheckinKind, DiaryError
from diary.domain import validation as check
from diary.domain.crisis import NOT_SAVED_YET_INTRO
from diary.domain.duplicates import IfSaved
from diary.domain.questionnaires import ANSWER_OPTIONS, CREDIT, Questionnaire, questionnaire
from diary.tui.screens.form import FormScreen
from diary.tui.widgets.footer import KeysFooter


class CheckinScreen(FormScreen):
    """Choose a scale, answer its items, see the total and band, save in one transaction."""

    BINDINGS = [
        Binding("left,backspace", "back_item", "Previous"),
        Binding("right", "forward_item", "Next"),
        Binding("ctrl+s,enter", "save", "Save"),
    ]
    WORK = "the answers of this check-in"

    def __init__(self, kind: CheckinKind | None = None) -> None:
        super().__init__()
        self.scale: Questionnaire | None = None if kind is None else questionnaire(kind)
        self.answers: list[int | None] = []
        self.index = 0
        self.saved = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="checkin-body"):
            yield Static("", id="checkin-title", classes="screen-title")
            yield Static("", id="checkin-stem")
            yield Static("", id="checkin-item")
            yield Static("", id="checkin-options")
            yield Static("", id="checkin-progress")
            yield Static(CREDIT, id="checkin-credit", classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.scale is not None:
            self._start(self.scale)
        self._render_state()

    def _start(self, scale: Questionnaire) -> None:
        self.scale = scale
        self.answers = [None] * len(scale.items)
        self.index = 0

    @property
    def complete(self) -> bool:
        return bool(self.answers) and all(a is not None for a in self.answers)

    def _render_state(self) -> None:
        self.refresh_bindings()  # Save is offered once every item is answered
        title = self.query_one("#checkin-title", Static)
        stem = self.query_one("#checkin-stem", Static)
        item = self.query_one("#checkin-item", Static)
        options = self.query_one("#checkin-options", Static)
        progress = self.query_one("#checkin-progress", Static)
        if self.scale is None:
            title.update("Check-in")
            stem.update("Which questionnaire?")
            item.update("")
            choices = Text()
            choices.append("  1", style="bold")
            choices.append("   PHQ-9 · 9 questions about depression over the last 2 weeks\n")
            choices.append("  2", style="bold")
            choices.append("   GAD-7 · 7 questions about anxiety over the last 2 weeks")
            options.update(choices)
            progress.update("")
            return
        scale = self.scale
        title.update(f"{scale.title} · {clock.today():%d %B %Y}")
        stem.update(scale.stem)
        if self.index < len(scale.items):
            item.update(Text(f"{self.index + 1}. {scale.items[self.index]}", style="bold"))
            chosen = self.answers[self.index]
            lines = []
            for value, words in enumerate(ANSWER_OPTIONS):
                marker = "▶" if chosen == value else " "
                lines.append(
                    f" {marker} [b]{value}[/b]  {words}" + ("  ✓" if chosen == value else "")
                )
            options.update("\n".join(lines))
            answered = sum(a is not None for a in self.answers)
            progress.update(
                f"Question {self.index + 1} of {len(scale.items)} · {answered} answered · "
                "0-3 answers, ← back, → next"
            )
        else:
            total = sum(a or 0 for a in self.answers)
            item.update(
                Text(f"Total {total} of {scale.max_total}: {scale.band(total)}", style="bold")
            )
            bands = ", ".join(f"{b.low}-{b.high} {b.name}" for b in scale.bands)
            options.update(f"Bands: {bands}")
            progress.update(
                "Saved." if self.saved else "Enter or ctrl+s saves · ← goes back to change"
            )

    def on_key(self, event) -> None:
        if event.character is None or not event.character.isdigit():
            return
        digit = int(event.character)
        event.stop()
        event.prevent_default()
        if self.scale is None:
            if digit in (1, 2):
                self._start(questionnaire(CheckinKind.PHQ9 if digit == 1 else CheckinKind.GAD7))
                self._render_state()
            return
        if self.saved or self.index >= len(self.scale.items) or digit > 3:
            return
        self.answers[self.index] = digit
        self.index += 1
        self._render_state()

    def action_back_item(self) -> None:
        if self.scale is not None and self.index > 0 and not self.saved:
            self.index -= 1
            self._render_state()

    def action_forward_item(self) -> None:
        if self.scale is None or self.saved:
            return
        if self.index < len(self.scale.items) and self.answers[self.index] is not None:
            self.index += 1
            self._render_state()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return None if not self.complete or self.saved else True
        return True

    def has_unsaved_changes(self) -> bool:
        return not self.saved and any(answer is not None for answer in self.answers)

    def can_save(self) -> tuple[bool, str]:
        if self.complete:
            return True, ""
        answered = sum(a is not None for a in self.answers)
        return False, f"Save needs every question answered ({answered} of {len(self.answers)})."

    def save_form(self) -> bool:
        """Save; leaving goes on unless crisis resources are shown (they must be seen)."""
        return self._save() == "saved"

    def action_save(self) -> None:
        self._save()

    def _save(self, if_saved: IfSaved = IfSaved.REFUSE) -> str:
        """Save the answers: "saved", "not saved", or "crisis" when its resources show.

        The resources show whatever the save's outcome (saying so when it failed)."""
        from diary.tui.screens.crisis import CrisisScreen

        if self.scale is None or not self.complete or self.saved:
            return "not saved"
        today = clock.today()
        try:
            checkin = check.check_checkin(
                CheckIn(self.scale.kind, today, tuple(a or 0 for a in self.answers)), today
            )
            saved = save_checkin(self.app.store, checkin, if_saved)
        except CheckinNotSavedError as failed:
            self.notify(f"Not saved: {failed}", severity="error", markup=False)
            crisis = failed.crisis
            if isinstance(failed.cause, AlreadySavedError):
                self._ask_already_saved(str(failed.cause))  # under the panel: asked next
                crisis = replace(crisis, intro=NOT_SAVED_YET_INTRO)  # not "not saved"
            self.app.push_screen(CrisisScreen(crisis))
            return "crisis"
        except AlreadySavedError as error:
            self._ask_already_saved(str(error))
            return "not saved"
        except DiaryError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return "not saved"
        self.saved = True
        self.index = len(self.scale.items)
        self._render_state()
        self.refresh_bindings()
        band = self.scale.band(checkin.total)
        self.notify(f"{self.scale.title} saved: {checkin.total} ({band}).")
        if saved.crisis is not None:
            self.app.push_screen(CrisisScreen(saved.crisis))
            return "crisis"
        return "saved"

    def _ask_already_saved(self, reason: str) -> None:
        from diary.tui.screens.already_saved import ask_already_saved

        ask_already_saved(self, reason, self._save, "Not saved: your answers are still here.")
