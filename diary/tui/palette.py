"""The command palette, guarded against keys that arrive faster than it settles.

Two faults of Textual 8.2's CommandPalette, worked around here rather than patched:
- Enter pressed again while the palette is closing dismisses it a second time, popping
  the screen under it (ScreenStackError: "Can't pop screen").
- PageUp or PageDown while the option list is still filling reads a line map that is not
  built yet (KeyError: 0 in OptionList._move_page). The same OptionList fault is reported
  in another app as kagan-sh/kagan-legacy#31; no Textual issue was found for either.
"""

from __future__ import annotations

from contextlib import suppress

from textual.command import CommandPalette


class GuardedPalette(CommandPalette):
    """CommandPalette that closes once and ignores paging while its list fills."""

    _leaving = False  # not `_closing`: that name is MessagePump's own

    def dismiss(self, result=None):  # type: ignore[override]
        if self._leaving or not self.is_active:
            return None  # already on its way out: a second dismiss would pop Today
        self._leaving = True
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        with suppress(KeyError):  # the list's lines are not laid out yet: the key does nothing
            super()._action_command_list(action)
