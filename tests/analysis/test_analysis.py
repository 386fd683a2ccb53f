"""The definitions of diary/analysis/ on small histories whose answers are worked by hand."""

from __future__ import annotations

import datetime as dt
import json
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary import analysis as an
from diary import domain
from tests.stats_json import NO_MOOD

D0 = dt.date(2026, 10, 1)
D_AT = dt.datetime(2026, 10, 1, 10, tzinfo=dt.UTC)
CATALOGUE = list(domain.BUILTIN_SYMPTOMS)


def day(n: int) -> dt.date:
    """Day n counted from 2026-10-01 (day 0)."""
    return D0 + dt.timedelta(days=n)


def moods(by_day: dict[int, int]) -> list[domain.MoodEntry]:
    return [domain.MoodEntry(day(n), mood) for n, mood in sorted(by_day.items())]


def session(
    n: int,
    *effects: tuple[str, int],
    hour: int = 10,
    vitals: tuple[domain.VitalReading, ...] = (),
    sid: int | None = None,
    route: domain.Route = domain.Route.IV,
    dose_mg: float | None = 35.0,
) -> domain.Session:
    """A session on day n at hour:00 UTC with (symptom, severity) ratings."""
    return domain.Session(
        started_at=dt.datetime.combine(day(n), dt.time(hour), dt.UTC),
        route=route,
        dose_mg=dose_mg,
        vitals=vitals,
        side_effects=tuple(domain.SideEffectRating(k, domain.Severity(s)) for k, s in effects),
        id=sid,
    )


def bp(label: domain.VitalLabel, systolic: int, diastolic: int) -> domain.VitalReading:
    return domain.VitalReading(label, systolic, diastolic)


# --- rounding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (Fraction(17, 8), 2.13),  # 2.125: halves away from zero (round() would give 2.12)
        (Fraction(-1, 8), -0.13),
        (Fraction(4, 3), 1.33),
        (Fraction(2, 3), 0.67),
        (Fraction(469, 200), 2.35),  # 2.345 exactly
        (6, 6.0),
        (Fraction(0), 0.0),
        (None, None),
    ],
)
def test_round_mean(value: Fraction | int | None, rounded: float | None) -> None:
    assert an.round_mean(value) == rounded


def test_round_mean_never_gives_negative_zero() -> None:
    assert math.copysign(1.0, an.round_mean(Fraction(-1, 1000)) or 0.0) == 1.0


# --- 7-day mean -------------------------------------------------------------------------------


def test_seven_day_mean_needs_four_logged_days() -> None:
    history = moods({0: 1, 2: 3, 4: 5})
    assert an.seven_day_mean(history, day(6)) is None  # 3 logged in day 0..6
    history = moods({0: 1, 2: 3, 4: 5, 6: 6})
    assert an.seven_day_mean(history, day(6)) == 3.75  # (1 + 3 + 5 + 6) / 4
    assert an.seven_day_mean(history, day(7)) is None  # day 1..7 holds 3 logged
    assert an.seven_day_mean([], day(6)) is None


def test_rolling_mean_7_day_by_day() -> None:
    history = moods({n: n + 1 for n in range(7)})  # day 0..6 logged 1..7
    assert an.rolling_mean_7(history, day(0), day(7)) == [
        (day(0), None),  # 1 logged
        (day(1), None),  # 2
        (day(2), None),  # 3
        (day(3), 2.5),  # (1 + 2 + 3 + 4) / 4
        (day(4), 3.0),  # 15 / 5
        (day(5), 3.5),  # 21 / 6
        (day(6), 4.0),  # 28 / 7
        (day(7), 4.5),  # day 1..7: (2 + ... + 7) / 6 = 27 / 6
    ]
    assert an.rolling_mean_7(history, day(3), day(2)) == []


def test_unlogged_days_are_missing_not_zero() -> None:
    history = moods({0: 8, 1: 8, 3: 8, 5: 8})
    assert an.seven_day_mean(history, day(6)) == 8.0


# --- baseline, after, change ------------------------------------------------------------------


def test_baseline_after_change_round_the_final_value() -> None:
    # baseline day 7..9: (4 + 5 + 7) / 3 = 16/3 = 5.33; after day 11..13: (6 + 7 + 7) / 3 = 6.67
    # change = 20/3 - 16/3 = 4/3 = 1.33 (the rounded parts would give 6.67 - 5.33 = 1.34);
    # the session day's own mood (1) is in neither window
    history = moods({6: 9, 7: 4, 8: 5, 9: 7, 10: 1, 11: 6, 12: 7, 13: 7, 14: 9})
    effect = an.session_effect(history, session(10))
    assert (effect.baseline, effect.after, effect.change) == (5.33, 6.67, 1.33)
    assert an.baseline_mood(history, day(10)) == 5.33
    assert an.after_mood(history, day(10)) == 6.67


def test_partial_windows_and_missing_after() -> None:
    # only day 9 logged before; nothing in day 11..13
    history = moods({9: 5, 14: 8})
    effect = an.session_effect(history, session(10))
    assert (effect.baseline, effect.after, effect.change) == (5.0, None, None)


