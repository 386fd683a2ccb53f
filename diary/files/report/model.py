"""The doctor's report as display-ready values: the three renderers only lay these out.

Every number here was worked out by diary/analysis/ (checkins in diary/analysis/checkins.py) and
only formatted by build.py; the renderers never compute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diary.domain.pressure import BP_LEGEND, BPFlag, marks
from diary.domain.questionnaires import ANSWER_OPTIONS, PHQ9, PHQ9_SELF_HARM_ITEM

TITLE = "Ketamine treatment diary: report for a clinician"
DISCLAIMER = "Patient-recorded data, not clinically verified."
NO_ADVICE = "This report records and summarises; it gives no advice."

# Section titles in report order; every format shows each one (tests look for them).
OVERVIEW = "Overview"
MOOD = "Mood"
SESSIONS = "Sessions"
SIDE_EFFECTS = "Side effects"
MEDICINES = "Medicines"
CHECKINS = "Check-ins"
NOTES = "Notes"
CRISIS = "Crisis resources"
SECTIONS = (OVERVIEW, MOOD, SESSIONS, SIDE_EFFECTS, CHECKINS, MEDICINES, NOTES, CRISIS)

ABOVE_LEGEND = "BP references, never advice: " + BP_LEGEND
SEVERITY_LEGEND = "Severity 0 none, 1 mild, 2 moderate, 3 severe."
MOOD_CAPTION = (
    "Dots: daily mood (0 worst, 10 best). Line: 7-day mean, where at least 4 of the 7 days "
    "are logged. ▼ and the vertical lines: session days."
)
BENEFIT_LEGEND = (
    "Days above pre-session mood: consecutive days after a session with mood above the mean "
    "of the 3 days before it, with how many of them were logged and what ended the run."
)
CHANGE_LEGEND = (
    "Mood change: the mean logged mood of the 3 days after a session (up to the day before "
    "the next one) minus that of the 3 days before it."
)
PULSE_LEGEND = "HR, SpO2: the session's lowest-highest heart rate and its lowest SpO2."
ITEM9_LEGEND = (
    f'PHQ-9 item 9: "{PHQ9.items[PHQ9_SELF_HARM_ITEM - 1]}"; answers '
    + ", ".join(f"{i} {option.lower()}" for i, option in enumerate(ANSWER_OPTIONS))
    + "."
)
NO_VALUE = "–"
SESSION_ROWS = 14
CHECKIN_ROWS = 10
NOTE_ROWS = 8
TAKEN_TITLE = "Taken on"
CHANGES_TITLE = "Changes in this range"
CLINIC_TITLE = "What the clinic recorded (as the patient was told)"
MORNING_TITLE = "The morning after (rated the next day)"
NEXT_MORNING_NOTE = "Next morning: still there, of the mornings after that rated it."
PDF_SYMPTOM_NOTE = (  # the PDF gives the next morning in a line below the table
    "Over the n sessions in range (0 none to 3 severe; not rated counts as 0). Early / "
    "recent: the first and last ceil(n/2). Lasted: median minutes, where recorded."
)
CLINIC_ROWS = 1  # the PDF's lines of what the clinic recorded (HTML and Markdown: all)
CHANGE_ROWS = 6  # the PDF's medicine changes (HTML and Markdown: all)
MD_WIDTH = 100  # the longest line of the Markdown report (patient-portal messages)
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH"})


def paper_for(country: str) -> str:
    """Letter where it is the usual paper size, A4 elsewhere."""
    return "Letter" if country.upper() in LETTER_COUNTRIES else "A4"


@dataclass(frozen=True, slots=True)
class Reading:
    """A blood pressure cell: its text and the reference points it passes."""

    text: str = NO_VALUE
    flags: tuple[BPFlag, ...] = ()

    @property
    def above(self) -> bool:
        """Whether the cell is marked (printed in bold and colour too)."""
        return bool(self.flags)

    @property
    def marked(self) -> str:
        """The text with each reference point's symbol, so meaning never rests on colour."""
        return f"{self.text} {marks(self.flags)}" if self.flags else self.text


@dataclass(frozen=True, slots=True)
class Emphasis:
    """A cell printed in bold (and colour) so it is seen at a glance, e.g. item 9 above 0."""

    text: str

    def __str__(self) -> str:
        return self.text


