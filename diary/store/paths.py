"""File paths as text, spelled and split exactly as pathlib does, without importing it.

`diary mood 7` would otherwise load pathlib, and with it `re`, `fnmatch`, `urllib.parse`
and `ipaddress` (about 10 ms of a quick log here), to ask a path for its name and folder.
These take `str` or a `pathlib.Path` and give text; the rest of the diary keeps using
`Path`. tests/store/test_paths.py checks each against pathlib on generated paths.

On Windows (drives, UNC names, backslashes) each asks pathlib itself.
"""

from __future__ import annotations

import errno
import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood`)
if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path

    StrPath = str | PathLike[str]

# Errors pathlib's exists() treats as "not there"; any other (permission denied) is raised.
_ABSENT = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
# What urllib.parse.quote_from_bytes leaves as it is (its safe set is "/")
_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")
_WINDOWS = os.name == "nt"


def _windows(path: StrPath) -> Path:
    """pathlib's path on Windows, where drives, UNC names and backslashes are its to read."""
    from pathlib import Path

    return Path(path)


def _split(path: StrPath) -> tuple[str, list[str]]:
    """The root ("", "/" or "//": POSIX keeps exactly two leading slashes) and the parts,
    without empty ones and ".", as pathlib.PurePosixPath parses them."""
    text = os.fspath(path)
    stripped = text.lstrip("/")
    slashes = len(text) - len(stripped)
    root = "//" if slashes == 2 else "/" if slashes else ""
    return root, [part for part in stripped.split("/") if part and part != "."]


def normal(path: StrPath) -> str:
    """str(Path(path)): no doubled slashes, no "." parts, no slash at the end."""
    if _WINDOWS:
        return str(_windows(path))
    root, parts = _split(path)
    return root + "/".join(parts) or "."


def name(path: StrPath) -> str:
    """Path(path).name: the last part, "" for a root or "."."""
    if _WINDOWS:
        return _windows(path).name
    _, parts = _split(path)
    return parts[-1] if parts else ""


def folder(path: StrPath) -> str:
    """str(Path(path).parent): the path without its last part ("." for a bare name)."""
    if _WINDOWS:
        return str(_windows(path).parent)
    root, parts = _split(path)
    if not parts:
        return root or "."
    return root + "/".join(parts[:-1]) or "."


def expanded(path: StrPath) -> str | None:
    """str(Path(path).expanduser()), or None where pathlib raises (a `~user` with no home)."""
    if _WINDOWS:
        try:
            return str(_windows(path).expanduser())
        except RuntimeError:
            return None
    root, parts = _split(path)
    if root or not parts or not parts[0].startswith("~"):
        return normal(path)
    home = os.path.expanduser(parts[0])
    if home.startswith("~"):
        return None
    home_root, home_parts = _split(home)  # pathlib reads the home as a path of its own
    return home_root + "/".join([*home_parts, *parts[1:]]) or "."


def beside(path: StrPath, end: str) -> str:
    """Path(path).with_name(Path(path).name + end): a file next to path, its name extended."""
    if _WINDOWS:
        return str(_windows(path).with_name(name(path) + end))
    return normal(path) + end


def exists(path: StrPath) -> bool:
    """Path(path).exists(): False when nothing is there; a refused look (permission) raises."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno not in _ABSENT:
            raise
        return False
    except ValueError:  # an embedded NUL: no such file can exist
        return False
    return True


def unlink(path: StrPath) -> None:
    """Path(path).unlink(missing_ok=True)."""
    try:
        os.unlink(path)
    except FileNotFoundError:  # (not contextlib.suppress: a quick log does not load it)
        return


def file_uri(path: StrPath) -> str:
    """Path(path).resolve().as_uri(): the file: URI SQLite opens read-only (`?mode=ro`)."""
    if _WINDOWS:
        return _windows(path).resolve().as_uri()
    real = os.path.realpath(path)
    quoted = "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in os.fsencode(real))
    return "file://" + quoted
