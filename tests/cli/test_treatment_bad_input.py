"""Bad input on every flag of the treatment record (issue 16): one line naming the flag,
exit 2, nothing written (the diary's bytes and mtime kept, no diary made where none was)."""

from __future__ import annotations

from tests.cli.test_bad_input import REQUIRED, SEVERITY, Case, table_test
from tests.conftest import refused

NASAL = "session add --route intranasal"
MED = "med add sertraline --dose 50 --unit mg"
LONG = "x" * 201
SHORT = "at most 200 characters"
MINUTES = "a whole number 0-1440"
ANSWERS = "yes, no or not told"
NOTED = f"WHAT=ANSWER, WHAT one of sedation, dissociation, breathing; ANSWER {ANSWERS}"
DEVICES = "nasal devices (--devices)"
OBSERVED = "observed minutes (--observed-min)"
GROGGINESS = "severity of grogginess (--symptom)"
CLASSES = (
    "one of antidepressant, benzodiazepine, sedative, stimulant, maoi, mood-stabiliser, "
    "antipsychotic, other"
)

CASES = {
    "lot too long": Case(
        f"{NASAL} --lot {LONG}", refused("lot number (--lot)", "201 characters", SHORT)
    ),
    "observed minutes too many": Case(
        f"{NASAL} --observed-min 2000", refused(OBSERVED, "2000", MINUTES)
    ),
    "observed minutes not a number": Case(
        f"{NASAL} --observed-min 'two hours'", refused(OBSERVED, "two hours", MINUTES)
    ),
    "ready-after negative": Case(
        f"{NASAL} --ready-after-min -5",
        refused("ready-after minutes (--ready-after-min)", "-5", MINUTES),
    ),
    "clinic noted bad answer": Case(
        f"{NASAL} --clinic-noted sedation=maybe",
        refused("clinic noted sedation (--clinic-noted)", "maybe", ANSWERS),
    ),
    "clinic noted unknown": Case(
        f"{NASAL} --clinic-noted mood=yes", refused("--clinic-noted", "mood=yes", NOTED)
    ),
    "clinic noted no answer": Case(
        f"{NASAL} --clinic-noted breathing", refused("--clinic-noted", "breathing", NOTED)
    ),
    "home with too long": Case(
        f"{NASAL} --home-with {LONG}", refused("--home-with", "201 characters", SHORT)
    ),
    "devices zero": Case(f"{NASAL} --devices 0", refused(DEVICES, "0", "a whole number 1-10")),
    "devices with iv": Case(
        "session add --route iv --devices 2",
        refused(DEVICES, "2", "devices only with route intranasal"),
    ),
    "devices and dose disagree": Case(
        f"{NASAL} --devices 2 --dose-mg 84",
        refused(
            "dose in mg (--dose-mg)",
            "84",
            "56 mg, as 2 nasal device(s) of 28 mg give; change one, or leave the dose out",
        ),
    ),
    "edit devices too many": Case(
        "session edit 1 --devices 11",
        refused(DEVICES, "11", "a whole number 1-10"),
        needs_diary=True,
    ),
    "edit clinic noted bad": Case(
        "session edit 1 --clinic-noted breathing=perhaps",
        refused("clinic noted breathing (--clinic-noted)", "perhaps", ANSWERS),
        needs_diary=True,
    ),
    "med class unknown": Case(
        "med add ketamine-like --dose 1 --unit mg --class opioid",
        refused("--class", "opioid", CLASSES),
    ),
    "med dose negative": Case(
        "med add sertraline --dose -50 --unit mg",
        refused("--dose", "-50", "a number above 0 and at most 100000"),
    ),
    "med dose without unit": Case(
        "med add sertraline --dose 50", f"diary med add: {REQUIRED} --unit"
    ),
    "med dose with an empty unit": Case(
        "med add sertraline --dose 50 --unit ''", "--unit: give the unit of the dose"
    ),
    "med since in the future": Case(
        f"{MED} --since 2027-01-01", "date (--since): '2027-01-01' is not accepted"
    ),
    "med name blank": Case(
        "med add ' ' --dose 50 --unit mg",
        refused("medicine name", " ", "1-80 characters with a letter"),
    ),
    "med unit too long": Case(
        f"med add sertraline --dose 50 --unit {'m' * 21}",
        refused("--unit", "21 characters", "at most 20 characters"),
    ),
    "med schedule too long": Case(
        f"{MED} --schedule {LONG}", refused("--schedule", "201 characters", SHORT)
    ),
    "med stop bad day": Case(
        "med stop sertraline --on 2026-13-01", "date (--on): '2026-13-01' is not accepted"
    ),
    "med change without dose": Case(
        "med change sertraline", "--dose: give the new dose or schedule of the change"
    ),
    "med change bad day": Case(
        "med change sertraline --dose 5 --on soon", "date (--on): 'soon' is not accepted"
    ),
    "med stop not taken": Case(
        "med stop lorazepam",
        refused("medicine", "lorazepam", "a medicine being taken on 2026-11-20 to be stopped"),
        needs_diary=True,
    ),
    "med list bad day": Case("med list --on x", "date (--on): 'x' is not accepted"),
    "after unknown symptom": Case("after --symptom groggy=1", "--symptom: 'groggy'"),
    "after severity too high": Case(
        "after --symptom grogginess=5", refused(GROGGINESS, "5", SEVERITY)
    ),
    "after no severity": Case(
        "after --symptom grogginess",
        refused("--symptom", "grogginess", "NAME=SEVERITY like grogginess=1"),
    ),
    "after symptom twice": Case(
        "after --symptom grogginess=1 --symptom grogginess=2",
        refused("--symptom", "grogginess", "each symptom once"),
        needs_diary=True,
    ),
    "after bad session id": Case(
        "after --session x --symptom grogginess=1", "session id (--session): 'x' is not accepted"
    ),
    "after no such session": Case(
        "after --session 99 --symptom grogginess=1", "session 99 does not exist", needs_diary=True
    ),
    "after note not utf-8": Case(
        "after --symptom grogginess=1 --note 'bad \udcff byte'",
        refused("--note", "text with byte 0xFF at character 5", "UTF-8 text"),
    ),
    "after no symptom": Case("after", f"diary after: {REQUIRED} --symptom"),
}


test_bad_treatment_input_changes_nothing = table_test(CASES)
