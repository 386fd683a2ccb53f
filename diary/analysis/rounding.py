"""Exact rounding: every reported mean goes to 2 decimals, halves away from zero."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def round_ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator rounded to 2 decimals, halves away from zero, in integers."""
    hundredths = (200 * abs(numerator) + denominator) // (2 * denominator)  # denominator > 0
    if hundredths == 0:
        return 0.0
    return (hundredths if numerator > 0 else -hundredths) / 100


def round_mean(value: Fraction | int | None) -> float | None:
    """A value rounded to 2 decimals, halves away from zero; None stays None."""
    if value is None:
        return None
    exact = Fraction(value)
    return round_ratio(exact.numerator, exact.denominator)


def mean_of(values: Sequence[int]) -> float | None:
    return round_mean(Fraction(sum(values), len(values))) if values else None
