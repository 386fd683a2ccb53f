"""A run of one command builds only that command's parser and imports only its module."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary.cli.parsing import COMMANDS, build_parser, command_named
from diary.cli.quick import quick_args

NAMES = [name for names, _, _ in COMMANDS for name in names]


def branches(parser) -> dict:  # type: ignore[no-untyped-def]
    (commands,) = [a for a in parser._actions if a.dest == "==SUPPRESS==" and a.choices]
    return commands.choices


def test_the_table_names_every_command_once() -> None:
    assert list(branches(build_parser())) == NAMES
    assert len(set(NAMES)) == len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_one_command_alone_has_the_help_it_has_in_the_whole_tree(name: str) -> None:
    alone = branches(build_parser([name]))
    whole = branches(build_parser())
    assert set(alone) <= set(whole) and name in alone
    assert alone[name].format_help() == whole[name].format_help()


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["mood", "7"], "mood"),
        (["--db", "x.db", "mood", "7"], "mood"),
        (["--db=x.db", "due"], "due"),
        (["--d", "x.db", "mood"], "--d"),  # an abbreviation: the whole tree reads it
        (["--help"], "--help"),
        (["--db"], None),
        ([], None),
    ],
)
def test_the_command_word(argv: list[str], named: str | None) -> None:
    assert command_named(argv) == named


# What `diary mood 7` loads, all of it: a module added here is a cost every quick log pays.
QUICK_PATH = [
    "diary",
    "diary.actions",
    "diary.actions.asker",
    "diary.actions.diary",
    "diary.actions.log",
    "diary.cli",
    "diary.cli.mood",
    "diary.cli.quick",
    "diary.clock",
    "diary.domain",
    "diary.domain.errors",
    "diary.domain.field_errors",
    "diary.domain.mood",
    "diary.domain.stored",
    "diary.domain.values",
    "diary.launch",
    "diary.store",
    "diary.store.cipher",
    "diary.store.connection",
    "diary.store.damage",
    "diary.store.files",
    "diary.store.moods",
    "diary.store.opening",
    "diary.store.paths",
    "diary.store.schema",
]
# Standard and third-party modules a quick log has no use for (each costs milliseconds)
NOT_FOR_A_MOOD = (
    "argparse",
    "dataclasses",
    "decimal",
    "fractions",
    "inspect",
    "platformdirs",
    "rich",
    "shutil",
    "sqlite_utils",
    "tempfile",
    "textual",
    "typing",
)


def _quick_log(env: dict[str, str], argv: list[str]) -> tuple[list[str], list[str]]:
    code = (
        f"import sys; from diary.launch import main; assert main({argv!r}) == 0;"
        "print(sorted(m for m in sys.modules if m.startswith('diary')));"
        f"print(sorted(m for m in {NOT_FOR_A_MOOD!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    *_, diary_modules, others = done.stdout.splitlines()
    return ast.literal_eval(diary_modules), ast.literal_eval(others)


@pytest.mark.parametrize(
    "argv",
    [
        ["mood", "7"],
        ["mood", "6", "--note", "slept badly", "--sleep=6.5", "--date", "yesterday"],
        ["mood", "5", "--clear-note", "--anxiety", "3"],
    ],
)
def test_a_quick_log_loads_only_the_quick_path(tmp_path: Path, argv: list[str]) -> None:
    env = {**os.environ, "DIARY_DB": str(tmp_path / "quick.db"), "DIARY_TODAY": "2026-11-20"}
    _quick_log(env, ["mood", "4"])  # the diary exists: a new one also writes its tables
    modules, others = _quick_log(env, argv)
    assert others == []
    assert modules == QUICK_PATH


def test_a_quick_log_in_the_default_folder_loads_only_the_quick_path(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DIARY_DB", "XDG_DATA_HOME")}
    env.update(HOME=str(tmp_path), DIARY_TODAY="2026-11-20")
    _quick_log(env, ["mood", "4"])
    assert (tmp_path / ".local" / "share" / "diary" / "diary.db").is_file()
    modules, others = _quick_log(env, ["mood", "7"])
    if sys.platform.startswith("linux"):  # elsewhere platformdirs finds the folder
        assert others == []
    assert modules == QUICK_PATH


def test_the_reminder_on_a_plain_diary_loads_only_the_quick_path(tmp_path: Path) -> None:
    """The lock's code loads only when the file's first bytes are an encrypted diary's."""
    env = {**os.environ, "DIARY_DB": str(tmp_path / "quick.db"), "DIARY_TODAY": "2026-11-20"}
    _quick_log(env, ["mood", "4"])
    modules, others = _quick_log(env, ["due"])
    assert others == []
    assert modules == QUICK_PATH


