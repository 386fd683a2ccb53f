"""The built-in symptom catalogue as keys and labels: every side effect the source articles
name. Plain pairs, so a new diary file's tables can be written without the record types."""

BUILTIN_SYMPTOM_LABELS: tuple[tuple[str, str], ...] = (
    ("dizziness", "Dizziness"),
    ("nausea", "Nausea"),
    ("vomiting", "Vomiting"),
    ("dissociation", "Dissociation"),
    ("blurred_vision", "Blurred vision"),
    # felt, not measured: so it is never read as a blood pressure reading
    ("high_blood_pressure", "Felt high blood pressure (self-rated)"),
    ("anxiety", "Anxiety"),
    ("confusion", "Confusion"),
    ("floating_sensation", "Floating sensation"),
    ("hallucinations", "Hallucinations"),
    ("grogginess", "Grogginess / drowsiness"),
)
