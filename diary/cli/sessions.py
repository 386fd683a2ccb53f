"""`diary session add`: a treatment session with blood pressure and side effects."""

from __future__ import annotations

import argparse

from diary import clock
from diary.cli.parsing import db_option, if_saved_options


def add_session(commands: argparse._SubParsersAction) -> None:
    from diary.cli.parsing import Parser

    session = commands.add_parser("session", help="record a treatment session")
    session_commands = session.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=Parser, required=True
    )
    add = session_commands.add_parser(
        "add",
        help="record a session with blood pressure and side effects",
        description="Record a treatment session. Blood pressure as SYS/DIA (e.g. 128/82); "
        "side effects as NAME=SEVERITY with severity 0 none, 1 mild, 2 moderate, 3 severe "
        "(the digit or the word, e.g. nausea=mild).",
    )
    add.add_argument(
        "--at",
        metavar="DATETIME",
        default="now",
        help="when it started, 'YYYY-MM-DD HH:MM' or 'now' (default)",
    )
    add.add_argument(
        "--route", metavar="R", required=True, help="iv, im, intranasal, oral, sublingual or other"
    )
    add.add_argument("--dose-mg", metavar="X", help="dose in mg (above 0, at most 1000)")
    add.add_argument("--dose-mg-per-kg", metavar="X", help="dose in mg/kg (above 0, at most 20)")
    add.add_argument("--weight-kg", metavar="W", help="body weight in kg (20-400)")
    add.add_argument("--duration-min", metavar="M", help="duration in minutes (1-1440)")
    add.add_argument("--phase", metavar="P", help="induction, maintenance or booster")
    add.add_argument("--clinic", metavar="C", help="where it took place")
    add.add_argument("--bp-pre", metavar="SYS/DIA", help="blood pressure before the dose")
    add.add_argument("--bp-40", metavar="SYS/DIA", help="blood pressure about 40 min after")
    add.add_argument("--bp-discharge", metavar="SYS/DIA", help="blood pressure at discharge")
    add.add_argument(
        "--symptom",
        metavar="NAME=SEVERITY",
        action="append",
        help="a side effect and its severity, 0-3 or none/mild/moderate/severe; repeat for "
        "each symptom",
    )
    add.add_argument("--note", metavar="TEXT", help="a note about the session")
    if_saved_options(add, "a session is saved within 30 minutes of this one")
    db_option(add)
    add.set_defaults(handler=run_add)


def run_add(args: argparse.Namespace) -> int:
    from diary.actions.diary import diary_path, writing
    from diary.actions.sessions import add_session, catalogue
    from diary.cli.parsing import if_saved, with_if_saved_hint
    from diary.domain import AlreadySavedError, VitalLabel
    from diary.domain.forms import SessionTexts, SymptomTexts, VitalTexts, session_from_texts

    path = diary_path(args.db)
    readings = (
        (VitalLabel.PRE, args.bp_pre),
        (VitalLabel.FORTY, args.bp_40),
        (VitalLabel.DISCHARGE, args.bp_discharge),
    )
    texts = SessionTexts(
        at=args.at,
        route=args.route,
        dose_mg=args.dose_mg,
        dose_mg_per_kg=args.dose_mg_per_kg,
        weight_kg=args.weight_kg,
        duration_min=args.duration_min,
        phase=args.phase,
        clinic=args.clinic,
        note=args.note,
        vitals=[VitalTexts(label, pair=text) for label, text in readings if text is not None],
        symptoms=[SymptomTexts.from_pair(s) for s in args.symptom or ()],
    )
    session, errors = session_from_texts(texts, clock.now(), catalogue(path))
    if session is None:
        raise errors.first()
    try:
        with writing(path) as store:
            saved = add_session(store, session, if_saved(args))
    except AlreadySavedError as error:
        raise with_if_saved_hint(error) from None
    session = saved.session
    dose = f" {session.dose_text}" if session.dose_text else ""
    print(
        f"Session {saved.number} saved: {session.started_at:%Y-%m-%d %H:%M}, "
        f"{session.route.value}{dose}, {len(session.vitals)} BP reading(s), "
        f"{len(session.side_effects)} side effect(s)."
    )
    return 0
