"""The clinical and statistical definitions behind every figure, in one text: `diary stats
--help` prints it, and diary.analysis computes what it says. No imports, so the command
line's quick path can read it."""

DEFINITIONS = """\
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
  range, the first 14 counted from counted_from (below): a diary begun inside the range
  has its first 14 days from its own first day. The range is --since..--until, by default
  the first recorded day to today.
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
  rated. A session whose morning after was not rated, or did not rate it, is not counted;
  nor is one rated on another day than the one after the session's (it is kept and shown
  with the session, but it is not the next morning).
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
  or "less than 14 days apart"."""
