"""`diary settings`, `diary demo`, and opening the app (no command at all)."""

from __future__ import annotations

import argparse
from pathlib import Path

from diary import clock
from diary.cli.parsing import command
from diary.domain import DiaryError


def add_demo(commands: argparse._SubParsersAction) -> None:
    command(commands, "demo", run_demo, _demo_arguments)


def _demo_arguments(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--years", default="1", metavar="N", help="years of data (default 1)")
    demo.add_argument("--seed", default="7", metavar="S", help="random seed (default 7)")
    demo.add_argument("--no-open", action="store_true", help="only fill the database")


def run_demo(args: argparse.Namespace) -> int:
    """fill a new demo diary with synthetic data and open it

    Fill a new demo database (a temporary one unless --db; never your own diary) with seeded
    synthetic data, then open the app on it."""
    from diary.actions.demo import make_demo
    from diary.cli.output import show
    from diary.domain import validation as check

    years = check.decimal("years", args.years, 0.1, 100, key="years")
    seed = check.whole_number("seed", args.seed, 0, 2**31 - 1, key="seed")
    from diary.actions.diary import diary_path

    path = diary_path(args.db) if args.db is not None else None
    if not args.no_open and getattr(args, "open_app", None) is not None:
        from diary.cli.terminal import require_app_terminal

        require_app_terminal()  # before the demo diary is made: it would open on nothing
    made = make_demo(path, clock.today(), years, seed)
    show(made.line)  # the path as text, control characters drawn
    if args.no_open:
        return 0
    return open_app(args, made.path)


def add_settings(commands: argparse._SubParsersAction) -> None:
    command(commands, "settings", run_settings, _settings_arguments)


def _settings_arguments(settings: argparse.ArgumentParser) -> None:
    settings.add_argument("--name", metavar="TEXT", help="your name for reports")
    settings.add_argument(
        "--country", metavar="CC", help="two-letter ISO 3166 code, e.g. US, GB, IE, CA, DE"
    )
    settings.add_argument("--weight-kg", metavar="W", help="default body weight in kg (20-400)")


def run_settings(args: argparse.Namespace) -> int:
    """show or set your name, country and default weight

    With no option, show the settings. The name goes on reports; the country chooses the crisis
    resources shown; the weight prefills new sessions in the app. Give '' to clear one."""
    from diary.actions import settings as actions
    from diary.actions.diary import diary_path
    from diary.domain.countries import COUNTRIES
    from diary.domain.text import shown

    path = diary_path(args.db)
    found = actions.changes(args.name, args.country, args.weight_kg)
    if found:
        settings = actions.update(path, found)
        print("Settings saved.")
    else:
        settings = actions.current(path)
    country, weight = settings.country, settings.default_weight_kg
    # stored text (a backup may have brought it) is drawn as text: ESC shows as a symbol
    print(f"name: {shown(settings.name, one_line=True) or '(not set)'}")
    if country:
        known = COUNTRIES.get(country, "not an ISO 3166 code")
        print(f"country: {shown(country, one_line=True)} ({known})")
    else:
        print("country: (not set; crisis resources for several countries are shown)")
    print(f"default weight: {weight:g} kg" if weight is not None else "default weight: (not set)")
    return 0


def open_app(args: argparse.Namespace, path: Path | str | None) -> int:
    """Open the app, through the launcher the entry point handed in (the command line never
    imports the app itself)."""
    launch = getattr(args, "open_app", None)
    if launch is None:
        raise DiaryError("the app cannot be opened from here; run `diary` in a terminal")
    from diary.cli.terminal import require_app_terminal

    require_app_terminal()
    return int(launch(path))


def run_app(args: argparse.Namespace) -> int:
    return open_app(args, args.db)
