"""Where the diary lives when no path is given: the same folder platformdirs names."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from diary.store.opening import data_folder, default_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux rule")


@pytest.mark.parametrize(
    ("home", "xdg"),
    [
        ("/home/ana", None),
        ("/home/ana/", None),
        ("/", None),
        ("/home/ana", "/data/ana"),
        ("/home/ana", "/data/ana/"),
        ("/home/ana", "relative/share"),  # not absolute: platformdirs decides
        ("/home/ana", "~/share"),
        ("/home/ana", ""),
        ("/home/ana", "   "),
        ("/home/Åsa Ø", "/srv/dagbok ✓"),
        ("relative-home", None),  # platformdirs' own rule (it asks the password database)
        ("", None),
    ],
)
def test_the_default_folder_is_platformdirs_own(
    monkeypatch: pytest.MonkeyPatch, home: str, xdg: str | None
) -> None:
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    monkeypatch.delenv("DIARY_DB", raising=False)
    expected = platformdirs.user_data_dir("diary", appauthor=False)
    assert data_folder() == str(Path(expected))  # spelled as pathlib spells it
    assert default_path() == str(Path(expected, "diary.db"))
