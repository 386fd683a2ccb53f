"""A command declares itself once: its handler's docstring is its help and its description."""

from __future__ import annotations

import argparse
import re

import pytest

from diary.cli.parsing import Parser, build_parser, command


def run_example(args: argparse.Namespace) -> int:
    """do the example thing

    Do the example thing, written over
    two lines of one paragraph.

    A second paragraph,   with   wide spaces."""
    return 0


def run_terse(args: argparse.Namespace) -> int:
    """only a help line"""
    return 0


def _tree() -> tuple[Parser, argparse._SubParsersAction]:
    parser = Parser(prog="diary")
    return parser, parser.add_subparsers(metavar="COMMAND", parser_class=Parser)


def test_the_first_line_is_the_help_and_the_rest_the_description() -> None:
    parser, commands = _tree()
    example = command(commands, "example", run_example)
    assert example.description == (
        "Do the example thing, written over two lines of one paragraph. "
        "A second paragraph, with wide spaces."
    )
    assert re.search(r"\n +example +do the example thing\n", parser.format_help())


def test_a_help_line_alone_gives_no_description() -> None:
    _, commands = _tree()
    assert command(commands, "terse", run_terse).description is None


def test_help_and_description_given_win_over_the_docstring() -> None:
    parser, commands = _tree()
    given = command(commands, "given", run_example, help="said here", description="Built here.")
    assert given.description == "Built here."
    assert "said here" in parser.format_help()
    assert "do the example thing" not in parser.format_help()


def _every_listing(parser: argparse.ArgumentParser):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield action
            for sub in action.choices.values():
                yield from _every_listing(sub)


def test_every_command_in_the_tree_has_a_help_line() -> None:
    listings = list(_every_listing(build_parser()))
    assert listings
    for listing in listings:
        helps = {choice.dest: choice.help for choice in listing._choices_actions}
        assert set(helps) == set(listing.choices), helps
        assert all(helps.values()), helps


@pytest.mark.parametrize("command", [(), ("mood",), ("session", "add"), ("backup",)])
def test_help_is_the_same_under_python_oo(command: tuple[str, ...]) -> None:
    """-OO drops docstrings; the help is read from the source then, word for word."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": "80"}
    said = [
        subprocess.run(
            [sys.executable, *flags, "-m", "diary", *command, "--help"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        for flags in ((), ("-OO",))
    ]
    assert said[0].returncode == said[1].returncode == 0
    assert said[1].stdout == said[0].stdout


def test_a_percent_in_a_help_line_is_shown_not_formatted() -> None:
    def run_half(args: argparse.Namespace) -> int:
        """the days at 50% or more

        Counts 50% too."""
        return 0

    parser = Parser(prog="diary")
    commands = parser.add_subparsers(metavar="COMMAND")
    half = command(commands, "half", run_half)
    assert "the days at 50% or more" in parser.format_help()
    assert "Counts 50% too." in half.format_help()


def _every_parser(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _every_parser(sub)


def test_an_output_option_says_standard_output_once() -> None:
    outputs = [
        (parser.prog, action.help or "")
        for parser in _every_parser(build_parser())
        for action in parser._actions
        if "-o" in action.option_strings
    ]
    assert len(outputs) >= 6
    for prog, help in outputs:
        assert help.count("standard output") <= 1, (prog, help)
