"""Saving, editing and deleting sessions; the symptom list a new session is checked against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from diary.actions.diary import reading
from diary.domain import BUILTIN_SYMPTOMS, AlreadySavedError, Session, Symptom
from diary.domain.duplicates import IfSaved, minutes_apart, near_session
from diary.domain.errors import ANY_SAVED
from diary.domain.morning import MorningAfter
from diary.store import Store


@dataclass(frozen=True, slots=True)
class SessionSaved:
    """A saved session and its number among all sessions (from 1, by time)."""

    session: Session
    number: int


@dataclass(frozen=True, slots=True)
class DeletedSession:
    """A deleted session and what went with it that only it held: its morning after (its
    medicines at the session are worked out again from the medicine events when put back)."""

    session: Session
    morning: MorningAfter | None = None


def catalogue(path: Path) -> list[Symptom]:
    """The symptoms a session may rate, read without creating a diary (built-ins if none)."""
    with reading(path) as store:
        return list(BUILTIN_SYMPTOMS) if store is None else store.symptoms()


def _saved(store: Store, session: Session) -> SessionSaved:
    return SessionSaved(session, store.session_numbers()[session.id or 0])


def session_near(store: Store, session: Session) -> Session | None:
    """A saved session (not this one) starting within 30 minutes of it, else None."""
    day = session.started_at.date()
    around = store.sessions_between(day - dt.timedelta(days=1), day + dt.timedelta(days=1))
    return near_session(around, session)


def add_session(
    store: Store, session: Session, if_saved: IfSaved = IfSaved.REFUSE
) -> SessionSaved:
    """Save a new (checked) session with its readings and ratings in one transaction.

    A session starting within 30 minutes of a saved one is refused (AlreadySavedError)
    unless told to replace that one (it is edited into this one, keeping its id) or keep
    both.
    """
    near = None if if_saved == IfSaved.ALSO else session_near(store, session)
    if near is not None:
        if if_saved == IfSaved.REFUSE:
            number = store.session_numbers().get(near.id or 0, "?")
            raise AlreadySavedError(
                f"session #{number} is saved at {near.started_at:%Y-%m-%d %H:%M}, "
                f"{minutes_apart(near, session)} min from this one",
                existing_id=near.id,
            )
        return _saved(store, store.update_session(replace(session, id=near.id)))
    return _saved(store, store.add_session(session))


def save_session(
    store: Store, session: Session, if_saved: IfSaved = IfSaved.REFUSE, *, over: object = ANY_SAVED
) -> SessionSaved:
    """Save a session: a new one (see add_session), or (with an id) the edited one in place.
    An edit form passes over, the session as it showed it: one changed elsewhere since is
    not saved over (ChangedElsewhereError) until the person says to replace it."""
    if session.id is None:
        return add_session(store, session, if_saved)
    return _saved(store, store.update_session(session, over=over))


def delete_session(store: Store, session_id: int) -> DeletedSession:
    """Delete a session with its readings, ratings and morning after; returns what went."""
    session = store.session(session_id)
    morning = store.morning_after(session_id)
    store.delete_session(session_id)
    return DeletedSession(session, morning)


def list_sessions(store: Store) -> list[SessionSaved]:
    """Every session with its number, oldest first."""
    numbers = store.session_numbers()
    return [SessionSaved(s, numbers.get(s.id or 0, 0)) for s in store.sessions_between()]


def session_numbered(store: Store, session_id: int) -> SessionSaved:
    """The session of that id with its number (NotFoundError when there is none)."""
    return _saved(store, store.session(session_id))
