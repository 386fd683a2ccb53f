"""The clinic's fields of `diary session add/edit`: lot, observation, what it noted, devices."""

from __future__ import annotations

import argparse

from diary.domain.clinic import ClinicTexts


def clinic_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lot", metavar="TEXT", help="the medicine's lot number")
    parser.add_argument(
        "--observed-min", metavar="M", help="minutes the clinic observed you (0-1440)"
    )
    parser.add_argument(
        "--ready-after-min",
        metavar="M",
        help="minutes after dosing you were ready to leave (0-1440)",
    )
    parser.add_argument(
        "--clinic-noted",
        metavar="WHAT=ANSWER",
        action="append",
        help="what the clinic told you it noted: WHAT sedation, dissociation or breathing, "
        "ANSWER yes, no or 'not told'; repeat for each",
    )
    parser.add_argument("--home-with", metavar="TEXT", help="who took you home, e.g. partner")
    parser.add_argument(
        "--devices",
        metavar="N",
        help="nasal spray devices used (1-10, 28 mg each): the dose follows unless --dose-mg",
    )


def clinic_texts(args: argparse.Namespace) -> ClinicTexts:
    """The clinic fields as typed (None where an option was not given)."""
    return ClinicTexts.from_flags(
        args.clinic_noted,
        lot=args.lot,
        observed_min=args.observed_min,
        ready_after_min=args.ready_after_min,
        home_with=args.home_with,
        devices=args.devices,
    )
