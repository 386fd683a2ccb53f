"""Saving, editing and deleting sessions; the symptom list a new session is checked against."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import reading
from diary.domain import BUILTIN_SYMPTOMS, Session, Symptom
from diary.store import Store


@dataclass(frozen=True, slots=True)
class SessionSaved:
    """A saved session and its number among all sessions (from 1, by time)."""

    session: Session
    number: int


def catalogue(path: Path) -> list[Symptom]:
    """The symptoms a session may rate, read without creating a diary (built-ins if none)."""
    with reading(path) as store:
        return list(BUILTIN_SYMPTOMS) if store is None else store.symptoms()


def _saved(store: Store, session: Session) -> SessionSaved:
    return SessionSaved(session, store.session_numbers()[session.id or 0])


def add_session(store: Store, session: Session) -> SessionSaved:
    """Save a new (checked) session with its readings and ratings in one transaction."""
    return _saved(store, store.add_session(session))


def save_session(store: Store, session: Session) -> SessionSaved:
    """Save a session: a new one, or (with an id) the edited one in place."""
    if session.id is None:
        return add_session(store, session)
    return _saved(store, store.update_session(session))


def delete_session(store: Store, session_id: int) -> Session:
    """Delete a session with its readings and ratings; returns what was deleted."""
    session = store.session(session_id)
    store.delete_session(session_id)
    return session
