"""The shortest path a person takes: log a mood, read it back."""

from __future__ import annotations


def test_mood_logged_and_listed(cli) -> None:
    assert cli("mood", "7").code == 0
    result = cli("list")
    assert result.code == 0
    assert "7/10" in result.out
