"""diary.store.paths against pathlib itself: the same text for every generated path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary.store import paths

pytestmark = pytest.mark.skipif(os.name == "nt", reason="on Windows paths.py asks pathlib")

# Paths built of the pieces that change how pathlib reads one: slashes, ".", "..", "~",
# spaces, a trailing slash, non-ASCII names and characters a URI must escape.
PIECES = st.sampled_from(
    ["/", "//", "///", ".", "..", "~", "~root", "~nobody-such-user", "a", "b c", "é", "日記",
     "d.db", "x-wal", "%", "#", "?", ";", " ", "\t", "a/", "/."]
)  # fmt: skip
PATHS = st.lists(PIECES, max_size=7).map("".join)


@settings(max_examples=2000, deadline=None)
@given(PATHS)
def test_each_spelling_is_pathlibs(text: str) -> None:
    path = Path(text)
    assert paths.normal(text) == str(path)
    assert paths.name(text) == path.name
    assert paths.folder(text) == str(path.parent)
    assert paths.normal(path) == str(path)  # a Path given reads the same
    if path.name:
        assert paths.beside(text, "-wal") == str(path.with_name(path.name + "-wal"))


@settings(max_examples=1000, deadline=None)
@given(PATHS)
def test_a_tilde_expands_as_pathlib_expands_it(text: str) -> None:
    try:
        expected: str | None = str(Path(text).expanduser())
    except RuntimeError:  # "Could not determine home directory."
        expected = None
    assert paths.expanded(text) == expected


def test_an_unknown_user_is_none_and_a_home_without_slash_is_kept(monkeypatch) -> None:
    assert paths.expanded("~nobody-such-user/diary.db") is None
    monkeypatch.setenv("HOME", "/home/someone/")
    assert paths.expanded("~/diary.db") == str(Path("~/diary.db").expanduser())
    monkeypatch.setenv("HOME", "")
    assert paths.expanded("~/diary.db") == str(Path("~/diary.db").expanduser())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "b c", "%", "#", "?", "日記", "x;y", "~"]), max_size=4))
def test_the_file_uri_is_pathlibs(tmp_path_factory, names: list[str]) -> None:
    folder = tmp_path_factory.getbasetemp()
    target = folder.joinpath(*names) if names else folder
    assert paths.file_uri(target) == target.resolve().as_uri()
    assert paths.file_uri(str(target)) == target.resolve().as_uri()


def test_exists_is_pathlibs_and_raises_what_it_raises(tmp_path: Path) -> None:
    here = tmp_path / "here.db"
    here.write_bytes(b"")
    assert paths.exists(here) is here.exists() is True
    assert paths.exists(tmp_path / "gone") is (tmp_path / "gone").exists() is False
    assert paths.exists(here / "under") is (here / "under").exists() is False  # ENOTDIR
    assert paths.exists(str(tmp_path) + "/a\x00b") is False


def test_unlink_is_missing_ok(tmp_path: Path) -> None:
    gone = tmp_path / "x"
    gone.write_bytes(b"1")
    paths.unlink(gone)
    paths.unlink(gone)  # already gone: no error
    assert not gone.exists()
