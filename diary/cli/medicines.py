"""`diary med add|change|stop|list`: other medicines, recorded as dated events.

Record only: nothing here warns about, or advises on, a combination.
"""

from __future__ import annotations

import argparse

from diary import clock
from diary.cli.output import show
from diary.cli.parsing import DATE_HELP, command, command_group

CLASS_HELP = (
    "antidepressant, benzodiazepine, sedative (other sedative or sleep medicine), stimulant, "
    "maoi, mood-stabiliser, antipsychotic or other (default)"
)


def add_med(commands: argparse._SubParsersAction) -> None:
    med = command_group(
        commands,
        "med",
        help="other medicines: start, change, stop, list",
        description="Other medicines, recorded as dated events (start, change, stop), so "
        "what was taken on any day can be shown. Each session lists the benzodiazepines, "
        "other sedatives or sleep medicines, stimulants and MAOIs current on its day. "
        "A record only: the diary gives no warnings and no advice.",
    )
    command(med, "add", run_add, _add_arguments)
    command(med, "change", run_change, _change_arguments)
    command(med, "stop", run_stop, _stop_arguments)
    command(med, "list", run_list, _on_option)


def _add_arguments(add: argparse.ArgumentParser) -> None:
    add.add_argument("name", metavar="NAME", help="the medicine, e.g. sertraline")
    _dose_options(add, dose_required=True)
    add.add_argument("--since", metavar="D", default="today", help=f"first day, {DATE_HELP}")
    add.add_argument("--class", dest="med_class", metavar="C", default="other", help=CLASS_HELP)


def _change_arguments(change: argparse.ArgumentParser) -> None:
    change.add_argument("name", metavar="NAME", help="a medicine being taken")
    _dose_options(change, dose_required=False)
    _on_option(change)


def _stop_arguments(stop: argparse.ArgumentParser) -> None:
    stop.add_argument("name", metavar="NAME", help="a medicine being taken")
    _on_option(stop)


def _on_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--on", metavar="D", default="today", help=f"the day, {DATE_HELP}")


def _dose_options(parser: argparse.ArgumentParser, *, dose_required: bool) -> None:
    parser.add_argument("--dose", metavar="X", required=dose_required, help="the dose, e.g. 50")
    # a started medicine's dose needs its unit: so its usage line says so
    parser.add_argument(
        "--unit", metavar="U", default="", required=dose_required, help="the dose's unit, e.g. mg"
    )
    parser.add_argument("--schedule", metavar="TEXT", default="", help='e.g. "1 daily"')


def _save(args: argparse.Namespace, event) -> int:  # type: ignore[no-untyped-def]
    from diary.actions.diary import diary_path, require, writing
    from diary.actions.medicines import save_medicine_event
    from diary.domain.medicines import MedicineChange

    path = diary_path(args.db)
    if event.change != MedicineChange.START:
        require(path, "no medicine is recorded")
    with writing(path) as store:
        saved = save_medicine_event(store, event)
    done = saved.event
    verb = {"start": "started", "change": "changed", "stop": "stopped"}[done.change.value]
    now = f": {saved.medicine.dose_text}" if saved.medicine and saved.medicine.dose_text else ""
    show(f"{done.name} ({done.med_class.label}) {verb} on {done.day.isoformat()}{now}.")
    return 0


def _run(args: argparse.Namespace, change: str) -> int:
    """Check the event as typed (before the diary is opened), then save it."""
    from diary.actions.medicines import new_medicine_event
    from diary.domain.medicines import MedicineChange

    given = {k: getattr(args, k) for k in ("dose", "unit", "schedule", "med_class") if k in args}
    event = new_medicine_event(
        MedicineChange(change),
        args.name,
        day=args.since if change == "start" else args.on,
        today=clock.today(),
        **given,
    )
    return _save(args, event)


def run_add(args: argparse.Namespace) -> int:
    """a medicine you started"""
    return _run(args, "start")


def run_change(args: argparse.Namespace) -> int:
    """a new dose or schedule; unit and schedule kept unless given"""
    return _run(args, "change")


def run_stop(args: argparse.Namespace) -> int:
    """a medicine you stopped (not taken from D)"""
    return _run(args, "stop")


def run_list(args: argparse.Namespace) -> int:
    """what is taken on a day (today), and every start, change and stop"""
    from diary.actions.diary import diary_path, reading
    from diary.actions.medicines import medicine_history, medicines_taken
    from diary.domain import validation as check

    day = check.day("date", args.on, clock.today(), key="on")
    with reading(diary_path(args.db)) as store:
        taken = [] if store is None else medicines_taken(store, day)
        history = [] if store is None else medicine_history(store)
    print(f"Taken on {day.isoformat()}:" if taken else f"No medicine recorded on {day}.")
    for medicine in taken:
        show(f"  {medicine.text} ({medicine.med_class.label}), {medicine.since_text}")
    if history:
        print("Every start, change and stop:")
    for event in history:
        show(f"  {event_line(event)}")
    return 0


def event_line(event) -> str:  # type: ignore[no-untyped-def]
    """'2026-03-04  stop    lorazepam (benzodiazepine)' with a start's or change's dose."""
    from diary.domain.medicines import Medicine

    dose = Medicine(event.name, event.med_class, event.dose, event.unit, event.schedule, event.day)
    shown = "" if event.change.value == "stop" else f" {dose.dose_text}"
    return (
        f"{event.day.isoformat()}  {event.change.value:<6}  {event.name} "
        f"({event.med_class.label}){shown}"
    )