def test_no_baseline_means_no_change_and_no_benefit() -> None:
    history = moods({6: 2, 11: 8, 12: 8})  # day 6 is outside day 7..9
    effect = an.session_effect(history, session(10))
    assert (effect.baseline, effect.after, effect.change) == (None, 8.0, None)
    assert effect.days_above is None


def test_no_moods_at_all() -> None:
    effect = an.session_effect([], session(10))
    assert (effect.baseline, effect.after, effect.change, effect.days_above) == (
        None,
        None,
        None,
        None,
    )


# --- days above baseline ----------------------------------------------------------------------

BASE5 = {7: 5, 8: 5, 9: 5}  # a baseline of 5 for a session on day 10


LOW, NEXT, END = "mood at or below baseline", "next session", "end of diary so far"


@pytest.mark.parametrize(
    ("after", "next_day", "expected"),
    [
        # 11: 7 and 12: 6 count; 13: 5 is not above 5: stop
        ({11: 7, 12: 6, 13: 5, 14: 8}, None, (2, 2, LOW)),
        # 12 unlogged counts because 13 (6) is above; 14: 4 stops; 3 days rest on 2 logged
        ({11: 7, 13: 6, 14: 4, 15: 9}, None, (3, 2, LOW)),
        # 12 unlogged does not count: the next logged day 13 is at the baseline
        ({11: 7, 13: 5, 14: 9}, None, (1, 1, LOW)),
        # first logged day after the session at the baseline: 0
        ({11: 5, 12: 9}, None, (0, 0, LOW)),
        # a session the next day leaves 0 however good day 11 is
        ({11: 9, 12: 9}, 11, (0, 0, NEXT)),
        # next session on day 13: day 12 (its eve) still counts, day 13 does not
        ({11: 7, 12: 7, 13: 8, 14: 8}, 13, (2, 2, NEXT)),
        # after the last logged day (12) nothing counts, even unlogged days
        ({11: 7, 12: 6}, None, (2, 2, END)),
        # the window (11..13, next session on 14) closes on unlogged 12, 13: settled by
        # the next logged day, 14 (the next session's day), which is above
        ({11: 7, 14: 8}, 14, (3, 1, NEXT)),
        # ... and not counted when that day is at or below the baseline
        ({11: 7, 14: 5}, 14, (1, 1, LOW)),
        # the last logged day (11) is before the next session's eve: the diary ends it
        ({11: 7}, 14, (1, 1, END)),
        # the last logged day is the next session's eve: the next session cuts it
        ({11: 7, 12: 7, 13: 6}, 14, (3, 3, NEXT)),
        # a long unlogged gap settled by a day above: all of it counts (11..20), on 2 logged
        ({11: 6, 20: 6, 21: 5}, None, (10, 2, LOW)),
    ],
)
def test_days_above_baseline(
    after: dict[int, int], next_day: int | None, expected: tuple[int, int, str]
) -> None:
    history = moods(BASE5 | after)
    found = an.days_above_baseline(history, day(10), None if next_day is None else day(next_day))
    assert found == an.DaysAbove(*expected)


def test_days_above_baseline_is_null_until_a_day_after_is_logged() -> None:
    assert an.days_above_baseline(moods(BASE5), day(10)) is None
    assert an.days_above_baseline(moods(BASE5 | {10: 9}), day(10)) is None  # the day itself
    assert an.days_above_baseline(moods(BASE5 | {12: 9}), day(10)) == an.DaysAbove(2, 1, END)
    assert an.days_above_baseline(moods({11: 9}), day(10)) is None  # no baseline


def test_days_above_text() -> None:
    assert an.DaysAbove(5, 3, NEXT).text == "5 (3 logged, cut by next session)"
    assert an.DaysAbove(0, 0, LOW).text == "0 (0 logged, ended by mood at or below baseline)"
    assert an.DaysAbove(2, 2, END).text == "2 (2 logged, diary ends)"


def test_days_above_baseline_compares_with_the_unrounded_baseline() -> None:
    # baseline (5 + 6 + 6) / 3 = 17/3 = 5.67: 6 is above it, 5 is not
    history = moods({7: 5, 8: 6, 9: 6, 11: 6, 12: 6, 13: 5})
    assert an.days_above_baseline(history, day(10)) == an.DaysAbove(2, 2, LOW)


