"""mg, mg/kg and weight never disagree: typing one clears or works out the other, visibly,
and a disagreeing three are refused on save with the command line's message."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.domain import Route, Session
from diary.tui.screens.session import SessionScreen
from tests.tui.conftest import make_app, shown

SIZE = (80, 24)


def last_session(store) -> None:
    store.add_session(
        Session(
            dt.datetime(2026, 11, 13, 10, 0, tzinfo=dt.UTC),
            Route.IV,
            dose_mg=36,
            dose_mg_per_kg=0.5,
            weight_kg=72,
        )
    )


@pytest.mark.parametrize(
    ("typed_into", "keys", "other", "other_now", "hint", "saved"),
    [
        pytest.param(
            "#dose_mg",
            ("4", "0"),
            "#dose_mg_per_kg",
            "",
            "mg/kg cleared: 0.5 mg/kg at 72 kg is 36 mg, not the mg typed.",
            (40, None, 72),
            id="typing mg clears a contradicting mg/kg",
        ),
        pytest.param(
            "#weight_kg",
            ("8", "0"),
            "#dose_mg",
            "40",
            "Dose mg worked out: 0.5 mg/kg × 80 kg = 40 mg.",
            (40, 0.5, 80),
            id="typing a weight works the mg out again",
        ),
    ],
)
async def test_typing_one_dose_field_fixes_the_other_visibly(
    store, typed_into: str, keys: tuple[str, ...], other: str, other_now: str, hint: str, saved
) -> None:
    last_session(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one(typed_into).focus()
        await pilot.press("ctrl+u", *keys)
        await pilot.pause()
        assert app.screen.query_one(other).value == other_now
        assert shown(app, "#dose-hint") == hint
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
    newest = store.sessions_between()[-1]
    assert (newest.dose_mg, newest.dose_mg_per_kg, newest.weight_kg) == saved


async def test_three_that_disagree_are_refused_with_all_three_named(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        # set by the program, as a prefill would: no typing, so nothing is worked out
        screen.query_one("#dose_mg").value = "40"
        screen.query_one("#dose_mg_per_kg").value = "0.5"
        screen.query_one("#weight_kg").value = "72"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert shown(app, "#error-dose_mg") == (
            "Dose mg: '40' is not accepted; expected 36 mg, as dose in mg/kg 0.5 at weight "
            "72 kg gives (more than 1% apart); change one, or leave mg/kg or weight out"
        )
    assert store.sessions_between() == []
