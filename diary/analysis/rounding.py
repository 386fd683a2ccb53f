"""Exact rounding: every reported mean goes to 2 decimals, halves away from zero."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from diary.domain.numbers import round_half_away


def round_ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator rounded to 2 decimals, halves away from zero, in integers."""
    return round_half_away(Fraction(numerator, denominator), 2)  # denominator > 0


def round_mean(value: Fraction | int | None) -> float | None:
    """A value rounded to 2 decimals, halves away from zero; None stays None."""
    if value is None:
        return None
    exact = Fraction(value)
    return round_ratio(exact.numerator, exact.denominator)


def mean_of(values: Sequence[int]) -> float | None:
    return round_mean(Fraction(sum(values), len(values))) if values else None
