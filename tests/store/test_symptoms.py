"""The symptom catalogue: adding one's own, hiding and showing."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.domain import (
    BUILTIN_SYMPTOMS,
    NotFoundError,
    Route,
    Session,
    Severity,
    SideEffectRating,
    Symptom,
)
from diary.store import Store
from tests.store.conftest import UTC


def test_custom_symptom_add_hide_and_use(store: Store) -> None:
    headache = store.add_symptom("Taste change")
    assert headache == Symptom("taste_change", "Taste change")
    keys = [s.key for s in store.symptoms()]
    assert keys == [s.key for s in BUILTIN_SYMPTOMS] + ["taste_change"]
    store.set_symptom_hidden("nausea", True)
    visible = [s.key for s in store.symptoms(include_hidden=False)]
    assert "nausea" not in visible
    assert "taste_change" in visible
    assert next(s for s in store.symptoms() if s.key == "nausea").hidden
    saved = store.add_session(
        Session(
            dt.datetime(2026, 11, 19, 10, tzinfo=UTC),
            Route.ORAL,
            side_effects=(SideEffectRating("taste_change", Severity.MILD),),
        )
    )
    assert store.session(saved.id).side_effects[0].symptom == "taste_change"
    with pytest.raises(Exception, match="a name not already in the list"):
        store.add_symptom("taste change")
    with pytest.raises(NotFoundError):
        store.set_symptom_hidden("no_such", True)
    store.set_symptom_hidden("nausea", False)
    assert "nausea" in [s.key for s in store.symptoms(include_hidden=False)]
