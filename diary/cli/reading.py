"""`diary list` and `diary stats`: what the diary holds for a range, as tables."""

from __future__ import annotations

import argparse

from diary import clock
from diary.cli.parsing import command, range_of, range_options
from diary.domain.definitions import DEFINITIONS

STATS_DESCRIPTION = (
    """\
Mood over a range, what each session did, side effects and blood pressure.

Definitions:
"""
    + DEFINITIONS
    + """

Also:
- S is the local day a session started; the sessions in range are those with S in it.
- A session's baseline, after, change and days_above_baseline belong to the session, not to
  the range: they may use moods before --since or after --until, and the next session
  may lie after --until. The mood and side-effect figures use the range only.
- The next session is the next one on a later day; gap_days = days since the previous
  session's day (0 for a second session on one day).
- Halves round away from zero (2.125 -> 2.13). Symptoms listed: those felt (severity
  >= 1) in a session in range. worst_symptom: the most severe (ties: catalogue order).

--json prints one object: days_in_range, days_logged, counted_from, days_counted, mood
{mean, min, max, first_14_mean, last_14_mean, anxiety_mean, sleep_hours_mean}, treatment
{first_session, sessions_so_far, last_session, days_since_last_session}, sessions
[{date, number, route, phase, dose_mg, dose_mg_per_kg, gap_days, same_day_as, baseline,
after, change, days_above_baseline, logged_days, ended_by, burden, worst_symptom}],
symptoms [{key, label, sessions_affected, mean_severity, max_severity, early_mean,
recent_mean, median_minutes}], next_morning [{key, label, still_there, rated}],
bp_flagged [{date, label, systolic, diastolic, flags}],
checkins {phq9 [{date, total, band, item9}], gad7 [{date, total, band}], phq9_ and gad7_
baseline, baseline_date, baseline_source, latest, latest_date, change_pct; response,
remission, not_assessed}. Dates ISO; null where unknown.
Patient-recorded figures, not clinically verified."""
)


def add_list(commands: argparse._SubParsersAction) -> None:
    command(
        commands,
        "list",
        run_list,
        lambda listing: range_options(listing, since="29 days before --until"),
    )


def run_list(args: argparse.Namespace) -> int:
    """show days and sessions in a range

    Show each day's mood and each session."""
    from diary.actions import ranges
    from diary.actions.diary import diary_path, reading
    from diary.actions.history import days_and_sessions

    today = clock.today()
    since, until = range_of(args, today)
    start, end = ranges.resolve(
        since, until, today, lambda end: ranges.last_days(end, ranges.LIST_DAYS)
    )
    with reading(diary_path(args.db)) as store:
        found = days_and_sessions(store, start, end)
    if found.empty:
        print(f"Nothing recorded from {start} to {end}.")
        return 0
    from rich.console import Console

    from diary.cli.tables import list_table

    labels = {s.key: s.label for s in found.symptoms}
    Console().print(list_table(start, end, found.moods, found.sessions, found.numbers, labels))
    return 0


def add_stats(commands: argparse._SubParsersAction) -> None:
    command(
        commands,
        "stats",
        run_stats,
        _stats_arguments,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=STATS_DESCRIPTION,
    )


def _stats_arguments(stats: argparse.ArgumentParser) -> None:
    range_options(stats, since="the first day recorded")
    stats.add_argument("--json", action="store_true", help="print one JSON object")


def run_stats(args: argparse.Namespace) -> int:
    """the analysis numbers: mood, sessions, side effects"""
    from diary.actions.diary import diary_path
    from diary.actions.stats import stats

    today = clock.today()
    since, until = range_of(args, today)
    found = stats(diary_path(args.db), since, until, today)
    if args.json:
        mornings = [m.as_dict() for m in found.next_morning]
        print(found.summary.to_json({"next_morning": mornings, "checkins": found.checkins}))
        return 0
    if found.empty:
        print("Nothing recorded yet. Log a mood with: diary mood SCORE")
        return 0
    if not found.anything_in_range:
        print(f"Nothing recorded from {found.summary.start} to {found.summary.end}.")
        return 0
    from diary.cli.stats_view import print_stats

    print_stats(found.summary, found.checkins, next_morning=found.next_morning)
    if found.crisis is not None:
        from diary.cli.questions import crisis_panel

        print()
        print(crisis_panel(found.crisis))
    return 0
