"""A form opened before another writer (a shell `diary mood`, a second window) changed the
same day never saves over that change without asking: nothing saved is replaced without
the person's say."""

from __future__ import annotations

import pytest

from diary.domain import MoodEntry
from diary.store import Store, open_store
from diary.tui.screens.confirm import ConfirmScreen
from diary.tui.screens.today import TodayScreen
from tests.tui.conftest import DEMO_END as TODAY
from tests.tui.conftest import make_app, shown

SIZE = (80, 24)
SHELL = MoodEntry(TODAY, 3, 2, None, "from the shell")


def shell_writes(store: Store, entry: MoodEntry | None) -> None:
    """Another process's connection to the same file writes (or deletes) today's mood."""
    with open_store(store.file) as other:
        if entry is None:
            other.delete_mood(TODAY)
        else:
            other.save_mood(entry)


@pytest.mark.parametrize("typed", ["", "8"])
async def test_a_stale_form_asks_before_replacing_what_the_shell_saved(store, typed) -> None:
    store.save_mood(MoodEntry(TODAY, 6, 5, 8.5, ""))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*typed)
        shell_writes(store, SHELL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "mood 3/10, anxiety 2, note" in shown(app, "#confirm-question")
        assert store.mood_for(TODAY) == SHELL  # nothing written while it asks
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert store.mood_for(TODAY) == SHELL
        # what was typed stays; with nothing typed the form shows what is saved now
        assert app.screen.query_one("#mood").value == (8 if typed else 3)
    assert store.mood_for(TODAY) == SHELL


async def test_a_stale_form_replaces_only_when_told(store) -> None:
    store.save_mood(MoodEntry(TODAY, 6, 5, 8.5, ""))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("8")
        shell_writes(store, SHELL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.mood_for(TODAY) == MoodEntry(TODAY, 8, 5, 8.5, "")


async def test_a_day_deleted_elsewhere_is_not_silently_written_again(store) -> None:
    store.save_mood(MoodEntry(TODAY, 6))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shell_writes(store, None)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "deleted" in shown(app, "#confirm-question")
        await pilot.press("n")
        await pilot.pause()
    assert store.mood_for(TODAY) is None
