"""Keys faster than a screen: each waits until the screen it would reach is up.

Typed quickly (a screen key, then another at once), a key could reach a screen still being
made: it ran that screen's keys and the leave question on widgets not there yet, and the
app crashed (NoMatches). The app holds such keys and acts on them, in order, once the
screen is mounted.
"""

from __future__ import annotations

import asyncio

from textual import events
from textual.app import App


class EarlyKeys(App[None]):
    """The app's part that holds keys until their screen is up (a base of DiaryApp)."""

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: list[tuple[events.Key, bool]] = []  # (key, bubbled up from a screen)

    async def on_event(self, event: events.Event) -> None:
        """A key that comes while the screen it would reach is still being made (a switch a
        moment ago: keys typed faster than a screen mounts) waits until it is up, in order.
        Acted on at once, it ran that screen's keys and the leave question on widgets not
        there yet, and the app crashed (NoMatches)."""
        fresh = isinstance(event, events.Key) and not event.is_forwarded  # not one bubbling up
        if fresh and (self._held_keys or not self._screen_is_up()):
            self._hold(event, bubbled=False)
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key that left the last screen and bubbled up after a switch: the app's own keys
        and the new screen's wait until that screen is up (Textual's handler then runs)."""
        if not self._screen_is_up():
            event.prevent_default()  # App._on_key, the bindings, runs when it is released
            self._hold(event, bubbled=True)

    def _hold(self, event: events.Key, *, bubbled: bool) -> None:
        self._held_keys.append((events.Key(event.key, event.character), bubbled))
        if len(self._held_keys) == 1:
            self.run_worker(self._release_held_keys(), group="held-keys")

    def _screen_is_up(self) -> bool:
        try:
            return self.screen.is_mounted
        except Exception:  # no screen yet or any more: nothing to wait for
            return True

    async def _release_held_keys(self) -> None:
        """Act on the held keys, in order, once the current screen is mounted; a key that
        switches screens again holds the rest until that one is up too."""
        while self._held_keys:
            for _ in range(500):  # at most ~5 s: a screen that never mounts keeps no key
                if self._screen_is_up():
                    break
                await asyncio.sleep(0.01)
            key, bubbled = self._held_keys[0]
            if bubbled:
                await super()._on_key(key)
            else:
                await super().on_event(key)
            del self._held_keys[0]
