"""`diary session add|list|edit|delete`: treatment sessions with blood pressure and side
effects."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from diary import clock
from diary.cli.clinic_flags import clinic_options, clinic_texts
from diary.cli.parsing import command, command_group, if_saved_options, yes_option

if TYPE_CHECKING:
    from diary.domain.forms import SessionTexts


def add_session(commands: argparse._SubParsersAction) -> None:
    session = command_group(commands, "session", help="record a treatment session")
    command(session, "add", run_add, _add_arguments)
    from diary.cli.session_show import add_show

    add_show(session)
    command(session, "list", run_list)
    command(session, "edit", run_edit, _edit_arguments)
    command(session, "delete", run_delete, _delete_arguments)


def _add_arguments(add: argparse.ArgumentParser) -> None:
    add.add_argument(
        "--at",
        metavar="DATETIME",
        default="now",
        help="when it started, 'YYYY-MM-DD HH:MM' or 'now' (default)",
    )
    _detail_options(add, route_required=True)
    if_saved_options(add, "a session is saved within 30 minutes of this one")


def _edit_arguments(edit: argparse.ArgumentParser) -> None:
    _id_argument(edit)
    edit.add_argument("--at", metavar="DATETIME", help="when it started, 'YYYY-MM-DD HH:MM'")
    _detail_options(edit, route_required=False)


def _delete_arguments(delete: argparse.ArgumentParser) -> None:
    _id_argument(delete)
    yes_option(delete)


def _id_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the session's id")


def _detail_options(add: argparse.ArgumentParser, *, route_required: bool) -> None:
    add.add_argument(
        "--route",
        metavar="R",
        required=route_required,
        help="iv, im, intranasal, oral, sublingual or other",
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
    clinic_options(add)


def _typed(args: argparse.Namespace) -> SessionTexts:
    """The session's options as typed: None (the date and route blank) where not given."""
    from diary.domain import VitalLabel
    from diary.domain.forms import SessionTexts, SymptomTexts, VitalTexts

    readings = (
        (VitalLabel.PRE, args.bp_pre),
        (VitalLabel.FORTY, args.bp_40),
        (VitalLabel.DISCHARGE, args.bp_discharge),
    )
    return SessionTexts(
        at=args.at or "",
        route=args.route or "",
        dose_mg=args.dose_mg,
        dose_mg_per_kg=args.dose_mg_per_kg,
        weight_kg=args.weight_kg,
        duration_min=args.duration_min,
        phase=args.phase,
        clinic=args.clinic,
        note=args.note,
        vitals=[VitalTexts(label, pair=text) for label, text in readings if text is not None],
        symptoms=[SymptomTexts.from_pair(s) for s in args.symptom or ()],
        record=clinic_texts(args),
    )


def run_add(args: argparse.Namespace) -> int:
    """record a session with blood pressure and side effects

    Record a treatment session. Blood pressure as SYS/DIA (e.g. 128/82); side effects as
    NAME=SEVERITY with severity 0 none, 1 mild, 2 moderate, 3 severe (the digit or the word, e.g.
    nausea=mild)."""
    from diary.actions.diary import diary_path, writing
    from diary.actions.sessions import add_session, catalogue
    from diary.cli.parsing import if_saved, with_if_saved_hint
    from diary.domain import AlreadySavedError
    from diary.domain.forms import session_from_texts

    path = diary_path(args.db)
    texts = _typed(args)
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


def _line(saved) -> str:  # type: ignore[no-untyped-def]
    from diary.domain.text import shown

    session = saved.session
    dose = f" {session.dose_text}" if session.dose_text else ""
    clinic = f" · {shown(session.clinic, one_line=True)}" if session.clinic else ""
    return (
        f"id {session.id}  #{saved.number}  {session.started_at:%Y-%m-%d %H:%M}  "
        f"{session.route.label}{dose}{clinic}"
    )


def run_list(args: argparse.Namespace) -> int:
    """every session with its id"""
    from diary.actions.diary import diary_path, reading
    from diary.actions.sessions import list_sessions

    with reading(diary_path(args.db)) as store:
        found = [] if store is None else list_sessions(store)
    print("\n".join(_line(saved) for saved in found) or "No sessions recorded.")
    return 0


def _session_id(text: str) -> int:
    from diary.domain import validation as check

    return check.whole_number("session id", text, 1, 2**62, key="id")


def run_edit(args: argparse.Namespace) -> int:
    """change a saved session: only the options given change

    Change the session of that id (see `diary session list`). Only what you give changes; a --bp-*
    or --symptom replaces that reading or rating, and everything else stays as saved."""
    from diary.actions.diary import diary_path, require, writing
    from diary.actions.sessions import catalogue, save_session, session_numbered
    from diary.cli.parsing import ArgumentError
    from diary.domain.forms import session_from_texts, typed_over

    session_id = _session_id(args.id)
    not_options = {"db", "handler", "open_app", "id"}
    if all(value is None for name, value in vars(args).items() if name not in not_options):
        # saving it as it is would still write: its readings and ratings get new ids
        raise ArgumentError(
            "give what to change, e.g. --note TEXT or --bp-pre 128/82 "
            "(see 'diary session edit --help'); nothing was changed"
        )
    path = diary_path(args.db)
    require(path, "nothing to edit")
    with writing(path) as store:
        saved = session_numbered(store, session_id).session
        texts = typed_over(saved, _typed(args))
        session, errors = session_from_texts(
            texts, clock.now(), catalogue(path), session_id=session_id, saved=saved
        )
        if session is None:
            raise errors.first()
        done = save_session(store, session)
    print(f"Session changed: {_line(done)}.")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    """delete a session with its blood pressure and side effects

    Delete the session of that id after asking on a terminal; --yes deletes without asking (for
    scripts)."""
    from diary.actions.diary import diary_path, require, writing
    from diary.actions.sessions import delete_session, session_numbered
    from diary.cli.questions import confirm

    session_id = _session_id(args.id)
    path = diary_path(args.db)
    require(path, "nothing to delete")
    with writing(path) as store:
        saved = session_numbered(store, session_id)
        session = saved.session
        what = (
            f"session #{saved.number} of {session.started_at:%Y-%m-%d %H:%M} "
            f"({session.route.label}{' ' + session.dose_text if session.dose_text else ''}) "
            f"with {len(session.vitals)} BP reading(s) and {len(session.side_effects)} "
            "side effect(s)"
        )
        confirm(f"Delete {what}?", args.yes)
        delete_session(store, session_id)
    print(f"Deleted {what}.")
    return 0
