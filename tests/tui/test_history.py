"""History: rows newest first, open a day or a session to edit, delete after asking, filter."""

from __future__ import annotations

import datetime as dt

import pytest

from diary import domain
from diary.tui.screens.confirm import ConfirmScreen
from diary.tui.screens.day import DayScreen
from diary.tui.screens.history import HistoryScreen
from diary.tui.screens.leave import LeaveScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.widgets.score_picker import ScorePicker
from diary.tui.widgets.severity_picker import SeverityPicker
from tests.tui.conftest import make_app, settle, shown

SIZE = (80, 24)
MORNING = dt.datetime(2026, 11, 19, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def diary(store):
    """Two days of mood and two sessions, small enough to know every row by heart."""
    store.save_mood(domain.MoodEntry(dt.date(2026, 11, 18), 5, note="walked\nsecond line"))
    store.save_mood(domain.MoodEntry(dt.date(2026, 11, 20), 7))
    store.add_session(
        domain.Session(
            MORNING,
            domain.Route.IV,
            dose_mg=35,
            note="fine",
            vitals=(domain.VitalReading(domain.VitalLabel.PRE, 128, 82, 70, taken_at=MORNING),),
            side_effects=(
                domain.SideEffectRating("dizziness", domain.Severity.MODERATE, onset_min=10),
                domain.SideEffectRating("nausea", domain.Severity.SEVERE),
            ),
        )
    )
    store.add_session(
        domain.Session(
            dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC),
            domain.Route.ORAL,
            dose_mg_per_kg=0.5,
            weight_kg=70,
        )
    )
    return store


def rows(app) -> list[tuple[str, tuple[str, ...]]]:
    table = app.screen.query_one("#history")
    return [
        (row.key.value, tuple(str(cell) for cell in table.get_row(row.key)))
        for row in table.ordered_rows
    ]


def cursor_key(app) -> str:
    table = app.screen.query_one("#history")
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


async def open_history(pilot) -> None:
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)


ALL_ROWS = [
    ("day:2026-11-20", ("2026-11-20 Fri", "7/10", "", "", "")),
    ("session:2", ("", "", "◆ #2 Oral 35 mg", "none", "")),
    ("session:1", ("2026-11-19 Thu", "", "◆ #1 IV infusion 35 mg", "severe · Nausea", "fine")),
    ("day:2026-11-18", ("2026-11-18 Wed", "5/10", "", "", "walked")),
]


