"""The Export screen's Import tab: kind and file, the dry run shown first (nothing written),
then the import of what it showed; a changed choice asks for a new dry run."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from textual.widgets import Input, Select, TabbedContent

from tests.tui.conftest import make_app, settle, shown

SIZE = (100, 32)
DATA = Path(__file__).parents[1] / "data" / "imports"


def _moods(store) -> dict[dt.date, int]:
    return {m.day: m.mood for m in store.moods_between()}


async def test_dry_run_first_then_import(store, tmp_path) -> None:
    source = tmp_path / "emoods.csv"
    shutil.copy(DATA / "emoods.csv", source)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.press("i")
        screen = pilot.app.screen
        assert screen.query_one("#export-tabs", TabbedContent).active == "import"
        screen.query_one("#import-kind", Select).value = "emoods"
        await pilot.pause()
        screen.query_one("#import-file", Input).value = str(source)
        await pilot.pause()

        await pilot.press("ctrl+s")
        await settle(pilot)
        dry = shown(pilot.app, "#import-result")
        assert dry.splitlines()[1].startswith("would add 2026-09-01: mood 5, anxiety 7, sleep 6 h")
        assert len([line for line in dry.splitlines() if line.startswith("would add")]) == 28
        assert "line 12: bad date '2026-02-30' (expected YYYY-MM-DD or MM/DD/YYYY)" in (
            dry.splitlines()
        )
        assert dry.splitlines()[-1] == (
            f"Dry run of {source}: would import 28 days, skip 0 (already logged), reject 4 "
            "rows (2 days held back whole, so a corrected re-run brings them in complete); "
            "nothing was written."
        )
        assert _moods(store) == {}
        assert str(screen.query_one("#import-go").label) == "Import (ctrl+s)"

        await pilot.press("ctrl+s")
        await settle(pilot)
        done = shown(pilot.app, "#import-result")
        assert done.splitlines()[-1].startswith(f"Imported 28 days from {source}, skipped 0")
        assert len(_moods(store)) == 28
        assert _moods(store)[dt.date(2026, 9, 4)] in range(11)

        await pilot.press("ctrl+s")  # what was imported needs a new dry run first
        await settle(pilot)
        again = shown(pilot.app, "#import-result")
        assert again.splitlines()[-1].startswith(f"Dry run of {source}: would import 0 days")
        assert len(_moods(store)) == 28


async def test_a_changed_choice_needs_a_new_dry_run(store, tmp_path) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "i")
        screen = pilot.app.screen
        screen.query_one("#import-kind", Select).value = "pixels"
        screen.query_one("#import-file", Input).value = str(DATA / "pixels.json")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Dry run of" in shown(pilot.app, "#import-result")
        screen.query_one("#import-file", Input).value = str(DATA / "pixels-old.json")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = shown(pilot.app, "#import-result")
        assert result.splitlines()[-1].startswith(f"Dry run of {DATA / 'pixels-old.json'}")
        assert _moods(store) == {}


async def test_a_refused_file_is_one_line_and_writes_nothing(store, tmp_path) -> None:
    bad = tmp_path / "not-a-backup.daylio"
    bad.write_bytes(b"PK\x03\x04 truncated")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "i")
        screen = pilot.app.screen
        screen.query_one("#import-kind", Select).value = "daylio-backup"
        screen.query_one("#import-file", Input).value = str(bad)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = shown(pilot.app, "#import-result")
        assert result.startswith(f"Not imported: {bad}: is not a Daylio backup (.daylio)")
        assert len(result.splitlines()) == 1
        assert "field-error" in screen.query_one("#import-result").classes
        assert _moods(store) == {}


async def test_csv_shows_its_columns_and_scale(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "i")
        screen = pilot.app.screen
        assert not screen.query_one("#import-columns-row").display
        screen.query_one("#import-kind", Select).value = "csv"
        await pilot.pause()
        assert screen.query_one("#import-columns-row").display
        assert screen.query_one("#import-scale-row").display
        screen.query_one("#import-file", Input).value = str(DATA / "mood-tracker.csv")
        for name, value in (
            ("scale", "1-10"),
            ("date-column", "Day"),
            ("mood-column", "Mood (1-10)"),
            ("note-column", "Journal"),
            ("date-format", "%d/%m/%Y"),
        ):
            screen.query_one(f"#import-{name}", Input).value = value
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert shown(pilot.app, "#import-result").splitlines()[-1].startswith("Imported 28 days")
        assert len(_moods(store)) == 28
