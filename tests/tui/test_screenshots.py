"""Every screen of the app has a picture in screenshots/, made by scripts/screenshots.py."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from tests.tui.test_help_palette import screen_classes

ROOT = Path(__file__).resolve().parents[2]


def shot_name(cls: type) -> str:
    """TodayScreen -> today, SessionScreen -> session, a FooBarScreen -> foo-bar."""
    words = re.findall(r"[A-Z][a-z0-9]*", cls.__name__.removesuffix("Screen"))
    return "-".join(word.lower() for word in words)


def shown_screens() -> dict[str, type]:
    """Screens a person sees: every screen class that no other screen class extends."""
    classes = screen_classes()
    bases = {base for cls in classes for base in cls.__mro__[1:]}
    return {shot_name(cls): cls for cls in classes if cls not in bases}


def script_shots() -> set[str]:
    name = "diary_screenshots_script"
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return {shot.name for shot in module.SHOTS}


def test_the_naming_rule() -> None:
    names = shown_screens()
    assert names["today"].__name__ == "TodayScreen"
    assert names["confirm"].__name__ == "ConfirmScreen"
    assert "day-form" not in names  # DayFormScreen is only a base of Today and Day


def test_every_screen_has_a_shot_in_the_script() -> None:
    missing = sorted(set(shown_screens()) - script_shots())
    assert missing == [], f"add a Shot for {missing} to scripts/screenshots.py"


def test_every_screen_has_a_screenshot_file() -> None:
    missing = sorted(
        f"screenshots/{name}.svg"
        for name in shown_screens()
        if not (ROOT / "screenshots" / f"{name}.svg").is_file()
    )
    assert missing == [], f"run `python scripts/screenshots.py` to make {missing}"


def test_every_shot_of_the_script_has_its_file() -> None:
    missing = sorted(
        n for n in script_shots() if not (ROOT / "screenshots" / f"{n}.svg").is_file()
    )
    assert missing == []
