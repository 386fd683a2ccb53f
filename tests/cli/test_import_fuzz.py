"""Any bytes given to any importer: no traceback; a refusal exits 2 in one line with nothing
written (not even a new diary); an import writes exactly the days and sessions it counts."""

from __future__ import annotations

import base64
import io
import itertools
import json
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from diary.store import TABLES, open_store

_names = itertools.count()
FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
CSV_OPTIONS = ("--date-column", "date", "--mood-column", "mood", "--scale", "1-5")
KINDS = {
    "daylio": (),
    "daylio-backup": (),
    "bearable": (),
    "emoods": (),
    "afterflow": (),
    "pixels": (),
    "csv": CSV_OPTIONS,
}
HEADERS = {
    "daylio": b"full_date,date,weekday,time,mood,activities,note\n",
    "bearable": b"date,weekday,time of day,category,rating/amount,detail,notes\n",
    "emoods": b"DATE,DEPRESSED,ELEVATED,IRRITABILITY,ANXIETY,SLEEP,NOTE\n",
    "afterflow": b"Date,Treatment Type,Administration,Intention,Mood Before,Mood After,"
    b"Reflections,Music Link URL\n",
    "csv": b"date,mood,note\n",
}
SUMMARY = re.compile(r"^Imported (\d+) days?(?: and (\d+) sessions?)? from", re.M)


def _check(cli, kind: str, source: Path, db: Path) -> None:
    result = cli("import", kind, str(source), f"--db={db}", *KINDS[kind])
    assert "Traceback" not in result.err, result.err
    if result.code != 0:
        assert result.code == 2, result
        assert result.err.count("\n") == 1 and result.err.startswith("diary: "), result.err
        assert not db.exists()  # nothing written, not even a new diary
        return
    assert result.err == ""
    found = SUMMARY.search(result.out)
    assert found, result.out
    days, sessions = int(found[1]), int(found[2] or 0)
    if not (days or sessions):
        assert not db.exists()
        return
    with open_store(db) as store:
        counts = {table: len(rows) for table, (_, rows) in store.table_rows().items()}
    assert set(counts) >= {"moods", "sessions"} and set(TABLES) >= {"moods", "sessions"}
    assert (counts["moods"], counts["sessions"]) == (days, sessions)


def _paths(tmp_path: Path, suffix: str) -> tuple[Path, Path]:
    n = next(_names)
    return tmp_path / f"in-{n}{suffix}", tmp_path / f"diary-{n}.db"


@pytest.mark.parametrize("kind", list(KINDS))
@FUZZ
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_any_bytes(cli, tmp_path, kind, data) -> None:
    source, db = _paths(tmp_path, ".in")
    source.write_bytes(data)
    _check(cli, kind, source, db)


cells = st.one_of(
    st.sampled_from(["", "1", "3", "5", "0", "11", "-2", "good", "rad", "2.5", "x,y"]),
    st.sampled_from(["2026-11-01", "8th Dec 2021", "11/02/2026", "Dec 10, 2024 at 2:30 PM"]),
    st.sampled_from(["2026-11-31", "1900-01-01", "2027-01-01", "Mood", "Symptom"]),
    st.text(max_size=12),
)


@pytest.mark.parametrize("kind", list(HEADERS))
@FUZZ
@given(rows=st.lists(st.lists(cells, min_size=1, max_size=9), max_size=8))
@example(rows=[["2026-11-01", "3"], ["2026-11-01", "x"]])
def test_rows_under_a_real_header(cli, tmp_path, kind, rows) -> None:
    import csv

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    source, db = _paths(tmp_path, ".csv")
    source.write_bytes(HEADERS[kind] + out.getvalue().encode("utf-8"))
    _check(cli, kind, source, db)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**15), 10**15)
    | st.sampled_from(["2026-11-1", "2026-9-31", "", "x", 3, 5, 0, 1763600000000]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "date",
                    "entries",
                    "value",
                    "notes",
                    "tags",
                    "mood",
                    "emotions",
                    "type",
                    "datetime",
                    "timeZoneOffset",
                    "note",
                    "id",
                    "mood_group_id",
                    "custom_name",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(document=json_values)
@example(document=[{"date": "2026-11-1", "entries": [{"value": 4}]}])
@example(document=[{"date": "2026-11-1", "mood": 2}])
def test_pixels_any_json(cli, tmp_path, document) -> None:
    source, db = _paths(tmp_path, ".json")
    source.write_text(json.dumps(document), encoding="utf-8")
    _check(cli, "pixels", source, db)


@FUZZ
@given(entries=json_values, moods=json_values)
@example(entries=[{"datetime": 1763600000000, "timeZoneOffset": 0, "mood": 2}], moods=[])
def test_daylio_backup_any_json_in_the_zip(cli, tmp_path, entries, moods) -> None:
    document = {"dayEntries": entries, "customMoods": moods, "tags": []}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("backup.daylio", base64.b64encode(json.dumps(document).encode()))
    source, db = _paths(tmp_path, ".daylio")
    source.write_bytes(buffer.getvalue())
    _check(cli, "daylio-backup", source, db)


def test_pixels_with_a_number_of_thousands_of_digits_is_refused_in_one_line(cli, tmp_path) -> None:
    source, db = _paths(tmp_path, ".json")
    source.write_bytes(b'[{"date": "2026-9-4", "entries": [{"value": ' + b"9" * 5000 + b"}]}]")
    result = cli("import", "pixels", str(source), f"--db={db}")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"diary: {source}: is not a Pixels JSON backup (a number in it is too long); "
        "nothing was imported\n"
    )
    assert not db.exists()
