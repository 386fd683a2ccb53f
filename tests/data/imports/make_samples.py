"""Writes the sample exports beside this file: a few dozen rows each, in each app's own layout,
with the odd cases real files hold (BOM, CRLF, quoted newlines, unknown labels, duplicate
days, bad dates). Run it again only to change them; the tests read the files as committed.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
START = dt.date(2026, 9, 1)
rng = random.Random(15)


def days(count: int) -> list[dt.date]:
    return [START + dt.timedelta(days=n) for n in range(count)]


def write_csv(name: str, header: str, rows: list[list[str]]) -> None:
    """The rows under the header (its names joined by commas), with a BOM and CRLF line ends
    as the apps' exports have them."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header.split(","), *rows])
    (HERE / name).write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def ordinal(day: dt.date) -> str:
    n = day.day
    suffix = "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} {day:%b %Y}"


def daylio_old() -> None:
    labels = ["rad", "good", "meh", "bad", "awful"]
    rows = []
    for day in days(30):
        rows.append(
            [
                f"{day:%Y}",
                f"{day.day} {day:%B}",
                f"{day:%A}",
                "8:30 pm",
                rng.choice(labels),
                "walk | music",
                "<b>ok</b><br>fine",
            ]
        )
    rows.insert(
        5, ["2026", "3 September", "Thursday", "9:00 am", "meh", "", "second entry that day"]
    )
    rows.insert(10, ["2026", "31 September", "Thursday", "9:00 am", "good", "", ""])
    rows.insert(20, ["2026", "20 September", "Sunday", "7:00 am", "sleepy", "", "custom mood"])
    rows.append(
        ["2026", "1 October", "Thursday", "10:00", "good", "", 'quoted\nnewline, and "quotes"']
    )
    write_csv("daylio-old.csv", "year,date,weekday,time,mood,activities,note", rows)


def bearable() -> None:
    rows = []
    for day in days(25):
        weekday = f"{day:%a}"
        rows.append([ordinal(day), weekday, "am", "Mood", str(rng.randint(1, 5)), "", ""])
        if day.day % 3 == 0:
            rows.append(
                [ordinal(day), weekday, "pm", "Mood", str(rng.randint(1, 5)), "", "evening"]
            )
        if day.day % 4 == 0:
            rows.append(
                [ordinal(day), weekday, "all day", "Symptom", "2", "Nausea (Moderate)", ""]
            )
        if day.day % 5 == 0:
            rows.append(
                [ordinal(day), weekday, "am", "Meds/Supplements", "1", "Sertraline 50mg", ""]
            )
        rows.append([ordinal(day), weekday, "", "Sleep", "7.5", "Sleep quality: good", ""])
    rows.insert(7, ["31st Sep 2026", "Thu", "am", "Mood", "4", "", ""])
    rows.insert(
        12,
        [
            ordinal(START + dt.timedelta(days=40)),
            "Tue",
            "am",
            "Symptom",
            "1",
            "Headache (Mild)",
            "no mood logged",
        ],
    )
    rows.insert(15, [ordinal(START + dt.timedelta(days=3)), "Fri", "mid", "Mood", "great", "", ""])
    rows.append(
        [
            ordinal(START + dt.timedelta(days=2)),
            "Thu",
            "pm",
            "Notes",
            "",
            "",
            'Line one\r\nline two, "quoted"',
        ]
    )
    write_csv("bearable.csv", "date,weekday,time of day,category,rating/amount,detail,notes", rows)


def emoods() -> None:
    rows = []
    for day in days(30):
        rows.append(
            [
                day.isoformat(),
                str(rng.randint(0, 3)),
                str(rng.randint(0, 1)),
                str(rng.randint(0, 2)),
                str(rng.randint(0, 3)),
                f"{rng.choice([6, 6.5, 7, 7.5, 8])}",
                "",
                "Sertraline",
            ]
        )
    rows.insert(4, ["2026-09-04", "1", "0", "0", "1", "7", "second row for the day", ""])
    rows.insert(9, ["2026-02-30", "1", "0", "0", "1", "7", "", ""])
    rows.insert(14, ["2026-09-14", "4", "0", "0", "1", "7", "rating out of range", ""])
    rows.insert(20, ["2026-09-19", "1", "0", "0", "1", "27", "too much sleep", ""])
    rows.append(["2026-12-01", "0", "0", "0", "0", "8", "a future day", ""])
    rows[2][6] = "Felt flat,\nslept early"
    write_csv(
        "emoods.csv", "DATE,DEPRESSED,ELEVATED,IRRITABILITY,ANXIETY,SLEEP,NOTE,MEDICATIONS", rows
    )


def afterflow() -> None:
    rows = []
    kinds = [
        ("Ketamine", "IV infusion"),
        ("Ketamine", "IM injection"),
        ("Esketamine", "Nasal spray"),
        ("Ketamine", "Sublingual troche"),
        ("Ketamine", "Oral"),
    ]
    for n, day in enumerate(days(30)[::3]):
        kind, admin = kinds[n % len(kinds)]
        moment = dt.datetime.combine(day, dt.time(10 + n % 5, 30))
        rows.append(
            [
                f"{moment:%b} {moment.day}, {moment:%Y} at {moment:%-I:%M %p}",
                kind,
                admin,
                "Be kinder to myself",
                str(rng.randint(2, 5)),
                str(rng.randint(5, 9)),
                'Felt spacious, "lighter"\nafterwards',
                "https://example.org/playlist",
            ]
        )
    rows.insert(3, ["Sep 31, 2026 at 10:30 AM", "Ketamine", "IV infusion", "", "3", "6", "", ""])
    rows.insert(
        6, [rows[5][0], "Ketamine", "IV infusion", "duplicate of the row above", "3", "6", "", ""]
    )
    rows.insert(8, ["Oct 1, 2026 at 4:00 PM", "Ketamine", "Lozenge", "", "11", "6", "", ""])
    rows.append(
        ["Oct 5, 2026 at 9:15 AM", "Ketamine", "Ceremony", "", "", "", "no moods that day", ""]
    )
    write_csv(
        "afterflow.csv",
        "Date,Treatment Type,Administration,Intention,Mood Before,Mood After,"
        "Reflections,Music Link URL",
        rows,
    )


