"""The terminal side of `diary checkin`: read the answers, ask each item, print the result.

Replies, one per line, the same from a terminal or a pipe: 0-3 answers the item, b goes
back one item, an empty line keeps an earlier answer, q leaves without saving (exit 1).
At a terminal a reply that is none of these is asked again and end of input (ctrl+d)
leaves like q; from a pipe nobody can retype, so either exits 2 and saves nothing.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import TextIO

from diary.domain import CheckIn, CheckinKind, DiaryError, ValidationError
from diary.domain import validation as check
from diary.domain.crisis import CrisisResources, panel_lines
from diary.domain.questionnaires import (
    ANSWER_OPTIONS,
    Questionnaire,
    questionnaire,
)

REPLIES = "0, 1, 2 or 3 (b goes back, q quits without saving)"
PROMPT = "Answer 0-3, b back, q quit: "


class CheckinLeft(DiaryError):
    """The person left the questions with q or end of input; nothing was saved (exit 1)."""


def scale_named(value: str) -> Questionnaire:
    """The questionnaire for phq9 or gad7, any case, with or without the dash."""
    key = value.strip().casefold().replace("-", "")
    if key not in {kind.value for kind in CheckinKind}:
        raise ValidationError("scale", value, "one of " + ", ".join(k.value for k in CheckinKind))
    return questionnaire(key)


def parse_answers(scale: Questionnaire, text: str) -> tuple[int, ...]:
    """'1,0,2,...' as answers: exactly one 0-3 per item, comma-separated."""
    count = len(scale.items)
    accepted = f"{count} answers 0-3 separated by commas, e.g. {','.join('0' * count)}"
    parts = [part.strip() for part in text.split(",")]
    if not text.strip() or len(parts) != count:
        got = "no answers" if not text.strip() else f"{len(parts)} answers"
        raise ValidationError("answers", text, f"{accepted} ({got} given)", key="answers")
    return tuple(
        check.whole_number(f"{scale.title} item {i} in the answers", part, 0, 3, key="answers")
        for i, part in enumerate(parts, 1)
    )


def _print_item(scale: Questionnaire, index: int, earlier: int | None, out: TextIO) -> None:
    print(file=out)
    print(f"{scale.title} question {index + 1} of {len(scale.items)}", file=out)
    print(scale.stem, file=out)
    print(f"  {scale.items[index]}", file=out)
    for value, words in enumerate(ANSWER_OPTIONS):
        print(f"    {value}  {words}", file=out)
    if earlier is not None:
        print(f"  (you answered {earlier}; Enter keeps it)", file=out)


def ask_answers(
    scale: Questionnaire, replies: TextIO | None, out: TextIO, *, interactive: bool
) -> tuple[int, ...]:
    """Ask each item in turn and return the answers; raises when left or unusable."""
    count = len(scale.items)
    answers: list[int | None] = [None] * count
    print(f"{scale.title}: {count} questions.", file=out)
    index, shown = 0, -1
    while index < count:
        if index != shown:  # a reply asked again keeps the item on screen
            _print_item(scale, index, answers[index], out)
            shown = index
        print(PROMPT, end="", file=out, flush=True)
        line = replies.readline() if replies is not None else ""
        if not interactive:
            print(line.rstrip("\r\n"), file=out)  # the reply beside its prompt, as typed
        if line == "":
            if interactive:
                print(file=out)
                raise CheckinLeft("check-in left at the end of input; nothing was saved")
            raise ValidationError(
                "stdin",
                "end of input",
                f"one reply per line for all {count} {scale.title} items "
                f"(it ended at item {index + 1}); nothing was saved",
            )
        reply = line.strip().casefold()
        if reply in ("0", "1", "2", "3"):
            answers[index] = int(reply)
            index += 1
        elif reply == "" and answers[index] is not None:
            index += 1
        elif reply == "b":
            if index == 0:
                print("  This is the first question.", file=out)
            else:
                index -= 1
        elif reply == "q":
            raise CheckinLeft(f"check-in left at question {index + 1}; nothing was saved")
        elif interactive:
            print(f"  {line.strip()!r} is not an answer: type {REPLIES}.", file=out)
        else:
            raise ValidationError(
                f"{scale.title} item {index + 1} on stdin", line.strip(), REPLIES
            )
    print(file=out)
    return tuple(a for a in answers if a is not None)


def result_lines(scale: Questionnaire, checkin: CheckIn, *, saved: bool = True) -> list[str]:
    """What `diary checkin` prints after saving (or failing to): the day, total and band,
    and the credit."""
    outcome = "saved" if saved else "answers were not saved"
    return [
        f"{scale.title} {outcome} for {checkin.day.isoformat()}.",
        scale.result_line(checkin.total),
        scale.credit,
    ]


def crisis_panel(resources: CrisisResources, width: int | None = None) -> str:
    """The calm crisis panel as plain text, wrapped to the terminal (at most 78 columns)."""
    width = width or min(78, shutil.get_terminal_size((78, 24)).columns)
    title, intro, *services, emergency, checked = panel_lines(resources)
    lines = [f"── {title} ".ljust(width, "─")]
    lines += textwrap.wrap(intro, width)
    for service in services:
        lines += textwrap.wrap(service, width, initial_indent="  • ", subsequent_indent="    ")
    lines += textwrap.wrap(emergency, width)
    lines += textwrap.wrap(checked, width)
    lines.append("─" * width)
    return "\n".join(lines)


def confirm(question: str, yes: bool) -> None:
    """Go on when --yes was given or the person answers y on a terminal; otherwise refuse
    (without a terminal, --yes is needed: a script never deletes by accident)."""
    import sys

    from diary.domain import DiaryError

    if yes:
        return
    if not (sys.stdin is not None and sys.stdin.isatty()):
        error = DiaryError("not deleted: give --yes to delete without a terminal", key="yes")
        error.exit_code = 2
        raise error
    answer = input(f"{question} [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        raise DiaryError("nothing was deleted")
