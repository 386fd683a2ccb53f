"""`diary list` and `diary stats`: what the diary holds for a range, as tables."""

from __future__ import annotations

import argparse

from diary import clock
from diary.cli.parsing import db_option, range_of, range_options

STATS_DESCRIPTION = """\
Mood over a range, what each session did, side effects and blood pressure.

Definitions:
- A day's mood is the logged score; unlogged days are missing, never zero.
- 7-day mean for day D: mean of logged moods in D-6..D, only when at least 4 are logged.
- For a session on day S: baseline = mean logged mood on S-3..S-1; after = mean logged
  mood on S+1..S+3, stopping before the next session's day (either is null when no day in
  its window is logged); change = after - baseline. Sessions on one day share one set of
  these figures: the last of them holds it, the others give same_day_as (its number).
- days_above_baseline ("days above pre-session mood") = the number of consecutive days
  from S+1 whose logged mood is above the baseline, counting an unlogged day only when the
  next logged day is also above it, and stopping at the first logged day at or below the
  baseline, after the day before the next session (that day still counts; a session the
  next day leaves 0), or after the last logged day; null when the baseline is null or no
  day after S is logged yet. logged_days = how many of the counted days are logged;
  ended_by = "mood at or below baseline", "next session" or "end of diary so far".
- Side-effect burden of a session = the sum of its severities. A symptom not rated in a
  session counts as 0 for it. Per symptom over the n sessions in range: sessions_affected
  (severity >= 1), mean_severity, max_severity, early_mean (the first ceil(n/2) sessions
  by date) and recent_mean (the last ceil(n/2); with an odd n the middle one is in both).
- Blood pressure reference points (references, never advice): a pre-dose reading above
  140/90 is "above pre-dose reference" (the esketamine label's pre-dose guide); a later
  reading of a session more than 40 systolic or 25 diastolic above its pre-dose reading is
  "rise over 40/25 from pre-dose" (the rise the esketamine label reports); any reading at
  or above 180 systolic or 120 diastolic is "very high (180/120)" (ACC/AHA 2017).
- first_14_mean / last_14_mean: mean of logged moods in the first / last 14 days of the
  range. The range is --since..--until, by default the first recorded day to today.
- Session number: its position among all sessions ever recorded, by time, from 1.
- dose_mg = as given, else mg/kg x weight to 0.1 mg; dose_mg_per_kg = as given, else
  dose_mg / weight to 2 decimals (null without a weight); rounded exactly, halves away
  from zero (0.5 mg/kg x 70.5 kg = 35.25 gives 35.3 mg).
- Every reported mean is rounded to 2 decimals (the final value, not the parts).
- days_counted = the days from counted_from, the later of the range's start and the first
  day recorded, to the range's end (the report's "mood logged N of M days" uses it).
- anxiety_mean / sleep_hours_mean = the mean daily anxiety (0-10) / sleep hours logged in
  the range; days without them are left out.
- treatment: first_session (session #1's day); sessions_so_far and last_session, on or
  before the range's end; days_since_last_session, from the last one to the range's end.
- median_minutes of a symptom = the median of the minutes it lasted, over the sessions in
  range that felt it with the minutes recorded (the mean of the middle two when even).
- next_morning of a symptom: over the sessions in range whose morning-after rating
  (`diary after`, taken the day after) rated it, rated = how many, still_there = how many
  rated it mild or more: "grogginess: next morning in 4 of 9 sessions" is still_there of
  rated. A session whose morning after was not rated, or did not rate it, is not counted.
- Check-ins (`checkins`): the PHQ-9 and GAD-7 totals in range, by day and on one day in
  the order saved; where one score of a day is taken, it is the last saved that day.
  baseline = the last one on or before the day of session #1 (the first session ever
  recorded), else the first on record ("first on record, after treatment began"); the same
  in every range. latest = the last in range; change_pct = (latest - baseline) / baseline
  x 100, null when the baseline is 0 or the latest is not after it.
- response = a PHQ-9 fall of 50% or more from baseline; remission = a latest PHQ-9 below 5
  (Kroenke 2001). Both only when the baseline is 10 or more and the latest is at least 14
  days after it (each PHQ-9 covers two weeks); otherwise null, and not_assessed gives the
  reason: "no PHQ-9 in range", "one PHQ-9", "latest before baseline", "baseline below 10"
  or "less than 14 days apart".

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


def add_list(commands: argparse._SubParsersAction) -> None:
    listing = commands.add_parser(
        "list",
        help="show days and sessions in a range",
        description="Show each day's mood and each session.",
    )
    range_options(listing, since="29 days before --until")
    db_option(listing)
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
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
    stats = commands.add_parser(
        "stats",
        help="the analysis numbers: mood, sessions, side effects",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=STATS_DESCRIPTION,
    )
    range_options(stats, since="the first day recorded")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    db_option(stats)
    stats.set_defaults(handler=run_stats)


def run_stats(args: argparse.Namespace) -> int:
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
    return 0