def test_sessions_on_consecutive_days() -> None:
    # sessions on days 10, 11 and 12; mood 4 on days 7..12, then 6, 6, 3
    history = moods({7: 4, 8: 4, 9: 4, 10: 4, 11: 4, 12: 4, 13: 6, 14: 6, 15: 3})
    sessions = [session(12, sid=3), session(10, sid=1), session(11, sid=2)]
    effects = an.session_effects(history, sessions, {1: 1, 2: 2, 3: 3}, CATALOGUE)
    assert [e.session.day for e in effects] == [day(10), day(11), day(12)]
    assert [e.number for e in effects] == [1, 2, 3]
    # day 10: next session on 11 -> 0; day 11: next on 12 -> 0;
    # day 12: baseline (4 + 4 + 4) / 3 = 4, days 13, 14 above, 15 stops -> 2
    assert [e.days_above for e in effects] == [
        an.DaysAbove(0, 0, NEXT),
        an.DaysAbove(0, 0, NEXT),
        an.DaysAbove(2, 2, LOW),
    ]
    # after stops before the next session's day: day 10 -> 11..10, nothing: null;
    # day 11 -> 12..11: null; day 12 -> 13..15 = (6 + 6 + 3) / 3 = 5
    assert [e.after for e in effects] == [None, None, 5.0]
    assert [e.change for e in effects] == [None, None, 1.0]
    assert [e.gap_days for e in effects] == [None, 1, 1]


def test_after_stops_before_the_next_session_day() -> None:
    # session day 10, next on day 12: after is day 11 only (8), not 11..13 (8, 2, 2)
    history = moods({9: 5, 11: 8, 12: 2, 13: 2})
    effects = an.session_effects(history, [session(10), session(12)], {}, CATALOGUE)
    assert effects[0].after == 8.0
    assert effects[0].change == 3.0
    assert an.after_mood(history, day(10), day(12)) == 8.0
    assert an.after_mood(history, day(10)) == 4.0  # (8 + 2 + 2) / 3 without a next session


def test_two_sessions_on_one_day() -> None:
    # the day's figures belong to its last session (the afternoon one, #2); the morning one
    # says "same day as #2"; the next session on a later day is day 14, so day 13 is the eve
    history = moods({9: 4, 11: 8, 12: 8, 13: 8, 14: 9})
    effects = an.session_effects(
        history,
        [session(10, hour=15, sid=2), session(10, hour=9, sid=1), session(14, sid=3)],
        {1: 1, 2: 2, 3: 3},
        CATALOGUE,
    )
    assert [(e.session.id, e.same_day_as) for e in effects] == [(1, 2), (2, None), (3, None)]
    morning, afternoon, _ = effects
    assert (morning.baseline, morning.after, morning.change, morning.days_above) == (
        None,
        None,
        None,
        None,
    )
    assert (afternoon.baseline, afternoon.after, afternoon.change) == (4.0, 8.0, 4.0)
    assert afternoon.days_above == an.DaysAbove(3, 3, NEXT)  # 11, 12, 13
    assert [e.gap_days for e in effects] == [None, 0, 4]
    assert morning.as_dict()["same_day_as"] == 2
    assert morning.as_dict()["days_above_baseline"] is None


def test_dose_in_mg_and_mg_per_kg() -> None:
    # 0.5 x 70.5 = 35.25 exactly: halves away from zero give 35.3 (round() gave 35.2)
    assert (
        domain.Session(D_AT, domain.Route.IV, dose_mg_per_kg=0.5, weight_kg=70.5).total_mg == 35.3
    )
    assert (
        domain.Session(D_AT, domain.Route.IV, dose_mg_per_kg=0.55, weight_kg=72.3).total_mg == 39.8
    )  # 39.765
    assert domain.Session(D_AT, domain.Route.IV, dose_mg_per_kg=0.5, weight_kg=70).total_mg == 35.0
    assert domain.Session(D_AT, domain.Route.IV, dose_mg=36.0, weight_kg=72.0).mg_per_kg == 0.5
    assert (
        domain.Session(D_AT, domain.Route.IV, dose_mg=35.0, weight_kg=70.5).mg_per_kg == 0.5
    )  # 0.4964...
    assert (
        domain.Session(D_AT, domain.Route.IV, dose_mg=50.0, weight_kg=80.0).mg_per_kg == 0.63
    )  # 0.625
    assert domain.Session(D_AT, domain.Route.IV, dose_mg=56.0).mg_per_kg is None  # no weight
    assert (
        domain.Session(
            D_AT, domain.Route.IV, dose_mg=40.0, dose_mg_per_kg=0.5, weight_kg=90
        ).mg_per_kg
        == 0.5
    )


# --- side effects -----------------------------------------------------------------------------


def test_burden_and_worst_symptom() -> None:
    tied = session(1, ("nausea", 2), ("dissociation", 1), ("dizziness", 2))
    assert an.burden(tied) == 5
    # nausea and dizziness tie at 2: dizziness comes first in the catalogue
    assert an.worst_symptom(tied, CATALOGUE) == "dizziness"
    own = [*CATALOGUE, domain.Symptom("headache", "Headache")]
    assert an.worst_symptom(session(1, ("headache", 3), ("nausea", 2)), own) == "headache"
    assert an.worst_symptom(session(1, ("headache", 3), ("nausea", 3)), own) == "nausea"


