"""The Export screen: pick what and the range, write it in a worker, see the path written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from diary.tui.screens.export import ExportScreen
from tests.tui.conftest import make_app, settle, shown

SIZE = (100, 32)


async def write(pilot, kind: str, folder: Path, since: str = "2026-10-01") -> str:
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#kind", Select).value = kind
    await pilot.pause()
    screen.query_one("#since", Input).value = since
    screen.query_one("#until", Input).value = "2026-11-20"
    screen.query_one("#folder", Input).value = str(folder)
    await pilot.press("ctrl+s")
    await settle(pilot)
    return shown(pilot.app, "#written")


@pytest.mark.parametrize(
    ("kind", "name", "starts"),
    [
        ("pdf", "diary-report-2026-11-20.pdf", b"%PDF"),
        ("html", "diary-report-2026-11-20.html", b"<!DOCTYPE html>"),
        ("md", "diary-report-2026-11-20.md", b"# "),
        ("csv", "diary-days-2026-11-20.csv", "\ufeffdate,mood,anxiety".encode()),
        ("fhir", "diary-fhir-2026-11-20.json", b'{"resourceType": "Bundle"'),
    ],
)
async def test_each_file_is_written_in_a_worker_and_its_path_shown(
    demo_store, tmp_path, kind, name, starts
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        message = await write(pilot, kind, tmp_path / "out")
        target = tmp_path / "out" / name
        assert target.read_bytes().startswith(starts)
        assert str(target) in message
        assert message.startswith("Wrote ")
        assert (target.stat().st_mode & 0o777) == 0o600


async def test_tables_go_to_a_folder(demo_store, tmp_path) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        message = await write(pilot, "tables", tmp_path)
        folder = tmp_path / "diary-tables-2026-11-20"
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            f"{t}.csv"
            for t in ("settings", "symptoms", "moods", "sessions", "vitals", "side_effects",
                      "checkins", "checkin_answers", "medicine_events", "session_medicines",
                      "morning_after", "morning_after_ratings")
        )  # fmt: skip
        assert message.startswith(f"Wrote 12 tables to {folder}")  # schema 2: 12 tables


async def test_a_bad_range_is_shown_and_nothing_written(demo_store, tmp_path) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        screen = app.screen
        screen.query_one("#since", Input).value = "2026-13-01"
        screen.query_one("#folder", Input).value = str(tmp_path / "out")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert shown(app, "#error-range").startswith("from: '2026-13-01' is not accepted")
        assert not (tmp_path / "out").exists()


async def test_the_first_enter_writes_the_file(demo_store, tmp_path) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert screen.focused is screen.query_one("#write")  # what looks selected is focused
        screen.query_one("#folder", Input).value = str(tmp_path)  # never the real Documents
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "diary-report-2026-11-20.pdf").read_bytes().startswith(b"%PDF")


async def test_enter_in_a_field_writes_too(demo_store, tmp_path) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        folder = app.screen.query_one("#folder", Input)
        folder.value = str(tmp_path)
        folder.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "diary-report-2026-11-20.pdf").exists()


async def test_the_export_screen_asks_before_replacing_a_file(demo_store, tmp_path) -> None:
    from diary.tui.screens.confirm import ConfirmScreen

    target = tmp_path / "diary-days-2026-11-20.csv"
    target.write_text("kept\n")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        screen = app.screen
        screen.query_one("#kind", Select).value = "csv"
        await pilot.pause()
        screen.query_one("#folder", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert shown(app, "#confirm-question") == f"Replace {target}?"
        await pilot.press("n")  # keep
        await settle(pilot)
        assert target.read_text() == "kept\n"
        assert shown(app, "#written") == "Not written: the file that is there was kept."
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")  # replace
        await settle(pilot)
        assert target.read_bytes().startswith("\ufeffdate,mood,anxiety".encode())


async def test_every_table_hides_the_range_and_says_it_is_the_whole_diary(
    demo_store, tmp_path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        screen = app.screen
        assert screen.query_one("#range-row").display
        assert not screen.query_one("#whole-diary").display
        await write(pilot, "tables", tmp_path)
        assert not screen.query_one("#range-row").display
        assert shown(app, "#whole-diary") == (
            "Every table is always the whole diary: no date range applies."
        )
        moods = (tmp_path / "diary-tables-2026-11-20" / "moods.csv").read_text()
        # the whole diary, as the line says: the demo year, not the 90 days the range showed
        assert len(moods.splitlines()) - 1 == len(demo_store.moods_between())
        screen.query_one("#kind", Select).value = "csv"
        await pilot.pause()
        assert screen.query_one("#range-row").display
