"""The person's own symptoms: add one, hide or show any (hidden ones keep their history)."""

from __future__ import annotations

from diary.domain import Symptom
from diary.domain import validation as check
from diary.store import Store


def add_symptom(store: Store, label: str) -> Symptom:
    """Add a symptom by its label (1-60 characters with a letter or digit)."""
    return store.add_symptom(check.symptom_label(label))


def symptom_labels(store: Store) -> dict[str, str]:
    """Each symptom's label by its key, hidden ones too (old sessions still name them)."""
    return {symptom.key: symptom.label for symptom in store.symptoms()}


def set_hidden(store: Store, key: str, hidden: bool) -> None:
    store.set_symptom_hidden(key, hidden)
