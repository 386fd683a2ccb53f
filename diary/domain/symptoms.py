"""The built-in symptom catalogue: every side effect the source articles name."""

from __future__ import annotations

import re

from diary.domain.catalogue import BUILTIN_SYMPTOM_LABELS
from diary.domain.model import Symptom

BUILTIN_SYMPTOMS: tuple[Symptom, ...] = tuple(
    Symptom(key, label, builtin=True) for key, label in BUILTIN_SYMPTOM_LABELS
)


def symptom_key(label: str) -> str:
    """The stable key of a symptom label: lower case, words joined by underscores."""
    return re.sub(r"[^\w]+", "_", label.strip().casefold()).strip("_")
