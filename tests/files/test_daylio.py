"""`diary import daylio`: scores, notes, means, odd files, rejections, and nothing overwritten."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from diary.files.imports.daylio import DEFAULT_SCORES, mean_score, parse_map
from diary.store import open_store
from tests.conftest import Result

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"


def _write(path: Path, *lines: str, newline: str = "\n", bom: bool = False) -> Path:
    data = (newline.join(lines) + newline).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.fixture
def import_daylio(cli, tmp_path: Path):
    """Write the lines as a Daylio CSV export and run `diary import daylio` on it (with args)."""

    def run(*lines: str, args: Sequence[str] = (), **write) -> tuple[Path, Result]:
        source = _write(tmp_path / "daylio.csv", *lines, **write)
        return source, cli("import", "daylio", str(source), *args)

    return run


def _moods(db: Path) -> dict[dt.date, tuple[int, str]]:
    with open_store(db) as store:
        return {m.day: (m.mood, m.note) for m in store.moods_between()}


def test_default_scores_and_map() -> None:
    assert DEFAULT_SCORES == {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
    assert parse_map(["Super=10", "good=8", "a=b=2", " tired = 4"]) == {
        "rad": 9,
        "good": 8,
        "meh": 5,
        "bad": 3,
        "awful": 1,
        "super": 10,
        "a=b": 2,
        "tired": 4,
    }


@pytest.mark.parametrize(
    ("scores", "mean"),
    [([9, 5], 7), ([7, 4], 6), ([7, 5, 5], 6), ([1, 2], 2), ([0, 1], 1), ([3], 3), ([9, 9, 8], 9)],
)
def test_mean_rounds_half_up(scores: list[int], mean: int) -> None:
    assert mean_score(scores) == mean


def test_import_means_days_and_keeps_every_text(import_daylio, db_path: Path) -> None:
    source, result = import_daylio(
        HEADER,
        "2026-11-03,November 3,Tuesday,8:30 pm,rad,walk | sport,Good day,Felt light",
        "2026-11-03,November 3,Tuesday,9:00 am,meh,,,",
        "2026-11-02,November 2,Monday,12:00,awful,,,",
    )
    assert result.code == 0, result.err
    assert result.out == (
        "Scores: rad 9, good 7, meh 5, bad 3, awful 1\n"
        f"Imported 2 days from {source}, skipped 0 (already logged), rejected 0 rows.\n"
    )
    assert _moods(db_path) == {
        dt.date(2026, 11, 2): (1, "Daylio 12:00 awful"),
        dt.date(2026, 11, 3): (
            7,
            "Daylio 09:00 meh\n"
            "Daylio 20:30 rad: activities: walk | sport; title: Good day; Felt light",
        ),
    }


def test_bom_crlf_quoted_commas_newlines_and_html(import_daylio, db_path: Path) -> None:
    source, result = import_daylio(
        HEADER,
        '2026-10-01,October 1,Thursday,10:15,good,"reading | friends","Dinner, finally",'
        '"Line one,\r\nline two <br> <b>bold</b> &amp; ""quoted"""',
        "2026-10-02,October 2,Friday,10:15,ecstatic,,,",
        "2026-10-03,October 3,Saturday,23:59,bad,,,<script>alert(1)</script>",
        newline="\r\n",
        bom=True,
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[1:] == [
        "line 4: unknown mood label 'ecstatic' (give it a score with --map ecstatic=SCORE); "
        "2026-10-02 not imported",
        f"Imported 2 days from {source}, skipped 0 (already logged), rejected 1 row "
        "(1 day held back whole, so a corrected re-run brings them in complete).",
    ]
    assert _moods(db_path) == {
        dt.date(2026, 10, 1): (
            7,
            "Daylio 10:15 good: activities: reading | friends; title: Dinner, finally; "
            'Line one,\nline two\nbold & "quoted"',  # Daylio's HTML as plain text
        ),
        dt.date(2026, 10, 3): (3, "Daylio 23:59 bad: <script>alert(1)</script>"),
    }


