"""Exact rounding with halves away from zero: the one rule for every figure the diary shows."""

from __future__ import annotations

from fractions import Fraction


def round_half_away(value: Fraction | int, places: int = 2) -> float:
    """value rounded to `places` decimals, halves away from zero, worked out in integers."""
    exact = Fraction(value)
    scale = 10**places
    units = (2 * scale * abs(exact.numerator) + exact.denominator) // (2 * exact.denominator)
    if units == 0:
        return 0.0
    return (units if exact > 0 else -units) / scale


def exact(number: float) -> Fraction:
    """A typed decimal (a float from 70.5 or 0.55) as the exact value it was typed as."""
    return Fraction(str(number))
