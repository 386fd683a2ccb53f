"""Every day and session, newest first; open one to edit, delete after asking, filter by dates."""

from __future__ import annotations

import datetime as dt

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Label, Static

from diary import clock
from diary.actions import ranges
from diary.actions.history import days_and_sessions
from diary.actions.log import delete_mood
from diary.actions.sessions import delete_session
from diary.analysis.sessions import worst_rating
from diary.domain import DiaryError, MoodEntry, Session, ValidationError
from diary.domain import validation as check
from diary.domain.text import shown
from diary.tui.screens.confirm import ConfirmScreen
from diary.tui.screens.day import DayScreen
from diary.tui.screens.form import BackScreen
from diary.tui.start import SCREENS_CSS
from diary.tui.widgets.footer import KeysFooter

SEVERITY_MARK = {1: "mild", 2: "moderate", 3: "severe"}
# words carry it; colour helps, at WCAG AA (4.5:1) on the table's rows in each theme
# (Rich's "dark_orange" on the light theme's grey was 1.5:1, its "red" under 4.5 in both)
SEVERITY_STYLE = {1: "", 2: "dark_orange", 3: "bold #ff6b6b"}
SEVERITY_STYLE_LIGHT = {1: "", 2: "#7a4100", 3: "bold #a00000"}


def _mg(value: float | None) -> str:
    return "" if value is None else f"{value:g} mg"


def _first_line(note: str) -> Text | str:
    """A note's first line as plain Text: never Rich markup, control characters visible."""
    return Text(shown(note.splitlines()[0], one_line=True)) if note else ""


def history_rows(
    moods: list[MoodEntry],
    sessions: list[Session],
    numbers: dict[int, int],
    labels: dict[str, str],
    *,
    light: bool = False,
) -> list[tuple[str, tuple[object, ...]]]:
    """(row key, cells) newest first: each day's mood row, then that day's sessions; the
    worst side effect coloured for the light theme or the dark one."""
    severity_style = SEVERITY_STYLE_LIGHT if light else SEVERITY_STYLE
    by_day: dict[dt.date, list[Session]] = {}
    for session in sessions:
        by_day.setdefault(session.day, []).append(session)
    mood_by_day = {m.day: m for m in moods}
    rows: list[tuple[str, tuple[object, ...]]] = []
    for day in sorted(set(mood_by_day) | set(by_day), reverse=True):
        mood = mood_by_day.get(day)
        if mood is not None:
            rows.append(
                (
                    f"day:{day.isoformat()}",
                    (
                        f"{day:%Y-%m-%d %a}",
                        f"{mood.mood}/10",
                        "",
                        "",
                        _first_line(mood.note),
                    ),
                )
            )
        for session in sorted(by_day.get(day, []), key=lambda s: s.started_at, reverse=True):
            worst = worst_rating(session, labels)
            worst_text = (
                Text("none", style="dim")
                if worst is None
                else Text(
                    f"{SEVERITY_MARK[worst.severity]} · "
                    f"{shown(labels.get(worst.symptom, worst.symptom), one_line=True)}",
                    style=severity_style[int(worst.severity)],
                )
            )
            number = numbers.get(session.id or 0, "?")
            rows.append(
                (
                    f"session:{session.id}",
                    (
                        f"{day:%Y-%m-%d %a}" if mood is None else "",
                        "",
                        f"◆ #{number} {session.route.label} {_mg(session.total_mg)}".strip(),
                        worst_text,
                        _first_line(session.note),
                    ),
                )
            )
    return rows


class HistoryTable(DataTable):
    """The rows, newest first: Home goes to the newest row and End to the oldest."""

    BINDINGS = [
        Binding("home", "scroll_top", "Newest", show=False),
        Binding("end", "scroll_bottom", "Oldest", show=False),
    ]


def _as_text(cell: object) -> Text:
    """A cell as plain Text (a copy): a string in a cell is never read as Rich markup."""
    return cell.copy() if isinstance(cell, Text) else Text(str(cell))


