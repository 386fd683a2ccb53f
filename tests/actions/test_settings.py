"""The settings rules: the report name, the default weight, what an update keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary.actions import settings
from diary.domain import Settings, ValidationError


def test_changes_are_checked_and_only_the_given_ones_kept() -> None:
    assert settings.changes(None, None, None) == {}
    assert settings.changes("  Ana  ", None, "") == {"name": "Ana", "default_weight_kg": None}
    assert settings.changes(None, "gb", None)["country"] == "GB"


@pytest.mark.parametrize("name", ["two\nlines", "bell\a", "x" * 201])
def test_a_name_that_is_not_one_printable_line_is_refused(name: str) -> None:
    with pytest.raises(ValidationError) as refused:
        settings.report_name(name)
    assert refused.value.key == "name"


@pytest.mark.parametrize("weight", ["abc", "19", "401", "nan"])
def test_a_weight_out_of_range_is_refused(weight: str) -> None:
    with pytest.raises(ValidationError):
        settings.default_weight(weight)


def test_update_keeps_every_other_setting(db_path: Path) -> None:
    assert settings.current(db_path) == Settings()
    assert not db_path.exists()  # reading the settings never creates a diary
    settings.update(db_path, {"name": "Ana", "country": "DE"})
    now = settings.update(db_path, {"default_weight_kg": 70.0})
    assert (now.name, now.country, now.default_weight_kg) == ("Ana", "DE", 70.0)
    assert settings.current(db_path) == now