ENDED_SHORT = {
    "mood at or below baseline": "low",
    "next session": "next",
    "end of diary so far": "end",
}
DAYS_ABOVE_SHORT_LEGEND = (
    "Mood change: mean mood of the 3 days after a session minus the 3 before. Days above: days "
    "after it with mood above the mean of the 3 before (logged ones; ended by next session, low "
    "mood or end of diary). +N: N more side effects, none more severe (all in the HTML report)."
)


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of the sessions table."""

    day: dt.date
    number: int
    route: str
    dose: str
    pre: Reading
    forty: Reading
    discharge: Reading
    side_effects: str
    benefit: str  # days above pre-session mood, in words: "5 (3 logged, cut by next session)"
    phase: str = NO_VALUE
    pulse: str = NO_VALUE  # heart rate and SpO2 where recorded, e.g. "68-84, 97%"
    mood_change: str = NO_VALUE
    benefit_short: str = NO_VALUE  # the same figures for a narrow column: "5 (3, next)"
    side_effect_items: tuple[str, ...] = ()  # "Nausea 2", ... most severe first

    def cells(self, pulse: bool = False) -> tuple[object, ...]:
        """The row's cells in the order of the sessions table's columns (see SESSION_HEADER)."""
        cells: tuple[object, ...] = (
            self.day.isoformat(),
            self.number,
            self.route,
            self.phase,
            self.dose,
            self.pre,
            self.forty,
            self.discharge,
        )
        if pulse:
            cells += (self.pulse,)
        return (*cells, self.mood_change, self.benefit, self.side_effects)


SESSION_HEADER = ("Date", "No.", "Route", "Phase", "Dose", "BP pre", "BP ~40 min", "BP discharge")
PULSE_HEADER = "HR, SpO2"
SESSION_TAIL = ("Mood change", "Days above pre-session mood", "Side effects (severity 1-3)")


def session_legend(pulse: bool) -> str:
    """What the sessions table's marks and figures mean (the Markdown and HTML reports)."""
    parts = [f"{ABOVE_LEGEND}.", SEVERITY_LEGEND, CHANGE_LEGEND, BENEFIT_LEGEND]
    return " ".join(parts + ([PULSE_LEGEND] if pulse else []))


def session_header(pulse: bool) -> tuple[str, ...]:
    return (*SESSION_HEADER, *((PULSE_HEADER,) if pulse else ()), *SESSION_TAIL)


@dataclass(frozen=True, slots=True)
class SymptomRow:
    """One line of the side-effect summary."""

    label: str
    affected: str
    mean: str
    worst: str
    early: str
    recent: str
    lasted: str = NO_VALUE  # median minutes, where recorded
    next_morning: str = NO_VALUE  # "1 of 4": still there the morning after, of those rated

    def cells(self) -> tuple[str, ...]:
        return (
            self.label,
            self.affected,
            self.mean,
            self.worst,
            self.early,
            self.recent,
            self.lasted,
            self.next_morning,
        )


SYMPTOM_HEADER = (
    "Symptom",
    "Sessions",
    "Mean",
    "Worst",
    "Early",
    "Recent",
    "Lasted (min)",
    "Next morning",
)


@dataclass(frozen=True, slots=True)
class CheckinRow:
    """One day of the check-ins table: PHQ-9 total and band, its item 9 answer, GAD-7."""

    day: dt.date
    phq9: str = NO_VALUE
    item9: str = NO_VALUE
    gad7: str = NO_VALUE

    @property
    def item9_above_zero(self) -> bool:
        return self.item9 not in (NO_VALUE, "0")

    @property
    def item9_cell(self) -> str | Emphasis:
        """The item 9 answer, emphasised when above 0."""
        return Emphasis(self.item9) if self.item9_above_zero else self.item9