def test_every_face_names_the_same_worst_side_effect_on_a_tie() -> None:
    """`diary list`, History and `diary stats` use one rule: ties go to catalogue order."""
    from diary.cli.tables import list_table
    from diary.tui.screens.history import history_rows

    tied = session(1, ("nausea", 2), ("dissociation", 1), ("dizziness", 2), sid=7)
    labels = {s.key: s.label for s in CATALOGUE}
    assert an.worst_symptom(tied, CATALOGUE) == "dizziness"
    history_cell = history_rows([], [tied], {7: 1}, labels)[0][1][3]
    assert str(history_cell).endswith("Dizziness")
    table = list_table(day(1), day(1), [], [tied], {7: 1}, labels)
    cells = [str(cell) for column in table.columns for cell in column._cells]
    assert "Dizziness (moderate)" in cells
    zeros = session(1, ("nausea", 0), ("anxiety", 0))
    assert (an.burden(zeros), an.worst_symptom(zeros, CATALOGUE)) == (0, None)
    assert (an.burden(session(1)), an.worst_symptom(session(1), CATALOGUE)) == (0, None)


def test_symptom_stats_even_count() -> None:
    # four sessions given out of order; by date: nausea 3, 1, (not rated), 1;
    # dizziness 0, (not rated), 0, 1; anxiety rated 0 everywhere is never felt: not listed
    sessions = [
        session(9, ("nausea", 0), ("dizziness", 0), ("anxiety", 0)),
        session(1, ("nausea", 3), ("dizziness", 0), ("anxiety", 0)),
        session(13, ("nausea", 1), ("dizziness", 1)),
        session(5, ("nausea", 1), ("anxiety", 0)),
    ]
    stats = an.symptom_stats(sessions, CATALOGUE)
    assert [s.as_dict() for s in stats] == [
        {
            "key": "dizziness",  # catalogue order: dizziness before nausea
            "label": "Dizziness",
            "sessions_affected": 1,
            "mean_severity": 0.25,  # 1 / 4
            "max_severity": 1,
            "early_mean": 0.0,  # sessions 1, 2: 0, 0
            "recent_mean": 0.5,  # sessions 3, 4: 0, 1
            "median_minutes": None,
        },
        {
            "key": "nausea",
            "label": "Nausea",
            "sessions_affected": 3,
            "mean_severity": 1.25,  # (3 + 1 + 0 + 1) / 4
            "max_severity": 3,
            "early_mean": 2.0,  # (3 + 1) / 2
            "recent_mean": 0.5,  # (0 + 1) / 2
            "median_minutes": None,
        },
    ]


def test_symptom_stats_odd_count_puts_the_middle_in_both() -> None:
    # nausea 2, 3, 0 by date: early = the first ceil(3/2) = 2, recent = the last 2
    sessions = [session(1, ("nausea", 2)), session(3, ("nausea", 3)), session(5)]
    (nausea,) = an.symptom_stats(sessions, CATALOGUE)
    assert (nausea.mean_severity, nausea.max_severity) == (1.67, 3)  # 5 / 3
    assert (nausea.early_mean, nausea.recent_mean, nausea.sessions_affected) == (2.5, 1.5, 2)


def test_the_only_time_a_symptom_occurred_is_never_hidden() -> None:
    # nausea 3 at session 4 of 7: early = sessions 1-4 = 3/4, recent = sessions 4-7 = 3/4
    sessions = [session(n) for n in (1, 2, 3)] + [session(4, ("nausea", 3))]
    sessions += [session(n) for n in (5, 6, 7)]
    (nausea,) = an.symptom_stats(sessions, CATALOGUE)
    assert (nausea.early_mean, nausea.recent_mean) == (0.75, 0.75)


def test_symptom_stats_one_session_is_both_halves() -> None:
    (nausea,) = an.symptom_stats([session(1, ("nausea", 2))], CATALOGUE)
    assert (nausea.mean_severity, nausea.early_mean, nausea.recent_mean) == (2.0, 2.0, 2.0)
    assert an.symptom_stats([], CATALOGUE) == []


def test_symptom_stats_hidden_and_unknown_symptoms() -> None:
    catalogue = [
        domain.Symptom("nausea", "Nausea", True, hidden=True),
        domain.Symptom("dizziness", "Dizzy"),
    ]
    stats = an.symptom_stats(
        [session(1, ("zz_unknown", 1), ("dizziness", 1), ("nausea", 2))], catalogue
    )
    assert [(s.key, s.label) for s in stats] == [
        ("nausea", "Nausea"),  # hidden, but felt: listed, in catalogue order
        ("dizziness", "Dizzy"),
        ("zz_unknown", "zz_unknown"),  # not in the catalogue: last, labelled by its key
    ]


def test_side_effect_grid() -> None:
    sessions = [session(5, ("nausea", 1), ("anxiety", 0)), session(1, ("dissociation", 3))]
    grid = an.side_effect_grid(sessions, CATALOGUE)
    assert [s.day for s in grid.sessions] == [day(1), day(5)]
    assert [s.key for s in grid.symptoms] == ["nausea", "dissociation"]
    assert grid.severities == ((0, 1), (3, 0))
    assert grid.burdens == (3, 1)


