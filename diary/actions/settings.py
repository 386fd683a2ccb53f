"""Showing and changing the settings: name on reports, country for crisis resources, weight."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from diary.actions.diary import reading, writing
from diary.domain import Settings, ValidationError
from diary.domain import validation as check
from diary.domain.countries import country_code
from diary.store import Store


def report_name(value: str) -> str:
    """The name on reports: one line of printable text up to 200 characters ('' for none)."""
    name = check.text("name", value, check.MAX_SHORT_TEXT, key="name").strip()
    if any(not ch.isprintable() for ch in name):
        raise ValidationError("name", value, "one line of text, or '' for none", key="name")
    return name


def default_weight(value: str) -> float | None:
    """The default weight in kg (20-400), or None for '' (not set)."""
    weight = value.strip()
    if not weight:
        return None
    return check.weight_in_kg(weight, field="default weight in kg")


def changes(name: str | None, country: str | None, weight_kg: str | None) -> dict[str, object]:
    """The checked changes typed (None: not given; '' clears)."""
    found: dict[str, object] = {}
    if name is not None:
        found["name"] = report_name(name)
    if country is not None:
        found["country"] = country_code(country)
    if weight_kg is not None:
        found["default_weight_kg"] = default_weight(weight_kg)
    return found


def edited_changes(shown: Mapping[str, str], typed: Mapping[str, str]) -> dict[str, object]:
    """The checked changes of a settings form: only the fields typed differently from what
    it showed (name, country, weight), so one left as shown keeps what is saved now, even
    when a shell command (`diary settings`) changed it meanwhile."""
    given = {key: value if value != shown[key] else None for key, value in typed.items()}
    return changes(given["name"], given["country"], given["weight"])


def current(path: Path) -> Settings:
    """The settings, read without creating a diary (defaults when there is none)."""
    with reading(path) as store:
        return Settings() if store is None else store.settings()


def update(path: Path, found: dict[str, object]) -> Settings:
    """Save these changes, keeping every other setting; returns the settings now."""
    with writing(path) as store:
        settings = replace(store.settings(), **found)
        store.save_settings(settings)
    return settings


def save_changes(store: Store, found: dict[str, object]) -> Settings:
    """Save these checked changes on an open diary, keeping every other setting."""
    settings = replace(store.settings(), **found)
    store.save_settings(settings)
    return settings
