"""Locked and unlocked: the raw key kept for a while in the per-user runtime folder, the key
held by this process, and asking for the passphrase when neither is at hand.

The runtime folder ($XDG_RUNTIME_DIR) is memory-backed and cleared at logout and reboot,
so an unlock never reaches persistent disk. Where there is none, the diary asks each time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from diary.actions.asker import asker
from diary.domain import DiaryError, LockedError, ValidationError
from diary.store.cipher import key_fits, key_for_secret, read_salt
from diary.store.encrypted import is_encrypted

Ask = Callable[[str], str]  # shows the prompt, returns what was typed (no echo)

DEFAULT_FOR = "8h"
MAX_FOR_S = 7 * 24 * 3600
_held: dict[str, bytes] = {}  # keys unlocked in this process (the app): never written


def _id(path: Path) -> str:
    return str(path.expanduser().resolve())


def runtime_folder() -> Path | None:
    """$XDG_RUNTIME_DIR/diary, when the runtime folder exists (Linux); None elsewhere."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if not base or not Path(base).is_dir():
        return None
    return Path(base) / "diary"


def _key_name(path: Path) -> str:
    from diary.store.cipher import blake2b

    return f"{blake2b(_id(path).encode(), digest_size=12).hex()}.key"


def _key_file(path: Path) -> Path | None:
    folder = runtime_folder()
    return None if folder is None else folder / _key_name(path)


class Unlocked:
    """An unlock in force: the raw key, until when (epoch seconds; None: for as long as this
    process runs). A plain class: `diary mood 7` on an encrypted diary needs no dataclasses."""

    __slots__ = ("key", "until")

    def __init__(self, key: bytes, until: float | None) -> None:
        self.key = key
        self.until = until


def session(path: Path) -> Unlocked | None:
    """The unlock in force for path (this process's, else the runtime folder's, else, where
    there is no runtime folder, the OS keychain's); an expired or unreadable one is removed."""
    held = _held.get(_id(path))
    if held is not None:
        return Unlocked(held, None)
    file = _key_file(path)
    if file is None:
        from diary.actions import keychain

        text = keychain.read(_id(path))
        found = None if text is None else _parsed(text, path)
        if text is not None and found is None:
            keychain.delete(_id(path))
        return found
    if not file.is_file():
        return None
    try:
        found = _parsed(file.read_text(), path)
    except OSError:
        found = None
    if found is None:
        file.unlink(missing_ok=True)
    return found


KEPT = "diary-unlock 1"  # the first line of a kept unlock; then expiry, key, diary path


def kept_text(path: Path, until: float, key: bytes) -> str:
    """A kept unlock as text (lines, not JSON: json costs an unlocked command ~2 ms)."""
    return f"{KEPT}\n{until!r}\n{key.hex()}\n{_id(path)}\n"


def read_kept(text: str) -> tuple[float, bytes, str] | None:
    """(expiry, key, diary path) of a kept unlock's text, or None when it is not one."""
    lines = text.split("\n")
    if len(lines) < 4 or lines[0] != KEPT:
        return None
    try:
        return float(lines[1]), bytes.fromhex(lines[2]), lines[3]
    except ValueError:
        return None


def _parsed(text: str, path: Path) -> Unlocked | None:
    """A kept unlock for path that has not expired, or None."""
    found = read_kept(text)
    if found is None:
        return None
    until, key, owner = found
    if until <= time.time() or owner != _id(path):
        return None
    return Unlocked(key, until)


def parse_duration(text: str) -> int:
    """'8h', '30m', '2d', '90s' (or a sum: '1h30m') as seconds, from a minute to 7 days."""
    import re

    # ASCII digits, a few of them: int() of thousands of digits raises (a traceback)
    parts = re.fullmatch(
        r"(?:(\d{1,7})d)?(?:(\d{1,7})h)?(?:(\d{1,7})m)?(?:(\d{1,7})s)?",
        text.strip().lower(),
        re.ASCII,
    )
    if not text.strip() or parts is None:
        raise ValidationError("unlock time", text, "a time like 30m, 8h or 2d", key="for")
    d, h, m, s = (int(x or 0) for x in parts.groups())
    seconds = ((d * 24 + h) * 60 + m) * 60 + s
    if not 60 <= seconds <= MAX_FOR_S:
        raise ValidationError("unlock time", text, "from 1m up to 7d", key="for")
    return seconds


def require_place(keychain: bool = False) -> None:
    """Refuse in one line where an unlock could not be kept: no runtime folder, and the OS
    keychain neither asked for nor reachable."""
    if runtime_folder() is not None:
        return
    if not keychain:
        raise DiaryError(
            "there is no per-user runtime folder ($XDG_RUNTIME_DIR) here, so the diary cannot "
            "stay unlocked; it asks for the passphrase each time (or: --keychain keeps the "
            "key in the OS keychain)"
        )
    from diary.actions import keychain as os_keychain

    os_keychain.require()


def keep(path: Path, key: bytes, seconds: int, *, keychain: bool = False) -> float:
    """Keep the key for seconds in the runtime folder (file 0600 in a 0700 folder), or, where
    there is none and the person asked for it, in the OS keychain; returns its expiry."""
    require_place(keychain)
    until = time.time() + seconds
    text = kept_text(path, until, key)
    folder = runtime_folder()
    if folder is None:
        from diary.actions import keychain as os_keychain

        os_keychain.write(_id(path), text)
        return until
    file = folder / _key_name(path)
    file.parent.mkdir(mode=0o700, exist_ok=True)
    os.chmod(file.parent, 0o700)
    temp = file.with_name(file.name + f".{os.getpid()}.new")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w") as out:
        out.write(text)
    os.replace(temp, file)
    return until


def hold(path: Path, key: bytes) -> None:
    """Keep the key in this process's memory only (the app, while it runs)."""
    _held[_id(path)] = key


def lock(path: Path) -> bool:
    """End the unlock of path at once (this process's, the runtime folder's or the
    keychain's); whether there was one."""
    was = _held.pop(_id(path), None) is not None
    file = _key_file(path)
    if file is not None and file.exists():
        file.unlink()
        was = True
    if file is None:
        from diary.actions import keychain

        was = keychain.delete(_id(path)) or was
    return was


def unlock_with(path: Path, secret: str) -> bytes:
    """The key the passphrase or recovery code gives for the diary at path (refused if wrong)."""
    return key_for_secret(secret, read_salt(path))


def prompt_for(path: Path) -> str:
    return f"Passphrase for {path.name} (or recovery code): "


def key_source(path: Path) -> Callable[[bytes], bytes]:
    """What open_store calls for an encrypted diary's key: the unlock in force, else the
    face's asker, else a LockedError."""

    def key_for(salt: bytes) -> bytes:
        current = session(path)
        if current is not None and key_fits(current.key, salt):
            return current.key
        ask = asker()
        if ask is None:
            raise LockedError()
        return key_for_secret(ask(prompt_for(path)), salt)

    return key_for


def is_locked(path: Path) -> bool:
    """Whether opening the diary at path would need a passphrase."""
    if not is_encrypted(path):  # a regular file whose first bytes are an encrypted diary's
        return False
    current = session(path)
    return current is None or not key_fits(current.key, read_salt(path))


def until_text(until: float | None) -> str:
    """'until 22:00' (or 'until 3 Dec 22:00' past today) for a header or a line."""
    import datetime as dt

    if until is None:
        return "while the app is open"
    moment = dt.datetime.fromtimestamp(until)
    if moment.date() == dt.datetime.now().date():
        return f"until {moment:%H:%M}"
    return f"until {moment:%d %b %H:%M}"