async def test_every_day_and_session_newest_first(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        assert rows(app) == ALL_ROWS
        assert shown(app, "#history-count") == "2 days · 2 sessions"
        assert app.focused is app.screen.query_one("#history")


async def test_the_demo_year_is_all_there(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        table = app.screen.query_one("#history")
        assert shown(app, "#history-count") == "324 days · 51 sessions"
        assert table.row_count == 324 + 51
        assert rows(app)[0] == ("day:2026-11-20", ("2026-11-20 Fri", "6/10", "", "", ""))


async def test_edit_a_session_from_history(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("down", "down")
        assert cursor_key(app) == "session:1"
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert shown(app, "#session-title") == "Session #1 · Thursday 19 November 2026 · edit"
        assert screen.query_one("#at").value == "2026-11-19 09:30"
        assert screen.query_one("#dose_mg").value == "35"
        assert (screen.query_one("#sys-pre").value, screen.query_one("#dia-pre").value) == (
            "128",
            "82",
        )
        assert screen.query_one("#sev-0", SeverityPicker).severity == domain.Severity.MODERATE
        assert screen.query_one("#onset-0").value == "10"
        assert screen.query_one("#sev-1", SeverityPicker).severity == domain.Severity.SEVERE
        assert screen.query_one("#note").text == "fine"
        await pilot.press("tab", "tab", "end", "backspace", "backspace", "4", "0")
        screen.query_one("#sev-1").focus()
        await pilot.press("1", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        session = diary.session(1)
        assert session.dose_mg == 40
        assert session.started_at == MORNING
        assert session.note == "fine"
        assert [(v.label, v.systolic, v.diastolic, v.heart_rate) for v in session.vitals] == [
            (domain.VitalLabel.PRE, 128, 82, 70)
        ]
        assert sorted((r.symptom, r.severity, r.onset_min) for r in session.side_effects) == [
            ("dizziness", domain.Severity.MODERATE, 10),
            ("nausea", domain.Severity.MILD, None),
        ]
        assert rows(app)[2] == (
            "session:1",
            ("2026-11-19 Thu", "", "◆ #1 IV infusion 40 mg", "moderate · Dizziness", "fine"),
        )
        assert cursor_key(app) == "session:1"


async def test_delete_a_session_after_yes(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("down", "down", "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert shown(app, "#confirm-question") == (
            "Delete the session of Thursday 19 November 2026 09:30 (IV infusion 35 mg) "
            "with its blood pressure and side effects?"
        )
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert [s.id for s in diary.sessions_between(None, None)] == [2]
        assert [key for key, _ in rows(app)] == ["day:2026-11-20", "session:2", "day:2026-11-18"]
        assert shown(app, "#history-count") == "2 days · 1 sessions"


@pytest.mark.parametrize("answer", ["n", "escape"])
async def test_a_delete_answered_no_keeps_the_session(diary, answer) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("down", "down", "d", answer)
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert [s.id for s in diary.sessions_between(None, None)] == [1, 2]
        assert rows(app) == ALL_ROWS


async def test_delete_a_day_from_history(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("ctrl+end", "d")
        assert (
            shown(app, "#confirm-question")
            == "Delete the mood of Wednesday 18 November 2026 (5/10)?"
        )
        await pilot.press("y")
        await settle(pilot)
        assert diary.mood_for(dt.date(2026, 11, 18)) is None
        assert [key for key, _ in rows(app)] == ["day:2026-11-20", "session:2", "session:1"]


async def test_ctrl_d_on_an_opened_session_deletes_it_after_asking(diary) -> None:
    """The form opens with the date field focused; ctrl+d must still reach the screen."""
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("down", "down", "enter")
        assert app.focused.id == "at"
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)
        assert app.focused.id == "at"
        assert app.focused.value == "2026-11-19 09:30"
        await pilot.press("ctrl+d", "y")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert [s.id for s in diary.sessions_between(None, None)] == [2]


async def test_open_and_edit_a_past_day(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("ctrl+end", "enter")
        assert isinstance(app.screen, DayScreen)
        assert shown(app, "#day-title") == "Day · Wednesday 18 November 2026"
        picker = app.screen.query_one("#mood", ScorePicker)
        assert (picker.saved, picker.value) == (5, 5)
        assert app.focused is picker
        await pilot.press("9", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert diary.mood_for(dt.date(2026, 11, 18)) == domain.MoodEntry(
            dt.date(2026, 11, 18), 9, note="walked\nsecond line"
        )
        assert rows(app)[3] == ("day:2026-11-18", ("2026-11-18 Wed", "9/10", "", "", "walked"))


async def test_a_past_day_escape_goes_back_and_ctrl_d_deletes_after_asking(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("ctrl+end", "enter", "3", "escape")
        await settle(pilot)
        assert isinstance(app.screen, LeaveScreen)  # the typed 3 is not dropped unasked
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert diary.mood_for(dt.date(2026, 11, 18)).mood == 5
        await pilot.press("enter", "tab", "tab", "tab")
        assert app.focused.id == "note"  # an Input, which binds ctrl+d itself
        await pilot.press("ctrl+d")
        assert shown(app, "#confirm-question") == (
            "Delete the mood of Wednesday 18 November 2026 (5/10)?"
        )
        await pilot.press("y")
        assert diary.mood_for(dt.date(2026, 11, 18)) is None
        assert shown(app, "#saved-state") == "Not logged yet for this day."


async def test_the_date_filter(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("f")
        assert app.focused.id == "since"
        await pilot.press(*"2026-11-19", "tab", *"2026-11-19", "enter")
        await settle(pilot)
        assert rows(app) == [ALL_ROWS[2]]
        assert shown(app, "#history-count") == "0 days · 1 sessions"
        assert app.focused is app.screen.query_one("#history")
        # Only a start: that day and after.
        await pilot.press("f", "tab", "ctrl+u", "enter")
        await settle(pilot)
        assert [key for key, _ in rows(app)] == ["day:2026-11-20", "session:2", "session:1"]


async def test_a_bad_filter_date_says_why_and_keeps_the_rows(diary) -> None:
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("f", *"2026-13-01", "enter")
        await settle(pilot)
        assert shown(app, "#history-count") == (
            "from: '2026-13-01' is not accepted; expected an ISO date (YYYY-MM-DD), "
            "'today' or 'yesterday', at most one day ahead"
        )
        assert rows(app) == ALL_ROWS


async def test_a_from_after_to_says_why_and_keeps_the_rows(diary) -> None:
    """It said "Nothing between these dates" and emptied the table, as if nothing was there."""
    app = make_app(diary)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("f", *"2026-11-20", "tab", *"2026-11-19", "enter")
        await settle(pilot)
        assert shown(app, "#history-count") == (
            "start date: '2026-11-20' is not accepted; expected a day on or before the end "
            "date (2026-11-19)"
        )
        assert rows(app) == ALL_ROWS


async def test_home_goes_to_the_newest_row(demo_store) -> None:
    from textual.widgets import DataTable

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        table = app.screen.query_one("#history", DataTable)
        await pilot.press("down", "down", "pagedown")
        assert table.cursor_row > 2
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1


def table_words(app) -> tuple[list[str], set[str]]:
    """The table's lines as the screen draws them, and every word its headings and cells hold."""
    table = app.screen.query_one("#history")
    lines = [table.render_line(y).text for y in range(table.size.height)]
    held = [str(c.label) for c in table.ordered_columns] + [
        str(cell) for row in table.ordered_rows for cell in table.get_row(row.key)
    ]
    return lines, {word for text in held for word in text.split()}


async def test_every_cell_is_whole_on_a_wide_screen(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_history(pilot)
        lines, words = table_words(app)
        text = "\n".join(lines)
        assert {w for line in lines for w in line.split()} <= words  # nothing cut
        assert "Worst side effect" in text
        assert "◆ #46 IV infusion 43.2 mg" in text  # was "43.2 m"
        assert "mild · Grogginess / drowsiness" in text
        assert "Walked to the park, first time in weeks." in text
        table = app.screen.query_one("#history")
        assert table.columns["note"].width >= 100  # the note has the room that is left


async def test_at_80_columns_a_cut_word_ends_with_an_ellipsis(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        lines, words = table_words(app)
        cut = [
            w
            for line in lines
            for w in line.split()
            if w not in words
            and not (w.endswith("…") and any(h.startswith(w[:-1]) for h in words))
        ]
        assert cut == []  # was "Grogginess / dr", "Walk", "Worst side effec"
        text = "\n".join(lines)
        assert "Walked to…" in text and "mild · Dissocia…" in text and "Worst effect" in text
        table = app.screen.query_one("#history")
        assert table.columns["note"].width >= 10
        assert max(len(line.rstrip()) for line in lines) <= 78  # and the scroll bar


@pytest.mark.parametrize(
    ("text", "width", "drawn"),
    [
        ("mild · Nausea", 13, "mild · Nausea"),  # fits: whole
        ("Walked to the park, first time", 12, "Walked to…"),  # at a space: only "t" goes
        ("Walked to the park, first time", 10, "Walked to…"),  # the cut falls on a space
        ("mild · Dissociation", 16, "mild · Dissocia…"),  # a space would lose the word
        ("雨の日の散歩", 7, "雨の日…"),  # wide letters count two cells
    ],
)
def test_a_cell_is_cut_with_an_ellipsis(text, width, drawn) -> None:
    from diary.tui.screens.history import clipped

    cut = clipped(text, width)
    assert (cut.plain, cut.cell_len <= width) == (drawn, True)


def test_the_note_keeps_room_before_the_other_columns_are_whole() -> None:
    from diary.tui.screens.history import column_widths

    assert column_widths(161, 25, 34, 40) == (25, 34, 102)  # 200 columns: all whole
    assert column_widths(49, 25, 34, 40) == (23, 16, 10)  # 80 columns: they share
    assert column_widths(49, 22, 20, 6) == (22, 20, 7)  # short notes: nothing is cut
