"""Settings (`settings`): one key and text value a row; keys the diary does not know are kept."""

from __future__ import annotations

from diary import domain
from diary.store.connection import Connected
from diary.store.decoding import decoded

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.domain import Settings


class SettingsRecords(Connected):
    """Reading and saving the person's settings."""

    def settings(self) -> Settings:
        values = {}
        for row_id, *row in self._rows("SELECT rowid, key, value FROM settings"):
            setting = decoded("settings", row_id, ("key", "value"), row)
            values[setting["key"]] = setting["value"]
        weight = values.pop("default_weight_kg", None)
        return domain.Settings(
            name=values.pop("name", ""),
            country=values.pop("country", ""),
            default_weight_kg=float(weight) if weight else None,
            units=values.pop("units", "metric"),
            extra=values,
        )

    def setting(self, key: str) -> str | None:
        """One setting's text, None when it is not set: read without making the Settings
        record (the app's theme, before its first frame)."""
        rows = self._rows("SELECT rowid, key, value FROM settings WHERE key = ?", [key])
        if not rows:
            return None
        row_id, *row = rows[0]
        return decoded("settings", row_id, ("key", "value"), row)["value"]

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
