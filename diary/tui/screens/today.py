"""The home screen (defined with the day screen it extends)."""

from diary.tui.screens.day import TodayScreen

__all__ = ["TodayScreen"]
