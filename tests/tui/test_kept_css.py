"""The parsed stylesheets kept between runs (tui/kept_css.py): written after a first frame
that parsed them, used by the next start (which then parses nothing it had), and left aside
when they do not fit or do not load."""

from __future__ import annotations

import pickle
from pathlib import Path

from textual.css.stylesheet import Stylesheet

from diary.tui.app import DiaryApp
from diary.tui.kept_css import KeptCss, cache_folder
from diary.tui.themes import DARK


async def shown_with(store, folder: Path) -> tuple[str, list[str]]:
    """Run the app on store with its CSS kept in folder: the first frame's title, and the
    sources it had to parse."""
    parsed: list[str] = []
    app = DiaryApp(store, css_cache=folder)
    real = app.stylesheet._parse_rules

    def counting(css, read_from, *args, **kwargs):
        if (css, read_from, *args, *kwargs.values()) not in app.stylesheet._parse_cache:
            parsed.append(str(read_from))
        return real(css, read_from, *args, **kwargs)

    app.stylesheet._parse_rules = counting  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return str(app.screen.query_one("#day-title").render()), parsed


async def test_a_second_start_parses_none_of_what_the_first_kept(store, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    title, parsed = await shown_with(store, folder)
    _, entries = pickle.loads((folder / f"css-{DARK}.pickle").read_bytes())
    kept = {str(read_from) for (_, read_from, *_), _ in entries}
    assert any("app.tcss" in source for source in kept) and kept <= set(parsed)
    again, parsed_again = await shown_with(store, folder)
    assert again == title and title.startswith("Today ·")
    assert parsed_again and kept.isdisjoint(parsed_again)  # only what came after the frame


async def test_kept_rules_style_the_screen_as_parsed_ones(store, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    await shown_with(store, folder)
    looks = []
    for _ in range(2):  # parsed, then kept
        app = DiaryApp(store, css_cache=folder if looks else None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            looks.append(
                [(node.css_identifier, node.styles.css) for node in app.screen.walk_children()]
            )
    assert looks[0] == looks[1]


async def test_a_damaged_or_stale_file_is_left_aside(store, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    kept = folder / f"css-{DARK}.pickle"
    kept.write_bytes(b"not a pickle")
    title, parsed = await shown_with(store, folder)
    assert title.startswith("Today ·") and parsed  # parsed as without a file, then kept
    _, entries = pickle.loads(kept.read_bytes())
    kept.write_bytes(pickle.dumps((("another", "python"), entries)))
    _, parsed = await shown_with(store, folder)
    assert parsed


def test_rules_made_under_other_theme_variables_are_not_used(tmp_path: Path) -> None:
    sheet = Stylesheet(variables={"primary": "#111111"})
    sheet.add_source("Screen { color: $primary; }", read_from=("test", ""))
    sheet.parse()
    KeptCss(tmp_path, DARK).save_from(sheet)
    other = Stylesheet(variables={"primary": "#222222"})
    KeptCss(tmp_path, DARK).load_into(other)
    assert list(other._parse_cache.keys()) == []
    same = Stylesheet(variables={"primary": "#111111"})
    KeptCss(tmp_path, DARK).load_into(same)
    assert len(list(same._parse_cache.keys())) == 1


def test_an_unwritable_cache_folder_leaves_the_app_alone(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    sheet = Stylesheet(variables={})
    sheet.add_source("Screen { height: 1; }", read_from=("test", ""))
    sheet.parse()
    KeptCss(tmp_path / "file" / "cache", DARK).save_from(sheet)  # a folder under a file
    assert not (tmp_path / "file" / "cache").exists()


def test_the_cache_folder_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_folder() == tmp_path / ".cache" / "diary"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "diary"
