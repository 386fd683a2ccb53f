"""The morning after a session: rating lingering side effects against that session."""

from __future__ import annotations

import datetime as dt

from diary.domain import NotFoundError, Session, SideEffectRating, ValidationError
from diary.domain import validation as check
from diary.domain.morning import MorningAfter
from diary.store import Store


def session_to_rate(store: Store, session_id: int | None) -> Session:
    """The session a morning-after rating is for: that id, else the last session."""
    if session_id is not None:
        return store.session(session_id)
    last = store.last_session()
    if last is None:
        raise NotFoundError("no session is recorded yet, so there is no morning after to rate")
    return last


def rate_morning_after(
    store: Store,
    ratings: list[SideEffectRating],
    *,
    now: dt.datetime,
    session_id: int | None = None,
    note: str = "",
    replace: bool = False,
) -> tuple[Session, MorningAfter]:
    """Save how side effects felt after a session (the last one unless session_id), at now.

    Each symptom once, severity 0-3, a symptom of the catalogue; the rating must come after
    the session started. A session rated already is refused (AlreadySavedError) unless
    replace."""
    catalogue = store.symptoms()
    checked = [check.check_rating(r, catalogue) for r in ratings]
    keys = [r.symptom for r in checked]
    if not checked:
        raise ValidationError.missing(
            "symptom", "rate at least one symptom, e.g. grogginess=1", key="symptom"
        )
    twice = [key for n, key in enumerate(keys) if key in keys[:n]]
    if twice:
        raise ValidationError("symptom", twice[0], "each symptom once", key="symptom")
    session = session_to_rate(store, session_id)
    if now < session.started_at:
        raise ValidationError(
            "time", now.isoformat(), f"a time after the session ({session.started_at})", key="at"
        )
    morning = MorningAfter(
        session.id or 0,
        now,
        tuple(SideEffectRating(r.symptom, r.severity) for r in checked),
        check.text("note", note, key="note"),
    )
    return session, store.save_morning_after(morning, replace=replace)


def not_next_morning_note(session: Session, morning: MorningAfter) -> str | None:
    """What to say when a rating was not taken on the day after the session's day: it is
    saved, but the next-morning figures (stats, report) leave it out."""
    if morning.is_next_morning(session.day):
        return None
    return (
        f"Rated on {morning.rated_at:%Y-%m-%d}, not the day after the session's "
        f"({session.day + dt.timedelta(days=1)}): it is kept with the session, and the "
        "next-morning figures of stats and the report leave it out."
    )


def morning_prompt_session(store: Store, today: dt.date) -> Session | None:
    """The session of yesterday whose morning after is not rated yet: what Today asks about
    ("How are the side effects this morning?"); None when there is none."""
    yesterday = today - dt.timedelta(days=1)
    for session in reversed(store.sessions_between(yesterday, yesterday)):
        if store.morning_after(session.id or 0) is None:
            return session
    return None


def mornings_between(
    store: Store, start: dt.date | None = None, end: dt.date | None = None
) -> list[MorningAfter]:
    """The morning-after ratings of sessions from start to end, by session time."""
    return store.mornings_between(start, end)


def morning_of(store: Store, session_id: int) -> MorningAfter | None:
    """The morning-after rating of that session, if it was rated."""
    return store.morning_after(session_id)
