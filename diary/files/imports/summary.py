"""What an import says: each record a dry run would write or skip, each rejected row, and the
summary line (imported / skipped / rejected)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diary.domain import MoodEntry, Session
from diary.files.imports.plan import ImportPlan

SHOWN_REJECTIONS = 50  # rows listed one by one (and records a dry run lists), the rest counted


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}{'' if number == 1 else 's'}"


def report_lines(
    plan: ImportPlan,
    imported_days: int,
    source: Path,
    *,
    imported_sessions: int = 0,
    dry_run: bool = False,
) -> list[str]:
    """Each rejected row, then the summary: imported, skipped (already logged), rejected."""
    lines = [r.text for r in plan.rejected[:SHOWN_REJECTIONS]]
    if len(plan.rejected) > SHOWN_REJECTIONS:
        lines.append(f"... and {len(plan.rejected) - SHOWN_REJECTIONS:,} more rejected rows")
    skipped = len(plan.days) - imported_days + len(plan.sessions) - imported_sessions
    rows = _count(len(plan.rejected), "row")
    held = len(plan.held_back)
    held_text = (
        f" ({_count(held, 'day')} held back whole, so a corrected re-run brings them in complete)"
        if held
        else ""
    )
    what = _count(imported_days, "day")
    if plan.has_sessions:
        what += f" and {_count(imported_sessions, 'session')}"
    if dry_run:
        lines.append(
            f"Dry run of {source}: would import {what}, skip {skipped:,} (already logged), "
            f"reject {rows}{held_text}; nothing was written."
        )
    else:
        lines.append(
            f"Imported {what} from {source}, skipped {skipped:,} (already logged), "
            f"rejected {rows}{held_text}."
        )
    return lines


def _brief(note: str, width: int = 60) -> str:
    lines = note.splitlines() or [""]
    first = lines[0] if len(lines[0]) <= width else lines[0][: width - 1] + "…"
    more = (
        f" (+{len(lines) - 1} more line{'' if len(lines) == 2 else 's'})" if len(lines) > 1 else ""
    )
    return f"{first!r}{more}" if note else "no note"


def planned_lines(
    days: Sequence[MoodEntry], sessions: Sequence[Session], skipped: Sequence[str] = ()
) -> list[str]:
    """What a dry run would write, one line a record (the first SHOWN_REJECTIONS of each),
    then what it would skip."""
    lines = []
    for entry in days[:SHOWN_REJECTIONS]:
        extra = "".join(
            (
                f", anxiety {entry.anxiety}" if entry.anxiety is not None else "",
                f", sleep {entry.sleep_hours:g} h" if entry.sleep_hours is not None else "",
            )
        )
        lines.append(f"would add {entry.day}: mood {entry.mood}{extra}; {_brief(entry.note)}")
    if len(days) > SHOWN_REJECTIONS:
        lines.append(f"... and {len(days) - SHOWN_REJECTIONS:,} more days")
    for session in sessions[:SHOWN_REJECTIONS]:
        when = session.started_at.isoformat(sep=" ", timespec="minutes")
        lines.append(f"would add a session {when}: {session.route}; {_brief(session.note)}")
    if len(sessions) > SHOWN_REJECTIONS:
        lines.append(f"... and {len(sessions) - SHOWN_REJECTIONS:,} more sessions")
    lines += [f"would skip {what} (already in the diary)" for what in skipped[:SHOWN_REJECTIONS]]
    if len(skipped) > SHOWN_REJECTIONS:
        lines.append(f"... and {len(skipped) - SHOWN_REJECTIONS:,} more skipped")
    return lines
