"""The session form's clinic part: nasal devices beside the dose, and a collapsible "What
the clinic recorded" (lot, minutes observed, what the clinic noted, who took them home)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Collapsible, Input, Label, Select, Static

from diary.domain import Route, Session
from diary.domain.clinic import ClinicTexts
from diary.domain.model import CLINIC_NOTED, MG_PER_DEVICE, Told
from diary.tui.screens.session_fields import number_text
from diary.tui.widgets.control_pictures import ControlPictures
from diary.tui.widgets.field_error import FieldError
from diary.tui.widgets.text_field import TextField

CLINIC_FIELDS = ("lot", "home_with", "observed_min", "ready_after_min")
# the error keys shown inside the section: opening it when one of them is bad
CLINIC_ERRORS = (*CLINIC_FIELDS, "clinic_noted")
# "not told" first: what a new session holds until the person says otherwise
TOLD_CHOICES = [(told.value, told.value) for told in (Told.NOT_TOLD, Told.YES, Told.NO)]


class DevicesRow(Horizontal):
    """Nasal spray devices used: shown for the nasal route, or while it holds a number."""

    def compose(self) -> ComposeResult:
        yield Label("Nasal devices", classes="inline-label")
        yield TextField(compact=True, id="devices", classes="tiny")
        yield Label(f"× {MG_PER_DEVICE:g} mg each", classes="hint")

    def show_for(self, route: object) -> None:
        typed = self.query_one("#devices", Input).value.strip()
        self.display = route == Route.INTRANASAL.value or bool(typed)


def recorded(session: Session | None) -> bool:
    """True when the session holds something the section shows (it then opens expanded)."""
    if session is None:
        return False
    return bool(
        session.lot
        or session.home_with
        or session.observed_min is not None
        or session.ready_after_min is not None
        or any(session.noted(what) != Told.NOT_TOLD for what in CLINIC_NOTED)
    )


class ClinicRecord(Collapsible):
    """Lot, minutes observed and until ready to leave, what the clinic noted about
    sedation, dissociation and breathing (yes, no or not told: what the person was told,
    never a rating of their own), and who took them home."""

    def __init__(self, *, collapsed: bool = True) -> None:
        super().__init__(
            *self._rows(),
            title="What the clinic recorded  (lot, observation, what it noted, home with)",
            collapsed=collapsed,
            id="clinic-record",
        )

    @staticmethod
    def _rows() -> list[Horizontal | Static]:
        def row(*fields: tuple[str, str, str]) -> Horizontal:
            """A row of labelled fields, each given as (label, id, width class)."""
            widgets: list[Label | TextField] = []
            for label, id, classes in fields:
                widgets.append(Label(label, classes="inline-label"))
                widgets.append(
                    TextField(compact=True, id=id, classes=classes, highlighter=ControlPictures())
                )
            return Horizontal(*widgets, classes="clinic-row")

        rows: list[Horizontal | Static] = [
            row(("Lot number", "lot", "medium"), ("Home with", "home_with", "wide")),
            row(
                ("Observed min", "observed_min", "tiny"),
                ("Ready to leave after min", "ready_after_min", "tiny"),
            ),
            Static(
                "The clinic noted  "
                "[$diary-hint]what you were told; not told when it did not say[/]",
                classes="told-title",
            ),
        ]
        for what in CLINIC_NOTED:
            rows.append(
                Horizontal(
                    Label(what.capitalize(), classes="inline-label told-label"),
                    Select(
                        TOLD_CHOICES,
                        id=f"noted-{what}",
                        allow_blank=False,
                        value=Told.NOT_TOLD.value,
                        compact=True,
                        classes="told",
                    ),
                    classes="told-row",
                )
            )
        rows += [FieldError(key) for key in CLINIC_ERRORS]
        return rows

    def fill(self, session: Session) -> None:
        """Show what the session holds of the clinic's record."""
        self.query_one("#lot", Input).value = session.lot
        self.query_one("#home_with", Input).value = session.home_with
        self.query_one("#observed_min", Input).value = number_text(session.observed_min)
        self.query_one("#ready_after_min", Input).value = number_text(session.ready_after_min)
        for what in CLINIC_NOTED:
            self.query_one(f"#noted-{what}", Select).value = session.noted(what).value

    def texts(self, devices: str) -> ClinicTexts:
        """The section as typed, with the devices typed beside the dose: every field given
        (an empty one clears what was saved, as the form shows all of them)."""

        def value(field: str) -> str:
            return self.query_one(f"#{field}", Input).value

        return ClinicTexts(
            lot=value("lot"),
            observed_min=value("observed_min"),
            ready_after_min=value("ready_after_min"),
            home_with=value("home_with"),
            devices=devices,
            noted={w: str(self.query_one(f"#noted-{w}", Select).value) for w in CLINIC_NOTED},
        )