# --- blood pressure ---------------------------------------------------------------------------


PRE_REF, RISE, VERY_HIGH = (
    "above pre-dose reference",
    "rise over 40/25 from pre-dose",
    "very high (180/120)",
)


def test_bp_series_and_flagged_readings() -> None:
    first = session(
        2,
        vitals=(
            bp(domain.VitalLabel.PRE, 140, 90),  # at the pre-dose reference: not above
            bp(domain.VitalLabel.FORTY, 181, 80),  # 41 over the pre-dose 140, and at or above 180
            bp(domain.VitalLabel.DISCHARGE, 120, 116),  # 26 over the pre-dose 90
        ),
    )
    second = session(
        6,
        vitals=(
            bp(domain.VitalLabel.PRE, 150, 95),  # above 140/90
            bp(
                domain.VitalLabel.FORTY, 190, 120
            ),  # 40 and 25 over: not more than; 180/120: very high
            bp(
                domain.VitalLabel.DISCHARGE, 141, 91
            ),  # after the dose: 140/90 is no reference for it
        ),
    )
    no_pre = session(8, vitals=(bp(domain.VitalLabel.FORTY, 175, 119),))  # no pre-dose: no rise
    outside = session(30, vitals=(bp(domain.VitalLabel.PRE, 180, 100),))
    loose = domain.VitalReading(
        domain.VitalLabel.OTHER, 145, 120, taken_at=dt.datetime(2026, 10, 4, 8, tzinfo=dt.UTC)
    )
    loose_pre = domain.VitalReading(
        domain.VitalLabel.PRE, 145, 85, taken_at=dt.datetime(2026, 10, 5, 8, tzinfo=dt.UTC)
    )
    undated = domain.VitalReading(domain.VitalLabel.OTHER, 190, 100)
    found = an.flagged_readings(
        [second, outside, no_pre, first], day(0), day(10), [loose, loose_pre, undated]
    )
    assert [r.as_dict() for r in found] == [
        {
            "date": "2026-10-03",
            "label": "40min",
            "systolic": 181,
            "diastolic": 80,
            "flags": [RISE, VERY_HIGH],
        },
        {
            "date": "2026-10-03",
            "label": "discharge",
            "systolic": 120,
            "diastolic": 116,
            "flags": [RISE],
        },
        {"date": "2026-10-04", "label": "other", "systolic": 145, "diastolic": 120,
         "flags": [VERY_HIGH]},
        {"date": "2026-10-05", "label": "pre", "systolic": 145, "diastolic": 85,
         "flags": [PRE_REF]},
        {"date": "2026-10-07", "label": "pre", "systolic": 150, "diastolic": 95,
         "flags": [PRE_REF]},
        {"date": "2026-10-07", "label": "40min", "systolic": 190, "diastolic": 120,
         "flags": [VERY_HIGH]},
    ]  # fmt: skip
    series = an.bp_series([second, first])
    assert [(p.session.day, p.pre, p.forty, p.discharge) for p in series] == [
        (day(2), first.vitals[0], first.vitals[1], first.vitals[2]),
        (day(6), second.vitals[0], second.vitals[1], second.vitals[2]),
    ]


# --- session-aligned mood ---------------------------------------------------------------------


def test_session_aligned_mood() -> None:
    # sessions on days 10 and 20 (two on day 20: that day counts once)
    history = moods({9: 4, 19: 6, 11: 7, 22: 9, 12: 3})
    sessions = [session(10), session(20, hour=9), session(20, hour=15)]
    assert an.session_aligned_mood(history, sessions, offsets=(-1, 0, 1, 2)) == [
        an.AlignedMood(-1, 5.0, 2),  # (4 + 6) / 2
        an.AlignedMood(0, None, 0),  # neither session day logged
        an.AlignedMood(1, 7.0, 1),  # day 11 only; day 21 unlogged
        an.AlignedMood(2, 6.0, 2),  # (3 + 9) / 2
    ]
    assert [p.offset for p in an.session_aligned_mood(history, sessions)] == list(range(-3, 15))
    assert an.session_aligned_mood(history, [], offsets=(1,)) == [an.AlignedMood(1, None, 0)]


def test_a_session_s_days_count_only_until_its_next_session() -> None:
    # sessions on days 10 and 13: day 13 is the second session's S, never the first's S+3
    history = moods({11: 6, 12: 7, 13: 2, 14: 8, 16: 9})
    sessions = [session(10), session(13)]
    assert an.session_aligned_mood(history, sessions, offsets=(1, 2, 3, 0)) == [
        an.AlignedMood(1, 7.0, 2),  # day 11 (6) and day 14 (8)
        an.AlignedMood(2, 7.0, 1),  # day 12 only; day 15 unlogged
        an.AlignedMood(3, 9.0, 1),  # day 16 only: day 13 is the next session's day
        an.AlignedMood(0, 2.0, 1),  # day 13 as its own session's S; day 10 unlogged
    ]


# --- the range --------------------------------------------------------------------------------


