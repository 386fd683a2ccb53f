"""Settings: the name on reports, the country for crisis resources, the default weight."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Header, Input, Label, Static

from diary.actions.settings import edited_changes, save_changes
from diary.domain import DiaryError, Settings
from diary.tui.screens.form import SavingForm, save_row
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.scroll_body import ScrollBody
from diary.tui.widgets.text_field import TextField

FIELDS = (
    ("name", "Name on reports", "(none)"),
    ("country", "Country", "e.g. GB, US, DE (for crisis resources)"),
    ("weight", "Weight kg", "(not set; prefills a new session)"),
)


def _texts(settings: Settings) -> dict[str, str]:
    weight = settings.default_weight_kg
    return {
        "name": settings.name,
        "country": settings.country,
        "weight": "" if weight is None else f"{weight:g}",
    }


class SettingsScreen(SavingForm):
    """The three settings as fields; ctrl+s saves them (as `diary settings` does)."""

    WORK = "the settings typed"

    def compose(self) -> ComposeResult:
        yield Header()
        with ScrollBody(id="settings-body"):
            yield Static("Settings", classes="screen-title")
            for key, label, placeholder in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(f"{label:<16}", classes="inline-label")
                    yield TextField(
                        id=f"setting-{key}", placeholder=placeholder, classes="wide", compact=True
                    )
            yield Static("", id="settings-error", classes="field-error")
            yield Static("", id="settings-status")
            yield save_row()
        yield KeysFooter()

    def on_mount(self) -> None:
        self._loaded = _texts(self.app.store.settings())
        for key, value in self._loaded.items():
            field = self.query_one(f"#setting-{key}", Input)
            field.value = value
            field.cursor_position = len(value)
        self.query_one("#settings-error").display = False
        self.query_one("#setting-name", Input).focus()

    def _typed(self) -> dict[str, str]:
        return {key: self.query_one(f"#setting-{key}", Input).value for key, _, _ in FIELDS}

    def has_unsaved_changes(self) -> bool:
        return self._typed() != getattr(self, "_loaded", self._typed())

    def discard_form(self) -> None:
        for key, value in self._loaded.items():
            self.query_one(f"#setting-{key}", Input).value = value

    def save_form(self) -> bool:
        typed = self._typed()
        error = self.query_one("#settings-error", Static)
        try:
            found = edited_changes(self._loaded, typed)  # the fields changed on the form
            saved = save_changes(self.app.store, found)
        except DiaryError as problem:
            error.update(Text(str(problem)))  # quotes what was typed: not markup
            error.display = True
            return False
        error.display = False
        self._loaded = _texts(saved)
        self.discard_form()  # show them as saved (a country as its code)
        self.query_one("#settings-status", Static).update("Saved.")
        self.notify("Settings saved.")
        return True
