"""Saving a check-in, and whether crisis resources follow it (PHQ-9 item 9 above 0)."""

from __future__ import annotations

from dataclasses import dataclass

from diary.domain import CheckIn
from diary.domain.crisis import CrisisResources, resources_for
from diary.domain.questionnaires import shows_crisis_resources
from diary.store import Store


@dataclass(frozen=True, slots=True)
class CheckinSaved:
    """A saved check-in, and the crisis resources to show after it (None: show none)."""

    checkin: CheckIn
    crisis: CrisisResources | None


def save_checkin(store: Store, checkin: CheckIn) -> CheckinSaved:
    """Save a (checked) questionnaire in one transaction; crisis resources for item 9 > 0."""
    saved = store.save_checkin(checkin)
    crisis = None
    if shows_crisis_resources(saved.kind, saved.answers):
        crisis = resources_for(store.settings().country)
    return CheckinSaved(saved, crisis)
