"""A dose given three ways (mg, mg/kg, weight) must agree: the check on save, and what a
form does when one of the three is typed so they keep agreeing."""

from __future__ import annotations

from diary.domain.errors import ValidationError

DOSE_TOLERANCE = 0.01  # mg, mg/kg and weight may differ by rounding, not by more than 1%


def doses_agree(dose_mg: float, per_kg: float, weight: float) -> bool:
    """True when dose_mg is per_kg x weight within DOSE_TOLERANCE."""
    return abs(per_kg * weight - dose_mg) <= DOSE_TOLERANCE * dose_mg


def check_dose_agreement(
    dose_mg: float | None, per_kg: float | None, weight: float | None
) -> None:
    """Refuse a dose in mg that mg/kg at the weight contradicts (one line naming all three)."""
    if dose_mg is None or per_kg is None or weight is None:
        return
    if not doses_agree(dose_mg, per_kg, weight):
        raise ValidationError(
            "dose in mg",
            f"{dose_mg:g}",
            f"{per_kg * weight:g} mg, as dose in mg/kg {per_kg:g} at weight {weight:g} kg "
            "gives (more than 1% apart); change one, or leave mg/kg or weight out",
            key="dose_mg",
        )


def dose_figure(value: float) -> str:
    """A dose as recorded, every decimal kept (0.375 mg/kg, 12.345 mg) and no trailing
    zeros: a dose is never rounded to the 2 decimals a mean is shown with."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def positive(text: str) -> float | None:
    """The number typed, when it is one above 0; else None."""
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return number if number > 0 else None


def keep_agreeing(typed: str, mg: str, per_kg: str, weight: str) -> tuple[str, str, str] | None:
    """After typing into field `typed` (dose_mg, dose_mg_per_kg or weight_kg): None when the
    three agree (or are not all given), else (field to set, its new text, a line saying so).
    A new mg clears a contradicting mg/kg; a new mg/kg or weight works the mg out again."""
    dose, rate, kg = positive(mg), positive(per_kg), positive(weight)
    if dose is None or rate is None or kg is None or doses_agree(dose, rate, kg):
        return None
    if typed == "dose_mg":
        return (
            "dose_mg_per_kg",
            "",
            f"mg/kg cleared: {rate:g} mg/kg at {kg:g} kg is {rate * kg:g} mg, not the mg typed.",
        )
    worked_out = round(rate * kg, 1)
    return (
        "dose_mg",
        f"{worked_out:g}",
        f"Dose mg worked out: {rate:g} mg/kg × {kg:g} kg = {worked_out:g} mg.",
    )
