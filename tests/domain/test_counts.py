"""A count with its noun."""

from diary.domain.counts import counted


def test_one_is_singular_and_the_rest_plural() -> None:
    assert counted(1, "day") == "1 day"
    assert counted(0, "day") == "0 days"
    assert counted(2, "session") == "2 sessions"
    assert counted(1204, "resource") == "1,204 resources"
