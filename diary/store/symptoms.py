"""The symptom catalogue (`symptoms`): the built-in side effects and the person's own."""

from __future__ import annotations

from diary import domain
from diary.domain import NotFoundError, ValidationError
from diary.store.connection import Connected
from diary.store.decoding import decoded

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.domain import Symptom


class SymptomRecords(Connected):
    """Reading the catalogue, adding a symptom of one's own, hiding and showing one."""

    def symptoms(self, *, include_hidden: bool = True) -> list[Symptom]:
        """The catalogue in display order: built-in symptoms first, then the person's own."""
        rows = self._rows(
            "SELECT rowid, key, label, builtin, hidden FROM symptoms ORDER BY position, key"
        )
        # a built-in symptom is labelled as the catalogue labels it now (a diary made before
        # a label changed keeps its old text in the table)
        builtin = {s.key: s.label for s in domain.BUILTIN_SYMPTOMS}
        found = []
        for row_id, *row in rows:
            v = decoded("symptoms", row_id, ("key", "label", "builtin", "hidden"), row)
            label = builtin.get(v["key"], v["label"]) if v["builtin"] else v["label"]
            found.append(domain.Symptom(v["key"], label, v["builtin"], v["hidden"]))
        return found if include_hidden else [s for s in found if not s.hidden]

    def add_symptom(self, label: str) -> Symptom:
        """Add a custom symptom; its key comes from the label."""
        key = domain.symptom_key(label)
        if not key:
            raise ValidationError("symptom label", label, "a label with a letter or digit")
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM symptoms WHERE key = ?", (key,)).fetchone():
                raise ValidationError("symptom label", label, "a name not already in the list")
            position = db.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM symptoms"
            ).fetchone()
            db.execute(
                "INSERT INTO symptoms (key, label, builtin, hidden, position) "
                "VALUES (?, ?, 0, 0, ?)",
                (key, label, position[0]),
            )
        return domain.Symptom(key, label, builtin=False, hidden=False)

    def set_symptom_hidden(self, key: str, hidden: bool) -> None:
        with self.transaction() as db:
            if not db.execute(
                "UPDATE symptoms SET hidden = ? WHERE key = ?", (int(hidden), key)
            ).rowcount:
                raise NotFoundError(f"symptom {key!r} does not exist")
