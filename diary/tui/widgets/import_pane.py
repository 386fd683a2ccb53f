"""The Export screen's Import tab: pick a kind and a file, see the dry run, then import."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, LoadingIndicator, Select, Static

from diary import clock
from diary.domain import DiaryError
from diary.domain.text import shown
from diary.tui.widgets.scroll_body import ScrollBody

IMPORT_KINDS = (
    ("Daylio CSV export", "daylio"),
    ("Daylio backup (.daylio)", "daylio-backup"),
    ("Bearable CSV export", "bearable"),
    ("eMoods CSV export", "emoods"),
    ("Afterflow sessions (CSV)", "afterflow"),
    ("Pixels backup (JSON)", "pixels"),
    ("Any CSV, by named columns", "csv"),
)
SCALED = {"bearable", "afterflow", "csv"}  # the kinds that read a --scale
MAPPED = {"daylio", "daylio-backup", "bearable", "emoods", "afterflow", "pixels", "csv"}


class ImportPane(ScrollBody):
    """Kind, file and options; ctrl+s shows the dry run first, then imports what it showed."""

    def compose(self) -> ComposeResult:
        yield Static(
            "Import  [$diary-hint]days and sessions already in the diary are never overwritten[/]",
            classes="screen-title",
        )
        with Horizontal(classes="form-row"):
            yield Label("From", classes="inline-label export-label")
            yield Select(
                IMPORT_KINDS, id="import-kind", value="daylio", allow_blank=False, compact=True
            )
        with Horizontal(classes="form-row"):
            yield Label("File", classes="inline-label export-label")
            yield Input(
                placeholder="path to the export", id="import-file", classes="wide", compact=True
            )
        with Horizontal(classes="form-row", id="import-scale-row"):
            yield Label("Scale", classes="inline-label export-label")
            yield Input(
                placeholder="LOW-HIGH, like 1-5", id="import-scale", classes="medium", compact=True
            )
        with Horizontal(classes="form-row", id="import-map-row"):
            yield Label("Scores", classes="inline-label export-label")
            yield Input(
                placeholder="LABEL=SCORE, comma-separated",
                id="import-map",
                classes="wide",
                compact=True,
            )
        with Horizontal(classes="form-row", id="import-columns-row"):
            yield Label("Columns", classes="inline-label export-label")
            yield Input(
                placeholder="date", id="import-date-column", classes="medium", compact=True
            )
            yield Input(
                placeholder="mood", id="import-mood-column", classes="medium", compact=True
            )
            yield Input(
                placeholder="note", id="import-note-column", classes="medium", compact=True
            )
            yield Input(
                placeholder="%d/%m/%Y", id="import-date-format", classes="medium", compact=True
            )
        with Horizontal(classes="form-row"):
            yield Button("Dry run (ctrl+s)", id="import-go", variant="primary", compact=True)
            yield LoadingIndicator(id="import-working")
        yield Static("", id="import-result")

    planned: tuple | None = None  # the request the dry run on screen was for

    def on_mount(self) -> None:
        self.query_one("#import-working").display = False
        self._show_rows("daylio")

    def _show_rows(self, kind: str) -> None:
        self.query_one("#import-scale-row").display = kind in SCALED
        self.query_one("#import-map-row").display = kind in MAPPED
        self.query_one("#import-columns-row").display = kind == "csv"

    def _value(self, name: str) -> str:
        return self.query_one(f"#import-{name}", Input).value.strip()

    def _request(self) -> tuple:
        """Everything the person chose, as typed: a dry run is for exactly this."""
        value = self._value
        kind = str(self.query_one("#import-kind", Select).value)
        return (
            kind,
            value("file"),
            value("scale") if kind in SCALED else "",
            value("map") if kind in MAPPED else "",
            *(
                value(n) if kind == "csv" else ""
                for n in ("date-column", "mood-column", "note-column", "date-format")
            ),
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "import-kind":
            self._show_rows(str(event.value))
            self._changed()
            event.stop()

    def on_input_changed(self, event: Input.Changed) -> None:
        if (event.input.id or "").startswith("import-"):
            self._changed()
            event.stop()

    def _changed(self) -> None:
        """Anything changed after a dry run: the next ctrl+s shows a new one first."""
        if self.planned is not None:
            self.planned = None
            self.query_one("#import-go", Button).label = "Dry run (ctrl+s)"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import-go":
            event.stop()
            self.go()

    def go(self) -> None:
        """The dry run, or, when the one shown is for what is chosen now, the import."""
        request = self._request()
        if not request[1]:
            self._done(["File: give the path of the export"], False, None)
            return
        dry_run = self.planned != request
        self.query_one("#import-working").display = True
        self.query_one("#import-result", Static).update("Reading…")
        self._run(request, dry_run)

    @work(thread=True, exclusive=True, group="import")
    def _run(self, request: tuple, dry_run: bool) -> None:
        from diary.actions.diary import given_path
        from diary.actions.imports import (
            ImportOptions,
            import_file,
            nothing_imported,
            reader_for,
            result_lines,
        )

        kind, file, scale, maps, date_column, mood_column, note_column, date_format = request
        try:
            source = given_path(file)
            options = ImportOptions(
                maps=tuple(m.strip() for m in maps.split(",") if m.strip()),
                scale=scale or None,
                date_column=date_column or None,
                mood_column=mood_column or None,
                note_column=note_column or None,
                date_format=date_format or None,
            )
            read = reader_for(kind, options)
            result = import_file(self.app.store.path, source, read, clock.today(), dry_run=dry_run)
        except DiaryError as error:
            self.app.call_from_thread(self._done, [f"Not imported: {error}"], False, None)
            return
        lines = result_lines(result, source, dry_run=dry_run)
        failure = nothing_imported(result, source)
        ok = failure is None
        if failure is not None:
            lines.append(f"Not imported: {failure}")
        would = result.imported + result.sessions
        planned = request if dry_run and ok and would else None
        self.app.call_from_thread(self._done, lines, ok, planned)

    def _done(self, lines: list[str], ok: bool, planned: tuple | None) -> None:
        self.query_one("#import-working").display = False
        result = self.query_one("#import-result", Static)
        # file names, labels and notes from the file: not markup, control characters as symbols
        result.update(Text("\n".join(shown(line, one_line=True) for line in lines)))
        result.set_class(not ok, "field-error")
        self.planned = planned
        button = self.query_one("#import-go", Button)
        button.label = "Import (ctrl+s)" if planned else "Dry run (ctrl+s)"
        if not planned and ok and lines and lines[-1].startswith("Imported"):
            self.notify(lines[-1], markup=False)
