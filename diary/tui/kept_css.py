"""The stylesheet rules a start parsed, kept for the next start, so it does not parse them
again: Textual parses app.tcss and the DEFAULT_CSS of every widget class it mounts at each
start, about 20 ms of the first paint, always to the same rules for the same text and theme.

What is kept is Textual's own parse cache (a source's text, where it was read from and its
scope, to its rules) for the sources of the first screen, written when they are all
styled, before the first frame, by a start that had to parse any (the first, or one after
an upgrade: about 7 ms more for it), and read back (about 3 ms) into the next start's
stylesheet before anything is parsed. It is used
only under the same Python, the same Textual files and the same theme variables; a file
that is missing, stale or does not load is left aside and the CSS parsed as before. It
holds stylesheets only, nothing from the diary, in the user's cache folder.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from pathlib import Path

from textual.css import model, styles
from textual.css import stylesheet as parser
from textual.css.stylesheet import Stylesheet

# the modules whose classes the kept rules are made of, and the one that makes them: a
# Textual installed again or upgraded writes them anew
RULE_MODULES = (model, styles, parser)


def cache_folder() -> Path:
    """$XDG_CACHE_HOME/diary, else ~/.cache/diary on Linux (as the XDG spec says, without
    the 7 ms of importing platformdirs); platformdirs' user cache folder elsewhere."""
    home = os.environ.get("HOME", "")
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if sys.platform.startswith("linux") and os.path.isabs(home) and not xdg.strip():
        return Path(home, ".cache", "diary")
    if sys.platform.startswith("linux") and os.path.isabs(xdg):
        return Path(xdg, "diary")
    import platformdirs

    return Path(platformdirs.user_cache_dir("diary", appauthor=False))


def _stamp(sheet: Stylesheet) -> tuple[object, ...]:
    """What the kept rules were made under: rules of another Python, another Textual or
    other theme variables are not used."""
    made_by = tuple(os.stat(module.__file__ or "").st_mtime_ns for module in RULE_MODULES)
    return (sys.version_info[:2], made_by, sorted(sheet._variables.items()))


class KeptCss:
    """The parsed rules of one theme, in a file of the cache folder."""

    def __init__(self, folder: Path, theme: str) -> None:
        self.path = folder / f"css-{theme}.pickle"
        self._loaded: set[tuple] = set()

    def load_into(self, sheet: Stylesheet) -> None:
        """Hand the kept rules to sheet (whose theme variables are set), when they fit it."""
        try:
            with self.path.open("rb") as file:
                stamp, entries = pickle.load(file)
            if stamp != _stamp(sheet):
                return
            for key, rules in entries:
                sheet._parse_cache[key] = rules
                self._loaded.add(key)
        except Exception:  # a cache: whatever is wrong with it, the CSS is parsed instead
            sheet._parse_cache.clear()
            self._loaded.clear()

    def save_from(self, sheet: Stylesheet) -> None:
        """Keep the rules of sheet's sources when it parsed any that were not kept (the kept
        rules of sources no longer in use are dropped); a cache folder that cannot be
        written leaves the app as it is."""
        # a key holds a source's text, where it was read from, and how it was added (its
        # tie breaker may have changed since, when the same text was added again)
        sources = {(source.content, read_from) for read_from, source in sheet.source.items()}
        keys = sheet._parse_cache.keys()  # an LRUCache: not iterable itself
        in_use = [key for key in keys if (key[0], key[1]) in sources]
        if not in_use or self._loaded.issuperset(in_use):
            return
        entries = [(key, sheet._parse_cache[key]) for key in in_use]
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with partial.open("wb") as file:
                pickle.dump((_stamp(sheet), entries), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.path)  # a start reading it meanwhile sees all or none
        except Exception:  # a cache: unwritable or unpicklable, the next start parses
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            return
        self._loaded = set(in_use)
