"""Every import kind, and the FHIR export, is in `--help` and in the README's command list."""

from __future__ import annotations

from pathlib import Path

from diary.actions.imports import KINDS
from diary.cli.imports import KINDS as CLI_KINDS

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_command_line_offers_every_kind() -> None:
    assert tuple(kind.name for kind in CLI_KINDS) == KINDS


def test_help_lists_every_kind(cli) -> None:
    shown = cli("import", "--help").out
    for kind in KINDS:
        assert f"    {kind} " in shown or f"    {kind}\n" in shown, kind
        assert cli("import", kind, "--help").code == 0
    assert "fhir" in cli("export", "--help").out


def test_the_readme_names_every_kind() -> None:
    commands = README[README.index("## The command line") : README.index("## Performance")]
    for kind in KINDS:
        assert f"`{kind}`" in commands, kind
    assert "diary export fhir -o" in commands
