"""PHQ-9 and GAD-7: official wording, answer options, scoring and severity bands.

Both may be reproduced without permission: developed by Drs. Robert L. Spitzer, Janet B.W.
Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.

Wording, answer options and bands checked on 2026-11-23 against the Pfizer forms
(phqscreeners.com) and the instruction manual: PHQ-9 0-4 minimal, 5-9 mild, 10-14 moderate,
15-19 moderately severe, 20-27 severe; GAD-7 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21
severe. The forms' closing question ("how difficult have these problems made it...") is not
part of either total and is not asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diary.domain.errors import ValidationError
from diary.domain.model import CheckinKind

DEVELOPED_BY = (
    "developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc."
)
CREDIT = (
    f"PHQ-9 and GAD-7 {DEVELOPED_BY} No permission required to reproduce, translate, display "
    "or distribute."
)

ANSWER_OPTIONS: tuple[str, ...] = (
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
)


@dataclass(frozen=True, slots=True)
class Band:
    """A named score range, both ends included."""

    low: int
    high: int
    name: str

    @property
    def range_text(self) -> str:
        """The band's edges as shown beside a total, e.g. '10-14'."""
        return f"{self.low}-{self.high}"


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """A scale's items, recall window and bands."""

    kind: CheckinKind
    title: str
    stem: str
    items: tuple[str, ...]
    bands: tuple[Band, ...]

    @property
    def max_total(self) -> int:
        return 3 * len(self.items)

    @property
    def credit(self) -> str:
        """The one-line credit shown with this scale's result."""
        return f"{self.title} {DEVELOPED_BY}"

    def band_of(self, total: int) -> Band:
        """The band a total falls in, both edges included."""
        for band in self.bands:
            if band.low <= total <= band.high:
                return band
        raise ValidationError(f"{self.kind} total", total, f"0-{self.max_total}")

    def band(self, total: int) -> str:
        """The band name of a total, e.g. 'moderate'."""
        return self.band_of(total).name

    def result_line(self, total: int) -> str:
        """The total and its band, e.g. 'PHQ-9 total 12 of 27: moderate (10-14)'."""
        band = self.band_of(total)
        return f"{self.title} total {total} of {self.max_total}: {band.name} ({band.range_text})"


UP_TO_MODERATE = (Band(0, 4, "minimal"), Band(5, 9, "mild"), Band(10, 14, "moderate"))
"""The bands the two scales share: both cut at 5, 10 and 15."""

PHQ9 = Questionnaire(
    kind=CheckinKind.PHQ9,
    title="PHQ-9",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following "
    "problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or "
        "your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    bands=(*UP_TO_MODERATE, Band(15, 19, "moderately severe"), Band(20, 27, "severe")),
)

GAD7 = Questionnaire(
    kind=CheckinKind.GAD7,
    title="GAD-7",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    bands=(*UP_TO_MODERATE, Band(15, 21, "severe")),
)

QUESTIONNAIRES = {CheckinKind.PHQ9: PHQ9, CheckinKind.GAD7: GAD7}

PHQ9_SELF_HARM_ITEM = 9
"""Item 9 (1-based): an answer above 0 shows crisis resources after saving."""


def questionnaire(kind: CheckinKind | str) -> Questionnaire:
    """The definition of a scale by its key (phq9 or gad7)."""
    try:
        return QUESTIONNAIRES[CheckinKind(kind)]
    except ValueError:
        raise ValidationError("questionnaire", kind, "one of phq9, gad7") from None


def shows_crisis_resources(kind: CheckinKind | str, answers: tuple[int, ...]) -> bool:
    """True for a PHQ-9 whose item 9 is answered above 0: crisis resources follow the save."""
    return (
        CheckinKind(kind) == CheckinKind.PHQ9
        and len(answers) >= PHQ9_SELF_HARM_ITEM
        and answers[PHQ9_SELF_HARM_ITEM - 1] > 0
    )


# Today's reminder: here, not in the analysis, as Today asks it before its first paint and
# the analysis package costs about 20 ms to import.
PHQ9_REMINDER_DAYS = 14


def phq9_reminder(last_phq9: dt.date | None, today: dt.date) -> int | None:
    """Days since the last PHQ-9 (its day, None when there has never been one) when it is
    PHQ9_REMINDER_DAYS or more; -1 when there has never been one; None when one is recent
    (no reminder)."""
    if last_phq9 is None:
        return -1
    since = (today - last_phq9).days
    return since if since >= PHQ9_REMINDER_DAYS else None
