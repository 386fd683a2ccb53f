"""Property tests over the command line's inputs and the Daylio importer (hypothesis).

For any input: no traceback; a rejection exits 2 with one line naming the field and writes
nothing (not even a new diary file); an accepted input reads back from the store equal to
what an independent reading of the documented rules expects. The examples run in-process
through `diary.cli.main` for speed; a few run as real processes at the end.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from diary import clock
from diary.domain import BUILTIN_SYMPTOMS, MoodEntry
from diary.domain import validation as check
from diary.files.imports.daylio import DEFAULT_SCORES, mean_score
from diary.store import TABLES, open_store
from tests.conftest import run_diary

TODAY = dt.date(2026, 11, 20)
EARLIEST = dt.date(1900, 1, 1)
WHOLE = re.compile(r"\s*[+-]?\d{1,9}\s*", re.ASCII)
DECIMAL = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*", re.ASCII)
BP = re.compile(r"\s*(\d{1,3})\s*/\s*(\d{1,3})\s*")
PROPERTY = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure reproduces
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_names = itertools.count()


# --- the documented rules, read independently of diary.domain.validation ----------------


def whole(text: str, low: int, high: int) -> int | None:
    return int(text) if WHOLE.fullmatch(text) and low <= int(text) <= high else None


def decimal(text: str, low: float, high: float, *, above: bool = False) -> float | None:
    if not DECIMAL.fullmatch(text):
        return None
    number = float(text)
    fits = (number > low if above else number >= low) and number <= high
    return number if math.isfinite(number) and fits else None


def day(text: str) -> dt.date | None:
    word = text.strip().casefold()
    if word in ("today", "yesterday"):
        found = TODAY - dt.timedelta(days=word == "yesterday")
    else:
        try:
            found = dt.date.fromisoformat(text.strip())
        except ValueError:
            return None
    return found if EARLIEST <= found <= TODAY + dt.timedelta(days=1) else None


def pressure(text: str) -> tuple[int, int] | None:
    match = BP.fullmatch(text)
    if not match:
        return None
    high, low = int(match[1]), int(match[2])
    return (high, low) if 50 <= high <= 300 and 30 <= low <= 200 and high > low else None


def symptom(text: str) -> tuple[str, int] | None:
    name, sep, severity = text.partition("=")
    if not sep:
        return None
    wanted = name.strip().casefold().replace(" ", "_").replace("-", "_")
    keys = [
        s.key
        for s in BUILTIN_SYMPTOMS
        if name == s.key or wanted in (s.key, s.label.casefold().replace(" ", "_"))
    ]
    value = whole(severity, 0, 3)
    return (keys[0], value) if keys and value is not None else None


def storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- strategies ---------------------------------------------------------------------------

any_text = st.text(max_size=12)
numbers = st.one_of(
    st.integers(0, 10).map(str),
    st.integers(-3, 14).map(str),
    st.floats(-2, 30).map(repr),
    st.sampled_from(["7", " 7 ", "+7", "07", "7.0", "7.", ".5", "٧", "１", "1e1", "0x7", "-0"]),
    st.sampled_from(["nan", "inf", "", " ", "10", "0", "9" * 12, "3\n", "1_0"]),
    any_text,
)
days = st.one_of(
    st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 21)).map(dt.date.isoformat),
    st.dates(dt.date(1899, 12, 25), dt.date(2026, 11, 25)).map(dt.date.isoformat),
    st.sampled_from(["today", "yesterday", " Today ", "tomorrow", "2026-02-30", "20261120"]),
    any_text,
)
notes = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["caf\udce9", "😀\u200d", "[/b]", "\x1b[31m", "a\nb\r\n", "=1+1"]),
)


@pytest.fixture
def fresh(tmp_path: Path):
    """A new path per example; half the time a copy of a small diary is there first."""
    template = tmp_path / "template.db"
    with open_store(template) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 1), 5, note="kept"))

    def make(existing: bool) -> Path:
        path = tmp_path / f"diary-{next(_names)}.db"
        if existing:
            shutil.copyfile(template, path)
            path.chmod(0o600)  # as the diary keeps it (a 0644 copy is tightened, and said)
        return path

    return make


def counts(path: Path) -> dict[str, int] | None:
    if not path.exists():
        return None
    import sqlite3

    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


def refused(
    result, before: dict[str, int] | None, path: Path, *fields: str, report: bool = False
) -> None:
    """Exit 2, one line that names one of the fields, nothing printed (but an importer's
    list of rejected rows, when report) and nothing written."""
    assert result.code == 2, result
    if report:
        assert result.out.startswith("Scores: rad 9, good 7, meh 5, bad 3, awful 1\n"), result
    else:
        assert result.out == ""
    assert "Traceback" not in result.err
    assert result.err.count("\n") == 1 and result.err.endswith("\n"), result.err
    assert result.err.startswith(tuple(f"diary: {f}" for f in fields)), result.err
    assert counts(path) == before
    event(f"refused: {result.err.split(':')[1].strip()[:30]}")


# --- mood ---------------------------------------------------------------------------------


@PROPERTY
@given(
    score=numbers,
    anxiety=st.none() | numbers,
    sleep=st.none() | numbers,
    note=st.none() | notes,
    date=st.none() | days,
    existing=st.booleans(),
)
@example(score="7", anxiety="10", sleep="7.5", note="ok", date="yesterday", existing=False)
def test_mood(cli, fresh, score, anxiety, sleep, note, date, existing) -> None:
    path = fresh(existing)
    before = counts(path)
    args = ["mood", f"--db={path}"]
    args += [] if anxiety is None else [f"--anxiety={anxiety}"]
    args += [] if sleep is None else [f"--sleep={sleep}"]
    args += [] if note is None else [f"--note={note}"]
    args += [] if date is None else [f"--date={date}"]
    result = cli(*args, "--", score)
    expected = {
        "date": TODAY if date is None else day(date),
        "mood": whole(score, 0, 10),
        "anxiety": None if anxiety is None else whole(anxiety, 0, 10),
        "sleep": None if sleep is None else decimal(sleep, 0, 24),
        "note": True if note is None or storable(note) else None,
    }
    given_fields = {"date": date, "mood": score, "anxiety": anxiety, "sleep": sleep, "note": note}
    bad = [f for f, v in expected.items() if v is None and given_fields[f] is not None]
    if bad:
        refused(result, before, path, *[f"--{f}" if f != "mood" else f for f in bad])
        return
    assert (result.code, result.err) == (0, ""), result
    entry = MoodEntry(
        expected["date"], expected["mood"], expected["anxiety"], expected["sleep"], note or ""
    )
    if existing and entry.day == dt.date(2026, 11, 1) and note is None:
        entry = entry.replace(note="kept")  # a field not given stays as it was saved
    with open_store(path) as store:
        assert store.mood_for(entry.day) == entry
        days_logged = {m.day for m in store.moods_between()}
    assert days_logged == {entry.day, *([dt.date(2026, 11, 1)] if existing else [])}
    assert result.out.startswith(f"Mood {entry.mood}/10 saved for {entry.day.isoformat()}")


# --- session add --------------------------------------------------------------------------

pressures = st.one_of(
    st.builds(lambda a, b: f"{a}/{b}", st.integers(20, 320), st.integers(10, 220)),
    st.sampled_from(["128/82", " 128 / 82 ", "82/128", "120/120", "128-82", "128/", "1280/82"]),
    any_text,
)
symptom_names = st.sampled_from(
    [s.key for s in BUILTIN_SYMPTOMS]
    + [s.label for s in BUILTIN_SYMPTOMS]
    + ["Blurred-Vision", " NAUSEA ", "blurred vision", "headache", "", "nausea=1"]
)
symptoms = st.one_of(
    st.builds(lambda n, s: f"{n}={s}", symptom_names, st.sampled_from(["0", "3", "4", "x", ""])),
    any_text,
)
moments = st.one_of(
    st.datetimes(dt.datetime(1899, 12, 30), dt.datetime(2026, 11, 23)).map(
        lambda m: m.replace(second=0, microsecond=0).isoformat(sep=" ")
    ),
    st.sampled_from(["now", "today", "yesterday", "2026-11-19 25:00", "2026-11-19T10:00+02:00"]),
    any_text,
)


@PROPERTY
@given(
    at=st.none() | moments,
    dose=st.none() | numbers,
    bp=st.none() | pressures,
    effects=st.lists(symptoms, max_size=3),
    note=st.none() | notes,
    existing=st.booleans(),
)
@example(
    at="2026-11-19 10:00", dose="35", bp="128/82", effects=["nausea=2"], note="", existing=True
)
def test_session_add(cli, fresh, at, dose, bp, effects, note, existing) -> None:
    path = fresh(existing)
    before = counts(path)
    args = ["session", "add", "--route=iv", f"--db={path}"]
    args += [] if at is None else [f"--at={at}"]
    args += [] if dose is None else [f"--dose-mg={dose}"]
    args += [] if bp is None else [f"--bp-pre={bp}"]
    args += [f"--symptom={e}" for e in effects]
    args += [] if note is None else [f"--note={note}"]
    result = cli(*args)
    now = clock.now()  # noon of the pinned today
    try:
        started = check.moment("--at", "now" if at is None else at, now)  # its own tests
    except check.ValidationError:
        started = None
    ratings = [symptom(e) for e in effects]
    keys = [r[0] for r in ratings if r is not None]
    problems = {  # each field as the message names it: in words, with its flag
        "date and time (--at)": started is None,
        "dose in mg (--dose-mg)": dose is not None and decimal(dose, 0, 1000, above=True) is None,
        "blood pressure pre-dose (--bp-pre)": bp is not None and pressure(bp) is None,
        "--symptom": None in ratings or len(set(keys)) != len(keys),
        "severity": None in ratings,
        "--note": note is not None and not storable(note),
    }
    if any(problems.values()):
        refused(result, before, path, *[f for f, bad in problems.items() if bad])
        return
    assert (result.code, result.err) == (0, ""), result
    with open_store(path) as store:
        (saved,) = store.sessions_between()
    assert saved.started_at == started
    assert saved.dose_mg == (None if dose is None else decimal(dose, 0, 1000, above=True))
    assert [(v.systolic, v.diastolic) for v in saved.vitals] == (
        [] if bp is None else [pressure(bp)]
    )
    assert sorted((r.symptom, int(r.severity)) for r in saved.side_effects) == sorted(ratings)
    assert saved.note == (note or "")


# --- checkin --------------------------------------------------------------------------------

answer_lists = st.one_of(
    st.lists(st.integers(0, 3).map(str), min_size=7, max_size=9).map(",".join),
    st.lists(st.integers(-1, 4).map(str), min_size=0, max_size=11).map(",".join),
    st.lists(st.sampled_from(["0", "1", " 2 ", "3", "", "x", "1.0"]), max_size=10).map(",".join),
    any_text,
)


@PROPERTY
@given(scale=st.sampled_from(["phq9", "gad7", "PHQ-9", " GAD7 ", "phq", ""]), answers=answer_lists)
def test_checkin(cli, fresh, scale, answers) -> None:
    path = fresh(False)
    result = cli("checkin", scale, f"--answers={answers}", f"--db={path}")
    key = scale.strip().casefold().replace("-", "")
    count = {"phq9": 9, "gad7": 7}.get(key)
    parts = [whole(p, 0, 3) for p in answers.split(",")]
    if count is None or len(parts) != count or None in parts or not answers.strip():
        refused(result, None, path, "scale", "--answers", "PHQ-9 item", "GAD-7 item")
        return
    assert (result.code, result.err) == (0, ""), result
    with open_store(path) as store:
        (saved,) = store.checkins_between()
    assert (saved.kind.value, saved.day, saved.answers) == (key, TODAY, tuple(parts))
    assert f"{sum(parts)}" in result.out


# --- import daylio --------------------------------------------------------------------------

labels = st.sampled_from([*DEFAULT_SCORES, "Good", " rad ", "super", ""])
rows = st.lists(
    st.tuples(
        st.one_of(
            st.dates(dt.date(2026, 10, 1), dt.date(2026, 11, 22)).map(dt.date.isoformat),
            st.sampled_from(["", "2026-13-01", "1.11.2026", "2026-11-1"]),
        ),
        labels,
        st.text(st.characters(codec="utf-8", exclude_characters="\r\x00"), max_size=15),
    ),
    max_size=8,
)


def daylio_csv(entries: list[tuple[str, str, str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities", "note"])
    for index, (date, label, note) in enumerate(entries):
        writer.writerow([date, "", "", f"{8 + index}:00", label, "", note])
    return out.getvalue()


@PROPERTY
@given(entries=rows, existing=st.booleans())
def test_import_daylio_rows(cli, fresh, tmp_path, entries, existing) -> None:
    path = fresh(existing)
    before = counts(path)
    source = tmp_path / f"daylio-{next(_names)}.csv"
    source.write_text(daylio_csv(entries), encoding="utf-8")
    result = cli("import", "daylio", str(source), f"--db={path}")
    assert "Traceback" not in result.err
    rejected = 0
    by_day: dict[dt.date, list[int | None]] = {}
    for date, label, _note in entries:
        found = day(date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.strip()) else None
        if found is None or found > TODAY:
            rejected += 1  # a bad or future date: the row alone is rejected
            continue
        score = DEFAULT_SCORES.get(label.strip().casefold())
        rejected += score is None  # an unknown label: its whole day is held back
        by_day.setdefault(found, []).append(score)
    importable = {d: mean_score(s) for d, s in by_day.items() if None not in s}  # type: ignore[arg-type]
    if rejected and not importable:
        refused(result, before, path, f"{source}: no day could be imported", report=True)
        return
    assert (result.code, result.err) == (0, ""), result
    wanted = dict(importable)
    if existing:
        wanted.pop(dt.date(2026, 11, 1), None)  # a logged day is never overwritten
    if not wanted:
        assert counts(path) == before
        return
    with open_store(path) as store:
        stored = {m.day: m.mood for m in store.moods_between()}
        notes_by_day = {m.day: m.note for m in store.moods_between()}
    for when, mood in wanted.items():
        assert stored[when] == mood
        for date, _label, note in entries:
            if date == when.isoformat() and note.strip():
                assert note.strip() in notes_by_day[when]
    if existing:
        assert (stored[dt.date(2026, 11, 1)], notes_by_day[dt.date(2026, 11, 1)]) == (5, "kept")


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
@example(data=b"full_date,mood\n2026-11-01,good\n")
@example(data=b'\xef\xbb\xbffull_date,mood\r\n"2026-11-01,good\n')
@example(data=b'full_date,mood\n2026-11-01,good,"x\n')
def test_import_daylio_random_bytes(cli, fresh, tmp_path, data) -> None:
    path = fresh(False)
    source = tmp_path / f"bytes-{next(_names)}.csv"
    source.write_bytes(data)
    result = cli("import", "daylio", str(source), f"--db={path}")
    assert "Traceback" not in result.err
    if result.code == 2:
        report = "no day could be imported" in result.err  # rows read, every one rejected
        refused(result, None, path, str(source), report=report)
        return
    assert (result.code, result.err) == (0, ""), result
    imported = int(re.search(r"^Imported (\d+) day", result.out, re.M)[1])
    if imported:
        with open_store(path) as store:
            assert len(store.moods_between()) == imported
    else:
        assert not path.exists()


# --- a few real processes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("mood", "7", "--note", "caf\udce9"),  # a Latin-1 byte in argv
            "diary: --note: 'text with byte 0xE9 at character 4' is not accepted; "
            "expected UTF-8 text (is the terminal set to UTF-8?)",
        ),
        (
            ("session", "add", "--route", "iv", "--clinic", "\udcff"),
            "diary: --clinic: 'text with byte 0xFF at character 1' is not accepted; "
            "expected UTF-8 text (is the terminal set to UTF-8?)",
        ),
        (
            ("mood", "\udcff"),
            "diary: mood: '\\udcff' is not accepted; expected a whole number 0-10",
        ),
        (
            ("checkin", "gad7", "--answers", "1,1,1,1,1,1,١"),
            "diary: GAD-7 item 7 in the answers (--answers): '١' is not accepted; "
            "expected a whole number 0-3",
        ),
    ],
)
def test_real_processes_refuse_in_one_line(args, message, db_path: Path) -> None:
    done = run_diary(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == message + "\n"
    assert not db_path.exists()


def test_a_real_process_reads_back_what_it_accepted(db_path: Path) -> None:
    done = run_diary("mood", " 07 ", "--anxiety", "+3", "--sleep", ".5", "--note", "ok 👍🏽")
    assert (done.returncode, done.stderr) == (0, "")
    with open_store(db_path) as store:
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 7, 3, 0.5, "ok 👍🏽")
