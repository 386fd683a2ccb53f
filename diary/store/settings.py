"""Settings (`settings`): one key and text value a row; keys the diary does not know are kept."""

from __future__ import annotations

from diary.domain import Settings
from diary.store.connection import Connected
from diary.store.decoding import decoded


class SettingsRecords(Connected):
    """Reading and saving the person's settings."""

    def settings(self) -> Settings:
        values = {}
        for row_id, *row in self._rows("SELECT rowid, key, value FROM settings"):
            setting = decoded("settings", row_id, ("key", "value"), row)
            values[setting["key"]] = setting["value"]
        weight = values.pop("default_weight_kg", None)
        return Settings(
            name=values.pop("name", ""),
            country=values.pop("country", ""),
            default_weight_kg=float(weight) if weight else None,
            units=values.pop("units", "metric"),
            extra=values,
        )

    def save_settings(self, settings: Settings) -> None:
        """Replace every setting with these, in one transaction."""
        values = {
            **settings.extra,
            "name": settings.name,
            "country": settings.country,
            "units": settings.units,
        }
        if settings.default_weight_kg is not None:
            values["default_weight_kg"] = repr(settings.default_weight_kg)
        with self.transaction() as db:
            db.execute("DELETE FROM settings")
            db.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", values.items())
