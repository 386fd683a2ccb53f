"""The app on an encrypted diary: its unlock screen, the lock state in the header, ctrl+l,
and an unlock that ends (expired, or `diary lock` in a shell) locking the app."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from diary.actions import lock
from diary.tui.app import DiaryApp
from diary.tui.screens.today import TodayScreen
from diary.tui.screens.unlock import UnlockScreen
from tests.encrypted import PASSPHRASE, encrypt_diary, expire, unlock
from tests.tui.conftest import settle, shown


@pytest.fixture
def encrypted_demo(tmp_path: Path, demo_template: Path) -> tuple[Path, bytes]:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    return path, encrypt_diary(path).key


async def _type(pilot, text: str) -> None:
    """Type into the unlock screen and press enter; wait for the KDF's answer (a worker)."""
    app = pilot.app
    app.screen.query_one(Input).value = text
    await pilot.press("enter")
    for _ in range(600):  # up to 30 s on a loaded machine
        await settle(pilot)
        if not isinstance(app.screen, UnlockScreen) or not app.screen.query_one(Input).disabled:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def test_a_locked_start_asks_then_opens_today(encrypted_demo) -> None:
    path, _key = encrypted_demo
    app = DiaryApp(None, path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert app.sub_title.endswith("· encrypted · locked")
        await pilot.press("h", "g", "n")  # nothing of the diary opens while locked
        assert isinstance(app.screen, UnlockScreen)
        await _type(pilot, "not the passphrase")
        assert isinstance(app.screen, UnlockScreen)
        assert "wrong passphrase" in shown(app, "#unlock-message")
        assert app.screen.query_one(Input).value == ""
        await _type(pilot, PASSPHRASE)
        assert isinstance(app.screen, TodayScreen)
        assert app.sub_title == f"{path} · encrypted · unlocked while the app is open"
        assert "Last session" in shown(app, "#last-session")
    app.close_store()
    assert lock.session(path) is None or lock.session(path).until is None  # never on disk
    assert list((Path(os.environ["XDG_RUNTIME_DIR"])).iterdir()) == []


async def test_ctrl_l_locks_and_keeps_what_was_typed(encrypted_demo) -> None:
    path, key = encrypted_demo
    unlock(path, key)  # `diary unlock` in a shell first: the app opens straight away
    from diary.actions.diary import writing

    with writing(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen)
            assert "· encrypted · unlocked until " in app.sub_title
            note = app.screen.query_one("#note")
            note.value = "typed, not saved yet"
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert isinstance(app.screen, UnlockScreen)
            assert app.store is None and lock.session(path) is None  # the shell's unlock too
            assert "typed" not in "".join(str(w.render()) for w in app.screen.query("Static"))
            await _type(pilot, PASSPHRASE)
            assert isinstance(app.screen, TodayScreen)
            assert app.screen.query_one("#note").value == "typed, not saved yet"
        app.close_store()


async def test_an_ended_unlock_locks_the_app(encrypted_demo) -> None:
    path, key = encrypted_demo
    unlock(path, key, 60)
    from diary.actions.diary import writing

    with writing(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            (key_file,) = (Path(os.environ["XDG_RUNTIME_DIR"]) / "diary").iterdir()
            key_file.write_text(expire(key_file.read_text(), path, 61))  # the minute is up
            app._check_unlock()  # the app's timer, run now rather than waited for
            await pilot.pause()
            assert isinstance(app.screen, UnlockScreen)
            assert not key_file.exists()
        app.close_store()


async def test_a_plain_diary_has_no_lock(store) -> None:
    app = DiaryApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.sub_title == str(store.path)


async def test_a_new_diary_offers_encryption_in_one_line(store) -> None:
    for offer in (True, False):
        app = DiaryApp(store, offer_encryption=offer)
        said: list[str] = []
        app.notify = lambda message, said=said, **_: said.append(message)  # type: ignore[method-assign]
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen)  # offered, never forced
        if offer:
            (line,) = said
            assert "\n" not in line and "`diary encrypt` in a shell protects it" in line
        else:
            assert said == []


async def test_a_file_exported_from_an_encrypted_diary_says_it_is_not_encrypted(
    encrypted_demo, tmp_path: Path
) -> None:
    from diary.actions.diary import writing
    from tests.tui.test_export import write

    path, key = encrypted_demo
    unlock(path, key)
    with writing(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("e")
            message = await write(pilot, "csv", tmp_path / "out")
        app.close_store()
    assert message.startswith("Wrote ")
    assert message.endswith(
        "diary-days-2026-11-20.csv is not encrypted: anyone who gets it can read it"
    )
