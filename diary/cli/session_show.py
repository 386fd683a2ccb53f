"""`diary session show ID`: everything a session holds, with the clinic's record, the
REMS-class medicines current on its day and the morning after."""

from __future__ import annotations

import argparse

from diary.cli.output import show
from diary.cli.parsing import command


def add_show(commands: argparse._SubParsersAction) -> None:
    command(
        commands,
        "show",
        run_show,
        lambda show: show.add_argument("id", metavar="ID", help="the session's id"),
    )


def session_lines(session, number: int, morning, labels=None) -> list[str]:  # type: ignore[no-untyped-def]
    """The session as lines of text: only what was given (not told is said once); labels
    names each symptom key as the person sees it."""
    from diary.domain.doses import dose_figure
    from diary.domain.model import CLINIC_NOTED, Told

    labels = labels or {}

    lines = [f"Session #{number} (id {session.id}): {session.started_at:%Y-%m-%d %H:%M}"]
    dose = f" {session.dose_text}" if session.dose_text else ""
    devices = f" ({session.devices} device(s))" if session.devices else ""
    lines.append(f"  {session.route.label}{dose}{devices}")
    details = [
        ("weight", None if session.weight_kg is None else f"{dose_figure(session.weight_kg)} kg"),
        ("lasted", None if session.duration_min is None else f"{session.duration_min} min"),
        ("phase", None if session.phase is None else session.phase.value),
        ("clinic", session.clinic),
        ("lot", session.lot),
        ("observed", None if session.observed_min is None else f"{session.observed_min} min"),
        (
            "ready to leave after",
            None if session.ready_after_min is None else f"{session.ready_after_min} min",
        ),
        ("home with", session.home_with),
    ]
    lines += [f"  {name}: {value}" for name, value in details if value]
    noted = [f"{what} {session.noted(what).value}" for what in CLINIC_NOTED]
    if any(session.noted(what) != Told.NOT_TOLD for what in CLINIC_NOTED):
        lines.append("  clinic noted: " + ", ".join(noted))
    for reading in session.vitals:
        pulse = "" if reading.heart_rate is None else f", HR {reading.heart_rate}"
        oxygen = "" if reading.spo2 is None else f", SpO2 {reading.spo2}%"
        lines.append(f"  BP {reading.label.label}: {reading.text}{pulse}{oxygen}")
    for rating in session.side_effects:
        timing = [
            *([] if rating.onset_min is None else [f"began at {rating.onset_min} min"]),
            *([] if rating.duration_min is None else [f"lasted {rating.duration_min} min"]),
            *([rating.note] if rating.note else []),
        ]
        said = "".join(f", {part}" for part in timing)
        lines.append(
            f"  {labels.get(rating.symptom, rating.symptom)}: {rating.severity.word}{said}"
        )
    medicines = ", ".join(f"{m.text} ({m.med_class.label})" for m in session.rems_medicines)
    lines.append(f"  REMS-class medicines that day: {medicines or 'none recorded'}")
    if morning is not None:
        rated = ", ".join(
            f"{labels.get(r.symptom, r.symptom).lower()} {r.severity.word}"
            for r in morning.ratings
        )
        lines.append(f"  morning after ({morning.rated_at:%Y-%m-%d %H:%M}): {rated}")
        if morning.note:
            lines.append(f"    {morning.note}")
    if session.note:
        lines.append(f"  note: {session.note}")
    return lines


def run_show(args: argparse.Namespace) -> int:
    """everything saved about a session, with its medicines and morning after"""
    from diary.actions.diary import diary_path, reading
    from diary.actions.morning import morning_of
    from diary.actions.sessions import session_numbered
    from diary.actions.symptoms import symptom_labels
    from diary.cli.sessions import _session_id
    from diary.domain import NotFoundError

    session_id = _session_id(args.id)
    with reading(diary_path(args.db)) as store:
        if store is None:
            raise NotFoundError(f"session {session_id} does not exist")
        saved = session_numbered(store, session_id)
        morning = morning_of(store, session_id)
        labels = symptom_labels(store)
    for line in session_lines(saved.session, saved.number, morning, labels):
        show(line)
    return 0
