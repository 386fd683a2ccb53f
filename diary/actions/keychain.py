"""The OS keychain (through `keyring`), for an unlock where there is no per-user runtime
folder (macOS, Windows), only when the person asks for it (`diary unlock --keychain`).

The keychain keeps the key encrypted under the login; it is the one place an unlock may
outlive a reboot, which is why it is never chosen for the person.
"""

from __future__ import annotations

from typing import Any

from diary.domain import DiaryError

SERVICE = "diary"


def _backend() -> Any | None:
    """keyring, when it is installed and has a real backend (not its 'fail' one)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    if isinstance(keyring.get_keyring(), fail.Keyring):
        return None
    return keyring


def require() -> Any:
    """keyring's backend, or a one-line refusal when there is none."""
    backend = _backend()
    if backend is None:
        raise DiaryError(
            "no OS keychain is reachable here (install the `keyring` package); the diary "
            "asks for the passphrase each time"
        )
    return backend


def read(name: str) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, name)
    except Exception:  # a locked or broken keychain: as if nothing were kept
        return None


def write(name: str, text: str) -> None:
    backend = require()
    try:
        backend.set_password(SERVICE, name, text)
    except Exception as error:
        raise DiaryError(f"the OS keychain refused the key ({error}); nothing was kept") from None


def delete(name: str) -> bool:
    backend = _backend()
    if backend is None or read(name) is None:
        return False
    try:
        backend.delete_password(SERVICE, name)
    except Exception:
        return False
    return True
