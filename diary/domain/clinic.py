"""What the clinic records at a session: lot, observation, what it noted, nasal devices.

The person records what the clinic told them (sedation, dissociation, breathing: yes, no
or not told), never a rating of their own. For a nasal spray the dose follows from the
devices used (28 mg each) unless typed; a typed dose the devices contradict is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diary.domain.doses import check_dose_agreement, positive
from diary.domain.errors import ValidationError
from diary.domain.model import CLINIC_NOTED, MG_PER_DEVICE, Route, Session, Told
from diary.domain.validation import MAX_SHORT_TEXT, MINUTES, text, whole_number

if TYPE_CHECKING:
    from diary.domain.field_errors import FieldErrors

MAX_DEVICES = 10
_TOLD_WORDS = {"yes": Told.YES, "no": Told.NO, "not told": Told.NOT_TOLD}


def told(field: str, value: object, *, key: str = "") -> Told:
    """yes, no or not told (also not-told, not_told), any case."""
    if isinstance(value, Told):
        return value
    word = str(value).strip().casefold().replace("-", " ").replace("_", " ")
    if word not in _TOLD_WORDS:
        raise ValidationError(field, value, "yes, no or not told", key=key)
    return _TOLD_WORDS[word]


def clinic_noted(value: str) -> tuple[str, Told]:
    """'sedation=yes' as (what, told): what is sedation, dissociation or breathing."""
    name, sep, answer = (value or "").partition("=")
    accepted = (
        "WHAT=ANSWER, WHAT one of " + ", ".join(CLINIC_NOTED) + "; ANSWER yes, no or not told"
    )
    what = name.strip().casefold()
    if not sep or what not in CLINIC_NOTED:
        raise ValidationError("clinic noted", value, accepted, key="clinic_noted")
    return what, told(f"clinic noted {what}", answer, key="clinic_noted")


def clinic_record(session: Session) -> list[str]:
    """What the clinic recorded, in words, only what was given: '2 nasal device(s)',
    'lot EK-42', 'observed 120 min', 'ready to leave after 95 min', 'clinic noted
    sedation yes, dissociation no', 'home with partner'."""
    parts = []
    if session.devices is not None:
        parts.append(f"{session.devices} nasal device(s)")
    if session.lot:
        parts.append(f"lot {session.lot}")
    if session.observed_min is not None:
        parts.append(f"observed {session.observed_min} min")
    if session.ready_after_min is not None:
        parts.append(f"ready to leave after {session.ready_after_min} min")
    noted = [
        f"{what} {session.noted(what).value}"
        for what in CLINIC_NOTED
        if session.noted(what) != Told.NOT_TOLD
    ]
    if noted:
        parts.append("clinic noted " + ", ".join(noted))
    if session.home_with:
        parts.append(f"home with {session.home_with}")
    return parts


def devices(value: object) -> int:
    return whole_number("nasal devices", value, 1, MAX_DEVICES, key="devices")


def dose_for_devices(devices_text: str, dose_text: str) -> tuple[str, str] | None:
    """After typing a number of nasal devices into a form: the dose in mg they give, as
    text, and a line saying so; None while the count is not a whole number 1-MAX_DEVICES or
    the dose shown already agrees. The form then shows the dose the save would work out."""
    try:
        count = devices(devices_text)
    except ValidationError:
        return None
    from_devices, shown = count * MG_PER_DEVICE, positive(dose_text)
    if shown is not None and abs(shown - from_devices) <= 1e-9:
        return None
    return (
        f"{from_devices:g}",
        f"Dose mg worked out: {count} nasal device(s) × {MG_PER_DEVICE:g} mg = "
        f"{from_devices:g} mg.",
    )


def minutes(field: str, value: object, key: str) -> int:
    return whole_number(field, value, *MINUTES, key=key)


def check_clinic(session: Session) -> Session:
    """The session with its clinic fields checked, and the dose from its devices."""
    count = None if session.devices is None else devices(session.devices)
    dose = session.dose_mg
    if count is not None:
        if session.route != Route.INTRANASAL:
            raise ValidationError(
                "nasal devices", f"{count}", "devices only with route intranasal", key="devices"
            )
        from_devices = count * MG_PER_DEVICE
        if dose is None:
            dose = from_devices
        elif abs(dose - from_devices) > 1e-9:
            raise ValidationError(
                "dose in mg",
                f"{dose:g}",
                f"{from_devices:g} mg, as {count} nasal device(s) of {MG_PER_DEVICE:g} mg "
                "give; change one, or leave the dose out",
                key="dose_mg",
            )
        check_dose_agreement(dose, session.dose_mg_per_kg, session.weight_kg)
    observed, ready = session.observed_min, session.ready_after_min
    return replace(
        session,
        dose_mg=dose,
        devices=count,
        lot=text("lot number", session.lot, MAX_SHORT_TEXT, key="lot").strip(),
        observed_min=None
        if observed is None
        else minutes("observed minutes", observed, "observed_min"),
        ready_after_min=None
        if ready is None
        else minutes("ready-after minutes", ready, "ready_after_min"),
        home_with=text("home with", session.home_with, MAX_SHORT_TEXT, key="home_with"),
        **{
            f"noted_{what}": told(f"clinic noted {what}", session.noted(what), key="clinic_noted")
            for what in CLINIC_NOTED
        },
    )


@dataclass(slots=True)
class ClinicTexts:
    """The clinic's fields of a session form (or `diary session add/edit`), as typed.

    None is "not given": a new session leaves the field empty, an edit keeps the saved
    value. noted maps sedation, dissociation, breathing to yes / no / not told."""

    lot: str | None = None
    observed_min: str | None = None
    ready_after_min: str | None = None
    home_with: str | None = None
    devices: str | None = None
    noted: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_flags(cls, noted: list[str] | None, **given: str | None) -> ClinicTexts:
        """From the command line: --clinic-noted WHAT=ANSWER repeated, the others as typed."""
        pairs = [clinic_noted(pair) for pair in noted or ()]
        return cls(noted={what: str(answer) for what, answer in pairs}, **given)


def with_clinic_texts(
    session: Session, texts: ClinicTexts, saved: Session | None, errors: FieldErrors
) -> Session:
    """session with the clinic fields typed in texts (each checked, its error kept in
    errors under its key), the others as saved (editing) or empty (a new session)."""
    base = saved or Session(session.started_at, session.route)
    values: dict[str, object] = {}
    for name, parse in (
        ("observed_min", lambda t: minutes("observed minutes", t, "observed_min")),
        ("ready_after_min", lambda t: minutes("ready-after minutes", t, "ready_after_min")),
        ("devices", devices),
    ):
        typed = getattr(texts, name)
        values[name] = (
            getattr(base, name)
            if typed is None
            else (
                None if not typed.strip() else errors.attempt(name, lambda t=typed, p=parse: p(t))
            )
        )
    for name in ("lot", "home_with"):
        typed = getattr(texts, name)
        values[name] = getattr(base, name) if typed is None else typed
    for what in CLINIC_NOTED:
        typed = texts.noted.get(what)
        values[f"noted_{what}"] = (
            base.noted(what)
            if typed is None
            else errors.attempt(
                "clinic_noted", lambda t=typed, w=what: told(f"clinic noted {w}", t)
            )
        ) or Told.NOT_TOLD
    return replace(session, **values)  # type: ignore[arg-type]
