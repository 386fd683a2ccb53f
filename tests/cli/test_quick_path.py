"""A run of one command builds only that command's parser and imports only its module."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diary.cli.parsing import COMMANDS, build_parser, command_named

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


def test_mood_imports_no_other_command_module(tmp_path: Path) -> None:
    code = (
        "import sys; from diary.cli import main; main(['mood', '7']);"
        "print(sorted(m for m in sys.modules if m.startswith('diary.cli.')));"
        "print(sorted(m for m in ('fractions', 'decimal') if m in sys.modules))"
    )
    env = {**os.environ, "DIARY_DB": str(tmp_path / "quick.db"), "DIARY_TODAY": "2026-11-20"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = ast.literal_eval(done.stdout.splitlines()[-2])
    assert ast.literal_eval(done.stdout.splitlines()[-1]) == []  # exact sums: not for a mood
    assert loaded == [
        "diary.cli.mood",
        "diary.cli.parsing",
        "diary.cli.setup",
        "diary.cli.terminal",
    ]
