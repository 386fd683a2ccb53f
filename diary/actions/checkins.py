"""Saving a check-in, and whether crisis resources follow it (PHQ-9 item 9 above 0).

The resources are worked out before the save and shown whatever its outcome: a save that
fails (a locked or full disk, a check-in already there) still shows them, saying the answers
were not saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from diary.domain import AlreadySavedError, CheckIn, DiaryError
from diary.domain.crisis import (
    LISTED_INTRO,
    NOT_SAVED_INTRO,
    CrisisResources,
    resources_for,
)
from diary.domain.duplicates import IfSaved, same_day_checkin
from diary.domain.questionnaires import questionnaire, shows_crisis_resources
from diary.store import Store


@dataclass(frozen=True, slots=True)
class CheckinSaved:
    """A saved check-in, and the crisis resources to show after it (None: show none)."""

    checkin: CheckIn
    crisis: CrisisResources | None
    replaced: CheckIn | None = None


class CheckinNotSavedError(DiaryError):
    """The save failed, and crisis resources must still be shown (marked not saved)."""

    def __init__(self, cause: DiaryError, crisis: CrisisResources) -> None:
        super().__init__(str(cause), key=cause.key)
        self.cause = cause
        self.crisis = crisis
        self.exit_code = cause.exit_code


def crisis_for(store: Store, checkin: CheckIn) -> CrisisResources | None:
    """The resources to show for these answers; every known line when settings cannot be read."""
    if not shows_crisis_resources(checkin.kind, checkin.answers):
        return None
    return _resources(store)


def crisis_for_shown(store: Store, shown: Iterable[CheckIn]) -> CrisisResources | None:
    """The resources to show under check-ins shown again (diary stats) when one of them is a
    PHQ-9 with item 9 answered above 0."""
    if not any(shows_crisis_resources(c.kind, c.answers) for c in shown):
        return None
    return replace(_resources(store), intro=LISTED_INTRO)


def _resources(store: Store) -> CrisisResources:
    try:
        country = store.settings().country
    except DiaryError:
        country = ""
    return resources_for(country)


def save_checkin(
    store: Store, checkin: CheckIn, if_saved: IfSaved = IfSaved.REFUSE
) -> CheckinSaved:
    """Save a (checked) questionnaire in one transaction; crisis resources for item 9 > 0.

    A check-in of the same kind already on that day is refused (AlreadySavedError) unless
    told to replace it or keep both.
    """
    crisis = crisis_for(store, checkin)
    try:
        same = same_day_checkin(store.checkins_between(checkin.day, checkin.day), checkin)
        if same is not None and if_saved == IfSaved.REFUSE:
            title = questionnaire(checkin.kind).title
            raise AlreadySavedError(
                f"a {title} is already saved for {checkin.day.isoformat()} (total {same.total})",
                existing_id=same.id,
            )
        replacing = same.id if same is not None and if_saved == IfSaved.REPLACE else None
        saved = store.save_checkin(checkin, replacing=replacing)
    except DiaryError as error:
        if crisis is None:
            raise
        raise CheckinNotSavedError(error, replace(crisis, intro=NOT_SAVED_INTRO)) from None
    return CheckinSaved(saved, crisis, same if replacing is not None else None)


def list_checkins(store: Store) -> list[CheckIn]:
    """Every check-in, oldest first."""
    return store.checkins_between()


def delete_checkin(store: Store, checkin_id: int) -> CheckIn:
    """Delete one check-in with its answers; returns what was deleted."""
    from diary.domain import NotFoundError

    found = next((c for c in store.checkins_between() if c.id == checkin_id), None)
    if found is None:
        raise NotFoundError(f"check-in {checkin_id} does not exist; nothing was deleted")
    store.delete_checkin(checkin_id)
    return found
