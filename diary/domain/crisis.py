"""Crisis resources by country: the one place their names and numbers live.

Shown after a PHQ-9 whose item 9 is answered above 0 (CLI, TUI), under `diary stats` when
one in its range has it, and in the report footer.
The text offers people to talk to and nothing else: it never scores, diagnoses or advises.

Checked on 2026-11-23 (CHECKED), against what each service publishes:
- US: 988 Suicide & Crisis Lifeline, call or text 988, free, 24 hours (988lifeline.org).
- Canada: 9-8-8: Suicide Crisis Helpline, call or text 988, free, 24 hours, nationwide
  since 2023-11-30 (988.ca).
- United Kingdom and Ireland: Samaritans, call 116 123, free, 24 hours (samaritans.org).
- Anywhere else: findahelpline.com, a directory of free, confidential helplines by country.
When a number changes, change it here and move CHECKED.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diary.domain.countries import ALIASES

CHECKED = dt.date(2026, 11, 23)

TITLE = "Support is available"
INTRO = (
    "Your answers are saved. If you would like to talk to someone, now or at any time, "
    "these services are free and confidential:"
)
NOT_SAVED_INTRO = (
    "Your answers were not saved. If you would like to talk to someone, now or at any "
    "time, these services are free and confidential:"
)
LISTED_INTRO = (
    "A PHQ-9 shown here has item 9 answered above 0. If you would like to talk to someone, "
    "now or at any time, these services are free and confidential:"
)
# the app asks next whether to replace the check-in saved that day or keep both
NOT_SAVED_YET_INTRO = (
    "Your answers are not saved yet: one is saved for today already, and you choose next "
    "whether to replace it or keep both. If you would like to talk to someone, now or at "
    "any time, these services are free and confidential:"
)
EMERGENCY = "If you are in danger now, call your local emergency number."

US_LINE = "988 Suicide & Crisis Lifeline (US): call or text 988, any time."
CANADA_LINE = "9-8-8: Suicide Crisis Helpline (Canada): call or text 988, any time."
SAMARITANS_LINE = "Samaritans (UK and Ireland): call 116 123, free, any time."
ELSEWHERE_LINE = "Find a helpline in your country at findahelpline.com."

_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "US": (US_LINE,),
    "CA": (CANADA_LINE,),
    "GB": (SAMARITANS_LINE,),
    "IE": (SAMARITANS_LINE,),
}
_NOT_SET = (US_LINE, CANADA_LINE, SAMARITANS_LINE, ELSEWHERE_LINE)


@dataclass(frozen=True, slots=True)
class CrisisResources:
    """The services to offer for a country, the emergency sentence, and when they were checked."""

    country: str
    services: tuple[str, ...]
    checked: dt.date = CHECKED
    emergency: str = EMERGENCY
    # what the panel says of the answers that brought it up: saved (INTRO), not saved
    # (NOT_SAVED_INTRO), not saved yet (NOT_SAVED_YET_INTRO), or shown again (LISTED_INTRO)
    intro: str = INTRO

    @property
    def lines(self) -> tuple[str, ...]:
        """Every service, then the emergency sentence."""
        return (*self.services, self.emergency)

    @property
    def checked_line(self) -> str:
        return f"Numbers checked on {self.checked.isoformat()}."


def resources_for(country: str) -> CrisisResources:
    """The resources for an ISO 3166 alpha-2 code; every known line when no country is set."""
    code = (country or "").strip().upper()
    code = ALIASES.get(code, code)
    if not code:
        return CrisisResources("", _NOT_SET)
    return CrisisResources(code, _BY_COUNTRY.get(code, (ELSEWHERE_LINE,)))


def panel_lines(resources: CrisisResources) -> tuple[str, ...]:
    """The calm panel's text in order: title, intro, services, emergency sentence, checked date."""
    return (
        TITLE,
        resources.intro,
        *resources.services,
        resources.emergency,
        resources.checked_line,
    )