def test_mood_summary_first_and_last_14_days() -> None:
    # range Oct 1..31 (day 0..30): first 14 = day 0..13, last 14 = day 17..30;
    # day 14 and 16 are in neither; day -1 and 31 are outside the range
    history = moods({-1: 10, 0: 2, 13: 4, 14: 9, 16: 1, 17: 6, 30: 7, 31: 0})
    result = an.mood_summary(history, day(0), day(30))
    assert result.as_dict() == {
        "mean": 4.83,  # (2 + 4 + 9 + 1 + 6 + 7) / 6 = 29 / 6
        "min": 1,
        "max": 9,
        "first_14_mean": 3.0,  # (2 + 4) / 2
        "last_14_mean": 6.5,  # (6 + 7) / 2
        "anxiety_mean": None,
        "sleep_hours_mean": None,
    }


def test_anxiety_and_sleep_means_leave_out_days_without_them() -> None:
    # in Oct 1..3: anxiety 3, -, 8 -> 11 / 2 = 5.5; sleep 6.5, 7.25, - -> 13.75 / 2 = 6.875
    # -> 6.88 (halves away); Oct 4 is outside the range
    entries = [
        domain.MoodEntry(day(0), 5, anxiety=3, sleep_hours=6.5),
        domain.MoodEntry(day(1), 5, sleep_hours=7.25),
        domain.MoodEntry(day(2), 5, anxiety=8),
        domain.MoodEntry(day(3), 5, anxiety=0, sleep_hours=12.0),
    ]
    result = an.mood_summary(entries, day(0), day(2))
    assert (result.anxiety_mean, result.sleep_hours_mean) == (5.5, 6.88)


def test_median_minutes_a_side_effect_lasted() -> None:
    def rated(n: int, minutes: int | None, severity: int = 1) -> domain.Session:
        rating = domain.SideEffectRating("nausea", domain.Severity(severity), duration_min=minutes)
        return domain.Session(
            dt.datetime.combine(day(n), dt.time(10), dt.UTC),
            domain.Route.IV,
            side_effects=(rating,),
        )

    # felt with minutes 30, 90, 45, (not recorded), and rated 0 with 600: median of 30, 45, 90
    sessions = [rated(1, 30), rated(2, 90), rated(3, 45), rated(4, None), rated(5, 600, 0)]
    (nausea,) = an.symptom_stats(sessions, CATALOGUE)
    assert nausea.median_minutes == 45.0
    (nausea,) = an.symptom_stats([*sessions, rated(6, 60)], CATALOGUE)
    assert nausea.median_minutes == 52.5  # 30, 45, 60, 90: (45 + 60) / 2
    (nausea,) = an.symptom_stats([rated(1, None)], CATALOGUE)
    assert nausea.median_minutes is None


def test_treatment_course_up_to_the_end_of_the_range() -> None:
    sessions = [session(5), session(12), session(12, hour=16), session(30)]
    course = an.treatment_course(sessions, day(20))
    assert course.as_dict() == {
        "first_session": "2026-10-06",
        "sessions_so_far": 3,  # day 30 is after the end
        "last_session": "2026-10-13",
        "days_since_last_session": 8,  # day 12 to day 20
    }
    assert an.treatment_course(sessions, day(4)).as_dict()["sessions_so_far"] == 0


def test_days_are_counted_from_the_first_day_recorded() -> None:
    history = moods({3: 5, 4: 6})
    result = an.summarise(history, [], CATALOGUE, {}, day(0), day(9), first_day=day(3))
    assert (result.counted_from, result.days_counted, result.days_logged) == (day(3), 7, 2)
    later = an.summarise(history, [], CATALOGUE, {}, day(0), day(9), first_day=day(12))
    assert (later.counted_from, later.days_counted) == (None, 0)
    earlier = an.summarise(history, [], CATALOGUE, {}, day(2), day(9), first_day=day(0))
    assert (earlier.counted_from, earlier.days_counted) == (day(2), 8)


def test_a_diary_begun_inside_the_range_has_its_first_14_days_from_its_first_day() -> None:
    # range day 0..39, diary from day 20: the first 14 days are 20..33, not 0..13 (empty)
    history = moods({20: 2, 33: 4, 34: 9, 39: 7})
    result = an.summarise(history, [], CATALOGUE, {}, day(0), day(39), first_day=day(20))
    assert result.mood.first_14_mean == 3.0  # (2 + 4) / 2
    assert result.mood.last_14_mean == 6.67  # day 26..39: (4 + 9 + 7) / 3
    # without the first day the old window (day 0..13) held no mood at all
    assert an.mood_summary(history, day(0), day(39)).first_14_mean is None


