"""The footer: the focused widget's and the screen's own keys first, then the app's keys
while they fit the width, so nothing is cut at 80 columns and every key is one `?` away.

Textual's Footer lays every binding in one row and lets the overflow fall off the right
edge. This one leaves out the app-wide keys that would not fit (Help and Quit always stay);
the Help screen lists them all.

Its keys are drawn by footer_keys.py's FooterKey, FooterLabel and KeyGroup (made when the
footer first lays out its keys, after the first frame; named here as well).
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Footer

from diary import lazy_names

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.tui.widgets.footer_keys import FooterKey

# the keys, for whoever imports them from here (they load when first named)
__getattr__ = lazy_names(
    "diary.tui.widgets",
    {"FooterKey": "footer_keys", "FooterLabel": "footer_keys", "KeyGroup": "footer_keys"},
    globals(),
)

BindingGroup = Binding.Group

ALWAYS = ("help", "quit")  # app actions shown on every footer, whatever the width
PALETTE_EXTRA = 2  # the palette key's left border and right padding

Keys = list[ActiveBinding]  # the shown bindings of one action


def key_width(key: str, description: str) -> int:
    """A FooterKey's cells with app.tcss's padding (one cell before the key and the words)."""
    return 1 + cell_len(key) + (1 + cell_len(description) if description else 0)


def runs(actions: list[Keys]) -> Iterator[tuple[BindingGroup | None, list[Keys]]]:
    """Consecutive actions of one binding group together (shown as one run), others alone."""
    index = 0
    while index < len(actions):
        group = actions[index][0].binding.group
        end = index + 1
        while group is not None and end < len(actions) and actions[end][0].binding.group is group:
            end += 1
        if end - index > 1:
            yield group, actions[index:end]
        else:
            yield None, actions[index:end]
        index = end


class KeysFooter(Footer):
    """A footer that fits: own keys first, the app's keys while there is room."""

    keys_known = False  # the screen's bindings have been told once: the keys can be laid out

    def bindings_changed(self, screen: Screen) -> None:
        self.keys_known = True
        super().bindings_changed(screen)

    def on_resize(self) -> None:
        if self.keys_known:
            self.call_after_refresh(self.recompose)

    def _actions(self) -> list[Keys]:
        """Shown bindings, one list per action, in the binding chain's order."""
        by_action: dict[str, Keys] = {}
        here = self._here()
        for active in self.screen.active_bindings.values():
            if active.binding.show and not (
                active.node is self.app and active.binding.action in here
            ):
                by_action.setdefault(active.binding.action, []).append(active)
        # "esc Back" (every form screen inherits it) goes after the screen's own keys
        return sorted(by_action.values(), key=lambda keys: keys[0].binding.action == "escape")

    def _here(self) -> set[str]:
        """The app's actions that would open the screen already shown: left off."""
        mode = self.app.current_mode
        here = {f"switch_mode('{mode}')"}
        if mode in (self.app.DEFAULT_MODE, "today") and len(self.app.screen_stack) == 1:
            here.add("today")
        return here

    def _width(self, binding: Binding) -> int:
        return key_width(self.app.get_key_display(binding), binding.description)

    def _run_width(self, group: BindingGroup | None, run: list[Keys]) -> int:
        if group is None:
            return sum(self._width(keys[0].binding) for keys in run)
        shown = sum(cell_len(self.app.get_key_display(keys[0].binding)) for keys in run)
        return 1 + shown + 1 + cell_len(group.description) + 1  # padding, margins, label

    def _fitting(self, budget: int) -> list[Keys]:
        """The own keys, Help and Quit, then the app's other keys in order while they fit."""
        actions = self._actions()
        own = [keys for keys in actions if keys[0].node is not self.app]
        app_keys = [keys for keys in actions if keys[0].node is self.app]
        kept = [keys[0].binding.action in ALWAYS for keys in app_keys]
        used = sum(self._run_width(group, run) for group, run in runs(own))
        used += sum(
            self._width(k[0].binding) for k, keep in zip(app_keys, kept, strict=True) if keep
        )
        for index, keys in enumerate(app_keys):
            width = self._width(keys[0].binding)
            if not kept[index] and used + width <= budget:
                kept[index] = True
                used += width
        return own + [keys for keys, keep in zip(app_keys, kept, strict=True) if keep]

    def _palette(self) -> ActiveBinding | None:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        return self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)

    def compose(self) -> ComposeResult:
        if not self.keys_known:
            return
        from diary.tui.widgets.footer_keys import FooterLabel, KeyGroup

        palette = self._palette()
        budget = self.app.size.width
        if palette is not None:
            budget -= self._width(palette.binding) + PALETTE_EXTRA
        actions = self._fitting(budget)
        self.styles.grid_size_columns = len(actions)
        for group, run in runs(actions):
            if group is None:
                yield from (self._key(keys[0], keys[0].binding.description) for keys in run)
                continue
            with KeyGroup(classes="-compact" if group.compact else ""):
                for keys in run:
                    yield self._key(keys[0], "", classes="-grouped")
            yield FooterLabel(group.description)
        if palette is not None:
            yield self._key(palette, palette.binding.description, classes="-command-palette")

    def _key(self, active: ActiveBinding, description: str, classes: str = "") -> FooterKey:
        from diary.tui.widgets.footer_keys import FooterKey

        binding = active.binding
        return FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            description,
            binding.action,
            enabled=active.enabled,
            tooltip=active.tooltip or binding.description,
            classes=classes,
        )
