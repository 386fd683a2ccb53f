"""Session: a new one by keyboard only (vitals, three symptoms), prefill, inline errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from diary import domain
from diary.domain.symptoms import BUILTIN_SYMPTOMS
from diary.tui.screens.leave import LeaveScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.today import TodayScreen
from diary.tui.widgets.severity_picker import SeverityPicker
from tests.tui.conftest import leave_discarding, make_app, open_for_editing, shown, value

SIZE = (80, 24)
NOON = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
BUILTIN_ORDER = [s.key for s in BUILTIN_SYMPTOMS]


def without_ids(session: domain.Session) -> domain.Session:
    """The session as typed: no ids, side effects in catalogue order."""
    return replace(
        session,
        id=None,
        vitals=tuple(replace(v, id=None, session_id=None) for v in session.vitals),
        side_effects=tuple(
            sorted(session.side_effects, key=lambda r: BUILTIN_ORDER.index(r.symptom))
        ),
    )


async def test_a_session_with_vitals_and_three_symptoms_by_keyboard_only(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)
        assert shown(app, "#session-title") == "New session"
        assert app.focused.id == "at"
        assert app.focused.value == "2026-11-20 12:00"
        await pilot.press("tab", "enter", "down", "enter")  # route: IV -> IM
        await pilot.press("tab", "3", "5", "tab", "tab", "7", "0", "tab", "4", "0")
        await pilot.press("tab", "enter", "down", "down", "enter")  # phase: maintenance
        await pilot.press("tab", *"Oak")
        await pilot.press("tab", *"128", "tab", *"82", "tab", *"72")
        await pilot.press("tab", *"141", "tab", *"90", "tab", *"80")
        await pilot.press("tab", *"130", "tab", *"84", "tab", "tab")
        assert app.focused.id == "sev-0"
        await pilot.press("2", "down", "1", "down", "down", "3")
        assert app.focused.id == "sev-3"
        await pilot.press("tab", "5", "tab", "6", "0")  # onset and length of dissociation
        assert app.focused.id == "lasted-3"
        await pilot.press(*["tab"] * 8)
        assert app.focused.parent.id == "clinic-record"  # its title: enter would open it
        await pilot.press("tab", *"ok")
        assert app.focused.id == "note"
        # 141/90 at ~40 min: 13/8 over the pre-dose 128/82 is no rise; 140/90 is pre-dose only
        assert shown(app, "#flag-40min") == ""
        assert shown(app, "#flag-pre") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        (saved,) = store.sessions_between(None, None)
        assert without_ids(saved) == domain.Session(  # in the order the form asks
            NOON,
            domain.Route.IM,
            dose_mg=35.0,
            weight_kg=70.0,
            duration_min=40,
            phase=domain.Phase.MAINTENANCE,
            clinic="Oak",
            vitals=(
                domain.VitalReading(domain.VitalLabel.PRE, 128, 82, 72, taken_at=NOON),
                domain.VitalReading(
                    domain.VitalLabel.FORTY, 141, 90, 80, taken_at=NOON + dt.timedelta(minutes=40)
                ),
                domain.VitalReading(domain.VitalLabel.DISCHARGE, 130, 84, None, taken_at=None),
            ),
            side_effects=(
                domain.SideEffectRating("dizziness", domain.Severity.MODERATE),
                domain.SideEffectRating("nausea", domain.Severity.MILD),
                domain.SideEffectRating(
                    "dissociation", domain.Severity.SEVERE, onset_min=5, duration_min=60
                ),
            ),
            note="ok",
        )
        assert shown(app, "#last-session") == (
            "Last session: today · #1 IM injection 35 mg · 20 Nov 2026"
        )


async def test_onset_and_lasted_show_only_for_a_felt_symptom(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert not screen.query_one("#onset-0").display
        assert not screen.query_one("#lasted-0").display
        screen.query_one("#sev-0").focus()
        await pilot.press("right")
        assert screen.query_one("#sev-0", SeverityPicker).severity == domain.Severity.MILD
        assert screen.query_one("#onset-0").display
        assert screen.query_one("#lasted-0").display
        # labels pad to the longest one, "Felt high blood pressure (self-rated)" (37), plus 1
        assert str(screen.query_one("#sev-0").render()) == (
            "Dizziness" + " " * 29 + " 0 none [1 mild] 2 moderate  3 severe "
        )
        await pilot.press("left")
        assert not screen.query_one("#onset-0").display


async def test_every_built_in_label_is_shown_whole(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        for picker in app.screen.query(SeverityPicker):
            assert str(picker.render()).startswith(picker.label + " ")


async def test_a_new_session_is_prefilled_from_the_last_one(store) -> None:
    last = store.add_session(
        domain.Session(
            started_at=dt.datetime(2026, 11, 13, 10, 15, tzinfo=dt.UTC),
            route=domain.Route.INTRANASAL,
            dose_mg=56,
            weight_kg=81.5,
            duration_min=120,
            phase=domain.Phase.MAINTENANCE,
            clinic="Northside",
            vitals=(domain.VitalReading(domain.VitalLabel.PRE, 131, 85, 70),),
            side_effects=(domain.SideEffectRating("nausea", domain.Severity.MODERATE),),
            note="long wait",
        )
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert value(app, "#at") == "2026-11-20 12:00"
        assert value(app, "#route") == "intranasal"
        assert value(app, "#dose_mg") == "56"
        assert value(app, "#dose_mg_per_kg") == ""
        assert value(app, "#weight_kg") == "81.5"
        assert value(app, "#duration_min") == "120"
        assert value(app, "#phase") == "maintenance"
        assert value(app, "#clinic") == "Northside"
        for field in ("sys-pre", "dia-pre", "hr-pre"):
            assert value(app, f"#{field}") == ""
        assert all(p.severity == 0 for p in app.screen.query(SeverityPicker))
        assert app.screen.query_one("#note").text == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        sessions = store.sessions_between(None, None)
        assert [s.id for s in sessions] == [last.id, last.id + 1]
        # everything but the readings, the ratings and the note, at the new time
        assert without_ids(sessions[1]) == replace(
            without_ids(last), started_at=NOON, vitals=(), side_effects=(), note=""
        )


async def test_an_invalid_blood_pressure_blocks_the_save_with_an_inline_message(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one("#sys-pre").focus()
        await pilot.press(*"80", "tab", *"120", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert store.sessions_between(None, None) == []
        error = app.screen.query_one("#error-vital-pre")
        assert error.display
        assert shown(app, "#error-vital-pre") == (
            "blood pressure pre-dose: '80/120' is not accepted; expected systolic above diastolic"
        )
        assert not app.screen.query_one("#error-vital-40min").display
        # Fixed, it saves.
        app.screen.query_one("#sys-pre").focus()
        await pilot.press("backspace", "backspace", *"128", "tab", "end")
        await pilot.press("backspace", "backspace", "backspace", *"82", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        (saved,) = store.sessions_between(None, None)
        assert [(v.label, v.systolic, v.diastolic) for v in saved.vitals] == [
            (domain.VitalLabel.PRE, 128, 82)
        ]


async def test_every_bad_field_is_reported_at_once_with_the_cli_messages(store, cli) -> None:
    dose = cli("session", "add", "--route", "iv", "--dose-mg", "abc")
    assert dose.code == 2
    dose_message = dose.err.strip().removeprefix("diary: ")
    weight_message = (
        cli("session", "add", "--route", "iv", "--weight-kg", "5")
        .err.strip()
        .removeprefix("diary: ")
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        screen.query_one("#dose_mg").focus()
        await pilot.press(*"abc", "tab", "tab", "5")
        screen.query_one("#sev-0").focus()
        await pilot.press("2", "tab", *"9999", "ctrl+s")
        await pilot.pause()
        assert store.sessions_between(None, None) == []
        # the same reason as the command line's; the field named by its label, not a flag
        assert shown(app, "#error-dose_mg") == dose_message.replace(
            "dose in mg (--dose-mg)", "Dose mg"
        )
        assert shown(app, "#error-weight_kg") == weight_message.replace(
            "weight in kg (--weight-kg)", "Weight kg"
        )
        assert shown(app, "#error-symptom-0") == (
            "onset of dizziness (minutes): '9999' is not accepted; expected a whole number 0-1440"
        )
        assert screen.query_one("#dose_mg").has_class("-invalid")
        assert not screen.query_one("#error-at").display


async def test_escape_leaves_without_saving(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "tab", "tab", "3", "5", "escape")
        assert isinstance(app.screen, SessionScreen)  # the first escape leaves the field
        await leave_discarding(pilot)  # typed work: asked once
        assert store.sessions_between(None, None) == []


async def test_delete_is_offered_only_when_editing(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert app.screen.check_action("delete", ()) is False
        app.screen.query_one("#sev-0").focus()
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, SessionScreen)
        # In a field of a new session, ctrl+d keeps its Input meaning (delete right).
        app.screen.query_one("#clinic").focus()
        await pilot.press(*"Oak", "home", "ctrl+d")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.query_one("#clinic").value == "ak"


async def test_q_in_the_symptom_grid_keeps_the_unsaved_form(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one("#sev-0").focus()
        await pilot.press("2", "q")
        assert app.is_running
        # q asked first: "Stay" (escape) keeps the form and what was typed
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.query_one("#sev-0").severity == 2
        # escape asks too; "Discard" (d) goes back without saving
        await pilot.press("escape")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("d")
        assert not isinstance(app.screen, SessionScreen)
        assert store.sessions_between() == []


async def test_an_untouched_form_leaves_without_asking(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape")  # leaves the date field
        assert app.screen.focused is None
        await pilot.press("escape")
        assert not isinstance(app.screen, (SessionScreen, LeaveScreen))


async def test_editing_keeps_what_the_form_does_not_show(store) -> None:
    started = dt.datetime(2026, 11, 18, 10, 0, tzinfo=dt.UTC)
    saved = store.add_session(
        domain.Session(
            started,
            domain.Route.IV,
            dose_mg=35,
            vitals=(
                domain.VitalReading(domain.VitalLabel.PRE, 120, 80, 70, spo2=98, taken_at=started),
            ),
            side_effects=(
                domain.SideEffectRating("nausea", domain.Severity.MILD, note="after the drive"),
            ),
        )
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_for_editing(pilot, saved.id)
        app.screen.query_one("#dose_mg").value = "40"
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = store.session(saved.id)
    assert after.dose_mg == 40
    assert after.vitals[0].spo2 == 98
    assert after.side_effects[0].note == "after the drive"


async def test_blood_pressure_marks_follow_the_reference_points(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for field, text in (("#sys-40min", "195"), ("#dia-40min", "100")):
            screen.query_one(field).value = text
        await pilot.pause()
        # no pre-dose reading yet: 195 is very high, and there is no rise to measure
        assert shown(app, "#flag-40min") == "‼ very high"
        for field, text in (("#sys-pre", "150"), ("#dia-pre", "95")):
            screen.query_one(field).value = text
        await pilot.pause()
        assert shown(app, "#flag-pre") == "▲ above pre-dose reference"
        # 195 is 45 over 150: a rise over 40/25, now that the pre-dose reading is typed
        assert shown(app, "#flag-40min") == "↑ rise over 40/25; ‼ very high"
        for field, text in (("#sys-discharge", "150"), ("#dia-discharge", "96")):
            screen.query_one(field).value = text
        await pilot.pause()
        assert shown(app, "#flag-discharge") == ""  # 140/90 is the pre-dose guide only
