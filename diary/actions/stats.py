"""The figures of `diary stats` and the report: which records they rest on, read once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diary import analysis
from diary.actions import ranges
from diary.actions.checkins import crisis_for_shown
from diary.actions.diary import reading
from diary.analysis.checkins import checkin_summary
from diary.analysis.morning import NextMorning, next_morning
from diary.domain import BUILTIN_SYMPTOMS, CheckIn, MoodEntry, Session, Symptom, VitalReading
from diary.domain.crisis import CrisisResources
from diary.domain.medicines import MedicineEvent
from diary.domain.morning import MorningAfter
from diary.store import Store


@dataclass(frozen=True, slots=True)
class RangeRecords:
    """Every record the figures for start..end need, the context around the range too."""

    start: dt.date
    end: dt.date
    moods: list[MoodEntry] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    standalone: list[VitalReading] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)
    symptoms: list[Symptom] = field(default_factory=lambda: list(BUILTIN_SYMPTOMS))
    checkins: list[CheckIn] = field(default_factory=list)
    first_day: dt.date | None = None  # the first day with anything recorded
    mornings: list[MorningAfter] = field(default_factory=list)  # of every session
    medicine_events: list[MedicineEvent] = field(default_factory=list)  # every one

    @property
    def first_session_day(self) -> dt.date | None:
        """The day of session #1 (sessions holds every session ever recorded)."""
        return min((s.day for s in self.sessions), default=None)

    def summary(self) -> analysis.Summary:
        """The analysis of these records over start..end (the figures of `diary stats`)."""
        return analysis.summarise(
            self.moods,
            self.sessions,
            self.symptoms,
            self.numbers,
            self.start,
            self.end,
            standalone=self.standalone,
            first_day=self.first_day,
        )

    def next_morning(self) -> list[NextMorning]:
        """Per symptom, how often it was still there the morning after a session in range."""
        return next_morning(self.sessions, self.mornings, self.symptoms, self.start, self.end)


def records_for(store: Store, start: dt.date, end: dt.date) -> RangeRecords:
    """Moods from a few days before start; every session and check-in on record."""
    # a range's figures look before it (analysis.CONTEXT_BEFORE; the PHQ-9 baseline and the
    # first session, however early) and after it to the end of the diary (a session's days
    # above baseline, its next session)
    context = analysis.CONTEXT_BEFORE
    first = start - context if start > dt.date.min + context else dt.date.min
    return RangeRecords(
        start=start,
        end=end,
        moods=store.moods_between(first, None),
        sessions=store.sessions_between(None, None),
        standalone=store.standalone_vitals(),
        numbers=store.session_numbers(),
        symptoms=store.symptoms(),
        checkins=store.checkins_between(None, None),
        first_day=store.first_day(),
        mornings=store.mornings_between(None, None),
        medicine_events=store.medicine_events(),
    )


@dataclass(frozen=True, slots=True)
class Stats:
    """What `diary stats` shows for a range."""

    summary: analysis.Summary
    checkins: dict[str, Any]
    empty: bool  # nothing recorded in the whole diary
    next_morning: tuple[NextMorning, ...] = ()
    crisis: CrisisResources | None = None  # a PHQ-9 in range has item 9 above 0

    @property
    def anything_in_range(self) -> bool:
        s = self.summary
        return bool(s.days_logged or s.sessions or s.bp_flagged or self.checkins_in_range)

    @property
    def checkins_in_range(self) -> bool:
        return bool(self.checkins["phq9"] or self.checkins["gad7"])


def stats(path: Path, since: dt.date | None, until: dt.date | None, today: dt.date) -> Stats:
    """The stats for since..until (default: the first day recorded to today); a missing
    diary reads as empty and is not created."""
    crisis = None
    with reading(path) as store:
        start, end = ranges.whole_diary(since, until, today, store)
        if store is None:
            records, empty = RangeRecords(start, end), True
        else:
            records, empty = records_for(store, start, end), store.is_empty()
            shown = [c for c in records.checkins if start <= c.day <= end]
            crisis = crisis_for_shown(store, shown)
    summary = records.summary()
    checkins = checkin_summary(records.checkins, start, end, records.first_session_day)
    return Stats(summary, checkins, empty, tuple(records.next_morning()), crisis)
