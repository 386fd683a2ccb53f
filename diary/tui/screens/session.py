"""Record a new session or edit one: details, blood pressure, a symptom grid, notes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Header, Input, Label, Select, Static, TextArea

from diary import clock
from diary.actions.sessions import save_session
from diary.domain import (
    AlreadySavedError,
    DiaryError,
    Phase,
    Route,
    Session,
    Severity,
    Symptom,
    ValidationError,
    VitalLabel,
)
from diary.domain.clinic import dose_for_devices
from diary.domain.doses import keep_agreeing
from diary.domain.duplicates import IfSaved
from diary.domain.errors import ANY_SAVED, ChangedElsewhereError
from diary.domain.forms import SessionTexts, SymptomTexts, VitalTexts, session_from_texts
from diary.domain.mood import given
from diary.tui.screens.changed import (
    SESSION_CHANGED,
    SESSION_KEPT,
    ask_delete_session,
    ask_replace,
)
from diary.tui.screens.form import FormScreen
from diary.tui.screens.session_clinic import (
    CLINIC_ERRORS,
    CLINIC_FIELDS,
    ClinicRecord,
    DevicesRow,
    recorded,
)
from diary.tui.screens.session_fields import (
    DETAIL_FIELDS,
    DOSE_FIELDS,
    VITAL_ROWS,
    blood_pressure_rows,
    bp_flag,
    error_lines,
    number_text,
    symptom_rows,
    typed_reading,
)
from diary.tui.widgets.control_pictures import ControlPictures
from diary.tui.widgets.field_error import FieldError
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.number_field import NumberField
from diary.tui.widgets.plain_text import NoteArea
from diary.tui.widgets.scroll_body import ScrollBody
from diary.tui.widgets.severity_picker import SeverityPicker
from diary.tui.widgets.text_field import TextField


class SessionScreen(FormScreen):
    """New session (prefilled from the last one) or, given an id, an existing one to edit."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+d", "delete", "Delete session", priority=True),  # Inputs bind ctrl+d too
    ]
    WORK = "this session form"
    # focused as the form is built, not later from on_mount: keys typed at once land there
    AUTO_FOCUS = "#at"

    def __init__(self, session_id: int | None = None) -> None:
        super().__init__()
        self.session_id = session_id
        self.symptoms: list[Symptom] = []
        self._opened_with: SessionTexts | None = None
        self._shown: Session | None = None  # the saved session the edit form was filled from

    # --- building the form ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        store = self.app.store
        existing = None if self.session_id is None else store.session(self.session_id)
        rated = {r.symptom for r in existing.side_effects} if existing else set()
        self.symptoms = [s for s in store.symptoms() if not s.hidden or s.key in rated]
        title = "New session"
        if existing is not None:
            number = store.session_numbers().get(existing.id or 0, "?")
            title = f"Session #{number} · {existing.started_at:%A %d %B %Y} · edit"
        yield Header()
        with ScrollBody(id="session-body"):
            yield Static(title, id="session-title", classes="screen-title")
            with Horizontal(classes="form-row"):
                yield Label("Date & time", classes="inline-label")
                yield TextField(
                    compact=True, id="at", classes="medium", placeholder="YYYY-MM-DD HH:MM"
                )
                yield Label("Route", classes="inline-label")
                yield Select(
                    [(r.label, r.value) for r in Route],
                    id="route",
                    allow_blank=False,
                    value=Route.IV.value,
                    classes="medium",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label("Dose mg", classes="inline-label")
                yield TextField(compact=True, id="dose_mg", classes="short")
                yield Label("or mg/kg", classes="inline-label")
                yield TextField(compact=True, id="dose_mg_per_kg", classes="short")
                yield Label("Weight kg", classes="inline-label")
                yield TextField(compact=True, id="weight_kg", classes="short")
            yield DevicesRow(id="devices-row", classes="form-row")
            with Horizontal(classes="form-row"):
                yield Label("Minutes", classes="inline-label")
                yield TextField(compact=True, id="duration_min", classes="short")
                yield Label("Phase", classes="inline-label")
                yield Select(
                    [(p.value.capitalize(), p.value) for p in Phase],
                    id="phase",
                    prompt="(optional)",
                    classes="medium",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label("Clinic", classes="inline-label")
                yield TextField(
                    compact=True, id="clinic", classes="wide", highlighter=ControlPictures()
                )
            yield Static("", id="dose-hint", classes="hint")
            for field in DETAIL_FIELDS:
                yield FieldError(field)

            yield Static(
                "Blood pressure  [$diary-hint]systolic / diastolic / heart rate; marked: "
                "▲ pre-dose "
                "above 140/90, ↑ rise over 40/25, ‼ 180/120 or more[/]",
                classes="section-title",
            )
            yield from blood_pressure_rows()

            yield Static(
                "Side effects  [$diary-hint]0 none · 1 mild · 2 moderate · 3 severe; "
                "digits or ←/→ "
                "set, ↑/↓ move; onset and minutes it lasted are optional[/]",
                classes="section-title",
            )
            yield from symptom_rows(self.symptoms)

            yield ClinicRecord(collapsed=not recorded(existing))
            yield Static("Notes", classes="section-title")
            yield NoteArea(id="note", classes="note")  # draws ESC as a symbol, never raw
            yield FieldError("note")
            yield FieldError("form")
            with Horizontal(classes="form-row"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Back (esc)", id="back", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        store = self.app.store
        if self.session_id is not None:
            self._shown = store.session(self.session_id)
            self._fill(self._shown, with_time=True)
        else:
            last = store.last_session()
            weight = store.settings().default_weight_kg
            self._fill(last, with_time=False, weight=weight)
        for error in self.query(".field-error, #dose-hint"):
            error.display = False
        self.query_one(DevicesRow).show_for(self.query_one("#route", Select).value)
        at = self.query_one("#at", Input)
        at.cursor_position = len(at.value)
        self._opened_with = self._texts()

    def _fill(self, session: Session | None, *, with_time: bool, weight: float | None = None):
        """Fill the form from a session: all of it when editing, the usual parts when new."""
        at = session.started_at if with_time and session else clock.now()
        self.query_one("#at", Input).value = at.strftime("%Y-%m-%d %H:%M")
        if session is None:
            self.query_one("#weight_kg", Input).value = number_text(weight)
            self._refresh_symptom_rows()
            return
        self.query_one("#route", Select).value = session.route.value
        if session.phase is not None:
            self.query_one("#phase", Select).value = session.phase.value
        self.query_one("#dose_mg", Input).value = number_text(session.dose_mg)
        self.query_one("#dose_mg_per_kg", Input).value = number_text(session.dose_mg_per_kg)
        self.query_one("#weight_kg", Input).value = number_text(session.weight_kg or weight)
        self.query_one("#duration_min", Input).value = number_text(session.duration_min)
        self.query_one("#clinic", Input).value = session.clinic
        self.query_one("#devices", Input).value = number_text(session.devices)  # a dose too
        if with_time:
            self.query_one(ClinicRecord).fill(session)
            for label in VITAL_ROWS:
                reading = session.vital(label)
                if reading is not None:
                    self.query_one(f"#sys-{label.value}", Input).value = str(reading.systolic)
                    self.query_one(f"#dia-{label.value}", Input).value = str(reading.diastolic)
                    self.query_one(f"#hr-{label.value}", Input).value = number_text(
                        reading.heart_rate
                    )
            ratings = {r.symptom: r for r in session.side_effects}
            for index, symptom in enumerate(self.symptoms):
                rating = ratings.get(symptom.key)
                if rating is not None:
                    self.query_one(f"#sev-{index}", SeverityPicker).severity = rating.severity
                    onset = self.query_one(f"#onset-{index}", NumberField)
                    onset.value = number_text(rating.onset_min)
                    lasted = self.query_one(f"#lasted-{index}", NumberField)
                    lasted.value = number_text(rating.duration_min)
            self.query_one("#note", TextArea).text = session.note
        self._refresh_symptom_rows()

    def _refresh_symptom_rows(self) -> None:
        for index in range(len(self.symptoms)):
            severity = self.query_one(f"#sev-{index}", SeverityPicker).severity
            for kind in ("onset", "lasted"):
                field = self.query_one(f"#{kind}-{index}", NumberField)
                field.display = severity > 0 or bool(field.value)

    # --- reacting ------------------------------------------------------------------------

    def on_severity_picker_changed(self, event: SeverityPicker.Changed) -> None:
        self._refresh_symptom_rows()

    @on(Select.Changed, "#route")
    def _route_changed(self, event: Select.Changed) -> None:
        self.query_one(DevicesRow).show_for(event.value)

    @on(Input.Changed, "#dose_mg, #dose_mg_per_kg, #weight_kg, #devices")
    def _dose_changed(self, event: Input.Changed) -> None:
        """Keep mg, mg/kg and weight agreeing as one of them is typed, and the mg with the
        nasal devices as they are typed, saying so."""
        if self._opened_with is None or not event.input.has_focus:
            return  # filled in by the form itself, not typed
        typed, lines = event.input.id or "", []
        if typed == "devices":
            dose = self.query_one("#dose_mg", Input)
            worked_out = dose_for_devices(event.value, dose.value)
            if worked_out is None:
                return
            dose.value, line = worked_out
            typed, lines = "dose_mg", [line]
        values = [self.query_one(f"#{f}", Input).value for f in DOSE_FIELDS]
        change = keep_agreeing(typed, *values)
        if change is not None:
            field, text, line = change
            self.query_one(f"#{field}", Input).value = text
            lines.append(line)
        if lines:
            hint = self.query_one("#dose-hint", Static)
            hint.update(" ".join(lines))
            hint.display = True

    @on(Input.Changed, ".pressure")
    def _pressure_changed(self, event: Input.Changed) -> None:
        for label in VITAL_ROWS:  # a new pre-dose reading changes the others' rise too
            self._show_bp_flag(label.value)

    def _show_bp_flag(self, label: str) -> None:
        flag = bp_flag(typed_reading(self, label), typed_reading(self, VitalLabel.PRE.value))
        self.query_one(f"#flag-{label}", Static).update(flag)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "back":
            self.app.leave_with([self], self.go_back)

    # --- actions -------------------------------------------------------------------------

    def _texts(self) -> SessionTexts:
        def value(field: str) -> str:
            return self.query_one(f"#{field}", Input).value

        return SessionTexts(
            at=value("at"),
            route=str(self.query_one("#route", Select).value),
            dose_mg=given(value("dose_mg")),
            dose_mg_per_kg=given(value("dose_mg_per_kg")),
            weight_kg=given(value("weight_kg")),
            duration_min=given(value("duration_min")),
            phase=phase
            if isinstance(phase := self.query_one("#phase", Select).value, str)
            else None,
            clinic=value("clinic"),
            note=self.query_one("#note", TextArea).text,
            record=self.query_one(ClinicRecord).texts(value("devices")),
            vitals=[
                VitalTexts(
                    label, *(value(f"{part}-{label.value}") for part in ("sys", "dia", "hr"))
                )
                for label in VITAL_ROWS
            ],
            symptoms=[
                SymptomTexts(
                    s.key,
                    Severity(self.query_one(f"#sev-{i}", SeverityPicker).severity),
                    given(self.query_one(f"#onset-{i}", NumberField).value),
                    given(self.query_one(f"#lasted-{i}", NumberField).value),
                )
                for i, s in enumerate(self.symptoms)
            ],
        )

    def _show_errors(self, errors: dict[str, ValidationError]) -> None:
        shown = error_lines(errors, self.symptoms)
        for error in self.query(FieldError):
            error.update(Text(shown.get(error.field, "")))  # quotes what was typed: not markup
            error.display = error.field in shown
        for field in (*DETAIL_FIELDS, *CLINIC_FIELDS):
            self.query_one(f"#{field}").set_class(field in shown, "-invalid")
        if shown.keys() & set(CLINIC_ERRORS):
            self.query_one(ClinicRecord).collapsed = False
        first = next(iter(shown), None)
        if first is not None:
            self.query_one(f"#error-{first}", FieldError).scroll_visible()

    def action_save(self) -> None:
        saved = self._save(then=self.dismiss)
        if saved is not None:
            self.dismiss(saved)

    def save_form(self) -> bool:
        return self._save() is not None

    def _save(self, if_saved: IfSaved = IfSaved.REFUSE, then=None) -> int | None:  # type: ignore[no-untyped-def]
        """Save the form as one session; its id, or None with the errors shown. An edit of
        a session changed elsewhere since it showed replaces it only with if_saved REPLACE."""
        store = self.app.store
        saved = None if self.session_id is None else store.session(self.session_id)
        session, errors = session_from_texts(
            self._texts(),
            clock.now(),
            store.symptoms(),
            session_id=self.session_id,
            saved=saved,
        )
        self._show_errors(errors.by_key)
        if session is None:
            self.notify("Not saved: fix the fields marked in the form.", severity="error")
            return None
        over = ANY_SAVED if if_saved is IfSaved.REPLACE or self._shown is None else self._shown
        try:
            done = save_session(store, session, if_saved, over=over)
        except AlreadySavedError as error:
            self._ask_already_saved(str(error), then)
            return None
        except ChangedElsewhereError:
            replace = lambda: self._save_then(IfSaved.REPLACE, then)  # noqa: E731
            ask_replace(self, SESSION_CHANGED, replace, SESSION_KEPT)
            return None
        except DiaryError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return None
        self.notify(f"Session #{done.number} saved ({done.session.started_at:%d %b %H:%M}).")
        self.session_id = done.session.id  # saving again edits it, never adds a second
        self._shown = store.session(done.session.id)  # as read back: the next save is over it
        self._opened_with = self._texts()
        return done.session.id

    def _save_then(self, choice: IfSaved, then) -> None:  # type: ignore[no-untyped-def]
        saved = self._save(choice)
        if saved is not None and then is not None:
            then(saved)

    def _ask_already_saved(self, reason: str, then) -> None:  # type: ignore[no-untyped-def]
        """Ask replace / keep both / cancel; save as told, then run then(id) if given."""
        from diary.tui.screens.already_saved import ask_already_saved

        save = lambda choice: self._save_then(choice, then)  # noqa: E731
        ask_already_saved(self, reason, save, "Not saved: the form is as you left it.")

    def has_unsaved_changes(self) -> bool:
        """True when the form differs from what it showed when it opened."""
        return self._opened_with is not None and self._texts() != self._opened_with

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete":
            return self.session_id is not None
        return True

    def action_delete(self) -> None:
        if self.session_id is not None:
            ask_delete_session(self, self.session_id)
