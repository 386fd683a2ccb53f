"""Crisis resources: the right services per country, the emergency sentence, the checked date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from diary.cli.questions import crisis_panel
from diary.domain.crisis import (
    CHECKED,
    EMERGENCY,
    CrisisResources,
    panel_lines,
    resources_for,
)

US = "988 Suicide & Crisis Lifeline (US): call or text 988, any time."
CANADA = "9-8-8: Suicide Crisis Helpline (Canada): call or text 988, any time."
SAMARITANS = "Samaritans (UK and Ireland): call 116 123, free, any time."
ELSEWHERE = "Find a helpline in your country at findahelpline.com."


@pytest.mark.parametrize(
    ("country", "code", "services"),
    [
        ("US", "US", (US,)),
        ("us", "US", (US,)),
        ("CA", "CA", (CANADA,)),
        ("GB", "GB", (SAMARITANS,)),
        (" gb ", "GB", (SAMARITANS,)),
        ("UK", "GB", (SAMARITANS,)),
        ("IE", "IE", (SAMARITANS,)),
        ("DE", "DE", (ELSEWHERE,)),
        ("AU", "AU", (ELSEWHERE,)),
        ("IN", "IN", (ELSEWHERE,)),
        ("", "", (US, CANADA, SAMARITANS, ELSEWHERE)),
    ],
)
def test_services_per_country(country: str, code: str, services: tuple[str, ...]) -> None:
    resources = resources_for(country)
    assert resources == CrisisResources(code, services, dt.date(2026, 11, 23), EMERGENCY)
    assert resources.lines == (
        *services,
        "If you are in danger now, call your local emergency number.",
    )


def test_checked_date_and_frozen() -> None:
    assert dt.date(2026, 11, 23) == CHECKED
    resources = resources_for("US")
    assert resources.checked_line == "Numbers checked on 2026-11-23."
    with pytest.raises(dataclasses.FrozenInstanceError):
        resources.country = "GB"  # type: ignore[misc]


def test_panel_order() -> None:
    assert panel_lines(resources_for("IE")) == (
        "Support is available",
        "Your answers are saved. If you would like to talk to someone, now or at any time, "
        "these services are free and confidential:",
        SAMARITANS,
        EMERGENCY,
        "Numbers checked on 2026-11-23.",
    )


def test_panel_text_offers_help_and_nothing_else() -> None:
    words = " ".join(panel_lines(resources_for(""))).casefold()
    for judging in ("score", "diagnos", "severe", "risk", "should", "must", "depress", "suicidal"):
        assert judging not in words


def test_terminal_panel_is_wrapped_and_framed() -> None:
    text = crisis_panel(resources_for("GB"), width=60)
    lines = text.splitlines()
    assert lines[0] == "── Support is available " + "─" * 36
    assert lines[-1] == "─" * 60
    assert all(len(line) <= 60 for line in lines)
    assert lines[1:-1] == [
        "Your answers are saved. If you would like to talk to",
        "someone, now or at any time, these services are free and",
        "confidential:",
        "  • Samaritans (UK and Ireland): call 116 123, free, any",
        "    time.",
        "If you are in danger now, call your local emergency number.",
        "Numbers checked on 2026-11-23.",
    ]