def clipped(cell: object, width: int) -> Text:
    """A cell as one line of at most width cells: whole if it fits, else cut and ended with
    "…", at a space when that drops only a few letters ("Walked to the park" in 12 reads
    "Walked to…", "mild · Dissociation" in 16 "mild · Dissocia…"), never cut without it."""
    text = _as_text(cell)
    if text.cell_len <= width:
        return text
    whole = text.plain
    text.truncate(max(0, width - 1))
    kept = len(text.plain)
    space = text.plain.rfind(" ")
    if not whole[kept].isspace() and 0 < space >= kept - WORD_DROPPED:
        text.truncate(Text(text.plain[:space]).cell_len)
    text.rstrip()
    text.append("…")
    return text


class Clipped:
    """A cell that holds all of its text (str() gives it) and draws it cut to the column's
    width by clipped(), so the table keeps what was recorded and shows what fits."""

    def __init__(self, cell: object) -> None:
        self.text = _as_text(cell)

    def __str__(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield clipped(self.text, options.max_width)


def widest(rows: list[tuple[str, tuple[object, ...]]], index: int, heading: str) -> int:
    """The widest cell of a column (or its heading), in terminal cells."""
    cells = (_as_text(cells[index]).cell_len for _, cells in rows)
    return max([len(heading), *cells])


def column_widths(space: int, session: int, worst: int, note: int) -> tuple[int, int, int]:
    """Widths of the session, worst-side-effect and note columns in space cells, from the
    widest cell of each.

    Each whole when the note keeps NOTE_WANTED (or all of its widest); else the session
    keeps up to SESSION_TIGHT, the side effect up to what leaves the note NOTE_TIGHT, and the
    note the rest."""
    if space - session - worst >= min(note, NOTE_WANTED):
        return session, worst, space - session - worst
    note_least = min(note, NOTE_TIGHT)
    session = min(session, SESSION_TIGHT)
    worst = max(min(worst, space - session - note_least), len("mild · Dizziness"))
    return session, worst, max(note_least, space - session - worst)


WORD_DROPPED = 4  # at most this many letters of a cut word go, else it is cut with "…"
NOTE_WANTED = 24
NOTE_TIGHT = 10
SESSION_TIGHT = 23  # "◆ #51 IV infusion 36 mg" whole


COLUMNS = (
    ("Date", "date"),
    ("Mood", "mood"),
    ("Session", "session"),
    ("Worst side effect", "worst"),
    ("Note", "note"),
)
SHORT_HEADINGS = {"worst": "Worst effect"}  # where the whole heading does not fit


class HistoryScreen(BackScreen):
    """A table of days and sessions; Enter opens, d deletes (after asking), f filters."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    BINDINGS = [
        Binding("escape", "escape", "Back", show=False),  # the footer keeps its room
        Binding("enter", "open", "Open"),
        Binding("d,delete", "delete", "Delete"),
        Binding("f", "filter", "Filter"),
        Binding("ctrl+r", "refresh", "Refresh", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "History · newest first  [$diary-hint]Enter opens · d deletes · f filters[/]",
            classes="screen-title",
        )
        with Horizontal(id="history-filter"):
            yield Label("From", classes="inline-label")
            yield Input(compact=True, id="since", placeholder="YYYY-MM-DD", classes="medium")
            yield Label("to", classes="inline-label")
            yield Input(compact=True, id="until", placeholder="YYYY-MM-DD", classes="medium")
            yield Static("", id="history-count")
        yield Static("", id="history-empty")
        yield HistoryTable(id="history", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._rows: list[tuple[str, tuple[object, ...]]] = []
        self._fill([])
        self.query_one("#history-empty").display = False
        self.query_one("#history", DataTable).focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.load())

    def on_resize(self) -> None:
        self._fill(self._rows)

    def _fill(self, rows: list[tuple[str, tuple[object, ...]]]) -> None:
        """Lay the columns out for the table's width, then the rows, each cell drawn cut to fit.

        Date and mood are fixed; session and side effect are as wide as their widest cell
        while the note keeps room, and share the width with it when it does not."""
        table = self.query_one("#history", DataTable)
        current = self._selected()
        pad = 2 * table.cell_padding
        space = table.size.width - 2 - len(COLUMNS) * pad  # 2: the vertical scroll bar
        fixed = {"date": 14, "mood": 5}
        wanted = [widest(rows, index, label) for index, (label, _) in enumerate(COLUMNS)]
        widths = fixed | dict(
            zip(
                ("session", "worst", "note"),
                column_widths(space - sum(fixed.values()), *wanted[2:]),
                strict=True,
            )
        )
        table.clear(columns=True)
        for label, key in COLUMNS:
            heading = label if len(label) <= widths[key] else SHORT_HEADINGS.get(key, label)
            table.add_column(clipped(heading, widths[key]), width=widths[key], key=key)
        for key, cells in rows:
            table.add_row(*(Clipped(cell) for cell in cells), key=key)
        keys = [key for key, _ in rows]
        if current in keys:
            table.move_cursor(row=keys.index(current))
        self._rows = rows

    def on_screen_resume(self) -> None:
        self.load()

    def _range(self) -> tuple[dt.date | None, dt.date | None] | None:
        today = clock.today()
        try:
            since_text = self.query_one("#since", Input).value.strip()
            until_text = self.query_one("#until", Input).value.strip()
            since = check.day("from", since_text, today) if since_text else None
            until = check.day("to", until_text, today) if until_text else None
            if since is not None and until is not None:  # "from" after "to" is refused
                ranges.resolve(since, until, today, lambda end: end)
        except ValidationError as error:
            self.query_one("#history-count", Static).update(Text(str(error)))
            return None
        return since, until

    def load(self) -> None:
        window = self._range()
        if window is not None:
            self.query_one("#history-count", Static).update("loading…")
            self._load(*window, light=not self.app.current_theme.dark)

    @work(thread=True, exclusive=True, group="history")
    def _load(self, since: dt.date | None, until: dt.date | None, *, light: bool) -> None:
        with self.app.open_thread_store() as store:
            found = days_and_sessions(store, since, until)
        labels = {s.key: s.label for s in found.symptoms}
        rows = history_rows(found.moods, found.sessions, found.numbers, labels, light=light)
        self.app.call_from_thread(self._show, rows, len(found.moods), len(found.sessions))

    def _show(self, rows: list[tuple[str, tuple[object, ...]]], days: int, sessions: int) -> None:
        self._fill(rows)
        self.query_one("#history-count", Static).update(f"{days} days · {sessions} sessions")
        empty = self.query_one("#history-empty", Static)
        filtered = any(
            self.query_one(f"#{name}", Input).value.strip() for name in ("since", "until")
        )
        empty.update(
            ""
            if rows
            else "Nothing between these dates: press f and clear the dates to see every day."
            if filtered
            else "Nothing recorded yet: press t to log today's mood, n to record a session."
        )
        empty.display = not rows

    def _selected(self) -> str | None:
        table = self.query_one("#history", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        key = self._selected()
        if key is None:
            return
        kind, _, value = key.partition(":")
        if kind == "day":
            self.app.push_screen(DayScreen(dt.date.fromisoformat(value)))
        else:
            self.app.open_session(int(value))

    def action_delete(self) -> None:
        key = self._selected()
        if key is None:
            return
        kind, _, value = key.partition(":")
        store = self.app.store
        if kind == "day":
            day = dt.date.fromisoformat(value)
            entry = store.mood_for(day)
            question = f"Delete the mood of {day:%A %d %B %Y}" + (
                f" ({entry.mood}/10)?" if entry else "?"
            )

            def delete() -> tuple[object, str]:
                return delete_mood(store, day), f"the mood of {day:%d %b %Y}"
        else:
            session = store.session(int(value))
            question = (
                f"Delete the session of {session.started_at:%A %d %B %Y %H:%M} "
                f"({session.route.label} {session.dose_text}) with its blood pressure and "
                "side effects?"
            )

            number = store.session_numbers().get(int(value), "?")

            def delete() -> tuple[object, str]:
                return delete_session(store, int(value)), f"session #{number}"

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    record, what = delete()
                except DiaryError as error:
                    self.notify(f"Not deleted: {error}", severity="error", markup=False)
                    return
                self.load()
                self.app.deleted(record, what)

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_filter(self) -> None:
        self.query_one("#since", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.load()
        self.query_one("#history", DataTable).focus()

    def action_refresh(self) -> None:
        self.load()
