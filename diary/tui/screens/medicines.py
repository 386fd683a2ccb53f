"""Medicines: what is taken today, every start, change and stop, and a form to record one.

A record only, as `diary med` is: no warnings about combinations and no advice.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Header, Input, Label, Select, Static

from diary import clock
from diary.actions.medicines import (
    medicine_history,
    medicines_taken,
    new_medicine_event,
    save_medicine_event,
)
from diary.domain import DiaryError
from diary.domain.medicines import MedicineChange, MedicineClass
from diary.domain.text import shown
from diary.tui.screens.form import SavingForm, save_row
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.scroll_body import ScrollBody
from diary.tui.widgets.text_field import TextField

WHAT = [
    ("Started (a new medicine)", MedicineChange.START),
    ("Changed (dose or schedule)", MedicineChange.CHANGE),
    ("Stopped", MedicineChange.STOP),
]
CLASSES = [(medicine_class.label, medicine_class) for medicine_class in MedicineClass]
FIELDS = (
    ("name", "Medicine", "e.g. sertraline"),
    ("dose", "Dose", "e.g. 50 (not needed to stop)"),
    ("unit", "Unit", "e.g. mg"),
    ("schedule", "Schedule", "e.g. 1 daily (optional)"),
    ("day", "On day", "today, yesterday or YYYY-MM-DD"),
)
# what each kind of event asks for: a stop needs only the name and the day
NEEDS = {
    MedicineChange.START: {"name", "dose", "unit", "schedule", "day", "class"},
    MedicineChange.CHANGE: {"name", "dose", "unit", "schedule", "day"},
    MedicineChange.STOP: {"name", "day"},
}
ROWS = (*(key for key, _, _ in FIELDS), "class")


def _choice_row(
    label: str, options: list, select_id: str, value: object, row_id: str | None = None
) -> Horizontal:
    """A labelled row with a drop-down of options, value chosen at first."""
    return Horizontal(
        Label(f"{label:<10}", classes="inline-label"),
        Select(options, id=select_id, value=value, allow_blank=False, compact=True),
        classes="form-row",
        id=row_id,
    )


class MedicinesScreen(SavingForm):
    """Other medicines as dated events; ctrl+s saves the one typed (as `diary med` does)."""

    WORK = "the medicine typed"

    def compose(self) -> ComposeResult:
        yield Header()
        with ScrollBody(id="medicines-body"):
            yield Static("Medicines", classes="screen-title")
            yield Static(
                "Other medicines, as you record them. A record only: no warnings, no advice.",
                classes="dim",
            )
            yield Static("", id="medicines-current")
            yield Static("", id="medicines-history")
            yield Static("Record a start, change or stop", classes="field-label")
            yield _choice_row("What", WHAT, "med-what", MedicineChange.START)
            for key, label, placeholder in FIELDS:
                with Horizontal(classes="form-row", id=f"row-{key}"):
                    yield Label(f"{label:<10}", classes="inline-label")
                    yield TextField(
                        id=f"med-{key}", placeholder=placeholder, classes="wide", compact=True
                    )
            yield _choice_row("Class", CLASSES, "med-class", MedicineClass.OTHER, "row-class")
            yield Static("", id="medicines-error", classes="field-error")
            yield save_row()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#medicines-error").display = False
        self._show_rows(MedicineChange.START)
        self.reload()
        self.query_one("#med-what", Select).focus()

    def reload(self) -> None:
        """Show what is taken today and every event, from the diary."""
        today = clock.today()
        taken = medicines_taken(self.app.store, today)
        current = [f"[b]Taken today ({today:%d %b %Y})[/b]"]
        current += [f"  {shown(m.text)} ({m.med_class.label})" for m in taken] or ["  none"]
        self.query_one("#medicines-current", Static).update("\n".join(current))
        events = medicine_history(self.app.store)
        lines = ["[b]Every start, change and stop[/b]"]
        lines += [
            f"  {event.day:%Y-%m-%d}  {event.change.value:<6}  {shown(event.name)}"
            + (f" {event.dose:g} {shown(event.unit)}".rstrip() if event.dose is not None else "")
            for event in reversed(events)
        ] or ["  none recorded yet"]
        self.query_one("#medicines-history", Static).update("\n".join(lines))

    def _what(self) -> MedicineChange:
        return MedicineChange(self.query_one("#med-what", Select).value)

    def _show_rows(self, what: MedicineChange) -> None:
        for key in ROWS:
            self.query_one(f"#row-{key}").display = key in NEEDS[what]

    @on(Select.Changed, "#med-what")
    def _what_changed(self, event: Select.Changed) -> None:
        self._show_rows(MedicineChange(event.value))

    def _typed(self) -> dict[str, str]:
        return {key: self.query_one(f"#med-{key}", Input).value for key, _, _ in FIELDS}

    def has_unsaved_changes(self) -> bool:
        return any(value.strip() for value in self._typed().values())

    def discard_form(self) -> None:
        for key, _, _ in FIELDS:
            self.query_one(f"#med-{key}", Input).value = ""

    def save_form(self) -> bool:
        what, typed = self._what(), self._typed()
        error = self.query_one("#medicines-error", Static)
        wanted = NEEDS[what]
        try:
            event = new_medicine_event(
                what,
                typed["name"],
                day=typed["day"].strip() or "today",
                today=clock.today(),
                dose=(typed["dose"].strip() or None) if "dose" in wanted else None,
                unit=typed["unit"].strip() if "unit" in wanted else "",
                schedule=typed["schedule"].strip() if "schedule" in wanted else "",
                med_class=self.query_one("#med-class", Select).value
                if "class" in wanted
                else MedicineClass.OTHER,
            )
            saved = save_medicine_event(self.app.store, event)
        except DiaryError as problem:
            # the reason names the field in words and quotes what was typed: not markup
            error.update(Text(shown(str(problem), one_line=True)))
            error.display = True
            return False
        error.display = False
        self.discard_form()
        self.reload()
        self.notify(
            f"Saved: {shown(saved.event.name)} {saved.event.change.value} "
            f"on {saved.event.day:%d %b %Y}."
        )
        return True
