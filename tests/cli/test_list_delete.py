"""`diary session list|edit|delete ID` and `diary checkin list|delete ID`: a delete asks on
a terminal (--yes for scripts) and names what it removed."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from diary.domain import Route, Session, Severity, VitalLabel, VitalReading
from diary.store import open_store


class Terminal(io.StringIO):
    """Typed answers on a terminal."""

    def isatty(self) -> bool:
        return True


def two_sessions(cli) -> None:
    first = (
        "session", "add", "--at", "2026-11-19 10:00", "--route", "iv", "--dose-mg", "35",
        "--bp-pre", "128/82", "--symptom", "nausea=2", "--clinic", "Oak",
    )  # fmt: skip
    assert cli(*first).code == 0
    assert cli("session", "add", "--at", "2026-11-20 10:00", "--route", "im").code == 0


def test_session_list_shows_ids_numbers_and_doses(cli) -> None:
    two_sessions(cli)
    assert cli("session", "list").out == (
        "id 1  #1  2026-11-19 10:00  IV infusion 35 mg · Oak\n"
        "id 2  #2  2026-11-20 10:00  IM injection\n"
    )


def test_lists_with_nothing_recorded_say_so(cli) -> None:
    assert cli("session", "list").out == "No sessions recorded.\n"
    assert cli("checkin", "list").out == "No check-ins recorded.\n"


def test_session_edit_changes_only_what_is_given(cli, db_path: Path) -> None:
    two_sessions(cli)
    result = cli("session", "edit", "1", "--dose-mg", "36", "--symptom", "dizziness=mild")
    assert result.out == "Session changed: id 1  #1  2026-11-19 10:00  IV infusion 36 mg · Oak.\n"
    with open_store(db_path) as store:
        session = store.session(1)
    assert session.dose_mg == 36 and session.clinic == "Oak"
    assert session.vital(VitalLabel.PRE).systolic == 128
    assert {r.symptom: r.severity for r in session.side_effects} == {
        "nausea": Severity.MODERATE,
        "dizziness": Severity.MILD,
    }


def test_session_edit_with_nothing_to_change_exits_2_and_writes_nothing(
    cli, db_path: Path
) -> None:
    two_sessions(cli)
    before = (db_path.read_bytes(), db_path.stat().st_mtime_ns)
    result = cli("session", "edit", "1")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "diary: give what to change, e.g. --note TEXT or --bp-pre 128/82 "
        "(see 'diary session edit --help'); nothing was changed\n"
    )
    assert (db_path.read_bytes(), db_path.stat().st_mtime_ns) == before


def test_session_edit_keeps_each_reading_whole(cli, db_path: Path) -> None:
    """An edit of the note keeps every saved reading as it was: heart rate and SpO2 too."""
    started = dt.datetime(2026, 11, 19, 10, 0, tzinfo=dt.UTC)
    readings = (
        VitalReading(VitalLabel.PRE, 128, 82, heart_rate=72, spo2=97, taken_at=started),
        VitalReading(VitalLabel.DISCHARGE, 122, 80, heart_rate=66),
    )
    with open_store(db_path) as store:
        saved = store.add_session(Session(started, Route.IV, dose_mg=35, vitals=readings))
        before = store.session(saved.id).vitals
    assert cli("session", "edit", str(saved.id), "--note", "calm after").code == 0
    with open_store(db_path) as store:
        after = store.session(saved.id)
    assert after.note == "calm after"
    whole = [(v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2) for v in before]
    assert [
        (v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2) for v in after.vitals
    ] == whole
    assert whole[0][3:] == (72, 97)


def test_session_delete_asks_on_a_terminal_and_names_what_it_removed(
    cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_sessions(cli)
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    kept = cli("session", "delete", "1")
    assert (kept.code, kept.err) == (1, "diary: nothing was deleted\n")
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    gone = cli("session", "delete", "1")
    assert gone.code == 0
    assert gone.out.endswith(
        "Deleted session #1 of 2026-11-19 10:00 (IV infusion 35 mg) with 1 BP reading(s) "
        "and 1 side effect(s).\n"
    )
    assert gone.out.startswith("Delete session #1 of 2026-11-19 10:00")  # the question
    with open_store(db_path) as store:
        assert [s.started_at.date() for s in store.sessions_between()] == [dt.date(2026, 11, 20)]


def test_without_a_terminal_a_delete_needs_yes(cli, db_path: Path) -> None:
    two_sessions(cli)
    before = db_path.read_bytes()
    refused = cli("session", "delete", "2")
    assert (refused.code, refused.err) == (
        2,
        "diary: not deleted: give --yes to delete without a terminal\n",
    )
    assert db_path.read_bytes() == before
    assert cli("session", "delete", "2", "--yes").code == 0
    assert cli("session", "delete", "2", "--yes").code == 2  # gone: not found


def test_checkin_list_and_delete(cli, db_path: Path) -> None:
    cli("checkin", "phq9", "--answers", "1,1,1,1,1,1,1,1,0")
    cli("checkin", "gad7", "--answers", "1,1,1,1,1,1,1")
    assert cli("checkin", "list").out == (
        "id 1  2026-11-20  PHQ-9  total 8 (mild)\nid 2  2026-11-20  GAD-7  total 7 (mild)\n"
    )
    assert cli("checkin", "delete", "1").code == 2  # no terminal, no --yes
    result = cli("checkin", "delete", "1", "--yes")
    assert result.out == "Deleted the check-in id 1  2026-11-20  PHQ-9  total 8 (mild).\n"
    with open_store(db_path) as store:
        assert [c.id for c in store.checkins_between()] == [2]
    assert cli("checkin", "delete", "1", "--yes").code == 2
    assert cli("checkin", "delete").code == 2