# Standard modules the installed command never loads for a quick log: pathlib alone, with
# the `re`, `fnmatch`, `urllib.parse` and `ipaddress` it imports, is about 10 ms of one;
# contextlib, about 1 ms (the diary's own context managers are classes).
NOT_IN_THE_COMMAND = (
    "contextlib",
    "enum",
    "fnmatch",
    "ipaddress",
    "pathlib",
    "re",
    "urllib.parse",
)


@pytest.mark.parametrize("argv", [["mood", "7"], ["mood", "6", "--sleep", "7.5"], ["due"]])
def test_the_installed_command_loads_no_pathlib_or_re(tmp_path: Path, argv: list[str]) -> None:
    """bin/diary, the script pip installs as the command, run as a regular install runs it:
    without site (an editable install's own import hook loads pathlib), this checkout's
    package on the path."""
    root = Path(__file__).resolve().parents[2]
    script = str(root / "bin" / "diary")
    env = {**os.environ, "DIARY_DB": str(tmp_path / "quick.db"), "DIARY_TODAY": "2026-11-20"}
    env["PYTHONPATH"] = str(root)

    def command(words: list[str]) -> subprocess.CompletedProcess[str]:
        code = (
            "import sys, atexit;"
            f"atexit.register(lambda: print(sorted(m for m in {NOT_IN_THE_COMMAND!r} "
            "if m in sys.modules)));"
            f"sys.argv = {['diary', *words]!r};"
            f"exec(compile(open({script!r}).read(), {script!r}, 'exec'))"
        )
        return subprocess.run(
            [sys.executable, "-S", "-c", code], capture_output=True, text=True, env=env, timeout=60
        )

    assert command(["mood", "4"]).returncode == 0  # the diary exists
    done = command(argv)
    assert done.stdout.splitlines()[-1] == "[]"


def test_an_unusual_mood_line_still_builds_only_its_own_parser(tmp_path: Path) -> None:
    env = {**os.environ, "DIARY_DB": str(tmp_path / "quick.db"), "DIARY_TODAY": "2026-11-20"}
    modules, _ = _quick_log(env, ["mood", "7", "--note", "x", "--note", "y"])  # argparse: last
    assert "diary.cli.parsing" in modules
    assert not [
        m
        for m in modules
        if m.startswith("diary.cli.")
        and m
        not in (
            "diary.cli.mood",
            "diary.cli.parsing",
            "diary.cli.quick",
            "diary.cli.setup",
            "diary.cli.terminal",
        )
    ]


WORDS = st.sampled_from(
    [
        "7",
        "0",
        "10",
        "x",
        "-1",
        "mood",
        "--db",
        "a.db",
        "--db=b.db",
        "--date",
        "2026-11-19",
        "--date=yesterday",
        "--anxiety",
        "3",
        "--anxiety=",
        "--sleep",
        "7.5",
        "--note",
        "a note",
        "--note=",
        "--note=a=b",
        "--clear-note",
        "--clear-sleep",
        "--clear-anxiety",
        "-h",
        "--anx",
        "--",
        "=",
        "--clear",
        "--version",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=7), st.booleans(), st.sampled_from(["mood", "due", ""]))
def test_the_quick_reading_is_argparse_or_nothing(
    words: list[str], db_first: bool, command: str
) -> None:
    """Whatever the quick log reads, argparse reads the same; the rest it leaves to argparse."""
    argv = (["--db", "top.db"] if db_first else []) + ([command] if command else []) + words
    quick = quick_args(argv)
    if quick is None:
        return
    parsed = build_parser(argv).parse_args(argv)  # SystemExit here: read what argparse refuses
    assert vars(quick) == vars(parsed)


@pytest.mark.parametrize(
    "argv", [["mood", "7", "--note=--"], ["--db=--", "mood", "7"], ["due", "--db=--"]]
)
def test_a_value_of_two_dashes_is_refused_in_one_line(tmp_path: Path, argv: list[str]) -> None:
    env = {**os.environ, "DIARY_DB": str(tmp_path / "d.db"), "DIARY_TODAY": "2026-11-20"}
    before = set(tmp_path.iterdir())
    done = subprocess.run(
        [sys.executable, "-m", "diary", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2
    option = next(word for word in argv if word.endswith("=--")).removesuffix("=--")
    assert done.stderr == (
        f"diary: {option}: '--' cannot be given as a value (it ends the options); "
        "nothing was written\n"
    )
    assert set(tmp_path.iterdir()) == before  # no diary, no file named --