def test_short_ranges_overlap_or_coincide() -> None:
    history = moods({0: 2, 5: 4, 9: 9, 15: 3})
    # 10 days: both halves are the whole range
    short = an.mood_summary(history, day(0), day(9))
    assert (short.first_14_mean, short.last_14_mean) == (5.0, 5.0)  # 15 / 3
    # 20 days (day 0..19): first day 0..13 = (2 + 4 + 9) / 3 = 5; last day 6..19 = (9 + 3) / 2
    both = an.mood_summary(history, day(0), day(19))
    assert (both.first_14_mean, both.last_14_mean) == (5.0, 6.0)
    empty = an.mood_summary([], day(0), day(19))
    assert empty == an.MoodSummary(None, None, None, None, None)


def test_summarise_uses_context_outside_the_range() -> None:
    # range day 10..19; sessions on day 5 (#1, before it), 11 (#2), 18 (#3), 25 (#4, after it)
    history = moods({8: 3, 9: 4, 10: 5, 12: 6, 13: 7, 17: 5, 19: 7, 20: 8, 23: 8, 24: 4})
    sessions = [
        session(25, sid=40),
        session(
            11,
            ("nausea", 2),
            sid=20,
            vitals=(bp(domain.VitalLabel.PRE, 108, 70), bp(domain.VitalLabel.FORTY, 150, 80)),
        ),
        session(5, ("vomiting", 3), sid=10, vitals=(bp(domain.VitalLabel.PRE, 160, 95),)),
        session(18, ("nausea", 1), ("dizziness", 1), sid=30, dose_mg=None),
    ]
    numbers = {10: 1, 20: 2, 30: 3, 40: 4}
    result = an.summarise(history, sessions, CATALOGUE, numbers, day(10), day(19))
    assert (result.start, result.end) == (day(10), day(19))
    assert result.as_dict() == {
        "days_in_range": 10,
        "days_logged": 5,  # days 10, 12, 13, 17, 19 (not 8, 9, 20, 23, 24)
        "counted_from": "2026-10-11",  # no first day given: the range's start
        "days_counted": 10,
        "mood": {
            "mean": 6.0,  # (5 + 6 + 7 + 5 + 7) / 5
            "min": 5,
            "max": 7,
            "first_14_mean": 6.0,  # a 10-day range: both are the whole range
            "last_14_mean": 6.0,
            "anxiety_mean": None,
            "sleep_hours_mean": None,
        },
        # sessions on or before day 19: days 5, 11 and 18; day 18 is 1 day before day 19
        "treatment": {
            "first_session": "2026-10-06",
            "sessions_so_far": 3,
            "last_session": "2026-10-19",
            "days_since_last_session": 1,
        },
        "sessions": [
            {
                "date": "2026-10-12",
                "number": 2,
                "route": "iv",
                "phase": None,
                "dose_mg": 35.0,
                "dose_mg_per_kg": None,  # no weight
                "gap_days": 6,  # after #1 on day 5
                "same_day_as": None,
                "baseline": 4.0,  # day 8..10: (3 + 4 + 5) / 3; days 8, 9 precede the range
                "after": 6.5,  # day 12..14: (6 + 7) / 2
                "change": 2.5,
                # 12 (6), 13 (7) above 4; 14..16 unlogged, settled by 17 (5, above);
                # the next session is on day 18, so 17 is the last day: 12..17 = 6,
                # of which 12, 13 and 17 are logged
                "days_above_baseline": 6,
                "logged_days": 3,
                "ended_by": "next session",
                "burden": 2,
                "worst_symptom": "nausea",
            },
            {
                "date": "2026-10-19",
                "number": 3,
                "route": "iv",
                "phase": None,
                "dose_mg": None,
                "dose_mg_per_kg": None,
                "gap_days": 7,
                "same_day_as": None,
                "baseline": 5.0,  # day 15..17: only 17 (5)
                "after": 7.5,  # day 19..21: (7 + 8) / 2, day 20 after the range
                "change": 2.5,
                # 19 (7), 20 (8) above 5; 21, 22 unlogged, settled by 23 (8); 24 (4) stops:
                # 19..23, of which 19, 20 and 23 are logged
                "days_above_baseline": 5,
                "logged_days": 3,
                "ended_by": "mood at or below baseline",
                "burden": 2,
                "worst_symptom": "dizziness",  # tie at 1 with nausea: catalogue order
            },
        ],
        # two sessions in range (day 11 then 18): early = the first, recent = the second;
        # vomiting was felt only on day 5, before the range
        "symptoms": [
            {
                "key": "dizziness",
                "label": "Dizziness",
                "sessions_affected": 1,
                "mean_severity": 0.5,
                "max_severity": 1,
                "early_mean": 0.0,
                "recent_mean": 1.0,
                "median_minutes": None,
            },
            {
                "key": "nausea",
                "label": "Nausea",
                "sessions_affected": 2,
                "mean_severity": 1.5,
                "max_severity": 2,
                "early_mean": 2.0,
                "recent_mean": 1.0,
                "median_minutes": None,
            },
        ],
        # 150 is 42 over the pre-dose 108: a rise; the pre-dose 160/95 of day 5 is out of range
        "bp_flagged": [
            {
                "date": "2026-10-12",
                "label": "40min",
                "systolic": 150,
                "diastolic": 80,
                "flags": ["rise over 40/25 from pre-dose"],
            }
        ],
    }


