"""Write the doctor's report or a CSV for a date range, in a worker, and show the path; the
Import tab brings another app's history in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    LoadingIndicator,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from diary import clock
from diary.actions import ranges
from diary.domain import DiaryError, ValidationError
from diary.domain import validation as check
from diary.tui.screens.confirm import ConfirmScreen
from diary.tui.screens.form import BackScreen
from diary.tui.start import SCREENS_CSS
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.import_pane import ImportPane
from diary.tui.widgets.scroll_body import ScrollBody

KINDS = (
    ("Report for a doctor (PDF)", "pdf"),
    ("Report (HTML, printable)", "html"),
    ("Report (Markdown, for a portal message)", "md"),
    ("One row per day (CSV)", "csv"),
    ("Every table, with ids (folder of CSVs)", "tables"),
    ("FHIR R4 bundle, for a clinic system (JSON)", "fhir"),
)

LABELS = {"since": "from", "until": "to"}  # the range's fields, as this screen names them


def default_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_documents_dir())


def default_name(kind: str, end: dt.date) -> str:
    if kind == "tables":
        return f"diary-tables-{end.isoformat()}"
    if kind == "csv":
        return f"diary-days-{end.isoformat()}.csv"
    if kind == "fhir":
        return f"diary-fhir-{end.isoformat()}.json"
    return f"diary-report-{end.isoformat()}.{kind}"


class ExportScreen(BackScreen):
    """Pick what, the range and where; ctrl+s writes it. The Import tab (i) reads a file in."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    BINDINGS = [
        Binding("escape", "escape", "Back", show=False),  # the footer keeps its room
        Binding("ctrl+s", "write", "Write file / import"),
        Binding("i", "tab('import')", "Import tab"),
        Binding("x", "tab('export')", "Export tab"),
    ]
    AUTO_FOCUS = "#write"  # the button that looks chosen is the one Enter presses

    def compose(self) -> ComposeResult:
        today = clock.today()
        yield Header()
        with TabbedContent(id="export-tabs", initial="export"):
            with TabPane("Export", id="export"):
                yield from self._export_form(today)
            with TabPane("Import", id="import"):
                yield ImportPane(id="import-body")
        yield KeysFooter()

    def _export_form(self, today: dt.date) -> ComposeResult:
        with ScrollBody(id="export-body"):
            yield Static(
                "Export  [$diary-hint]files stay on this computer[/]", classes="screen-title"
            )
            with Horizontal(classes="form-row"):
                yield Label("What", classes="inline-label export-label")
                yield Select(KINDS, id="kind", value="pdf", allow_blank=False, compact=True)
            yield Static(
                "Every table is always the whole diary: no date range applies.",
                id="whole-diary",
                classes="hint",
            )
            with Horizontal(classes="form-row", id="range-row"):
                yield Label("From", classes="inline-label export-label")
                yield Input(
                    ranges.last_days(today, ranges.REPORT_DAYS).isoformat(),
                    id="since",
                    classes="medium",
                    compact=True,
                )
                yield Label("to", classes="inline-label")
                yield Input(today.isoformat(), id="until", classes="medium", compact=True)
            yield Static("", id="error-range", classes="field-error")
            with Horizontal(classes="form-row"):
                yield Label("Folder", classes="inline-label export-label")
                yield Input(str(default_folder()), id="folder", classes="wide", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Name", classes="inline-label export-label")
                yield Input(default_name("pdf", today), id="name", classes="wide", compact=True)
            yield Static("", id="error-target", classes="field-error")
            with Horizontal(classes="form-row"):
                yield Button("Write (ctrl+s)", id="write", variant="primary", compact=True)
                yield LoadingIndicator(id="working")
            yield Static("", id="written")
            yield Static(
                "The report says the data are patient-recorded and not clinically verified. "
                "CSV cells that look like formulas are made safe for spreadsheets.",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one("#working").display = False
        self.query_one("#whole-diary").display = False
        for error in self.query(".field-error"):
            error.display = False

    def choose(self, kind: str) -> None:
        """Pick what to write (the command palette's report and CSV entries)."""
        if kind not in dict((value, label) for label, value in KINDS):
            return
        try:
            self.query_one("#kind", Select).value = kind
        except NoMatches:  # the tabs lay their panes out after the screen mounts
            self.call_after_refresh(self.choose, kind)

    def action_tab(self, name: str) -> None:
        self.query_one("#export-tabs", TabbedContent).active = name

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "kind":
            return
        kind = str(event.value)
        # the tables are the whole diary: a From/To shown beside them would be a false promise
        self.query_one("#range-row").display = kind != "tables"
        self.query_one("#whole-diary").display = kind == "tables"
        until_text = self.query_one("#until", Input).value
        try:
            end = check.day("to", until_text, clock.today())
        except ValidationError:
            end = clock.today()
        self.query_one("#name", Input).value = default_name(kind, end)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self.action_write()

    def _show_error(self, field: str, message: str) -> None:
        error = self.query_one(f"#error-{field}", Static)
        error.update(Text(message))  # quotes what was typed: not markup
        error.display = bool(message)

    def action_write(self) -> None:
        if self.query_one("#export-tabs", TabbedContent).active == "import":
            self.query_one(ImportPane).go()
            return
        today = clock.today()
        kind = str(self.query_one("#kind", Select).value)
        try:
            start = check.day("from", self.query_one("#since", Input).value, today)
            end = check.day("to", self.query_one("#until", Input).value, today)
            ranges.resolve(start, end, today, lambda end: end)
        except ValidationError as error:
            self._show_error("range", error.line(LABELS.get(error.key, error.field)))
            return
        self._show_error("range", "")
        folder = Path(self.query_one("#folder", Input).value.strip() or ".").expanduser()
        name = self.query_one("#name", Input).value.strip()
        if not name or "/" in name:
            self._show_error("target", "name: give a file name without '/'")
            return
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True, mode=0o700)
            except OSError as error:
                self._show_error("target", f"folder: cannot create {folder}: {error.strerror}")
                return
        self._show_error("target", "")
        target = folder / name
        there = _already_there(kind, target)
        if not there:
            self._start_writing(kind, start, end, target, replace=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._start_writing(kind, start, end, target, replace=True)
            else:
                self._done("Not written: the file that is there was kept.", False)

        self.app.push_screen(
            ConfirmScreen(
                f"Replace {there}?",
                yes="Replace",
                no="Keep",
                hint="What is there now is lost if you replace it.",
            ),
            answered,
        )

    def _start_writing(
        self, kind: str, start: dt.date, end: dt.date, target: Path, *, replace: bool
    ) -> None:
        self.query_one("#working").display = True
        self.query_one("#written", Static).update("Writing…")
        self._write(kind, start, end, target, replace)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, kind: str, start: dt.date, end: dt.date, target: Path, replace: bool) -> None:
        from diary.actions import export as jobs

        try:
            with self.app.open_thread_store() as store:
                if kind == "csv":
                    message = jobs.export_daily_csv(store, target, start, end, replace=replace)
                elif kind == "tables":
                    message = jobs.export_tables(store, target, replace=replace)
                elif kind == "fhir":
                    from diary.actions.fhir import export_fhir

                    message = export_fhir(store, target, start, end, replace=replace)
                else:
                    message = jobs.export_report(store, target, start, end, kind, replace=replace)
                if store.encrypted:
                    message += f" · {target.name} is not encrypted: anyone who gets it can read it"
        except (DiaryError, OSError) as error:
            self.app.call_from_thread(self._done, f"Not written: {error}", False)
            return
        self.app.call_from_thread(self._done, message, True)

    def _done(self, message: str, ok: bool) -> None:
        self.query_one("#working").display = False
        written = self.query_one("#written", Static)
        written.update(Text(message))  # a path may hold [brackets]: not markup
        written.set_class(not ok, "field-error")
        self.notify(message, severity="information" if ok else "error", markup=False)


def _already_there(kind: str, target: Path) -> str:
    """What writing would replace, named for the question ("" when nothing is there)."""
    if kind != "tables":
        return str(target) if target.is_file() else ""
    csvs = sorted(target.glob("*.csv")) if target.is_dir() else []
    return f"the tables in {target}" if csvs else ""
