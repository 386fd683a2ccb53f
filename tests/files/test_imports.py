"""Every importer on its sample file (tests/data/imports/): the exact rejections with their
line or entry numbers, the counts, a second import that changes nothing, a dry run that
writes nothing, and what the records hold."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from diary.store import open_store

DATA = Path(__file__).parents[1] / "data" / "imports"
HELD = " ({} held back whole, so a corrected re-run brings them in complete)"
CSV_OPTIONS = (
    "--date-column",
    "Day",
    "--mood-column",
    "mood (1-10)",
    "--scale",
    "1-10",
    "--note-column",
    "Journal",
    "--date-format",
    "%d/%m/%Y",
)


@dataclass(frozen=True)
class Sample:
    kind: str
    file: str
    options: tuple[str, ...]
    lines: tuple[str, ...]  # the scale line and each rejection, as printed
    days: int
    sessions: int
    rejected: int
    held: int


SAMPLES = [
    Sample(
        "daylio",
        "daylio-old.csv",
        (),
        (
            "Scores: rad 9, good 7, meh 5, bad 3, awful 1",
            "line 12: bad date '31 September 2026' (expected a year and a date like 16 May)",
            "line 22: unknown mood label 'sleepy' (give it a score with --map sleepy=SCORE); "
            "2026-09-20 not imported",
        ),
        30,
        0,
        2,
        1,
    ),
    Sample(
        "daylio-backup",
        "backup.daylio",
        (),
        (
            "Scores: mood groups 1 (best) to 5 as 9, 7, 5, 3, 1",
            "entry 9: unknown mood id 42; 2026-09-08 not imported",
            "entry 13: bad datetime 'yesterday' or timeZoneOffset",
        ),
        29,
        0,
        2,
        1,
    ),
    Sample(
        "bearable",
        "bearable.csv",
        (),
        (
            "Mood: Bearable's 1-5 scale, 1 1, 2 3, 3 5, 4 7, 5 9",
            "line 9: bad date '31st Sep 2026' (expected a date like 8th Dec 2021)",
            "line 14: no mood score on this day; 2026-10-11 not imported",
            "line 17: mood 'great' is not a whole number on 1-5; 2026-09-04 not imported",
        ),
        24,
        0,
        3,
        2,
    ),
    Sample(
        "emoods",
        "emoods.csv",
        (),
        (
            "Mood from eMoods' depressed rating: 0 7, 1 5, 2 3, 3 1; anxiety 0-3 as 0, 3, 7, 10",
            "line 12: bad date '2026-02-30' (expected YYYY-MM-DD or MM/DD/YYYY)",
            "line 17: depressed rating '4' is not 0-3; 2026-09-14 not imported",
            "line 23: sleep '27' is not hours 0-24; 2026-09-19 not imported",
            "line 37: future date 2026-12-01 (today is 2026-11-20)",
        ),
        28,
        0,
        4,
        2,
    ),
    Sample(
        "afterflow",
        "afterflow.csv",
        (),
        (
            "Moods: Afterflow's 1-10 as 0-10 (x - 1) x 10 / 9, rounded half up",
            "line 8: bad date 'Sep 31, 2026 at 10:30 AM' (expected a date like Dec 10, 2024 at "
            "2:30 PM)",
            "line 13: same start as line 11 (2026-09-13 14:30:00+00:00)",
            "line 16: mood before 11 outside the scale 1-10",
        ),
        20,
        11,
        3,
        0,
    ),
    Sample(
        "pixels",
        "pixels.json",
        (),
        (
            "Scores: 1 1, 2 3, 3 5, 4 7, 5 9",
            "entry 7: bad date '2026-9-31' (expected YYYY-M-D)",
            "entry 10: mood value 7 is not one of 1, 2, 3, 4, 5; 2026-09-09 not imported",
        ),
        23,
        0,
        2,
        1,
    ),
    Sample("pixels", "pixels-old.json", (), ("Scores: 1 1, 2 3, 3 5, 4 7, 5 9",), 7, 0, 0, 0),
    Sample(
        "csv",
        "mood-tracker.csv",
        CSV_OPTIONS,
        (
            "Moods: 1-10 as 0-10 (x - 1) x 10 / 9, rounded half up",
            "line 13: bad date '2026-09-10' (expected %d/%m/%Y)",
            "line 18: mood 12 outside the scale 1-10; 2026-09-15 not imported",
            "line 21: unknown mood label 'okay' (give it a score with --map okay=SCORE); "
            "2026-09-18 not imported",
        ),
        28,
        0,
        3,
        2,
    ),
]


def _summary(sample: Sample, source: Path, days: int, sessions: int, skipped: int) -> str:
    what = f"{days} day{'' if days == 1 else 's'}"
    if sample.kind == "afterflow":
        what += f" and {sessions} session{'' if sessions == 1 else 's'}"
    rows = f"{sample.rejected} row{'' if sample.rejected == 1 else 's'}"
    held = (
        HELD.format(f"{sample.held} day{'' if sample.held == 1 else 's'}") if sample.held else ""
    )
    return (
        f"Imported {what} from {source}, skipped {skipped} (already logged), rejected {rows}"
        f"{held}."
    )


def _counts(db: Path) -> dict[str, int]:
    with open_store(db) as store:
        return {table: len(rows) for table, (_, rows) in store.table_rows().items()}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.file)
def test_sample_counts_rejections_and_a_second_import(cli, tmp_path: Path, db_path, sample):
    source = tmp_path / sample.file
    shutil.copy(DATA / sample.file, source)
    args = ("import", sample.kind, str(source), *sample.options)

    dry = cli(*args, "--dry-run")
    assert dry.code == 0, dry.err
    assert not db_path.exists()  # a dry run does not even create the diary
    planned = [line for line in dry.out.splitlines() if line.startswith("would ")]
    assert [line for line in dry.out.splitlines()[:-1] if line not in planned] == list(
        sample.lines
    )
    assert len([p for p in planned if p.startswith("would add 2")]) == sample.days
    assert len([p for p in planned if p.startswith("would add a session")]) == sample.sessions
    assert dry.out.splitlines()[-1].startswith("Dry run of ")

    first = cli(*args)
    assert first.code == 0, first.err
    assert first.out.splitlines() == [
        *sample.lines,
        _summary(sample, source, sample.days, sample.sessions, 0),
    ]
    counts = _counts(db_path)
    assert counts["moods"] == sample.days and counts["sessions"] == sample.sessions

    again = cli(*args)
    assert again.code == 0, again.err
    assert again.out.splitlines()[-1] == _summary(
        sample, source, 0, 0, sample.days + sample.sessions
    )
    assert _counts(db_path) == counts

    before = db_path.read_bytes()
    dry_again = cli(*args, "--dry-run")
    assert dry_again.out.splitlines()[-1].startswith(f"Dry run of {source}: would import 0 day")
    skips = [line for line in dry_again.out.splitlines() if line.startswith("would skip")]
    assert len(skips) == sample.days + sample.sessions
    assert db_path.read_bytes() == before


def _moods(db: Path) -> dict[dt.date, tuple[int, int | None, float | None, str]]:
    with open_store(db) as store:
        return {m.day: (m.mood, m.anxiety, m.sleep_hours, m.note) for m in store.moods_between()}


def test_daylio_backup_reverses_the_groups_and_keeps_tags_and_notes(cli, db_path) -> None:
    assert cli("import", "daylio-backup", str(DATA / "backup.daylio")).code == 0
    moods = _moods(db_path)
    # 2026-09-01: custom mood Floaty (group 2) at 20:15 +01:00, tags walk and clinic, HTML note
    assert moods[dt.date(2026, 9, 1)][::3] == (
        7,
        "Daylio 20:15 Floaty: activities: walk | clinic; Session\nfelt ok",
    )
    # 2026-09-04: bad (group 4) and a rad one (group 1) with an HTML note -> mean of 3 and 9
    assert moods[dt.date(2026, 9, 4)][::3] == (
        6,
        "Daylio 20:15 bad\nDaylio 20:15 rad: second entry, same day",
    )
    assert moods[dt.date(2026, 9, 2)][::3] == (9, "Daylio 20:15 rad")


def test_daylio_backup_map_scores_a_custom_mood(cli, db_path) -> None:
    result = cli("import", "daylio-backup", str(DATA / "backup.daylio"), "--map", "Floaty=10")
    assert result.code == 0
    floaty = [m for m in _moods(db_path).values() if "Floaty" in m[3] and "\n" not in m[3]]
    assert floaty and all(m[0] == 10 for m in floaty)


def test_bearable_symptoms_and_medicines_go_into_the_note(cli, db_path) -> None:
    assert cli("import", "bearable", str(DATA / "bearable.csv")).code == 0
    note = _moods(db_path)[dt.date(2026, 9, 20)][3]
    assert "Bearable all day side effect: Nausea (Moderate)" in note.splitlines()
    assert "Bearable am medicine: Sertraline 50mg 1" in note.splitlines()
    assert "Bearable Sleep: Sleep quality: good 7.5" in note.splitlines()
    three = _moods(db_path)[dt.date(2026, 9, 3)][3]
    assert 'Bearable pm Notes: Line one\nline two, "quoted"' in three


def two_bearable_moods(path: Path, first: int, second: int) -> Path:
    """A Bearable export with a morning mood on 8 and on 9 December 2021."""
    path.write_text(
        "date,weekday,time of day,category,rating/amount,detail,notes\n"
        f"8th Dec 2021,Wed,am,Mood,{first},,\n9th Dec 2021,Thu,am,Mood,{second},,\n",
        encoding="utf-8",
    )
    return path


def test_bearable_0_to_10_is_kept(cli, tmp_path: Path, db_path) -> None:
    source = two_bearable_moods(tmp_path / "b.csv", 8, 3)
    result = cli("import", "bearable", str(source))
    assert result.out.splitlines()[0] == "Mood: Bearable's 0-10 scale, kept as it is"
    assert {d: m[0] for d, m in _moods(db_path).items()} == {
        dt.date(2021, 12, 8): 8,
        dt.date(2021, 12, 9): 3,
    }


def test_emoods_rule_anxiety_and_sleep(cli, tmp_path: Path, db_path) -> None:
    source = tmp_path / "e.csv"
    source.write_text(
        "DATE,DEPRESSED,ELEVATED,IRRITABILITY,ANXIETY,SLEEP,NOTE\n"
        "2026-10-01,0,1,0,0,7.5,fine\n2026-10-02,1,0,2,1,6,\n"
        "2026-10-03,2,0,0,2,,\n2026-10-04,3,0,0,3,4,\n",
        encoding="utf-8",
    )
    assert cli("import", "emoods", str(source)).code == 0
    moods = _moods(db_path)
    assert [(m[0], m[1], m[2]) for m in moods.values()] == [
        (7, 0, 7.5),
        (5, 3, 6.0),
        (3, 7, None),
        (1, 10, 4.0),
    ]
    assert moods[dt.date(2026, 10, 1)][3] == (
        "eMoods: depressed 0; anxiety 0; ELEVATED: 1; IRRITABILITY: 0; fine"
    )
    rm = cli("import", "emoods", str(source), "--map", "3=0", f"--db={tmp_path / 'x.db'}")
    assert rm.out.splitlines()[0].startswith(
        "Mood from eMoods' depressed rating: 0 7, 1 5, 2 3, 3 0"
    )


def test_afterflow_sessions_routes_and_moods(cli, db_path) -> None:
    assert cli("import", "afterflow", str(DATA / "afterflow.csv")).code == 0
    with open_store(db_path) as store:
        sessions = store.sessions_between()
    routes = [str(s.route) for s in sessions]
    assert routes[:5] == ["iv", "im", "intranasal", "sublingual", "oral"]
    assert routes[-1] == "other"  # "Ceremony": its words kept in the note
    assert "administration: Ceremony" in sessions[-1].note
    first = sessions[0]
    assert first.started_at == dt.datetime(2026, 9, 1, 10, 30, tzinfo=dt.UTC)
    assert first.note == (
        "Afterflow: treatment: Ketamine; administration: IV infusion; intention: Be kinder to "
        'myself; reflections: Felt spacious, "lighter"\nafterwards; music: '
        "https://example.org/playlist; mood before: 3; mood after: 8"
    )
    moods = _moods(db_path)
    assert moods[dt.date(2026, 8, 31)][0] == 2  # mood before 3 on 1-10, the day before
    assert moods[dt.date(2026, 9, 1)][0] == 8  # mood after 8 on 1-10: (8-1)*10/9 = 7.8


def test_afterflow_never_overwrites_a_logged_day(cli, db_path) -> None:
    cli("mood", "4", "--date", "2026-09-01", "--note", "mine")
    assert cli("import", "afterflow", str(DATA / "afterflow.csv")).code == 0
    assert _moods(db_path)[dt.date(2026, 9, 1)][::3] == (4, "mine")


def test_pixels_both_shapes_keep_notes_and_tags(cli, db_path) -> None:
    assert cli("import", "pixels", str(DATA / "pixels.json")).code == 0
    assert cli("import", "pixels", str(DATA / "pixels-old.json")).code == 0
    moods = _moods(db_path)
    four = moods[dt.date(2026, 9, 4)][3].splitlines()
    assert four[0].endswith(": tags: Emotions: calm, tired")
    assert four[1] == "Pixels 5: Évening: much better 🙂"
    two = moods[dt.date(2026, 10, 2)]
    assert (
        two[3].splitlines()[1] == "Pixels 4: tags: hopeful; older shape"
        or two[3].count("Pixels") == 2
    )


def test_csv_options_refused_in_one_line(cli, db_path) -> None:
    source = str(DATA / "mood-tracker.csv")
    base = ("import", "csv", source, "--date-column", "Day", "--mood-column", "mood (1-10)")
    for extra, message in [
        (("--scale", "10-1"), "--scale"),
        (("--scale", "\u0661-\u0665"), "--scale"),  # Arabic-Indic 1-5
        (("--scale", "0-" + "9" * 400), "--scale"),  # beyond a float: inf
        (("--scale", "1-10", "--date-format", "dd/mm"), "--date-format"),
        (("--scale", "1-10", "--note-column", "Diary"), "no diary column"),
    ]:
        result = cli(*base, *extra)
        assert result.code == 2 and message in result.err, result
        assert "Traceback" not in result.err and len(result.err.splitlines()) == 1
    assert not db_path.exists()


def test_every_kind_takes_map(cli, tmp_path: Path, db_path) -> None:
    bearable = two_bearable_moods(tmp_path / "b.csv", 5, 4)
    result = cli("import", "bearable", str(bearable), "--map", "5=10")
    assert (
        result.out.splitlines()[0] == "Mood: Bearable's 1-5 scale, 1 1, 2 3, 3 5, 4 7, 5 9; 5 10"
    )
    assert {d: m[0] for d, m in _moods(db_path).items()} == {
        dt.date(2021, 12, 8): 10,
        dt.date(2021, 12, 9): 7,
    }
    afterflow = tmp_path / "a.csv"
    afterflow.write_text(
        "Date,Treatment Type,Administration,Intention,Mood Before,Mood After,Reflections\n"
        '"Dec 10, 2024 at 2:30 PM",Ketamine,IV,,low,10,\n',
        encoding="utf-8",
    )
    other = tmp_path / "other.db"
    done = cli("import", "afterflow", str(afterflow), "--map", "low=2", f"--db={other}")
    assert done.code == 0, done
    with open_store(other) as store:
        assert {m.day: m.mood for m in store.moods_between()} == {
            dt.date(2024, 12, 9): 2,
            dt.date(2024, 12, 10): 10,
        }