def test_summary_leaves_room_for_more_keys() -> None:
    result = an.summarise([], [], CATALOGUE, {}, day(0), day(0))
    first = result.as_dict()
    first["checkins"] = {"phq9": []}
    assert "checkins" not in result.as_dict()  # a fresh dict each time
    assert json.loads(result.to_json({"checkins": {"phq9": []}})) == first
    assert first == {
        "days_in_range": 1,
        "days_logged": 0,
        "counted_from": "2026-10-01",
        "days_counted": 1,
        "mood": NO_MOOD,
        "treatment": {
            "first_session": None,
            "sessions_so_far": 0,
            "last_session": None,
            "days_since_last_session": None,
        },
        "sessions": [],
        "symptoms": [],
        "bp_flagged": [],
        "checkins": {"phq9": []},
    }


# --- invariants -------------------------------------------------------------------------------

MOOD_DAYS = st.dictionaries(st.integers(-5, 25), st.integers(0, 10), max_size=25)


def benefit_by_the_words(by_day: dict[int, int], next_day: int | None) -> int | None:
    """days_above_baseline for a session on day 0, read off the definition day by day."""
    before = [by_day[d] for d in (-3, -2, -1) if d in by_day]
    if not before:
        return None
    baseline = Fraction(sum(before), len(before))
    logged_after = sorted(d for d in by_day if d > 0)
    if not logged_after:
        return None
    last = logged_after[-1] if next_day is None else min(logged_after[-1], next_day - 1)
    count = 0
    for d in range(1, last + 1):
        # a day counts when its own mood, or (unlogged) the next logged day's, is above
        decider = next((x for x in logged_after if x >= d), None)
        if decider is None or by_day[decider] <= baseline:
            break
        count += 1
    return count


@settings(max_examples=300, deadline=None)
@given(MOOD_DAYS, st.one_of(st.none(), st.integers(0, 25)))
def test_days_above_baseline_matches_the_definition(by_day: dict[int, int], next_day: int | None):
    history = moods({n + 10: m for n, m in by_day.items()})  # the session is on day 10
    found = an.days_above_baseline(
        history, day(10), None if next_day is None else day(next_day + 10)
    )
    got = None if found is None else found.days
    assert got == benefit_by_the_words(by_day, next_day)
    if found is not None:
        assert found.logged_days == sum(1 for d in by_day if 0 < d <= found.days)
        assert got >= 0
        if next_day is not None:  # never past the next session's eve
            assert got <= max(0, next_day - 1)
        logged_after = [d for d in by_day if d > 0]
        assert got <= max(logged_after, default=0)


@settings(max_examples=200, deadline=None)
@given(MOOD_DAYS, st.integers(-5, 30))
def test_seven_day_mean_lies_within_the_window(by_day: dict[int, int], d: int) -> None:
    window = [m for n, m in by_day.items() if d - 6 <= n <= d]
    mean = an.seven_day_mean(moods(by_day), day(d))
    if len(window) < 4:
        assert mean is None
    else:
        assert mean is not None and min(window) <= mean <= max(window)
        assert abs(mean - sum(window) / len(window)) <= 0.005


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**6), 10**6), st.integers(1, 1000))
def test_round_mean_is_within_half_a_hundredth(numerator: int, denominator: int) -> None:
    exact = Fraction(numerator, denominator)
    rounded = an.round_mean(exact)
    assert rounded is not None
    assert abs(Fraction(rounded) - exact) <= Fraction(1, 200) + Fraction(1, 10**12)
    assert rounded == round(rounded, 2)


@settings(max_examples=200, deadline=None)
@given(MOOD_DAYS, st.integers(-10, 30), st.integers(0, 20))
def test_rolling_mean_7_is_the_7_day_mean_of_each_day(
    by_day: dict[int, int], first: int, length: int
) -> None:
    history = moods(by_day)
    series = an.rolling_mean_7(history, day(first), day(first + length))
    assert series == [
        (day(n), an.seven_day_mean(history, day(n))) for n in range(first, first + length + 1)
    ]


def test_only_a_rating_taken_the_day_after_is_a_next_morning() -> None:
    from diary.analysis.morning import next_morning
    from diary.domain.morning import MorningAfter

    sessions = [session(1, sid=1), session(5, sid=2)]

    def rated(session_id: int, on: int) -> MorningAfter:
        at = dt.datetime.combine(day(on), dt.time(8), dt.UTC)
        rating = domain.SideEffectRating("nausea", domain.Severity.MILD)
        return MorningAfter(session_id, at, (rating,))

    # session 1 rated on day 2 (the day after); session 2 rated on day 8, three days on
    found = next_morning(sessions, [rated(1, 2), rated(2, 8)], CATALOGUE, day(0), day(9))
    assert [(m.key, m.still_there, m.rated) for m in found] == [("nausea", 1, 1)]
    assert next_morning(sessions, [rated(2, 5)], CATALOGUE, day(0), day(9)) == []  # same day
