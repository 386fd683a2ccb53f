"""The built-in symptom catalogue: every side effect the source articles name."""

from __future__ import annotations

import re

from diary.domain.model import Symptom

BUILTIN_SYMPTOMS: tuple[Symptom, ...] = (
    Symptom("dizziness", "Dizziness", builtin=True),
    Symptom("nausea", "Nausea", builtin=True),
    Symptom("vomiting", "Vomiting", builtin=True),
    Symptom("dissociation", "Dissociation", builtin=True),
    Symptom("blurred_vision", "Blurred vision", builtin=True),
    # felt, not measured: so it is never read as a blood pressure reading
    Symptom("high_blood_pressure", "Felt high blood pressure (self-rated)", builtin=True),
    Symptom("anxiety", "Anxiety", builtin=True),
    Symptom("confusion", "Confusion", builtin=True),
    Symptom("floating_sensation", "Floating sensation", builtin=True),
    Symptom("hallucinations", "Hallucinations", builtin=True),
    Symptom("grogginess", "Grogginess / drowsiness", builtin=True),
)


def symptom_key(label: str) -> str:
    """The stable key of a symptom label: lower case, words joined by underscores."""
    return re.sub(r"[^\w]+", "_", label.strip().casefold()).strip("_")
