"""Bad input on every flag of the treatment record (issue 16): one line naming the flag,
exit 2, nothing written (the diary's bytes and mtime kept, no diary made where none was)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_bad_input import Case, refused, run_case
from tests.kinds import Kind

NASAL = ("session", "add", "--route", "intranasal")
LONG = "x" * 201
MINUTES = "a whole number 0-1440"
NOTED = "WHAT=ANSWER, WHAT one of sedation, dissociation, breathing; ANSWER yes, no or not told"
CLASSES = (
    "one of antidepressant, benzodiazepine, sedative, stimulant, maoi, mood-stabiliser, "
    "antipsychotic, other"
)

CASES = {
    "lot too long": Case(
        (*NASAL, "--lot", LONG),
        refused("lot number (--lot)", "201 characters", "at most 200 characters"),
    ),
    "observed minutes too many": Case(
        (*NASAL, "--observed-min", "2000"),
        refused("observed minutes (--observed-min)", "2000", MINUTES),
    ),
    "observed minutes not a number": Case(
        (*NASAL, "--observed-min", "two hours"),
        refused("observed minutes (--observed-min)", "two hours", MINUTES),
    ),
    "ready-after negative": Case(
        (*NASAL, "--ready-after-min", "-5"),
        refused("ready-after minutes (--ready-after-min)", "-5", MINUTES),
    ),
    "clinic noted bad answer": Case(
        (*NASAL, "--clinic-noted", "sedation=maybe"),
        refused("clinic noted sedation (--clinic-noted)", "maybe", "yes, no or not told"),
    ),
    "clinic noted unknown": Case(
        (*NASAL, "--clinic-noted", "mood=yes"), refused("--clinic-noted", "mood=yes", NOTED)
    ),
    "clinic noted no answer": Case(
        (*NASAL, "--clinic-noted", "breathing"), refused("--clinic-noted", "breathing", NOTED)
    ),
    "home with too long": Case(
        (*NASAL, "--home-with", LONG),
        refused("--home-with", "201 characters", "at most 200 characters"),
    ),
    "devices zero": Case(
        (*NASAL, "--devices", "0"),
        refused("nasal devices (--devices)", "0", "a whole number 1-10"),
    ),
    "devices with iv": Case(
        ("session", "add", "--route", "iv", "--devices", "2"),
        refused("nasal devices (--devices)", "2", "devices only with route intranasal"),
    ),
    "devices and dose disagree": Case(
        (*NASAL, "--devices", "2", "--dose-mg", "84"),
        refused(
            "dose in mg (--dose-mg)",
            "84",
            "56 mg, as 2 nasal device(s) of 28 mg give; change one, or leave the dose out",
        ),
    ),
    "edit devices too many": Case(
        ("session", "edit", "1", "--devices", "11"),
        refused("nasal devices (--devices)", "11", "a whole number 1-10"),
        needs_diary=True,
    ),
    "edit clinic noted bad": Case(
        ("session", "edit", "1", "--clinic-noted", "breathing=perhaps"),
        refused("clinic noted breathing (--clinic-noted)", "perhaps", "yes, no or not told"),
        needs_diary=True,
    ),
    "med class unknown": Case(
        ("med", "add", "ketamine-like", "--dose", "1", "--unit", "mg", "--class", "opioid"),
        refused("--class", "opioid", CLASSES),
    ),
    "med dose negative": Case(
        ("med", "add", "sertraline", "--dose", "-50", "--unit", "mg"),
        refused("--dose", "-50", "a number above 0 and at most 100000"),
    ),
    "med dose without unit": Case(
        ("med", "add", "sertraline", "--dose", "50"), "--unit: give the unit of the dose"
    ),
    "med since in the future": Case(
        ("med", "add", "sertraline", "--dose", "50", "--unit", "mg", "--since", "2027-01-01"),
        "date (--since): '2027-01-01' is not accepted",
    ),
    "med name blank": Case(
        ("med", "add", " ", "--dose", "50", "--unit", "mg"),
        refused("medicine name", " ", "1-80 characters with a letter"),
    ),
    "med unit too long": Case(
        ("med", "add", "sertraline", "--dose", "50", "--unit", "m" * 21),
        refused("--unit", "21 characters", "at most 20 characters"),
    ),
    "med schedule too long": Case(
        ("med", "add", "sertraline", "--dose", "50", "--unit", "mg", "--schedule", LONG),
        refused("--schedule", "201 characters", "at most 200 characters"),
    ),
    "med stop bad day": Case(
        ("med", "stop", "sertraline", "--on", "2026-13-01"),
        "date (--on): '2026-13-01' is not accepted",
    ),
    "med change without dose": Case(
        ("med", "change", "sertraline"), "--dose: give the new dose or schedule of the change"
    ),
    "med change bad day": Case(
        ("med", "change", "sertraline", "--dose", "5", "--on", "soon"),
        "date (--on): 'soon' is not accepted",
    ),
    "med stop not taken": Case(
        ("med", "stop", "lorazepam"),
        refused("medicine", "lorazepam", "a medicine being taken on 2026-11-20 to be stopped"),
        needs_diary=True,
    ),
    "med list bad day": Case(("med", "list", "--on", "x"), "date (--on): 'x' is not accepted"),
    "after unknown symptom": Case(("after", "--symptom", "groggy=1"), "--symptom: 'groggy'"),
    "after severity too high": Case(
        ("after", "--symptom", "grogginess=5"),
        refused("severity of grogginess (--symptom)", "5", "0-3 or none, mild, moderate, severe"),
    ),
    "after no severity": Case(
        ("after", "--symptom", "grogginess"),
        refused("--symptom", "grogginess", "NAME=SEVERITY like grogginess=1"),
    ),
    "after symptom twice": Case(
        ("after", "--symptom", "grogginess=1", "--symptom", "grogginess=2"),
        refused("--symptom", "grogginess", "each symptom once"),
        needs_diary=True,
    ),
    "after bad session id": Case(
        ("after", "--session", "x", "--symptom", "grogginess=1"),
        "session id (--session): 'x' is not accepted",
    ),
    "after no such session": Case(
        ("after", "--session", "99", "--symptom", "grogginess=1"),
        "session 99 does not exist",
        needs_diary=True,
    ),
    "after note not utf-8": Case(
        ("after", "--symptom", "grogginess=1", "--note", "bad \udcff byte"),
        refused("--note", "text with byte 0xFF at character 5", "UTF-8 text"),
    ),
    "after no symptom": Case(
        ("after",), "diary after: the following arguments are required: --symptom"
    ),
}


@pytest.mark.parametrize(
    ("with_diary", "kind"),
    [(True, "plain"), (False, "plain"), (True, "encrypted")],
    ids=["diary exists", "no diary", "encrypted diary"],
    indirect=["kind"],
)
@pytest.mark.parametrize("name", list(CASES))
def test_bad_treatment_input_changes_nothing(
    name: str, with_diary: bool, kind: Kind, cli, tmp_path: Path, db_path: Path
) -> None:
    run_case(CASES[name], with_diary, kind, cli, tmp_path, db_path)
