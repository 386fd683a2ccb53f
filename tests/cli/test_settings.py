"""`diary settings`: name, country and default weight, shown, set, cleared and refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary.domain import Settings
from diary.domain.countries import COUNTRIES, country_code
from diary.store import open_store

NOTHING_SET = [
    "name: (not set)",
    "country: (not set; crisis resources for several countries are shown)",
    "default weight: (not set)",
]


def test_showing_without_a_database_creates_none(cli, db_path: Path) -> None:
    result = cli("settings")
    assert result.code == 0
    assert result.out.splitlines() == NOTHING_SET
    assert not db_path.exists()


def test_round_trip(cli, db_path: Path) -> None:
    result = cli("settings", "--name", "  Ann Example ", "--country", "gb", "--weight-kg", "72.5")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Settings saved.",
        "name: Ann Example",
        "country: GB (United Kingdom)",
        "default weight: 72.5 kg",
    ]
    assert cli("settings").out.splitlines() == [
        "name: Ann Example",
        "country: GB (United Kingdom)",
        "default weight: 72.5 kg",
    ]
    with open_store(db_path) as store:
        assert store.settings() == Settings("Ann Example", "GB", 72.5)


def test_one_option_keeps_the_others_and_empty_clears(cli, db_path: Path) -> None:
    assert cli("settings", "--name", "Ann", "--country", "US", "--weight-kg", "80").code == 0
    assert cli("settings", "--country", "UK").out.splitlines()[1:] == [
        "name: Ann",
        "country: GB (United Kingdom)",
        "default weight: 80 kg",
    ]
    result = cli("settings", "--name", "", "--country", "", "--weight-kg", "")
    assert result.out.splitlines() == ["Settings saved.", *NOTHING_SET]
    with open_store(db_path) as store:
        assert store.settings() == Settings()


def test_weight_edges_are_accepted(cli) -> None:
    assert cli("settings", "--weight-kg", "20").out.splitlines()[-1] == "default weight: 20 kg"
    assert cli("settings", "--weight-kg", "400").out.splitlines()[-1] == "default weight: 400 kg"


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["--country", "ZZ"], "diary: --country: 'ZZ' is not accepted; expected a two-letter ISO"),
        (["--country", "USA"], "diary: --country: 'USA'"),
        (["--country", "1"], "diary: --country: '1'"),
        (
            ["--weight-kg", "19.9"],
            "diary: default weight in kg (--weight-kg): '19.9' is not accepted; "
            "expected a number 20-400",
        ),
        (["--weight-kg", "400.1"], "diary: default weight in kg (--weight-kg): '400.1'"),
        (["--weight-kg", "abc"], "diary: default weight in kg (--weight-kg): 'abc'"),
        (["--weight-kg", "nan"], "diary: default weight in kg (--weight-kg): 'nan'"),
        (
            ["--name", "Ann\nExample"],
            "diary: --name: 'Ann\\nExample' is not accepted; expected one line",
        ),
        (["--name", "x" * 201], "diary: --name: '201 characters'"),
        (["--name", "Bo", "--country", "XX"], "diary: --country: 'XX'"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    cli, tmp_path: Path, args: list[str], starts: str
) -> None:
    assert cli("settings", "--name", "Ann", "--country", "CA").code == 0
    before = {p.name: p.read_bytes() for p in sorted(tmp_path.glob("diary.db*"))}
    result = cli("settings", *args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(starts)
    assert result.err.count("\n") == 1  # one line, a newline in the value shown as \n
    assert {p.name: p.read_bytes() for p in sorted(tmp_path.glob("diary.db*"))} == before


def test_country_codes() -> None:
    assert len(COUNTRIES) == 249
    assert COUNTRIES["IE"] == "Ireland" and COUNTRIES["DE"] == "Germany"
    assert country_code(" ca ") == "CA"
    assert country_code("") == ""