def test_columns_by_name_in_any_order_extra_ones_kept(import_daylio, db_path: Path) -> None:
    _, result = import_daylio(
        "Mood, note ,FULL_DATE,scales,time,weekday",
        "good,hello,2026-10-05,energy 3,07:05,Monday",
        "Rad,,2026-10-06,,,",
    )
    assert result.code == 0
    assert _moods(db_path) == {
        dt.date(2026, 10, 5): (7, "Daylio 07:05 good: hello; scales: energy 3"),
        dt.date(2026, 10, 6): (9, "Daylio Rad"),
    }


def _rejections_file(tmp_path: Path) -> Path:
    return _write(
        tmp_path / "mixed.csv",
        HEADER,
        "2026-11-01,,,10:00,super,,,",
        "2026-11-01,,,11:00,good,,,",
        "2026-11-31,,,10:00,good,,,",
        "2026-11-21,,,10:00,good,,,",
        "2026-11-05,,,10:00,,,,",
        "2026-11-06,,,10:00,bad,,,",
        ",,,10:00,good,,,",
        "06/11/2026,,,10:00,good,,,",
    )


def test_rejected_rows_named_with_lines_and_reasons(cli, tmp_path: Path, db_path: Path) -> None:
    source = _rejections_file(tmp_path)
    result = cli("import", "daylio", str(source))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Scores: rad 9, good 7, meh 5, bad 3, awful 1",
        "line 2: unknown mood label 'super' (give it a score with --map super=SCORE); "
        "2026-11-01 not imported",
        "line 4: bad date '2026-11-31' (expected YYYY-MM-DD)",
        "line 5: future date 2026-11-21 (today is 2026-11-20)",
        "line 6: empty mood; 2026-11-05 not imported",
        "line 8: empty date",
        "line 9: bad date '06/11/2026' (expected YYYY-MM-DD)",
        f"Imported 1 day from {source}, skipped 0 (already logged), rejected 6 rows "
        "(2 days held back whole, so a corrected re-run brings them in complete).",
    ]
    assert _moods(db_path) == {dt.date(2026, 11, 6): (3, "Daylio 10:00 bad")}

    again = cli("import", "daylio", str(source), "--map", "super=8")
    assert again.out.splitlines()[0] == "Scores: rad 9, good 7, meh 5, bad 3, awful 1, super 8"
    assert again.out.splitlines()[-1] == (
        f"Imported 1 day from {source}, skipped 1 (already logged), rejected 5 rows "
        "(1 day held back whole, so a corrected re-run brings them in complete)."
    )
    assert _moods(db_path)[dt.date(2026, 11, 1)] == (
        8,  # (8 + 7) / 2 = 7.5, rounded half up
        "Daylio 10:00 super\nDaylio 11:00 good",
    )


def test_logged_days_skipped_never_overwritten(import_daylio, cli, db_path: Path) -> None:
    assert cli("mood", "4", "--date", "2026-11-02", "--note", "mine").code == 0
    source, result = import_daylio(HEADER, "2026-11-02,,,,rad,,,", "2026-11-03,,,,rad,,,")
    assert result.out.splitlines()[-1] == (
        f"Imported 1 day from {source}, skipped 1 (already logged), rejected 0 rows."
    )
    assert _moods(db_path) == {
        dt.date(2026, 11, 2): (4, "mine"),
        dt.date(2026, 11, 3): (9, "Daylio rad"),
    }


