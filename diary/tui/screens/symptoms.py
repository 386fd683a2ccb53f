"""The symptom catalogue: add your own, hide or show any (hidden ones keep their history)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Header, Input, Label, Static

from diary.actions.symptoms import add_symptom, set_hidden
from diary.domain import DiaryError
from diary.domain.text import shown
from diary.tui.screens.form import FormScreen
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.text_field import TextField

KIND_WIDTH = 10
SHOWN = "In the session form"


class SymptomsScreen(FormScreen):
    """A table of symptoms; space hides or shows the selected one, a adds a new one."""

    BINDINGS = [
        Binding("space", "toggle_hidden", "Hide/show"),
        Binding("a", "add", "Add symptom"),
    ]
    WORK = "the new symptom's name"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Symptoms  [$diary-hint]hidden ones leave the session form but keep their history[/]",
            classes="screen-title",
        )
        yield DataTable(id="symptoms", cursor_type="row")
        with Horizontal(classes="form-row", id="add-row"):
            yield Label("New symptom", classes="inline-label")
            yield TextField(
                compact=True, id="new-symptom", placeholder="e.g. Headache", classes="wide"
            )
            yield Button("Add", id="add", compact=True)
        yield Static("", id="error-new-symptom", classes="field-error")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#symptoms", DataTable)
        self.query_one("#error-new-symptom", Static).display = False
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        self.load()

    def on_resize(self) -> None:
        self.load()

    def load(self, select: str | None = None) -> None:
        from diary.tui.screens.history import clipped

        table = self.query_one("#symptoms", DataTable)
        row = table.cursor_row
        symptoms = self.app.store.symptoms()
        labels = [Text(shown(symptom.label, one_line=True)) for symptom in symptoms]
        # the label as wide as the longest that fits beside the other two columns (it was
        # 28, which cut "Felt high blood pressure (self-rated)" to "…(se" at any width)
        room = table.size.width - 2 - 3 * 2 * table.cell_padding - KIND_WIDTH - len(SHOWN)
        width = max(len("Symptom"), min(max((t.cell_len for t in labels), default=0), room))
        table.clear(columns=True)
        table.add_column("Symptom", width=width, key="label")
        table.add_column("Kind", width=KIND_WIDTH, key="kind")
        table.add_column(SHOWN, key="shown")
        for symptom, label in zip(symptoms, labels, strict=True):
            table.add_row(
                clipped(label, width),  # typed text, not markup; a cut one ends with "…"
                "built-in" if symptom.builtin else "yours",
                "hidden" if symptom.hidden else "shown",
                key=symptom.key,
            )
        if select is not None:
            keys = [s.key for s in symptoms]
            row = keys.index(select)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def action_toggle_hidden(self) -> None:
        table = self.query_one("#symptoms", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        symptom = next(s for s in self.app.store.symptoms() if s.key == key)
        try:
            set_hidden(self.app.store, symptom.key, not symptom.hidden)
        except DiaryError as error:
            self.notify(f"Not changed: {error}", severity="error", markup=False)
            return
        self.notify(
            f"{symptom.label} is now {'shown' if symptom.hidden else 'hidden'}.", markup=False
        )
        self.load()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_toggle_hidden()

    def action_add(self) -> None:
        self.query_one("#new-symptom", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._add()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._add()

    def has_unsaved_changes(self) -> bool:
        return bool(self.query_one("#new-symptom", Input).value.strip())

    def save_form(self) -> bool:
        return self._add()

    def discard_form(self) -> None:
        self.query_one("#new-symptom", Input).value = ""

    def _add(self) -> bool:
        """Add the typed symptom; False with the reason shown under the field."""
        field = self.query_one("#new-symptom", Input)
        error = self.query_one("#error-new-symptom", Static)
        try:
            symptom = add_symptom(self.app.store, field.value)
        except DiaryError as problem:
            error.update(Text(str(problem)))
            error.display = True
            field.set_class(True, "-invalid")
            return False
        error.display = False
        field.set_class(False, "-invalid")
        field.value = ""
        self.notify(f"Added {symptom.label}; it is in the session form now.", markup=False)
        self.load(select=symptom.key)
        self.query_one("#symptoms", DataTable).focus()
        return True
