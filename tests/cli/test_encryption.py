"""The encryption commands as a person uses them at a terminal (a real pty, pexpect), and
without one (a new session: no controlling terminal, like cron or ssh without -t)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from pathlib import Path

import pexpect
import pytest

from diary.actions import lock
from diary.store import cipher
from tests.conftest import run_diary
from tests.encrypted import (
    PASSPHRASE,
    SECRETS,
    encrypt_diary,
    expire,
    no_terminal,
    spawn_diary,
    type_new_passphrase,
    unlock,
)

LOCKED = "diary: the diary is locked: run `diary unlock`\n"


def finish(child: pexpect.spawn) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    out = child.before
    child.close()
    return child.exitstatus, out


def no_tty(*args: str):
    return run_diary(*args, preexec_fn=no_terminal)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def encrypted(cli, db_path: Path) -> bytes:
    assert cli("mood", "6", "--note", SECRETS[0]).code == 0
    return encrypt_diary(db_path).key


def test_encrypt_at_a_terminal(cli, db_path: Path, tmp_path: Path) -> None:
    assert cli("mood", "6", "--note", SECRETS[0]).code == 0
    child = spawn_diary("encrypt")
    child.expect("New passphrase: ")
    child.sendline(PASSPHRASE)
    child.expect("The same again: ")
    child.sendline(PASSPHRASE)
    child.expect(r"Recovery code .*?\n\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4}){12})\s")
    code = child.match.group(1)
    child.expect("with both lost, nobody can open it")
    child.expect("Press Enter")
    child.sendline("")
    status, out = finish(child)
    assert status == 0, out
    assert "is encrypted." in out
    assert "cannot reach" in out
    assert PASSPHRASE not in out
    assert SECRETS[0].encode() not in db_path.read_bytes()
    salt = cipher.read_salt(db_path)
    assert cipher.key_fits(cipher.key_from_recovery(code), salt)


def test_the_recovery_code_never_goes_to_standard_output(cli, db_path: Path, tmp_path: Path):
    assert cli("mood", "6").code == 0
    out = tmp_path / "out.txt"
    child = pexpect.spawn(
        "sh",
        ["-c", f"'{sys.executable}' -m diary encrypt > '{out}'"],
        env=dict(os.environ),
        encoding="utf-8",
        timeout=60,
    )
    type_new_passphrase(child)
    child.expect(r"\s([A-Z2-7]{4}(?:-[A-Z2-7]{4}){12})\s")
    code = child.match.group(1)
    child.expect("Press Enter")
    child.sendline("")
    assert finish(child)[0] == 0
    written = out.read_text()
    assert "is encrypted." in written
    assert code not in written and code.replace("-", "") not in written


def test_two_different_passphrases_change_nothing(cli, db_path: Path) -> None:
    assert cli("mood", "6").code == 0
    before = digest(db_path)
    child = spawn_diary("encrypt")
    child.expect("New passphrase: ")
    child.sendline(PASSPHRASE)
    child.expect("The same again: ")
    child.sendline(PASSPHRASE + "x")
    status, out = finish(child)
    assert status == 2
    assert out.strip().endswith("the two passphrases differ; nothing was changed")
    assert digest(db_path) == before


def test_without_a_terminal_a_locked_command_refuses_in_one_line(encrypted, db_path: Path):
    before = digest(db_path)
    for args in (("mood", "7"), ("list",), ("stats",)):
        done = no_tty(*args)
        assert (done.returncode, done.stdout, done.stderr) == (1, "", LOCKED), args
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.is_file()) == ["diary.db"]


def test_without_a_terminal_unlock_decrypt_and_passphrase_say_a_terminal_is_needed(
    encrypted, db_path: Path
):
    before = digest(db_path)
    needed = "diary: this needs a terminal to type the passphrase on; nothing was changed\n"
    for args in (("unlock",), ("decrypt",), ("passphrase",)):
        done = no_tty(*args)  # not "locked: run `diary unlock`", to the one running it
        assert (done.returncode, done.stdout, done.stderr) == (1, "", needed), args
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.is_file()) == ["diary.db"]


def test_due_says_locked_and_never_asks(encrypted) -> None:
    done = no_tty("due")
    assert done.returncode == 1
    assert "locked" in done.stdout and "No mood logged" not in done.stdout
    child = spawn_diary("due")  # even at a terminal it does not ask
    status, out = finish(child)
    assert status == 1 and "Passphrase" not in out and "locked" in out


def test_at_a_terminal_a_locked_command_asks_and_goes_on(encrypted, db_path: Path) -> None:
    child = spawn_diary("mood", "8")
    child.expect(r"Passphrase for diary\.db \(or recovery code\): ")
    child.sendline(PASSPHRASE)
    status, out = finish(child)
    assert status == 0, out
    assert "Mood 8/10 saved" in out and PASSPHRASE not in out
    assert lock.session(db_path) is None  # asking once does not unlock for later


def test_a_wrong_passphrase_says_so_and_leaves_the_file(encrypted, db_path: Path) -> None:
    before = digest(db_path)
    child = spawn_diary("mood", "8")
    child.expect("Passphrase for")
    child.sendline("not it at all")
    status, out = finish(child)
    assert status == 1
    assert out.strip().splitlines()[-1] == (
        "diary: wrong passphrase (or recovery code); the diary stays locked"
    )
    assert digest(db_path) == before


# Two hours from now is "until 14:05" today, or "until 04 Dec 01:44" once it passes midnight.
UNTIL = r"Unlocked until (\d\d [A-Z][a-z]{2} )?\d\d:\d\d\. `diary lock` locks it now"


def test_unlock_for_a_while_then_lock(encrypted, db_path: Path) -> None:
    child = spawn_diary("unlock", "--for", "2h")
    child.expect("Passphrase for")
    child.sendline(PASSPHRASE)
    status, out = finish(child)
    assert status == 0 and re.search(UNTIL, out), out
    folder = Path(os.environ["XDG_RUNTIME_DIR"]) / "diary"
    (key_file,) = folder.iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    until, key, owner = lock.read_kept(key_file.read_text())
    assert key == encrypted and owner == str(db_path.resolve())
    assert PASSPHRASE not in key_file.read_text()
    assert 7100 < until - os.stat(key_file).st_mtime <= 7200
    done = no_tty("mood", "9")  # no terminal needed while unlocked
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert no_tty("lock").stdout == "Locked.\n"
    assert not key_file.exists()
    assert no_tty("mood", "9").stderr == LOCKED


def test_an_expired_unlock_is_removed_on_next_use(encrypted, db_path: Path) -> None:
    unlock(db_path, encrypted, 60)
    (key_file,) = (Path(os.environ["XDG_RUNTIME_DIR"]) / "diary").iterdir()
    key_file.write_text(expire(key_file.read_text(), db_path, 61))
    done = no_tty("mood", "9")
    assert (done.returncode, done.stderr) == (1, LOCKED)
    assert not key_file.exists()


def test_unlock_time_is_checked(encrypted) -> None:
    eight_in_arabic_indic, thousands_of_digits = "\u0668h", "9" * 5000 + "h"
    for bad in ("forever", "0m", "8y", "30d", eight_in_arabic_indic, thousands_of_digits):
        done = no_tty("unlock", "--for", bad)
        assert done.returncode == 2 and done.stderr.startswith("diary: unlock time (--for)")
        assert done.stderr.count("\n") == 1, done.stderr


def test_the_recovery_code_unlocks(cli, db_path: Path) -> None:
    assert cli("mood", "6").code == 0
    code = encrypt_diary(db_path).recovery_code
    child = spawn_diary("unlock")
    child.expect("Passphrase for")
    child.sendline(code.lower())
    status, out = finish(child)
    assert status == 0, out
    assert no_tty("list").returncode == 0


def test_changing_the_passphrase_at_a_terminal(encrypted, db_path: Path) -> None:
    child = spawn_diary("passphrase")
    child.expect("Passphrase for")
    child.sendline(PASSPHRASE)
    child.expect("New passphrase: ")
    child.sendline("the new one, longer")
    child.expect("The same again: ")
    child.sendline("the new one, longer")
    child.expect("Press Enter")
    child.sendline("")
    status, out = finish(child)
    assert status == 0 and "passphrase of" in out, out
    salt = cipher.read_salt(db_path)
    assert cipher.key_fits(cipher.key_for_secret("the new one, longer", salt), salt)
    assert not cipher.key_fits(encrypted, salt)
    child = spawn_diary("list")
    child.expect("Passphrase for")
    child.sendline(PASSPHRASE)
    assert finish(child)[0] == 1


def test_decrypt_asks_to_confirm(encrypted, db_path: Path) -> None:
    unlock(db_path, encrypted)
    before = digest(db_path)
    child = spawn_diary("decrypt")
    child.expect(r"unencrypted, readable by anyone who gets it\? \[y/N\] ")
    child.sendline("")
    assert finish(child)[0] == 1
    assert digest(db_path) == before
    child = spawn_diary("decrypt")
    child.expect(r"\[y/N\] ")
    child.sendline("y")
    status, out = finish(child)
    assert status == 0 and "no longer encrypted" in out
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00")
    assert SECRETS[0].encode() in db_path.read_bytes()
    assert lock.session(db_path) is None


def test_decrypt_unlocked_without_a_terminal_says_why_nothing_changed(
    encrypted, db_path: Path
) -> None:
    unlock(db_path, encrypted)
    before = digest(db_path)
    done = no_tty("decrypt")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "diary: decrypt asks to confirm on a terminal; nothing was changed\n"
    assert digest(db_path) == before


def test_a_password_protected_report(encrypted, db_path: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    unlock(db_path, encrypted)
    target = tmp_path / "visit.pdf"
    child = spawn_diary("report", "-o", str(target), "--password")
    for prompt in ("Password for the PDF: ", "The same again: "):
        child.expect(prompt)
        child.sendline("clinic password 1")
    status, out = finish(child)
    assert status == 0, out
    assert "password-protected" in out and "not encrypted" not in out
    data = target.read_bytes()
    assert b"patient-recorded" not in data.lower()
    reader = PdfReader(target)
    assert reader.is_encrypted
    assert not reader.decrypt("wrong")
    reader = PdfReader(target)
    assert reader.decrypt("clinic password 1")
    assert "not clinically verified" in reader.pages[0].extract_text()


def test_plain_files_from_an_encrypted_diary_say_so(encrypted, db_path: Path, tmp_path):
    unlock(db_path, encrypted)
    for args, target in (
        (("export", "csv", "-o", str(tmp_path / "d.csv")), tmp_path / "d.csv"),
        (("report", "-o", str(tmp_path / "r.md")), tmp_path / "r.md"),
    ):
        done = no_tty(*args)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1] == (
            f"{target} is not encrypted: anyone who gets it can read it."
        )
    done = no_tty("report", "-o", str(tmp_path / "r.html"), "--password")
    assert done.returncode == 2 and "only a PDF can have a password" in done.stderr


def test_unlock_without_a_runtime_folder_says_so_before_asking(
    encrypted, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    done = no_tty("unlock")
    assert done.returncode == 1
    assert done.stderr == (
        "diary: there is no per-user runtime folder ($XDG_RUNTIME_DIR) here, so the diary "
        "cannot stay unlocked; it asks for the passphrase each time (or: --keychain keeps the key "
        "in the OS keychain)\n"
    )


def test_encrypt_is_refused_before_asking_while_the_app_has_it_open(cli, db_path: Path):
    from diary.store import open_store

    assert cli("mood", "6").code == 0
    with open_store(db_path):  # the app, open on it
        child = spawn_diary("encrypt")
        status, out = finish(child)
    assert status == 1
    assert "is open in another program (the app?)" in out and "passphrase" not in out.lower()
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00")


class MemoryKeychain:
    """A stand-in OS keychain (keyring's backend interface), in this process's memory."""

    priority = 1

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.kept.get((service, name))

    def set_password(self, service: str, name: str, text: str) -> None:
        self.kept[(service, name)] = text

    def delete_password(self, service: str, name: str) -> None:
        del self.kept[(service, name)]


def test_where_there_is_no_runtime_folder_the_keychain_if_asked(
    encrypted, db_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    from diary.cli import terminal

    class Backend(MemoryKeychain, KeyringBackend):
        pass

    backend = Backend()
    keyring.set_keyring(backend)
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(terminal, "ask_secret", lambda prompt, **_: PASSPHRASE)
    try:
        assert cli("unlock").code == 1  # never chosen for the person
        assert backend.kept == {}
        done = cli("unlock", "--for", "1h", "--keychain")
        assert done.code == 0, done.err
        ((service, name),) = backend.kept
        assert service == "diary" and lock.read_kept(backend.kept[(service, name)])[1] == (
            encrypted
        )
        monkeypatch.setattr(terminal, "ask_secret", lambda prompt, **_: pytest.fail("asked"))
        assert cli("mood", "7").code == 0  # unlocked from the keychain: nothing asked
        backend.kept[(service, name)] = expire(backend.kept[(service, name)], db_path, 3601)
        assert lock.session(db_path) is None and backend.kept == {}  # expired: removed
    finally:
        keyring.set_keyring(keyring.backends.fail.Keyring())


def test_encrypt_offers_to_delete_the_plain_copies_it_made(cli, db_path: Path) -> None:
    assert cli("mood", "6", "--note", SECRETS[0]).code == 0
    copy = db_path.with_name("diary.db.v0-before-migration-20261101T090000.bak")
    copy.write_bytes(db_path.read_bytes())
    child = spawn_diary("encrypt")
    type_new_passphrase(child)
    child.expect("Press Enter")
    child.sendline("")
    child.expect("Plain copies the diary made before migrations are still beside it:")
    child.expect(re.escape(str(copy)))
    child.expect(r"Delete them\? \[y/N\] ")
    child.sendline("y")
    status, out = finish(child)
    assert status == 0, out
    assert "Deleted." in out and "cannot reach" in out
    assert not copy.exists()
    assert SECRETS[0].encode() not in b"".join(
        p.read_bytes() for p in db_path.parent.glob("diary.db*")
    )


@pytest.mark.parametrize("command", ["unlock", "decrypt", "passphrase"])
def test_a_fifo_or_another_file_is_said_as_what_it_is_not_as_unencrypted(
    tmp_path: Path, command: str
) -> None:
    fifo, text = tmp_path / "diary.fifo", tmp_path / "notes.db"
    os.mkfifo(fifo)
    text.write_text("not a diary\n")
    for path, says in (
        (fifo, "is a named pipe (FIFO), not a diary database; not opened"),
        (text, "is not a diary database (not SQLite); left untouched"),
    ):
        done = no_tty("--db", str(path), command)
        assert (done.returncode, done.stdout) == (1, ""), done.stderr
        assert done.stderr == f"diary: {path} {says}\n"  # not "`diary encrypt` turns it on"
    assert fifo.is_fifo() and text.read_text() == "not a diary\n"
