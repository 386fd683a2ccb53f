"""PHQ-9 and GAD-7: wording, scoring, and `diary checkin` end to end.

Every band edge is in tests/domain/test_domain.py.
"""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from diary.domain import CheckinKind, ValidationError
from diary.domain.crisis import EMERGENCY, SAMARITANS_LINE, TITLE, US_LINE
from diary.domain.questionnaires import ANSWER_OPTIONS, CREDIT, GAD7, PHQ9, questionnaire
from diary.store import open_store
from tests.conftest import run_diary

PHQ9_CREDIT = (
    "PHQ-9 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
    "colleagues, with an educational grant from Pfizer Inc."
)


# --- the definitions ----------------------------------------------------------------------


def test_official_wording() -> None:
    assert ANSWER_OPTIONS == (
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    )
    assert PHQ9.stem == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert GAD7.stem == (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    assert len(PHQ9.items) == 9 and len(GAD7.items) == 7
    assert PHQ9.items[0] == "Little interest or pleasure in doing things"
    assert PHQ9.items[8] == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert GAD7.items[0] == "Feeling nervous, anxious or on edge"
    assert GAD7.items[6] == "Feeling afraid as if something awful might happen"
    assert CREDIT.endswith(
        "No permission required to reproduce, translate, display or distribute."
    )
    assert PHQ9.credit == PHQ9_CREDIT
    assert GAD7.credit == "GAD-7" + PHQ9_CREDIT[len("PHQ-9") :]


@pytest.mark.parametrize(("scale", "outside"), [(PHQ9, -1), (PHQ9, 28), (GAD7, -1), (GAD7, 22)])
def test_totals_outside_the_scale_are_refused(scale, outside: int) -> None:
    with pytest.raises(ValidationError):
        scale.band(outside)


def test_bands_cover_every_total_once() -> None:
    for scale in (PHQ9, GAD7):
        covered = [t for b in scale.bands for t in range(b.low, b.high + 1)]
        assert covered == list(range(scale.max_total + 1))
    assert questionnaire("gad7") is GAD7


# --- diary checkin --answers --------------------------------------------------------------


def _db_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("diary.db*"))}


def _saved(db_path: Path) -> list[tuple[str, str, tuple[int, ...]]]:
    with open_store(db_path) as store:
        return [(str(c.kind), c.day.isoformat(), c.answers) for c in store.checkins_between()]


def test_answers_saved_item_by_item_with_total_band_and_credit(cli, db_path: Path) -> None:
    result = cli("checkin", "phq9", "--answers", "1,2,1,2,1,2,1,2,0")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "PHQ-9 saved for 2026-11-20.",
        "PHQ-9 total 12 of 27: moderate (10-14)",
        PHQ9_CREDIT,
    ]
    assert result.err == ""
    assert _saved(db_path) == [("phq9", "2026-11-20", (1, 2, 1, 2, 1, 2, 1, 2, 0))]


def test_gad7_with_date_and_loose_spelling(cli, db_path: Path) -> None:
    result = cli("checkin", "GAD-7", "--date", "yesterday", "--answers", " 3, 3,3,3 ,3,3,3")
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        "GAD-7 saved for 2026-11-19.",
        "GAD-7 total 21 of 21: severe (15-21)",
    ]
    assert _saved(db_path) == [("gad7", "2026-11-19", (3,) * 7)]


BAD_ANSWERS = [
    (
        ["phq9", "--answers", "1,1,1,1,1,1,1,1"],
        "--answers: '1,1,1,1,1,1,1,1'",
        "(8 answers given)",
    ),
    (["phq9", "--answers", "0,0,0,0,0,0,0,0,0,0"], "--answers", "(10 answers given)"),
    (["phq9", "--answers", "0,0,0,0,0,0,0,0,0,"], "--answers", "(10 answers given)"),
    (["gad7", "--answers", ""], "--answers: ''", "(no answers given)"),
    (["gad7", "--answers", "  "], "--answers: '  '", "(no answers given)"),
    (["phq8", "--answers", "0"], "scale: 'phq8'", "one of phq9, gad7"),
    (["", "--answers", "0"], "scale: ''", "one of phq9, gad7"),
    (["gad7", "--date", "2026-13-01", "--answers", "0,0,0,0,0,0,0"], "--date: '2026-13-01'", ""),
    (["gad7", "--date", "2026-11-22", "--answers", "0,0,0,0,0,0,0"], "--date: '2026-11-22'", ""),
    (["gad7", "3", "--answers", "0,0,0,0,0,0,0"], "unexpected '3'", "only delete takes an id"),
    (["list", "3"], "unexpected '3'", "only delete takes an id"),
]


BAD_ITEMS = [  # the scale as typed and as named, the answers, the bad item and what it holds
    ("phq9", "PHQ-9", "0,0,4,0,0,0,0,0,0", 3, "4"),
    ("phq9", "PHQ-9", "0,0,0,0,0,0,0,0,-1", 9, "-1"),
    ("gad7", "GAD-7", "0,x,0,0,0,0,0", 2, "x"),
    ("gad7", "GAD-7", "0,0,0,0,0,1.5,0", 6, "1.5"),
    ("gad7", "GAD-7", "0,0,0,,0,0,0", 4, ""),
]
BAD_ANSWERS += [
    (
        [scale, "--answers", answers],
        f"{name} item {item} in the answers (--answers): '{held}'",
        "0-3",
    )
    for scale, name, answers, item, held in BAD_ITEMS
]


