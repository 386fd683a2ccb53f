"""The start's deferrals (tui/start.py): garbage collection, paused by the launcher, runs
again once the app has drawn its first frame."""

from __future__ import annotations

import gc

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
            before = looks(app)
            app.stylesheet.update(app.screen)
            assert looks(app) == before
