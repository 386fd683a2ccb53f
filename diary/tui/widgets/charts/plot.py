"""A plotext plot drawn for the height it is shown at: the charts lay their y ticks out for
the rows they get, so the figure is drawn again whenever that height changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderResult
from textual_plotext import PlotextPlot

Painter = Callable[[Any, int], None]  # (the plotext figure, the plot's height in rows)


class ChartPlot(PlotextPlot):
    """A PlotextPlot given a painter instead of a drawn figure."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._painter: Painter | None = None
        self._painted_height: int | None = None

    def paint(self, painter: Painter) -> None:
        """Draw with this painter from now on (at the next render and each new height)."""
        self._painter = painter
        self._painted_height = None
        self.refresh()

    def render(self) -> RenderResult:
        height = self.size.height
        if self._painter is not None and height != self._painted_height:
            self.plt.clear_data()
            self.plt.clear_figure()
            self._painter(self.plt, height)
            self._painted_height = height
        return super().render()
