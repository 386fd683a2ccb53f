"""Locking an encrypted diary from the app: the header's state, ctrl+l, the unlock screen
that covers the app, and an unlock that expires or a `diary lock` in a shell."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from diary.actions.diary import writing

if TYPE_CHECKING:
    from diary.store import Store


class Locking(App[None]):
    """The app's part that locks and unlocks an encrypted diary (a base of DiaryApp)."""

    store: Store | None
    path: Path
    encrypted: bool
    _reopened: ExitStack
    _covered: Screen | None

    def lock_state(self) -> str:
        """The header's subtitle: the file, and for an encrypted one whether it is unlocked."""
        if not self.encrypted:
            return str(self.path)
        if self.store is None:
            return f"{self.path} · encrypted · locked"
        from diary.actions import lock

        current = lock.session(self.path)
        until = lock.until_text(current.until if current else None)
        return f"{self.path} · encrypted · unlocked {until}"

    def _ask_to_unlock(self) -> None:
        from diary.tui.screens.unlock import UnlockScreen

        self.push_screen(UnlockScreen(self.path), callback=self._unlocked)

    def _unlocked(self, key: bytes | None) -> None:
        from diary.actions import lock

        if key is None:
            return
        if lock.session(self.path) is None:
            lock.hold(self.path, key)  # this process only, until it ends
        self.store = self._reopened.enter_context(writing(self.path))
        self.sub_title = self.lock_state()

    def action_lock(self) -> None:
        """Lock now: forget the key (here and in the runtime folder), close the diary, and
        cover the screen with the unlock screen; typed work underneath stays as it was."""
        from diary.actions import lock

        if not self.encrypted or self.store is None:
            return
        lock.lock(self.path)
        self._covered = self.screen
        store, self.store = self.store, None
        store.close()
        self.sub_title = self.lock_state()
        self._ask_to_unlock()

    def back_from_lock(self, screen: Screen) -> bool:
        """Whether screen shows again after an unlock it was covered by (then it keeps what
        was typed in it rather than reloading); asked once."""
        covered, self._covered = self._covered, None
        return covered is screen

    def _check_unlock(self) -> None:
        from diary.actions import lock

        if self.store is not None and lock.session(self.path) is None:
            self.action_lock()  # the unlock expired, or `diary lock` ended it
        elif self.store is not None:
            self.sub_title = self.lock_state()