@pytest.mark.parametrize(("args", "names", "accepted"), BAD_ANSWERS)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    cli, tmp_path: Path, args: list[str], names: str, accepted: str
) -> None:
    assert cli("mood", "5").code == 0
    before = _db_files(tmp_path)
    result = cli("checkin", *args)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith(f"diary: {names}")
    assert accepted in result.err
    assert _db_files(tmp_path) == before


def test_bad_input_creates_no_database(cli, db_path: Path) -> None:
    assert cli("checkin", "gad7", "--answers", "9,9,9,9,9,9,9").code == 2
    assert not db_path.exists()


# --- the crisis panel ---------------------------------------------------------------------


def test_item9_above_0_prints_the_panel_after_the_result(cli) -> None:
    result = cli("checkin", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[:3] == [
        "PHQ-9 saved for 2026-11-20.",
        "PHQ-9 total 1 of 27: minimal (0-4)",
        PHQ9_CREDIT,
    ]
    assert lines[3] == ""
    assert lines[4].startswith(f"── {TITLE} ──")
    assert "  • " + US_LINE in lines  # no country set: every known service, then the finder
    assert "  • Find a helpline in your country at findahelpline.com." in lines
    assert EMERGENCY in lines
    assert "Numbers checked on 2026-11-23." in lines
    assert result.err == ""


def test_item9_at_0_prints_no_panel_even_when_severe(cli) -> None:
    result = cli("checkin", "phq9", "--answers", "3,3,3,3,3,3,3,3,0")
    assert result.code == 0
    assert result.out.splitlines() == [
        "PHQ-9 saved for 2026-11-20.",
        "PHQ-9 total 24 of 27: severe (20-27)",
        PHQ9_CREDIT,
    ]


def test_gad7_never_prints_the_panel(cli) -> None:
    result = cli("checkin", "gad7", "--answers", "3,3,3,3,3,3,3")
    assert TITLE not in result.out and EMERGENCY not in result.out


def test_panel_uses_the_country_in_settings(cli) -> None:
    assert cli("settings", "--country", "ie").code == 0
    result = cli("checkin", "phq9", "--answers", "0,0,0,0,0,0,0,0,3")
    assert result.code == 0
    assert "  • " + SAMARITANS_LINE in result.out.splitlines()
    assert "988" not in result.out and "findahelpline" not in result.out
    assert EMERGENCY in result.out


# --- asking each item: stdin as lines -----------------------------------------------------


def _piped(scale: str, replies: str, *extra: str) -> subprocess.CompletedProcess:
    return run_diary("checkin", scale, *extra, input=replies)


def test_piped_replies_with_back_and_keep(db_path: Path) -> None:
    # item 1: 1; item 2: 2, then back to it and change to 3; back again, Enter keeps 3
    done = _piped("gad7", "1\n2\nb\n3\nb\n\n0\n1\n2\n3\n0\n")
    assert done.returncode == 0, done.stderr
    assert "  (you answered 2; Enter keeps it)" in done.stdout
    assert "  (you answered 3; Enter keeps it)" in done.stdout
    assert done.stdout.count("GAD-7 question 2 of 7") == 3
    # shown: 1, 2, 3, back to 2, 3, back to 2, 3, 4, 5, 6, 7; the options with each
    assert done.stdout.count("    3  Nearly every day") == 11
    assert done.stdout.splitlines()[-3:] == [
        "GAD-7 saved for 2026-11-20.",
        "GAD-7 total 10 of 21: moderate (10-14)",
        GAD7.credit,
    ]
    assert _saved(db_path) == [("gad7", "2026-11-20", (1, 3, 0, 1, 2, 3, 0))]


def test_piped_back_on_the_first_item_stays_there(db_path: Path) -> None:
    done = _piped("gad7", "b\n1\n1\n1\n1\n1\n1\n1\n")
    assert done.returncode == 0, done.stderr
    assert "  This is the first question." in done.stdout
    assert _saved(db_path) == [("gad7", "2026-11-20", (1,) * 7)]


def test_piped_q_leaves_with_exit_1_and_nothing_saved(db_path: Path) -> None:
    done = _piped("phq9", "1\n2\nq\n")
    assert done.returncode == 1
    assert done.stderr == "diary: check-in left at question 3; nothing was saved\n"
    assert not db_path.exists()


def test_piped_bad_line_exits_2_naming_item_and_value(cli, tmp_path: Path) -> None:
    assert cli("mood", "5").code == 0
    before = _db_files(tmp_path)
    done = _piped("phq9", "1\n2\n7\n1\n1\n1\n1\n1\n1\n1\n")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "diary: PHQ-9 item 3 on stdin: '7' is not accepted; expected 0, 1, 2 or 3 "
        "(b goes back, q quits without saving)"
    ]
    assert _db_files(tmp_path) == before