def test_dry_run_reports_the_same_and_writes_nothing(cli, tmp_path: Path, db_path: Path) -> None:
    source = _rejections_file(tmp_path)
    dry = cli("import", "daylio", str(source), "--dry-run")
    assert dry.code == 0
    assert not db_path.exists()
    assert dry.out.splitlines()[-1] == (
        f"Dry run of {source}: would import 1 day, skip 0 (already logged), reject 6 rows "
        "(2 days held back whole, so a corrected re-run brings them in complete); "
        "nothing was written."
    )
    assert cli("mood", "5", "--date", "2026-11-06").code == 0
    before = db_path.read_bytes()
    dry = cli("import", "daylio", str(source), "--dry-run", "--map", "super=8")
    assert dry.out.splitlines()[-1].startswith(
        f"Dry run of {source}: would import 1 day, skip 1 (already logged), reject 5 rows"
    )
    assert db_path.read_bytes() == before
    real = cli("import", "daylio", str(source), "--map", "super=8")
    rejections = [line for line in dry.out.splitlines() if line.startswith("line ")]
    assert real.out.splitlines()[1:-1] == rejections
    assert [line for line in dry.out.splitlines() if line.startswith("would ")] == [
        "would add 2026-11-01: mood 8; 'Daylio 10:00 super' (+1 more line)",
        "would skip 2026-11-06 (already in the diary)",
    ]
    assert real.out.splitlines()[-1].startswith(
        f"Imported 1 day from {source}, skipped 1 (already logged), rejected 5 rows"
    )


NOT_DAYLIO = {
    "0 bytes": (b"", "is empty"),
    "blank lines": (b"\r\n\r\n  \n", "is empty"),
    "PNG image": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "is binary data"),
    "other CSV": (
        b"date,score\n2026-01-01,5\n",
        "its header has no full_date (or year and date) and mood",
    ),
    "a diary backup": (
        b'{"format": "diary-backup"}\n',
        "its header has no full_date (or year and date) and mood",
    ),
    "Latin-1": ("full_date,mood,note\n2026-01-01,good,caf\xe9\n".encode("latin-1"), "not UTF-8"),
    "huge field": (
        f'{HEADER}\n2026-01-01,,,,good,,,"{"x" * 200_000}"\n'.encode(),
        "line 2 cannot be read as CSV",
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_DAYLIO))
def test_not_a_daylio_file_refused(cli, tmp_path: Path, db_path: Path, case: str) -> None:
    data, expected = NOT_DAYLIO[case]
    source = tmp_path / "in.csv"
    source.write_bytes(data)
    result = cli("import", "daylio", str(source))
    assert result.code == 2
    assert result.err.count("\n") == 1 and expected in result.err, result.err
    assert result.err.rstrip().endswith("nothing was imported")
    assert not db_path.exists()
    assert cli("mood", "5").code == 0
    before = db_path.read_bytes()
    assert cli("import", "daylio", str(source)).code == 2
    assert db_path.read_bytes() == before


def test_missing_file_and_folder_refused(cli, tmp_path: Path, db_path: Path) -> None:
    missing = cli("import", "daylio", str(tmp_path / "nope.csv"))
    assert missing.code == 2 and "does not exist" in missing.err
    folder = cli("import", "daylio", str(tmp_path))
    assert folder.code == 2 and "is a folder" in folder.err
    assert not db_path.exists()


@pytest.mark.parametrize(
    "maps",
    [["super"], ["super=11"], ["super=x"], ["=5"], ["super=-1"], ["super=5", "SUPER=6"]],
)
def test_bad_map_values_refused(cli, tmp_path: Path, db_path: Path, maps: list[str]) -> None:
    source = _write(tmp_path / "d.csv", HEADER, "2026-11-02,,,,super,,,")
    args = [part for value in maps for part in ("--map", value)]
    result = cli("import", "daylio", str(source), *args)
    assert result.code == 2
    assert result.err.startswith("diary: mood label map (--map): ") and result.err.count("\n") == 1
    assert not db_path.exists()


def test_every_row_rejected_exits_2_and_writes_nothing(import_daylio, db_path) -> None:
    source, result = import_daylio(HEADER, "2026-11-02,,,,super,,,", "2026-11-03,,,,,,,")
    assert result.code == 2
    assert result.err == (
        f"diary: {source}: no day could be imported (2 of 2 rows rejected; first: line 2: "
        "unknown mood label 'super' (give it a score with --map super=SCORE); "
        "2026-11-02 not imported)\n"
    )
    assert "line 3: empty mood; 2026-11-03 not imported" in result.out
    assert not db_path.exists()