@dataclass(frozen=True, slots=True)
class Note:
    """A dated note from a day or a session, shortened when long."""

    day: dt.date
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class MoodSeries:
    """What the mood chart draws: daily moods, the 7-day mean, and session days."""

    days: tuple[dt.date, ...]
    moods: tuple[int, ...]
    mean_days: tuple[dt.date, ...]
    means: tuple[float, ...]
    session_days: tuple[dt.date, ...]
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one report shows, in the order it shows it."""

    start: dt.date
    end: dt.date
    made: dt.date
    name: str = ""
    empty: bool = False
    overview: tuple[tuple[str, str], ...] = ()
    definitions: tuple[str, ...] = ()
    mood: MoodSeries | None = None
    all_sessions: tuple[SessionRow, ...] = ()
    symptoms: tuple[SymptomRow, ...] = ()
    symptom_note: str = ""
    all_checkins: tuple[CheckinRow, ...] = ()
    all_notes: tuple[Note, ...] = ()
    # the treatment record (diary/files/report/treatment.py): lines of text
    medicines: tuple[str, ...] = ()  # taken on the range's last day
    medicines_short: tuple[str, ...] = ()  # the same, each dated by its dose alone (PDF)
    all_medicine_changes: tuple[str, ...] = ()  # every start, change, stop in range
    all_clinic: tuple[str, ...] = ()  # what the clinic recorded, per session that has any
    next_morning: tuple[str, ...] = ()  # "Grogginess: next morning in 4 of 9 sessions"
    crisis: tuple[str, ...] = ()
    crisis_checked: str = ""
    paper: str = "A4"
    # how many rows the long tables show, so a long range still fits a page
    session_rows: int = SESSION_ROWS
    checkin_rows: int = CHECKIN_ROWS
    note_rows: int = NOTE_ROWS
    clinic_rows: int = -1  # all (the PDF shows CLINIC_ROWS)
    change_rows: int = -1

    @property
    def clinic(self) -> tuple[str, ...]:
        return _last(self.all_clinic, self.clinic_rows)

    @property
    def clinic_hidden_line(self) -> str:
        return _hidden(self.clinic, self.all_clinic, "sessions (all in the HTML report and CSV)")

    @property
    def medicine_changes(self) -> tuple[str, ...]:
        return _last(self.all_medicine_changes, self.change_rows)

    @property
    def changes_hidden_line(self) -> str:
        return _hidden(self.medicine_changes, self.all_medicine_changes, "changes (all in HTML)")

    @property
    def period(self) -> str:
        days = (self.end - self.start).days + 1
        return f"{self.start.isoformat()} to {self.end.isoformat()} ({days} days)"

    @property
    def header_lines(self) -> tuple[str, ...]:
        """The lines under the title: who, which period, when made, and the disclaimer."""
        who = f"Name: {self.name}" if self.name else "Name: not given"
        return (
            who,
            f"Period: {self.period}",
            f"Made: {self.made.isoformat()}",
            DISCLAIMER,
        )

    @property
    def empty_line(self) -> str:
        return f"No data recorded from {self.start.isoformat()} to {self.end.isoformat()}."

    @property
    def pulse(self) -> bool:
        """Whether any session in range has a heart rate or SpO2 (else no column for them)."""
        return any(r.pulse != NO_VALUE for r in self.all_sessions)

    @property
    def sessions(self) -> tuple[SessionRow, ...]:
        """The sessions the table shows: the most recent ones."""
        return _last(self.all_sessions, self.session_rows)

    @property
    def sessions_hidden_line(self) -> str:
        """Says how many sessions the table leaves out, or nothing when it shows them all."""
        shown, total = len(self.sessions), len(self.all_sessions)
        if shown == total:
            return ""
        hidden = total - shown
        ones = "one is" if hidden == 1 else "ones are"
        return (
            f"Showing the {shown} most recent of {total} sessions; {hidden} earlier {ones} "
            "not shown (all are in the CSV export)."
        )

    @property
    def checkins(self) -> tuple[CheckinRow, ...]:
        """The check-in days the table shows: the first in range and the most recent ones."""
        rows, limit = self.all_checkins, max(2, self.checkin_rows)
        if len(rows) <= limit:
            return rows
        return (rows[0], *rows[len(rows) - limit + 1 :])

    @property
    def checkins_note(self) -> str:
        """Names the check-in days left out, and any of them whose item 9 was above 0."""
        shown = self.checkins
        if len(shown) == len(self.all_checkins):
            return ""
        left_out = self.all_checkins[1 : len(self.all_checkins) - len(shown) + 1]
        flagged = [r for r in left_out if r.item9_above_zero]
        note = f"{len(left_out)} check-in days between the first and the most recent are not shown"
        if flagged:
            days = ", ".join(f"{r.day.isoformat()} ({r.item9})" for r in flagged)
            return f"{note}; PHQ-9 item 9 was above 0 on {days}."
        return f"{note}; PHQ-9 item 9 was 0 or not asked on all of them."

    @property
    def notes(self) -> tuple[Note, ...]:
        return _last(self.all_notes, self.note_rows)

    @property
    def notes_hidden_line(self) -> str:
        return _hidden(self.notes, self.all_notes, "notes (all are in the CSV export)")


def _hidden(shown: tuple, every: tuple, what: str) -> str:
    """'Showing the 3 most recent of 7 notes (...)', or nothing when all are shown."""
    if len(shown) == len(every):
        return ""
    return f"Showing the {len(shown)} most recent of {len(every)} {what}."


def _last(items: tuple, count: int) -> tuple:
    return items[len(items) - count :] if 0 <= count < len(items) else items
