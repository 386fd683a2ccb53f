"""Side effects over a series: per-symptom figures and the severity grid."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from diary.analysis.rounding import mean_of
from diary.analysis.sessions import burden
from diary.analysis.timeline import by_time
from diary.domain import Session, Symptom


def felt_symptoms(sessions: Iterable[Session], symptoms: Iterable[Symptom]) -> list[Symptom]:
    """The symptoms felt (severity >= 1) in any of the sessions, in catalogue order."""
    felt = {r.symptom for s in sessions for r in s.side_effects if r.severity > 0}
    known = [s for s in symptoms if s.key in felt]
    missing = sorted(felt - {s.key for s in known})
    return known + [Symptom(key, key) for key in missing]


@dataclass(frozen=True, slots=True)
class SymptomStats:
    """How one symptom was felt over a set of sessions."""

    key: str
    label: str
    sessions_affected: int
    mean_severity: float | None
    max_severity: int
    early_mean: float | None
    recent_mean: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def symptom_stats(sessions: Iterable[Session], symptoms: Iterable[Symptom]) -> list[SymptomStats]:
    """Per felt symptom: sessions affected, mean and worst severity, early and recent mean
    (the first and the last ceil(n/2) sessions)."""
    ordered = by_time(sessions)
    half = -(-len(ordered) // 2)  # ceil(n / 2): with an odd count the middle one is in both
    stats = []
    for symptom in felt_symptoms(ordered, symptoms):
        levels = [int(s.severity_of(symptom.key)) for s in ordered]
        stats.append(
            SymptomStats(
                key=symptom.key,
                label=symptom.label,
                sessions_affected=sum(1 for level in levels if level >= 1),
                mean_severity=mean_of(levels),
                max_severity=max(levels),
                early_mean=mean_of(levels[:half]),
                recent_mean=mean_of(levels[len(levels) - half :]),
            )
        )
    return stats


@dataclass(frozen=True, slots=True)
class SideEffectGrid:
    """Severity by symptom (rows) and session (columns, oldest first), for a heatmap."""

    sessions: tuple[Session, ...]
    symptoms: tuple[Symptom, ...]
    severities: tuple[tuple[int, ...], ...]  # severities[row][column]

    @property
    def burdens(self) -> tuple[int, ...]:
        return tuple(burden(s) for s in self.sessions)


def side_effect_grid(sessions: Iterable[Session], symptoms: Iterable[Symptom]) -> SideEffectGrid:
    """The severity of every felt symptom in every session (not rated is 0)."""
    ordered = tuple(by_time(sessions))
    rows = tuple(felt_symptoms(ordered, symptoms))
    return SideEffectGrid(
        ordered,
        rows,
        tuple(tuple(int(s.severity_of(row.key)) for s in ordered) for row in rows),
    )
