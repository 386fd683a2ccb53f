"""The base of every screen that holds typed work: it knows whether any is unsaved."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, Input

from diary.tui.start import SCREENS_CSS


def save_row() -> Horizontal:
    """The form's Save button (ctrl+s), on a row of its own."""
    return Horizontal(
        Button("Save (ctrl+s)", id="save", variant="primary", compact=True), classes="form-row"
    )


class BackScreen(Screen):
    """A screen where escape leaves a text field first, and a second escape goes back: a
    pushed screen closes, a mode's own screen (History, Trends, Export) goes to Today."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    BINDINGS = [Binding("escape", "escape", "Back")]

    HOME = False  # Today: a second escape has nowhere to go back to

    def go_back(self) -> None:
        """Where a second escape goes: a pushed screen closes; a mode's own screen goes to
        Today."""
        if len(self.app.screen_stack) > 1:
            if self.app.screen is self:
                self.dismiss(None)
        else:
            self.app.action_today()  # type: ignore[attr-defined]

    def action_escape(self) -> None:
        """escape leaves a text field first; a second escape goes back."""
        from textual.widgets import TextArea  # here: about 10 ms of import Today does not need

        if isinstance(self.focused, Input | TextArea):
            self.set_focus(None)
        elif not (self.HOME and len(self.app.screen_stack) == 1):
            self.back()

    def back(self) -> None:
        """The second escape: go back."""
        self.go_back()


class FormScreen(BackScreen):
    """A screen whose typed work the app guards: leaving it with unsaved work asks first.

    Subclasses say whether they hold unsaved work, how to save it and how to drop it; the
    app (`DiaryApp.leave_with`) asks the one question for every way out (screen keys, `q`,
    `escape`, the palette, ctrl+c).
    """

    # what the leave question calls this screen's work ("this session form")
    WORK = "what you typed on this screen"

    def has_unsaved_changes(self) -> bool:
        """True when the screen holds typed work that is not saved."""
        return False

    def can_save(self) -> tuple[bool, str]:
        """Whether "save" can be offered now, and if not the reason shown instead."""
        return True, ""

    def save_form(self) -> bool:
        """Save the typed work (showing any error on the form); True when leaving may go on."""
        return True

    def discard_form(self) -> None:
        """Drop the typed work (a pushed screen is closed by the leaving itself)."""

    def back(self) -> None:
        """The second escape: go back, asking first when typed work would be lost."""
        self.app.leave_with([self], self.go_back)  # type: ignore[attr-defined]


class SavingForm(FormScreen):
    """A form that ctrl+s, its Save button and enter in any field all save.

    Textual calls a message handler of every class in the line, so a subclass that adds
    its own on_button_pressed or on_input_submitted runs both: use FormScreen there.
    """

    BINDINGS = [Binding("ctrl+s", "save", "Save")]

    def action_save(self) -> None:
        self.save_form()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.save_form()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.save_form()
