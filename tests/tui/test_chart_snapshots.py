"""Every Trends chart in every window, at 80x24 and at 120x40: a picture each, so a change
in what a chart shows at the standard terminal size is seen (issue 17)."""

from __future__ import annotations

import pytest
from textual.widgets import TabbedContent

from diary.tui.screens.trends import CHARTS
from tests.tui.conftest import make_app, settle
from tests.tui.test_trends import open_trends

WINDOWS = {"30": "1", "90": "2", "365": "3", "all": "4"}
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("chart", CHARTS)
def test_chart_window_size_picture(snap_compare, demo_store, chart, window, size) -> None:
    app = make_app(demo_store)

    async def show(pilot) -> None:
        await open_trends(pilot)
        pilot.app.screen.query_one("#charts", TabbedContent).active = chart
        await settle(pilot)
        await pilot.press(WINDOWS[window])
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=show)
