"""Help lists every key of every screen (read from the classes); the palette has the verbs."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import OptionList

import diary.tui.screens
from diary.tui.app import DiaryApp
from diary.tui.screens.help import HelpScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.symptoms import SymptomsScreen
from tests.tui.conftest import make_app, shown

SIZE = (80, 24)
KEY_NAMES = {  # keys as a person reads them in the help
    "question_mark": "?",
    "escape": "esc",
    "delete": "del",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "period": ".",
    "comma": ",",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "enter": "Enter",
    "backspace": "Backspace",
    "left": "←",
    "right": "→",
    "f1": "F1",
}


def screen_classes() -> list[type[Screen]]:
    """Every Screen subclass defined in a module of diary/tui/screens/."""
    found: dict[str, type[Screen]] = {}
    for module_info in pkgutil.iter_modules(diary.tui.screens.__path__):
        module = importlib.import_module(f"diary.tui.screens.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                found[cls.__qualname__] = cls
    return sorted(found.values(), key=lambda c: c.__qualname__)


def own_bindings(owner: type) -> list[Binding]:
    """The bindings a class declares itself (inherited ones are checked on their class)."""
    return [b for b in owner.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]


def binding_owners() -> list[type]:
    """The app and every screen but Help itself (its title line says how to close it)."""
    return [DiaryApp, *(c for c in screen_classes() if c is not HelpScreen)]


def test_the_screens_are_found() -> None:
    names = {cls.__qualname__ for cls in screen_classes()}
    assert {
        "TodayScreen",
        "DayScreen",
        "SessionScreen",
        "HistoryScreen",
        "SymptomsScreen",
        "HelpScreen",
        "ConfirmScreen",
    } <= names


def mentions(block: list[str], binding: Binding) -> bool:
    """A line of the block names the binding's description and every one of its keys."""
    keys = [k.strip() for k in binding.key.split(",")]
    return any(
        binding.description in line and all(KEY_NAMES.get(k, k) in line for k in keys)
        for line in block
    )


def unlisted(help_text: str) -> list[str]:
    """Bindings of a class with no group (block of lines) in the help that lists them all."""
    blocks = [block.splitlines() for block in help_text.split("\n\n")]
    missing = []
    for owner in binding_owners():
        bindings = own_bindings(owner)
        if bindings and not any(all(mentions(b, x) for x in bindings) for b in blocks):
            missing += [f"{owner.__qualname__}: {x.key} ({x.description})" for x in bindings]
    return missing


async def test_help_lists_every_binding_of_the_app_and_its_screens(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown(app, "#help-text")
        assert unlisted(text) == []
        assert "1 then 0 picks 10" in text
        assert "0-3 set none/mild/moderate/severe" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_a_binding_left_out_of_the_help_is_caught() -> None:
    """The check itself: drop one line of a real help text and it must be reported."""
    from rich.text import Text

    from diary.tui.screens.help import bindings_text

    text = Text.from_markup(bindings_text()).plain
    assert unlisted(text) == []
    cut = "\n".join(line for line in text.splitlines() if "Hide/show" not in line)
    assert unlisted(cut) == [
        "SymptomsScreen: space (Hide/show)",
        "SymptomsScreen: a (Add symptom)",
    ]


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_opens_from_a_form_and_closes_with_the_same_key(store, key) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one("#sev-0").focus()
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        assert isinstance(app.screen, SessionScreen)


async def palette_prompts(pilot) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    assert isinstance(pilot.app.screen, CommandPalette)
    options = pilot.app.screen.query_one(OptionList).options
    return [str(option.prompt).splitlines()[0] for option in options]


async def test_the_command_palette_offers_every_screen_and_verb(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        prompts = await palette_prompts(pilot)
        assert {
            "Today",
            "New session",
            "History",
            "Trends",
            "Symptoms",
            "Check-in",
            "Export",
            "Help",
        } <= set(prompts)


async def test_the_palette_lists_the_diarys_own_verbs_first(store) -> None:
    """Opened empty, it leads with the diary's screens, Textual's own commands after them."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        prompts = await palette_prompts(pilot)
        assert prompts[:2] == ["Today", "New session"]


@pytest.mark.parametrize(
    ("typed", "screen"), [("new session", SessionScreen), ("symptoms", SymptomsScreen)]
)
async def test_a_palette_entry_opens_its_screen(store, typed, screen) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await palette_prompts(pilot)
        await pilot.press(*typed)
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, screen)


async def palette_search(pilot, typed: str) -> list[str]:
    """The first line of every entry the palette offers for what was typed."""
    await palette_prompts(pilot)
    await pilot.press(*typed)
    await pilot.pause(0.3)
    options = pilot.app.screen.query_one(OptionList).options
    return [str(option.prompt).splitlines()[0] for option in options]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("trends", "Trends"),
        ("report", "Report for a doctor"),
        ("mood", "Today"),
        ("mood", "Mood chart"),
        ("export csv", "Export CSV"),
        ("blood pressure", "Blood pressure chart"),
        ("phq", "Check-in"),
    ],
)
async def test_the_palette_finds_a_command_by_what_it_does(store, typed, found) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        assert found in await palette_search(pilot, typed)


@pytest.mark.parametrize(
    ("typed", "entry", "screen", "widget", "attribute", "value"),
    [
        pytest.param(
            "export csv", "Export CSV", "ExportScreen", "#kind", "value", "csv", id="export"
        ),
        pytest.param(
            "blood pressure",
            "Blood pressure chart",
            "TrendsScreen",
            "#charts",
            "active",
            "bp",
            id="chart",
        ),
    ],
)
async def test_a_palette_entry_opens_its_screen_on_its_choice(
    demo_store, typed, entry, screen, widget, attribute, value
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        prompts = await palette_search(pilot, typed)
        assert prompts[0] == entry
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == screen
        assert getattr(app.screen.query_one(widget), attribute) == value


async def test_help_shows_keys_as_read_and_wraps_under_the_description(store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        text = shown(app, "#help-text").replace("\u00a0", " ")  # the indent is no-break
        for raw in ("right_square_bracket", "question_mark", "less_than_sign", "period"):
            assert raw not in text
        assert "  ] / .                  Next chart" in text.splitlines()
        lines = text.splitlines()
        mood = lines.index(next(line for line in lines if line.startswith("  Mood picker")))
        assert lines[mood + 1].startswith(" " * 25) and lines[mood + 1].strip()
        assert all(len(line) <= 74 for line in lines)
        assert "Anywhere but in a text field (there letters are typed)" in text
