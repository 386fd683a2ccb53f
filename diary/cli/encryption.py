"""`diary encrypt`, `decrypt`, `passphrase`, `unlock [--for 8h]` and `lock`."""

from __future__ import annotations

import argparse

from diary.cli import terminal
from diary.cli.parsing import command

GONE = (
    "Keep the passphrase, and this code apart from it. Either one opens the diary; with "
    "both lost, nobody can open it, you included: the data are gone."
)


def add_encryption(commands: argparse._SubParsersAction) -> None:
    command(commands, "encrypt", run_encrypt)
    command(commands, "decrypt", run_decrypt)
    command(commands, "passphrase", run_passphrase)
    command(commands, "unlock", run_unlock, _unlock_arguments)
    command(commands, "lock", run_lock)


def _unlock_arguments(unlock: argparse.ArgumentParser) -> None:
    unlock.add_argument(
        "--for", dest="for_", default="8h", metavar="TIME", help="e.g. 30m, 8h, 2d (default 8h)"
    )
    unlock.add_argument(
        "--keychain",
        action="store_true",
        help="where there is no runtime folder (macOS, Windows): keep the key in the OS "
        "keychain (the `keyring` package) until the time is up",
    )


def _show_recovery(code: str) -> None:
    terminal.show(
        f"\nRecovery code (shown this once; it opens the diary without the "
        f"passphrase):\n\n    {code}\n\n{GONE}"
    )
    terminal.wait_for_enter("Press Enter once it is written down. ")


def run_encrypt(args: argparse.Namespace) -> int:
    """encrypt the diary file (asks for a new passphrase twice)

    Encrypt the diary with SQLCipher under a new passphrase, typed twice at the terminal. Shows a
    recovery code once. The file is written anew beside the old one, verified, then swapped in."""
    from diary.actions import encryption
    from diary.actions.diary import diary_path

    path = diary_path(args.db)
    encryption.require_plain(path)
    terminal.require_terminal()
    new = encryption.new_key(terminal.ask_new_secret_twice("New passphrase: "))
    _show_recovery(new.recovery_code)
    print(encryption.encrypt(path, new))
    copies = encryption.plaintext_copies(path)
    if copies:
        print("Plain copies the diary made before migrations are still beside it:")
        for copy in copies:
            print(f"  {copy}")
        if terminal.confirm("Delete them?"):
            for copy in copies:
                copy.unlink(missing_ok=True)
            print("Deleted.")
    print(
        "Earlier backups, exports and reports are not encrypted and the diary cannot reach "
        "them: delete the ones you do not need. Run `diary unlock` to stay unlocked a while."
    )
    return 0


def _current_key(path) -> bytes:
    from diary.actions import lock

    # these commands are how a diary gets unlocked: with no terminal, "run `diary unlock`"
    # would send the person round in a circle, so they say a terminal is needed
    return lock.unlock_with(path, terminal.ask_secret(lock.prompt_for(path), locked=False))


def run_decrypt(args: argparse.Namespace) -> int:
    """turn encryption off (asks to confirm)

    Write the encrypted diary back as a plain SQLite file, after asking."""
    from diary.actions import encryption, lock
    from diary.actions.diary import diary_path
    from diary.domain import DiaryError

    path = diary_path(args.db)
    encryption.require_encrypted(path, "nothing to decrypt")
    current = lock.session(path)
    key = current.key if current else _current_key(path)
    encryption.require_not_in_use(path, key)
    if not terminal.has_terminal():
        raise DiaryError("decrypt asks to confirm on a terminal; nothing was changed")
    if not terminal.confirm(f"Write {path} unencrypted, readable by anyone who gets it?"):
        print("Nothing was changed.")
        return 1
    print(encryption.decrypt(path, key))
    return 0


def run_passphrase(args: argparse.Namespace) -> int:
    """change the passphrase (shows a new recovery code)

    Re-encrypt the diary under a new passphrase; the old passphrase and the old recovery code stop
    working. Asks for the current passphrase first."""
    from diary.actions import encryption
    from diary.actions.diary import diary_path

    path = diary_path(args.db)
    encryption.require_encrypted(path, "nothing to change")
    key = _current_key(path)  # always the current passphrase, even when unlocked
    encryption.require_not_in_use(path, key)
    new = encryption.new_key(terminal.ask_new_secret_twice("New passphrase: "))
    _show_recovery(new.recovery_code)
    print(encryption.change_passphrase(path, key, new))
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    """stay unlocked for a while (default 8h)

    Ask for the passphrase once and keep the key in the per-user runtime folder ($XDG_RUNTIME_DIR:
    memory, cleared at logout) until the time is up or `diary lock`."""
    from diary.actions import encryption, lock
    from diary.actions.diary import diary_path

    path = diary_path(args.db)
    seconds = lock.parse_duration(args.for_)
    encryption.require_encrypted(path, "nothing to unlock")
    lock.require_place(args.keychain)  # before asking: nowhere to keep the key otherwise
    key = _current_key(path)
    until = lock.keep(path, key, seconds, keychain=args.keychain)
    print(f"Unlocked {lock.until_text(until)}. `diary lock` locks it now.")
    return 0


def run_lock(args: argparse.Namespace) -> int:
    """end an unlock at once"""
    from diary.actions import lock
    from diary.actions.diary import diary_path

    path = diary_path(args.db)
    print("Locked." if lock.lock(path) else "The diary was not unlocked.")
    return 0