def test_header_only_imports_nothing(import_daylio, db_path: Path) -> None:
    source, result = import_daylio(HEADER)
    assert result.code == 0
    assert result.out.splitlines()[-1] == (
        f"Imported 0 days from {source}, skipped 0 (already logged), rejected 0 rows."
    )
    assert not db_path.exists()


def test_five_years_import_quickly(cli, tmp_path: Path, db_path: Path) -> None:
    rng = random.Random(5)
    labels = list(DEFAULT_SCORES)
    lines = [HEADER]
    day = dt.date(2021, 11, 21)
    days = 0
    while day <= dt.date(2026, 11, 20):
        days += 1
        for hour in sorted(rng.sample(range(7, 23), rng.choice((1, 1, 2, 3)))):
            note = rng.choice(("", 'Walked, then "coffee"', "Line\nbreak", "Кофе ☕"))
            lines.append(
                f'{day},{day:%B %d},{day:%A},{hour}:00,{rng.choice(labels)},walk | read,,"{note}"'
            )
        day += dt.timedelta(days=1)
    lines[1:] = reversed(lines[1:])  # Daylio lists the newest entry first
    source = _write(tmp_path / "five.csv", *lines, newline="\r\n")
    started = time.perf_counter()
    result = cli("import", "daylio", str(source))
    elapsed = time.perf_counter() - started
    assert result.code == 0, result.err
    assert days == 1826
    assert result.out.splitlines()[-1] == (
        f"Imported 1,826 days from {source}, skipped 0 (already logged), rejected 0 rows."
    )
    assert len(_moods(db_path)) == 1826
    assert elapsed < 2.0, f"{elapsed:.2f} s"


def test_oversized_file_refused(import_daylio, db_path: Path, monkeypatch) -> None:
    import diary.files.imports.plan as plan_module

    monkeypatch.setattr(plan_module, "MAX_BYTES", 50)
    _, result = import_daylio(HEADER, "2026-11-02,,,,rad,,,")
    assert result.code == 2
    assert "is 81 bytes; a Daylio CSV export is at most 50" in result.err
    assert not db_path.exists()


def test_older_seven_column_layout(import_daylio, db_path: Path) -> None:
    source, result = import_daylio(
        "year,date,weekday,time,mood,activities,note",
        "2025,16 May,Friday,8:30 pm,good,walk | friends,Dinner out",
        "2025,16 May,Friday,9:00 am,bad,,",
        "2025,17 May,Saturday,10:00,rad,,",
        "2025,31 Feb,Tuesday,10:00,rad,,",
        "20x5,18 May,Sunday,10:00,rad,,",
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[1:] == [
        "line 5: bad date '31 Feb 2025' (expected a year and a date like 16 May)",
        "line 6: bad date '18 May 20x5' (expected a year and a date like 16 May)",
        f"Imported 2 days from {source}, skipped 0 (already logged), rejected 2 rows.",
    ]
    assert _moods(db_path) == {
        dt.date(2025, 5, 16): (
            5,
            "Daylio 09:00 bad\nDaylio 20:30 good: activities: walk | friends; Dinner out",
        ),
        dt.date(2025, 5, 17): (9, "Daylio 10:00 rad"),
    }


def test_daylio_html_notes_become_plain_text(import_daylio, db_path: Path) -> None:
    note = (
        "<b>Session day</b><br>Felt floaty<br/><ul><li>walked</li><li>slept &amp; ate</li>"
        "</ul>x &lt; 3 &nbsp;ok"
    )
    _, result = import_daylio(HEADER, f'2026-11-01,,,10:00,good,,<i>Title</i>,"{note}"')
    assert result.code == 0
    assert _moods(db_path)[dt.date(2026, 11, 1)] == (
        7,
        "Daylio 10:00 good: title: Title; Session day\nFelt floaty\n- walked\n- slept & ate\n"
        "x < 3 \xa0ok",
    )