def pixels() -> None:
    data = []
    for day in days(24):
        data.append(
            {
                "type": "Mood",
                "date": f"{day.year}-{day.month}-{day.day}",
                "entries": [
                    {
                        "type": "Mood",
                        "value": rng.randint(1, 5),
                        "notes": "",
                        "isHighlighted": False,
                        "tags": [{"type": "Emotions", "entries": ["calm", "tired"]}],
                    }
                ],
            }
        )
    data[3]["entries"].append(
        {"type": "Mood", "value": 5, "notes": "Évening: much better 🙂", "tags": []}
    )
    data.insert(6, {"date": "2026-9-31", "entries": [{"value": 3}]})
    data.insert(9, {"date": "2026-9-9", "entries": [{"value": 7, "notes": "value out of range"}]})
    old = [
        {
            "date": f"2026-10-{n}",
            "mood": rng.randint(1, 5),
            "emotions": ["hopeful"],
            "notes": "older shape",
        }
        for n in range(1, 8)
    ]
    old.append(
        {"date": "2026-10-02", "mood": 4, "emotions": [], "notes": "second entry, same day"}
    )
    (HERE / "pixels.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8-sig"
    )
    (HERE / "pixels-old.json").write_text(json.dumps(old, indent=1), encoding="utf-8")


def daylio_backup() -> None:
    tags = [{"id": 1, "name": "walk"}, {"id": 2, "name": "friends"}, {"id": 3, "name": "clinic"}]
    moods = [
        {"id": 1, "custom_name": "", "mood_group_id": 1, "predefined_name_id": 1},
        {"id": 2, "custom_name": "", "mood_group_id": 2, "predefined_name_id": 2},
        {"id": 3, "custom_name": "", "mood_group_id": 3, "predefined_name_id": 3},
        {"id": 4, "custom_name": "", "mood_group_id": 4, "predefined_name_id": 4},
        {"id": 5, "custom_name": "", "mood_group_id": 5, "predefined_name_id": 5},
        {"id": 6, "custom_name": "Floaty", "mood_group_id": 2},
    ]
    entries = []
    for n, day in enumerate(days(30)):
        moment = dt.datetime.combine(
            day, dt.time(20, 15), tzinfo=dt.timezone(dt.timedelta(hours=1))
        )
        entries.append(
            {
                "id": n + 1,
                "minute": 15,
                "hour": 20,
                "day": day.day,
                "month": day.month - 1,
                "year": day.year,
                "datetime": int(moment.timestamp() * 1000),
                "timeZoneOffset": 3600000,
                "mood": rng.choice([1, 2, 3, 4, 5, 6]),
                "note": "<b>Session</b><br>felt ok" if n % 7 == 0 else "",
                "note_title": "",
                "tags": [1, 3] if n % 5 == 0 else [],
                "assets": [],
            }
        )
    entries.insert(
        4, {**entries[3], "id": 100, "mood": 1, "note": "second entry, <i>same day</i>"}
    )
    entries.insert(8, {**entries[8], "id": 101, "mood": 42, "note": "unknown mood id"})
    entries.insert(12, {**entries[12], "id": 102, "datetime": "yesterday"})
    document = {
        "version": 15,
        "customMoods": moods,
        "tags": tags,
        "dayEntries": entries,
        "achievements": [],
        "prefs": [],
    }
    encoded = base64.b64encode(json.dumps(document).encode("utf-8"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        stamp = (2026, 10, 1, 12, 0, 0)  # fixed, so the file is the same on every run
        archive.writestr(zipfile.ZipInfo("backup.daylio", stamp), encoded, zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("assets/photos/", stamp), b"")
    (HERE / "backup.daylio").write_bytes(buffer.getvalue())


def any_csv() -> None:
    rows = []
    for day in days(30):
        rows.append(
            [
                f"{day:%d/%m/%Y}",
                str(rng.randint(1, 10)),
                rng.choice(["", "long day", 'tired, "wired"']),
                str(rng.randint(0, 10000)),
            ]
        )
    rows[2][2] = "first line\nsecond line of the journal"
    rows.insert(5, ["06/09/2026", "8", "duplicate day", "1"])
    rows.insert(10, ["2026-09-10", "5", "ISO date, not the format", "2"])
    rows.insert(15, ["15/09/2026", "12", "above the scale", "3"])
    rows.insert(18, ["18/09/2026", "okay", "a word", "4"])
    write_csv("mood-tracker.csv", "Day,Mood (1-10),Journal,Steps", rows)


if __name__ == "__main__":
    daylio_old()
    bearable()
    emoods()
    afterflow()
    pixels()
    daylio_backup()
    any_csv()
