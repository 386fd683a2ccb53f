"""Tab never lands where nothing shows the focus: a screen's scrolling body is a tab stop
only when there is more to scroll to, and then its scroll bar shows it has the focus."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from diary.store import Store
from tests.tui.conftest import make_app, settle

SIZE = (80, 24)


async def stops(app, pilot, count: int = 30) -> list[object]:
    seen = []
    for _ in range(count):
        await pilot.press("tab")
        await pilot.pause()
        seen.append(app.focused)
    return seen


@pytest.mark.parametrize(
    "keys", [(), ("s",), ("e",), ("e", "i")], ids=["today", "settings", "export", "import"]
)
async def test_a_body_that_fits_is_no_tab_stop(demo_store: Store, keys) -> None:
    """Tab from Today's note went to its body, where no mark showed the focus and a digit
    typed next was lost."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await settle(pilot)
        assert not [w for w in await stops(app, pilot) if isinstance(w, VerticalScroll)]


async def test_a_body_with_more_to_see_is_a_tab_stop_with_its_bar_marked(demo_store) -> None:
    from diary.tui.widgets.scroll_body import ScrollBody

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")  # the medicines' history and the form: more than 24 lines
        await settle(pilot)
        body = app.screen.query_one("#medicines-body", ScrollBody)
        before = body.styles.scrollbar_color
        assert body in await stops(app, pilot, 12)
        body.focus()
        await pilot.pause()
        assert body.styles.scrollbar_color != before
