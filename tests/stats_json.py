"""What the summary (`diary stats --json`) says of mood over a range with none logged."""

NO_MOOD = {
    "mean": None,
    "min": None,
    "max": None,
    "first_14_mean": None,
    "last_14_mean": None,
    "anxiety_mean": None,
    "sleep_hours_mean": None,
}
