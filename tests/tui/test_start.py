"""The start's deferrals (tui/start.py): garbage collection, paused by the launcher, runs
again once the app has drawn its first frame."""

from __future__ import annotations

import gc

from diary.tui.screens.today import TodayScreen
from diary.tui.start import SCREENS_CSS
from tests.tui.conftest import make_app


async def test_collection_paused_for_the_start_resumes_after_the_first_frame(store) -> None:
    app = make_app(store)
    gc.disable()  # as launch.open_app does
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert "Today ·" in str(app.screen.query_one("#day-title").render())
    finally:
        gc.enable()
        gc.unfreeze()


async def test_an_app_started_with_collection_on_leaves_it_alone(store) -> None:
    frozen = gc.get_freeze_count()
    async with make_app(store).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == frozen


def looks(app) -> list[tuple[str, str, str]]:
    """Every node of the screen with the styles it has: its rules and the ones it was set."""
    return [
        (repr(node), node.styles.css, node.styles.inline.css)
        for node in app.screen.walk_children(with_self=True)
    ]


async def test_today_first_shown_as_a_full_restyle_would_style_it(demo_store) -> None:
    """Today skips Textual's restyle of the whole screen on its first resume (it was styled
    a moment before, at mount): a restyle of every node afterwards changes nothing."""
    for size in ((80, 24), (120, 40)):
        app = make_app(demo_store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            assert app.stylesheet.has_source(SCREENS_CSS)  # the other screens' rules too
            before = looks(app)
            app.stylesheet.update(app.screen)
            assert looks(app) == before  # none of them matches a node of Today


def test_every_screen_but_today_names_the_other_screens_rules() -> None:
    """Their rules are in screens.tcss, not app.tcss: a screen that did not name it would be
    drawn without them whenever it is shown before Today's first frame has been drawn."""
    import importlib
    import pkgutil

    from textual.screen import Screen

    import diary.tui.screens as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    found = set()
    stack = [Screen]
    while stack:
        for sub in stack.pop().__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("diary.tui.screens."):
                found.add(sub)
    assert len(found) > 15
    for screen in found:
        expected = None if screen is TodayScreen else SCREENS_CSS
        assert expected == screen.CSS_PATH, screen.__name__


# What Today's first frame does not wait for: the record types of sessions, check-ins,
# medicines and the morning after (the domain's dataclasses and enums, tens of ms to make),
# and the checks of typed records. The lines that need them come right after the frame.
AFTER_THE_FIRST_FRAME = (
    "diary.domain.model",
    "diary.domain.medicines",
    "diary.domain.morning",
    "diary.domain.questionnaires",
    "diary.domain.validation",
    "diary.domain.clinic",
    "diary.actions.settings",
)

FIRST_FRAME = """
import asyncio, json, sys
import diary.tui.app as app_module
from diary.actions.diary import writing

seen = {}
resume = app_module.first_frame_drawn

def drawn():
    screen = app.screen
    seen["modules"] = sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)
    seen["title"] = str(screen.query_one("#day-title").render())
    seen["strip"] = str(screen.query_one("#strip").render())
    seen["session"] = str(screen.query_one("#last-session").render())
    resume()

app_module.first_frame_drawn = drawn

async def main():
    global app
    with writing(sys.argv[1]) as store:
        app = app_module.DiaryApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(400):  # the line fills just after the first frame: wait for it
                await pilot.pause()
                line = str(app.screen.query_one("#last-session").render())
                if line.strip():
                    break
            seen["session after"] = line

asyncio.run(main())
print(json.dumps(seen))
"""


def test_the_first_frame_waits_only_for_moods_and_the_theme(tmp_path, demo_template) -> None:
    import json
    import os
    import shutil
    import subprocess
    import sys

    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    env = {**os.environ, "DIARY_TODAY": "2026-11-20"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(path), json.dumps(AFTER_THE_FIRST_FRAME)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["modules"] == []  # none of them loaded for the first frame
    assert seen["title"].startswith("Today · ")
    assert "of 30 days logged" in seen["strip"]  # the strip is in the first frame
    assert seen["session"] == " "  # its line holds its place until just after it
    assert seen["session after"].startswith("Last session: ")
