"""Text in notes: emoji, right-to-left scripts, combining marks, 100 KB, control characters.

Every note is stored byte for byte as typed, comes back the same through the store, the
daily CSV, the tables CSV, the JSON backup (and a restore of it) and the report, and is
drawn by `diary list` and the app without an exception and without a control character
reaching the terminal (ESC would start an escape sequence there; it is drawn as ␛).
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import html
import json
import sqlite3
from pathlib import Path

import pytest

from diary.domain.text import shown
from diary.files.report.build import shorten
from diary.store import open_store
from diary.tui.app import DiaryApp
from tests.conftest import run_diary

NUL_NOTE = "before NUL \x00 after"


def _big_note() -> str:
    """100,000 bytes of UTF-8: mixed scripts, emoji and line breaks (under argv's 128 KiB)."""
    unit = "Journal 📝 ملاحظة הערה Cafe\u0301 日記 👩🏽‍⚕️\n"
    text = unit * (100_000 // len(unit.encode()) + 1)
    while len(text.encode()) > 100_000:
        text = text[:-1]
    return text


BIG_NOTE = _big_note()

NOTES = {  # one per day, ending on the pinned today
    "emoji": "Better today 😀 👍🏽 👩‍👩‍👧‍👦 🏳️‍🌈 ❤️‍🔥 🧑🏿‍⚕️ 1️⃣",
    "arabic": "شعرت بتحسن بعد الجلسة الثالثة",
    "hebrew": "הרגשתי טוב יותר אחרי הטיפול",
    "bidi": "Dose 35 mg — الجرعة ٣٥ ملغ — מינון 35 — \u202eevil\u202c end",
    "combining": "Cafe\u0301 not Café; Z\u0324\u0354\u0367\u0311\u0313 n\u0303 \u0915\u094d\u0937",
    "cjk": "今日は気分が良い 感觉好多了 오늘은 괜찮아",
    "lines": "first line\nsecond line\r\nthird\ttabbed\n",
    "brackets": "[x] took meds [ ] walk [/] [bold]not bold[/bold] [link=https://example.org]l[/]",
    "escapes": "red \x1b[31mRED\x1b[0m title \x1b]0;pwned\x07 bell \x07 del \x7f c1 \x9b end",
    "nul": NUL_NOTE,
    "100 KB": BIG_NOTE,
}
PRINTABLE = ("emoji", "arabic", "hebrew", "bidi", "combining", "cjk")
FIRST_DAY = dt.date(2026, 11, 20) - dt.timedelta(days=len(NOTES) - 1)
DAYS = {name: FIRST_DAY + dt.timedelta(days=i) for i, name in enumerate(NOTES)}
SESSION_NOTE = NOTES["escapes"] + "\n" + NOTES["brackets"] + "\n" + NOTES["emoji"]
RAW_CONTROLS = ("\x1b[31m", "\x1b]0;", "\x07", "\x00", "\x7f", "\x9b")


def test_no_note_needs_cutting() -> None:
    assert len(BIG_NOTE.encode()) == 100_000
    assert all(not n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in NOTES.values())


@pytest.fixture
def diary(cli, db_path: Path) -> Path:
    """Every note logged through the command, and one session note, in-process."""
    for name, note in NOTES.items():
        result = cli("mood", "6", "--date", DAYS[name].isoformat(), "--note", note)
        assert (result.code, result.err) == (0, ""), name
    result = cli(
        "session",
        "add",
        "--route",
        "iv",
        "--at",
        f"{DAYS['hebrew']} 10:00",
        "--note",
        SESSION_NOTE,
    )
    assert (result.code, result.err) == (0, "")
    return db_path


def raw_notes(path: Path) -> dict[str, bytes]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT day, CAST(note AS BLOB) FROM moods ORDER BY day"))
    finally:
        db.close()


def test_stored_byte_for_byte(diary: Path) -> None:
    assert raw_notes(diary) == {
        DAYS[name].isoformat(): note.encode("utf-8") for name, note in NOTES.items()
    }
    with open_store(diary) as store:
        assert {m.day: m.note for m in store.moods_between()} == {
            DAYS[name]: note for name, note in NOTES.items()
        }
        (session,) = store.sessions_between()
        assert session.note == SESSION_NOTE


@pytest.mark.parametrize("name", [n for n in NOTES if n != "nul"])  # argv cannot carry NUL
def test_a_real_process_stores_it_byte_for_byte(name: str, db_path: Path) -> None:
    done = run_diary("mood", "5", "--note", NOTES[name])
    assert (done.returncode, done.stderr) == (0, "")
    assert raw_notes(db_path) == {"2026-11-20": NOTES[name].encode("utf-8")}


def test_daily_csv_keeps_every_note(cli, diary: Path, tmp_path: Path) -> None:
    out = tmp_path / "daily.csv"
    assert cli("export", "csv", "-o", str(out), "--since", FIRST_DAY.isoformat()).code == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = {row["date"]: row for row in csv.DictReader(handle)}
    for name, note in NOTES.items():
        if name != "hebrew":
            assert rows[DAYS[name].isoformat()]["note"] == note, name
    hebrew_day = rows[DAYS["hebrew"].isoformat()]
    assert hebrew_day["note"] == f"{NOTES['hebrew']} | session: {SESSION_NOTE}"


def test_tables_csv_and_backup_keep_every_note(cli, diary: Path, tmp_path: Path) -> None:
    assert cli("export", "tables", "-o", str(tmp_path / "tables")).code == 0
    with (tmp_path / "tables" / "moods.csv").open(newline="", encoding="utf-8") as handle:
        table = {row["day"]: row["note"] for row in csv.DictReader(handle)}
    with (tmp_path / "tables" / "sessions.csv").open(newline="", encoding="utf-8") as handle:
        (session_row,) = list(csv.DictReader(handle))
    expected = {DAYS[name].isoformat(): note for name, note in NOTES.items()}
    assert table == expected
    assert session_row["note"] == SESSION_NOTE

    backup = tmp_path / "backup.json"
    assert cli("backup", "-o", str(backup)).code == 0
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert {row["day"]: row["note"] for row in data["tables"]["moods"]} == expected
    assert data["tables"]["sessions"][0]["note"] == SESSION_NOTE

    copy = tmp_path / "restored.db"
    assert cli("restore", str(backup), "--db", str(copy)).code == 0
    assert raw_notes(copy) == raw_notes(diary)


def test_report_keeps_the_notes(cli, db_path: Path, tmp_path: Path) -> None:
    for name in PRINTABLE:
        assert cli("mood", "6", "--date", DAYS[name].isoformat(), "--note", NOTES[name]).code == 0
    since = ("--since", FIRST_DAY.isoformat())
    assert cli("report", "-o", str(tmp_path / "r.md"), *since).code == 0
    assert cli("report", "-o", str(tmp_path / "r.html"), *since).code == 0
    assert cli("report", "-o", str(tmp_path / "r.pdf"), *since).code == 0
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    for name in PRINTABLE:
        line = f"- {DAYS[name].isoformat()} (day): {shorten(NOTES[name])}"
        assert line in markdown, name
        assert html.escape(NOTES[name], quote=False) in page, name
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")


def test_list_draws_notes_as_text(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("brackets", "escapes", "emoji"):
        assert cli("mood", "6", "--date", DAYS[name].isoformat(), "--note", NOTES[name]).code == 0
    monkeypatch.setenv("COLUMNS", "400")  # no cell folds: each note on one line
    result = cli("list", "--since", FIRST_DAY.isoformat())
    assert (result.code, result.err) == (0, "")
    assert not any(control in result.out for control in RAW_CONTROLS)
    lines = result.out.splitlines()
    for name in ("brackets", "escapes", "emoji"):  # brackets are text, not Rich markup
        (line,) = [line for line in lines if line.startswith(f"│ {DAYS[name].isoformat()}")]
        assert f"│ {shown(NOTES[name])} " in line, line


# --- the app ------------------------------------------------------------------------------


def terminal_output(app: DiaryApp) -> str:
    """What the app would write to the terminal to draw the current screen in full."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


async def _walk_the_app(path: Path) -> dict[str, object]:
    from textual.widgets import DataTable, Input, TextArea

    from diary.tui.screens.day import DayScreen
    from diary.tui.screens.history import HistoryScreen
    from diary.tui.screens.session import SessionScreen

    seen: dict[str, object] = {"outputs": [], "forms": {}}
    with open_store(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            seen["outputs"].append(terminal_output(app))  # Today: today's note in its field
            await pilot.press("h")
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#history", DataTable)
            seen["cells"] = {
                row.key.value: str(table.get_row(row.key)[-1]) for row in table.ordered_rows
            }
            seen["outputs"].append(terminal_output(app))
            for index, row in enumerate(table.ordered_rows):
                table.move_cursor(row=index)
                await pilot.press("enter")
                await pilot.pause()
                if isinstance(app.screen, DayScreen):
                    seen["forms"][row.key.value] = app.screen.query_one("#note", Input).value
                    seen["outputs"].append(terminal_output(app))
                    await pilot.press("ctrl+s")  # save the form untouched: the note stays
                    await pilot.pause()
                else:
                    assert isinstance(app.screen, SessionScreen)
                    await pilot.pause()
                    note = app.screen.query_one("#note", TextArea)
                    seen["forms"][row.key.value] = note.text
                    note.scroll_visible(animate=False)
                    await pilot.pause()
                    seen["outputs"].append(terminal_output(app))
                    await pilot.press("escape", "escape")  # out of the date field, then back
                    await pilot.pause()
                assert isinstance(app.screen, HistoryScreen)
                await app.workers.wait_for_complete()
                await pilot.pause()
    return seen


def test_the_app_shows_every_note_without_breaking_the_screen(diary: Path) -> None:
    before = raw_notes(diary)
    seen = asyncio.run(_walk_the_app(diary))
    day_rows = {f"day:{DAYS[name].isoformat()}": note for name, note in NOTES.items()}
    assert {k: v for k, v in seen["cells"].items() if k.startswith("day:")} == {
        key: shown(note.splitlines()[0], one_line=True) for key, note in day_rows.items()
    }
    assert seen["cells"]["session:1"] == shown(NOTES["escapes"], one_line=True)
    assert seen["forms"] == {**day_rows, "session:1": SESSION_NOTE}  # each form holds it whole
    for output in seen["outputs"]:
        assert not any(control in output for control in RAW_CONTROLS)
    assert raw_notes(diary) == before  # saving a day's form untouched changed no note


async def _type_brackets(path: Path) -> dict[str, str]:
    from textual.widgets import DataTable, Input

    seen: dict[str, str] = {}
    with open_store(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h")
            await app.workers.wait_for_complete()
            app.screen.query_one("#since", Input).value = "[/b]x"
            app.screen.query_one("#since", Input).focus()
            await pilot.press("enter")  # a bad date: its message quotes what was typed
            await pilot.pause()
            seen["history"] = str(app.screen.query_one("#history-count").render())
            await pilot.press("y")  # Symptoms: a label with brackets
            await pilot.pause()
            app.screen.query_one("#new-symptom", Input).value = "[x] rash [/]"
            app.screen.query_one("#new-symptom", Input).focus()
            await pilot.press("enter")
            await pilot.pause()
            table = app.screen.query_one("#symptoms", DataTable)
            seen["symptom"] = str(table.get_row_at(table.row_count - 1)[0])
            terminal = terminal_output(app)
            seen["drawn"] = "[x] rash [/]" if "[x] rash [/]" in terminal else terminal
    return seen


def test_brackets_typed_in_the_app_are_text_not_markup(db_path: Path) -> None:
    """Rich markup in typed text once crashed the app ("closing tag '[/b]' does not match")."""
    seen = asyncio.run(_type_brackets(db_path))
    assert seen == {
        "history": "from: '[/b]x' is not accepted; expected an ISO date (YYYY-MM-DD), 'today' "
        "or 'yesterday', at most one day ahead",
        "symptom": "[x] rash [/]",
        "drawn": "[x] rash [/]",
    }