@pytest.mark.parametrize(("replies", "item"), [("", 1), ("1\n1\n1\n", 4)])
def test_piped_input_ending_early_exits_2(replies: str, item: int, db_path: Path) -> None:
    done = _piped("gad7", replies)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("diary: stdin: 'end of input' is not accepted")
    assert f"(it ended at item {item}); nothing was saved" in done.stderr
    assert not db_path.exists()


def test_piped_phq9_with_item9_prints_the_panel(db_path: Path) -> None:
    done = _piped("phq9", "0\n0\n0\n0\n0\n0\n0\n0\n2\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.index("PHQ-9 total 2 of 27: minimal (0-4)") < done.stdout.index(TITLE)
    assert EMERGENCY in done.stdout
    assert _saved(db_path) == [("phq9", "2026-11-20", (0,) * 8 + (2,))]


def test_in_process_stdin_is_read_as_lines(cli, monkeypatch, db_path: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("3\n2\n1\n0\n3\n2\n1\n"))
    result = cli("checkin", "gad7", "--date", "2026-11-01")
    assert result.code == 0, result.err
    assert _saved(db_path) == [("gad7", "2026-11-01", (3, 2, 1, 0, 3, 2, 1))]


# --- asking each item: a real terminal ----------------------------------------------------


def _at_terminal(scale: str, typed: bytes) -> subprocess.CompletedProcess:
    """Run `diary checkin SCALE` with a pseudo-terminal as stdin and type into it."""
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "diary", "checkin", scale],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ),
        )
        os.write(leader, typed)
        out, err = process.communicate(timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    return subprocess.CompletedProcess(
        process.args, process.returncode, out.decode(), err.decode()
    )


def test_terminal_asks_again_after_a_bad_reply(db_path: Path) -> None:
    done = _at_terminal("gad7", b"x\n5\n2\n2\n2\n2\n2\n2\n2\n")
    assert done.returncode == 0, done.stderr
    assert "  'x' is not an answer: type 0, 1, 2 or 3" in done.stdout
    assert "  '5' is not an answer" in done.stdout
    assert done.stdout.count("GAD-7 question 1 of 7") == 1  # asked again, not shown again
    assert "GAD-7 total 14 of 21: moderate (10-14)" in done.stdout
    assert _saved(db_path) == [("gad7", "2026-11-20", (2,) * 7)]


def test_terminal_end_of_input_leaves_like_q(db_path: Path) -> None:
    done = _at_terminal("phq9", b"1\n\x04")
    assert done.returncode == 1
    assert done.stderr == "diary: check-in left at the end of input; nothing was saved\n"
    assert not db_path.exists()


def test_checkin_kind_values_are_the_cli_names() -> None:
    assert [k.value for k in CheckinKind] == ["phq9", "gad7"]


def test_a_second_check_in_of_a_kind_on_a_day_asks_for_replace_or_also(cli, db_path: Path) -> None:
    cli("checkin", "phq9", "--answers", "1,1,1,1,1,1,1,1,0")
    cli("checkin", "gad7", "--answers", "1,1,1,1,1,1,1")  # another kind: no question
    before = _db_files(db_path.parent)
    result = cli("checkin", "phq9", "--answers", "2,2,2,2,2,2,2,2,0")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "diary: a PHQ-9 is already saved for 2026-11-20 (total 8); nothing was saved "
        "(--replace replaces it, --also keeps both)\n"
    )
    assert _db_files(db_path.parent) == before
    result = cli("checkin", "phq9", "--answers", "2,2,2,2,2,2,2,2,0", "--replace")
    assert result.code == 0, result.err
    assert "It replaced the PHQ-9 of that day (total 8)." in result.out.splitlines()
    assert [s for s in _saved(db_path) if s[0] == "phq9"] == [
        ("phq9", "2026-11-20", (2,) * 8 + (0,))
    ]
    assert cli("checkin", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--also").code == 0
    assert [s[2] for s in _saved(db_path) if s[0] == "phq9"] == [(2,) * 8 + (0,), (0,) * 9]
    both = cli("checkin", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--also", "--replace")
    assert both.code == 2


def test_a_failed_save_still_shows_the_crisis_panel_saying_so(
    cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diary.domain import DiaryError
    from diary.domain.crisis import NOT_SAVED_INTRO
    from diary.store import Store

    def fails(self, checkin, replacing=None):  # a locked file, a full disk ...
        raise DiaryError(f"cannot write to {self.path}: disk I/O error; nothing was saved")

    monkeypatch.setattr(Store, "save_checkin", fails)
    result = cli("checkin", "phq9", "--answers", "0,0,0,0,0,0,0,0,2")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "PHQ-9 answers were not saved for 2026-11-20."
    assert lines[4].startswith(f"── {TITLE} ──")
    assert " ".join(lines).count(NOT_SAVED_INTRO.split(",")[0]) == 1
    assert "Your answers are saved" not in result.out
    assert "  • " + US_LINE in lines and EMERGENCY in lines
    assert result.err == (f"diary: cannot write to {db_path}: disk I/O error; nothing was saved\n")
    assert _saved(db_path) == []
