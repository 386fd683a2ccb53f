"""Symptoms: add your own, hide or show any; the session form follows, history stays."""

from __future__ import annotations

import datetime as dt

from diary.domain import Route, Session, Severity, SideEffectRating, Symptom
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.symptoms import SymptomsScreen
from diary.tui.widgets.severity_picker import SeverityPicker
from tests.tui.conftest import make_app, settle, shown

SIZE = (80, 24)


def table_rows(app) -> list[tuple[str, ...]]:
    table = app.screen.query_one("#symptoms")
    return [tuple(str(c) for c in table.get_row(row.key)) for row in table.ordered_rows]


def form_symptoms(app) -> list[str]:
    assert isinstance(app.screen, SessionScreen)
    return [picker.symptom for picker in app.screen.query(SeverityPicker)]


async def test_add_a_symptom_then_hide_it(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        assert isinstance(app.screen, SymptomsScreen)
        assert len(table_rows(app)) == 11
        assert table_rows(app)[0] == ("Dizziness", "built-in", "shown")
        await pilot.press("a")
        assert app.focused.id == "new-symptom"
        await pilot.press(*"Headache", "enter")
        assert Symptom("headache", "Headache") in store.symptoms()
        assert table_rows(app)[-1] == ("Headache", "yours", "shown")
        table = app.screen.query_one("#symptoms")
        assert app.focused is table
        assert table.cursor_row == 11
        assert app.screen.query_one("#new-symptom").value == ""

        await pilot.press("n")
        assert form_symptoms(app)[-1] == "headache"
        assert len(form_symptoms(app)) == 12
        await pilot.press("escape", "escape")  # out of the date field, then back

        assert isinstance(app.screen, SymptomsScreen)
        assert table.cursor_row == 11
        await pilot.press("space")
        assert Symptom("headache", "Headache", hidden=True) in store.symptoms()
        assert table_rows(app)[-1] == ("Headache", "yours", "hidden")
        await pilot.press("n")
        assert "headache" not in form_symptoms(app)
        assert len(form_symptoms(app)) == 11
        await pilot.press("escape", "escape", "space")
        assert Symptom("headache", "Headache", hidden=False) in store.symptoms()


async def test_hide_a_built_in_symptom_with_enter(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "down", "down", "enter")
        assert table_rows(app)[2] == ("Vomiting", "built-in", "hidden")
        assert [s.key for s in store.symptoms() if s.hidden] == ["vomiting"]
        await pilot.press("n")
        assert form_symptoms(app)[:3] == ["dizziness", "nausea", "dissociation"]


async def test_a_bad_or_taken_name_is_refused_inline(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "a", *"nausea", "enter")
        assert shown(app, "#error-new-symptom") == (
            "symptom label: 'nausea' is not accepted; expected a name not already in the list"
        )
        assert app.screen.query_one("#new-symptom").has_class("-invalid")
        await pilot.press("ctrl+u", "-", "enter")
        assert shown(app, "#error-new-symptom") == (
            "symptom label: '-' is not accepted; expected 1-60 characters with a letter or digit"
        )
        assert len(store.symptoms()) == 11


async def test_a_hidden_symptom_rated_in_a_session_is_still_shown_when_editing_it(store) -> None:
    store.add_symptom("Headache")
    store.add_session(
        Session(
            dt.datetime(2026, 11, 19, 9, 0, tzinfo=dt.UTC),
            Route.IV,
            dose_mg=35,
            side_effects=(
                SideEffectRating("headache", Severity.MODERATE, duration_min=90),
                SideEffectRating("nausea", Severity.MILD),
            ),
        )
    )
    store.set_symptom_hidden("headache", True)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        symptoms = form_symptoms(app)
        assert symptoms[-1] == "headache"
        index = symptoms.index("headache")
        assert app.screen.query_one(f"#sev-{index}", SeverityPicker).severity == 2
        assert app.screen.query_one(f"#lasted-{index}").value == "90"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert sorted(
            (r.symptom, r.severity, r.duration_min) for r in store.session(1).side_effects
        ) == [
            ("headache", Severity.MODERATE, 90),
            ("nausea", Severity.MILD, None),
        ]
        await pilot.press("n")
        assert "headache" not in form_symptoms(app)


async def test_a_label_is_whole_where_it_fits_and_a_cut_one_ends_with_an_ellipsis(store) -> None:
    """At 80 columns "Felt high blood pressure (self-rated)" was cut to "… (se", dropping
    what says it is a feeling, not a measurement."""
    from diary.actions.symptoms import add_symptom

    add_symptom(store, "A very long symptom name that goes on " + "and on " * 3)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await settle(pilot)
        screen = app.export_screenshot()
        labels = [row[0] for row in table_rows(app)]
        assert "Felt high blood pressure (self-rated)" in labels
        assert "Felt&#160;high&#160;blood&#160;pressure&#160;(self-rated)" in screen
        assert labels[-1].endswith("…") and labels[-1].startswith("A very long symptom")
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        assert (
            table_rows(app)[-1][0] == "A very long symptom name that goes on and on and on and on"
        )
