"""The doctor's report: every section in md, html and pdf, the same numbers as `diary stats`,
Unicode notes, escaping, the empty diary, bad input, and one page for the demo."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from diary.actions.export import export_report
from diary.analysis.checkins import checkin_summary
from diary.cli import main
from diary.domain import (
    CheckIn,
    CheckinKind,
    MoodEntry,
    Route,
    Session,
    Settings,
    Severity,
    SideEffectRating,
    VitalLabel,
    VitalReading,
)
from diary.files.report import model as m
from diary.store import open_store
from tests.conftest import write_demo

END = dt.date(2026, 11, 20)
FORMATS = ("md", "html", "pdf")
CYRILLIC = "Прогулка в парке, стало легче"
GREEK = "Καλημέρα, ήλιος"
ACCENTS = "Café crème à l'été, Zoë"
CJK = "今日は良い日"
SCRIPT = "<script>alert(1)</script>"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def pdf_pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def text_of(path: Path) -> str:
    """The text a reader sees: extracted from a PDF, HTML entities decoded."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    text = path.read_text(encoding="utf-8")
    return html.unescape(text) if path.suffix == ".html" else text


def flat(text: str) -> str:
    """Whitespace collapsed, so padded Markdown tables and wrapped PDF lines compare simply."""
    return " ".join(text.split())


def md_row(*cells: object) -> str:
    return flat("| " + " | ".join(str(c) for c in cells) + " |")


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=dt.UTC)


# --- a small diary worked out by hand -------------------------------------------------------

MOODS = {2: 4, 3: 4, 4: 5, 6: 7, 7: 6, 8: 5, 9: 4, 10: 4, 11: 4, 13: 6, 14: 5, 16: 4}


def fill_small(path: Path) -> None:
    """Twelve logged days, two sessions, two PHQ-9s and notes in four scripts (Nov 2026)."""
    with open_store(path) as store:
        store.save_settings(Settings(name="Zoë Ω", country="GB"))
        for day, mood in MOODS.items():
            note = {6: f"{CYRILLIC} / {GREEK}", 7: f"{ACCENTS} {CJK}", 8: "=1+2 <b>bold</b>"}
            store.save_mood(MoodEntry(dt.date(2026, 11, day), mood, note=note.get(day, "")))
        store.add_session(
            Session(
                started_at=at(5),
                route=Route.IV,
                dose_mg=36.0,
                dose_mg_per_kg=0.5,
                weight_kg=72.0,
                note=SCRIPT,
                vitals=(
                    VitalReading(VitalLabel.PRE, 150, 95, taken_at=at(5)),
                    VitalReading(VitalLabel.FORTY, 130, 80, taken_at=at(5)),
                ),
                side_effects=(
                    SideEffectRating("dizziness", Severity.MODERATE),
                    SideEffectRating("nausea", Severity.MILD),
                ),
            )
        )
        store.add_session(
            Session(
                started_at=at(12),
                route=Route.INTRANASAL,
                dose_mg=56.0,
                vitals=(VitalReading(VitalLabel.PRE, 128, 82, taken_at=at(12)),),
                side_effects=(SideEffectRating("dizziness", Severity.MILD),),
            )
        )
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 3), (2,) * 6 + (1, 1, 0)))
        store.save_checkin(
            CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 17), (1, 1, 1, 0, 0, 1, 0, 0, 1))
        )


@pytest.fixture
def small(db_path: Path) -> Path:
    fill_small(db_path)
    return db_path


def report(cli, folder: Path, fmt: str, *extra: str) -> Path:
    target = folder / f"report.{fmt}"
    result = cli("report", "-o", str(target), "--since", "2026-11-01", "--force", *extra)
    assert result.code == 0, result.err
    assert result.out == f"Wrote report ({fmt}, 2026-11-01 to 2026-11-20) to {target}\n"
    return target


@pytest.mark.parametrize("fmt", FORMATS)
def test_hand_worked_figures_in_every_format(cli, small: Path, tmp_path: Path, fmt: str) -> None:
    text = flat(text_of(report(cli, tmp_path, fmt)))
    # 12 logged of 20 days; Nov 1-14 logged: 4,4,5,7,6,5,4,4,4,6,5 = 54/11; Nov 7-20: 38/8
    for expected in (
        "Zoë Ω",
        "2026-11-01 to 2026-11-20 (20 days)",
        "Made: 2026-11-20" if fmt != "pdf" else "Made 2026-11-20",
        m.DISCLAIMER,
        # each route its own dose range; the gap from #1 (Nov 5) to #2 (Nov 12) is 7 days
        "2 in range: IV infusion 1 (36 mg, 0.5 mg/kg); Nasal spray 1 (56 mg); "
        "days between sessions 7 (median 7)",
        "started 2026-11-05 (session #1); 2 sessions by 2026-11-20; last 2026-11-12, 8 days "
        "before the range's end",
        # the first day recorded is Nov 2 (a mood): Nov 2-20 is 19 days, 12 logged
        "12 of 19 days (counted from 2026-11-02, the first day recorded)",
        # item 9 answers 0 on Nov 3, 1 on Nov 17
        "latest answer 1 (2026-11-17); above 0 on 2026-11-17 (1)",
        "first 14 days 4.91, last 14 days 4.75; whole range 4.83 (lowest 4, highest 7)",
        # pre-dose 150/95 is above 140/90; ~40 min 130/80 is no rise from it
        "1 reading marked on 1 day (1 above pre-dose reference): pre-dose 150/95 ▲ on 2026-11-05",
        # PHQ-9 14 on Nov 3 (before session #1 on Nov 5) -> 5 on Nov 17, 14 days later:
        # (5 - 14) / 14 = -64.29%; 5 <= 14 / 2 is a response; 5 is not below 5
        "latest 5 (mild, 2026-11-17) vs baseline 14 on 2026-11-03, before session #1: "
        "change -64.29%; response yes; remission no",
        "response: a fall of 50% or more from the baseline PHQ-9",
        "both only with a baseline of 10 or more and the latest at least 14 days after it",
        "Kroenke 2001",
        "Samaritans (UK and Ireland): call 116 123",
        "Numbers checked on 2026-11-23" if fmt != "pdf" else "numbers checked on 2026-11-23",
    ):
        assert expected in text, expected
    assert "988" not in text  # GB: only the Samaritans line
    for title in m.SECTIONS:
        assert title in text


def test_hand_worked_tables_in_markdown(cli, small: Path, tmp_path: Path) -> None:
    text = flat(text_of(report(cli, tmp_path, "md")))
    # session 1: baseline Nov 2-4 = 13/3; after Nov 6-8 = 18/3; change 5/3 = 1.67;
    # Nov 6, 7, 8 above it, Nov 9 (4) is not: 3 days, all logged
    assert (
        flat(
            "- **2026-11-05 #1** IV infusion, –, 36 mg, 0.5 mg/kg - BP pre 150/95 ▲, "
            "~40 min 130/80, discharge – - mood "
            "change +1.67; days above pre-session mood 3 (3 logged, ended by mood at or below "
            "baseline) - side effects: Dizziness 2, Nausea 1"
        )
        in text
    )
    # session 2: baseline Nov 9-11 = 4; after Nov 13-14 = 5.5, change +1.5; Nov 13, 14 above;
    # Nov 15 unlogged and Nov 16 = 4: 2 days on 2 logged
    assert (
        flat(
            "- **2026-11-12 #2** Nasal spray, –, 56 mg - BP pre 128/82, ~40 min –, discharge – - "
            "mood change +1.5; "
            "days above pre-session mood 2 (2 logged, ended by mood at or below baseline) - side "
            "effects: Dizziness 1"
        )
        in text
    )
    # dizziness 2 then 1; nausea 1 then 0; early = first session, recent = second
    assert md_row("Dizziness", "2 of 2", "1.5", 2, 2, 1) in text
    assert md_row("Nausea", "1 of 2", "0.5", 1, 1, 0) in text
    assert md_row("2026-11-03", "14 moderate", 0, "–") in text
    assert md_row("2026-11-17", "5 mild", "**1**", "–") in text  # item 9 above 0 stands out
    assert "- 2026-11-05 (session 1): \\<script\\>alert(1)\\</script\\>" in text


def test_numbers_equal_diary_stats_json(cli, small: Path, tmp_path: Path) -> None:
    stats = cli("stats", "--json", "--since", "2026-11-01")
    assert stats.code == 0, stats.err
    figures = json.loads(stats.out)
    markdown = text_of(report(cli, tmp_path, "md"))
    text = flat(markdown)

    def number(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")

    mood = figures["mood"]
    assert f"{figures['days_logged']} of {figures['days_counted']} days" in text
    assert (
        f"first 14 days {number(mood['first_14_mean'])}, last 14 days "
        f"{number(mood['last_14_mean'])}; whole range {number(mood['mean'])} "
        f"(lowest {mood['min']}, highest {mood['max']})"
    ) in text
    ended = {"next session": "cut by next session", "end of diary so far": "diary ends"}
    for session in figures["sessions"]:
        assert f"- **{session['date']} #{session['number']}**" in text
        sign = "+" if session["change"] >= 0 else ""
        days = (
            f"{session['days_above_baseline']} ({session['logged_days']} logged, "
            + ended.get(session["ended_by"], f"ended by {session['ended_by']}")
            + ")"
        )
        assert (
            f"mood change {sign}{number(session['change'])}; days above pre-session mood {days}"
        ) in text
    for symptom in figures["symptoms"]:
        assert (
            md_row(
                symptom["label"],
                f"{symptom['sessions_affected']} of {len(figures['sessions'])}",
                number(symptom["mean_severity"]),
                symptom["max_severity"],
                number(symptom["early_mean"]),
                number(symptom["recent_mean"]),
            )
            in text
        )
    flagged = figures["bp_flagged"]
    assert f"{len(flagged)} reading marked" in text
    for reading in flagged:
        label = {"pre": "pre-dose", "40min": "~40 min"}.get(reading["label"], reading["label"])
        assert f"{label} {reading['systolic']}/{reading['diastolic']}" in text
    with open_store(small) as store:
        checkins = checkin_summary(store.checkins_between(), dt.date(2026, 11, 1), END)
    assert f"change {checkins['phq9_change_pct']:+g}%" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_non_latin_notes_survive(cli, small: Path, tmp_path: Path, fmt: str) -> None:
    text = text_of(report(cli, tmp_path, fmt))
    for note in (CYRILLIC, GREEK, ACCENTS):
        assert note in text
    if fmt == "pdf":  # DejaVu Sans has no CJK: each character prints as a visible box
        assert CJK not in text
        assert "□" * len(CJK) in text
        assert "Characters the PDF font cannot show" in flat(text)
    else:
        assert CJK in text


def test_html_escapes_what_looks_like_markup(cli, small: Path, tmp_path: Path) -> None:
    page = report(cli, tmp_path, "html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    assert "=1+2" in page  # a formula means nothing in HTML; it stays as typed


def test_pdf_paper_follows_the_country(cli, small: Path, tmp_path: Path) -> None:
    a4 = report(cli, tmp_path, "pdf")
    assert [round(float(v)) for v in PdfReader(a4).pages[0].mediabox[2:]] == [595, 842]
    assert cli("settings", "--country", "US").code == 0
    letter = report(cli, tmp_path, "pdf")
    assert [round(float(v)) for v in PdfReader(letter).pages[0].mediabox[2:]] == [612, 792]
    assert "988 Suicide & Crisis Lifeline (US)" in pdf_text(letter)


# --- the demo diary -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo(tmp_path_factory.mktemp("demo") / "demo.db", END)


@pytest.fixture(scope="module")
def demo_reports(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The default (90-day) report of the demo diary in each format, made once."""
    folder = tmp_path_factory.mktemp("reports")
    written = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DIARY_TODAY", END.isoformat())
        patch.setenv("TZ", "UTC")
        for fmt in FORMATS:
            target = folder / f"demo.{fmt}"
            with contextlib.redirect_stdout(io.StringIO()):
                assert main(["--db", str(demo_db), "report", "-o", str(target)]) == 0
            written[fmt] = target
    return written


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_section_in_every_format(demo_reports: dict[str, Path], fmt: str) -> None:
    raw = text_of(demo_reports[fmt])
    text = flat(raw)
    assert "2026-08-23 to 2026-11-20 (90 days)" in text  # the default range: 90 days to today
    assert m.DISCLAIMER in text
    heading = {"md": "^## {}$", "html": "<h2>{}</h2>", "pdf": "^ *{}( \\(|$)"}[fmt]
    found = [re.search(heading.format(re.escape(t)), raw, re.MULTILINE) for t in m.SECTIONS]
    assert None not in found
    positions = [match.start() for match in found if match]
    assert positions == sorted(positions)  # in report order
    for piece in (
        "7-day mean",
        "~40 min",
        "Days above",
        "PHQ-9 item 9",
        "GAD-7",
    ):
        assert piece in text
    assert "findahelpline.com" in text


def test_demo_pdf_is_one_page(demo_reports: dict[str, Path]) -> None:
    assert pdf_pages(demo_reports["pdf"]) == 1


def test_html_is_self_contained(demo_reports: dict[str, Path]) -> None:
    page = demo_reports["html"].read_text(encoding="utf-8").lower()
    for reference in ("<link", "<script", "@import", "http://", "https://", "src="):
        assert reference not in page, reference
    assert re.search(r"url\((?!#)", page) is None  # only the chart's own clip paths
    assert "<svg" in page and "<img" not in page  # the chart is inline
    assert "@page { size: auto; margin: 12mm; }" in page


def _us_demo(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo diary, set to the US (a Letter page), as the command's diary."""
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_db, copy)
    monkeypatch.setenv("DIARY_DB", str(copy))
    with open_store(copy) as store:
        store.save_settings(Settings(country="US"))
    return copy


def test_a_year_of_demo_fits_one_letter_page(
    cli, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _us_demo(demo_db, tmp_path, monkeypatch)
    with open_store(copy) as store:
        checkins = checkin_summary(store.checkins_between(), dt.date(2025, 11, 21), END)
    target = tmp_path / "year.pdf"
    result = cli("report", "-o", str(target), "--since", "2025-11-21")
    assert result.code == 0, result.err
    assert pdf_pages(target) == 1
    text = flat(pdf_text(target))
    shown = re.search(r"Showing the (\d+) most recent of 51 sessions", text)
    assert shown is not None and 4 <= int(shown.group(1)) < 51
    flagged = [c["date"] for c in checkins["phq9"] if c["item9"] > 0]
    assert flagged  # the demo year has some; every one is in the table or named under it
    for day in flagged:
        assert day in text


def test_the_crisis_box_is_never_split_across_pages(
    cli, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a year of the demo with a long note on its last day needs a second page; the crisis
    # box's title ended page 1 with the resources on page 2: now all of it is on one page
    copy = _us_demo(demo_db, tmp_path, monkeypatch)
    with open_store(copy) as store:
        store.save_mood(MoodEntry(END, 5, note=" ".join(["word"] * 40)))
    target = tmp_path / "year.pdf"
    assert cli("report", "-o", str(target), "--since", "2025-11-21").code == 0
    pages = [page.extract_text() or "" for page in PdfReader(target).pages]
    assert len(pages) == 2  # the floors of every table reached: a second page it is
    title = [n for n, text in enumerate(pages) if "Crisis resources (" in text]
    last = [n for n, text in enumerate(pages) if "call your local emergency number" in text]
    assert title == last == [1]


@pytest.mark.parametrize("since", ["2026-08-23", "2026-07-10", "2025-11-21"])
def test_skipping_the_first_try_gives_the_same_pdf(
    cli, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, since: str
) -> None:
    """The first try at the whole report is only a shortcut: with it or without it, the
    same bytes, for a range that fits as it is and for one that needs rows taken off (and
    one of 17 sessions whose first 14 rows fit as they are: no session is given back)."""
    from diary.files.report import pdf

    monkeypatch.setenv("DIARY_DB", str(demo_db))
    made = {}
    for limit in (0, 10**6):
        monkeypatch.setattr(pdf, "SURELY_OVER_SESSIONS", limit)
        target = tmp_path / f"tried-{limit}.pdf"
        assert cli("report", "-o", str(target), "--since", since).code == 0
        made[limit] = target.read_bytes()
    assert made[0] == made[10**6]


def test_many_sessions_that_fit_as_they_are_are_not_given_more_rows(
    cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20 sessions and nothing else: the page's 14 session rows fit as they are, with the
    first try or without it (skipped for so many sessions), and the same bytes either way."""
    from diary.files.report import pdf

    start = dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC)
    with open_store(db_path) as store:
        for day in range(20):
            store.add_session(Session(start + dt.timedelta(days=3 * day), Route.IV, dose_mg=35))
    made = {}
    for limit in (0, 10**6):
        monkeypatch.setattr(pdf, "SURELY_OVER_SESSIONS", limit)
        target = tmp_path / f"many-{limit}.pdf"
        assert cli("report", "-o", str(target), "--since", "2026-09-01").code == 0
        made[limit] = target.read_bytes()
    assert made[0] == made[10**6]
    assert "Showing the 14 most recent of 20 sessions" in flat(pdf_text(target))


def test_pdf_fonts_read_once_give_the_same_bytes(
    cli, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The layouts of one report share the fonts the first one read, each with its own copy:
    the same bytes as reading them for every layout, for a range that needs rows taken off
    (several layouts) and for one made after it in the same process."""
    from diary.files.report import pdf

    monkeypatch.setenv("DIARY_DB", str(demo_db))

    def made(name: str, since: str) -> bytes:
        target = tmp_path / f"{name}-{since}.pdf"
        assert cli("report", "-o", str(target), "--since", since).code == 0
        return target.read_bytes()

    shared = [made("shared", since) for since in ("2025-11-21", "2026-03-15")]
    reading = pdf._add_fonts
    monkeypatch.setattr(pdf, "_add_fonts", lambda doc, fonts, faces: reading(doc, fonts, {}))
    assert [made("read", since) for since in ("2025-11-21", "2026-03-15")] == shared


@pytest.mark.parametrize("since", ["2025-11-21", "2026-03-15", "2026-08-23", "2017-01-01"])
def test_text_measured_without_breaking_lines_gives_the_same_bytes(
    cli, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, since: str
) -> None:
    """Table cells whose text surely sets on one line are measured by summing widths, not by
    fpdf2's line breaker (and on a layout only measured, not drawn either); on such a layout
    a paragraph's lines are counted the same way, and on the one drawn a paragraph is drawn
    line by line where its line ends are sure: the same bytes as leaving all of it to fpdf2,
    and, call by call, fpdf2's own answer and place on the page."""
    from fpdf import FPDF

    from diary.files.report import pdf

    monkeypatch.setenv("DIARY_DB", str(demo_db))
    quick_cell, quick_paragraph = pdf.measured_only, pdf.measured_paragraph
    taken = {"cells": 0, "paragraphs": 0}

    def as_fpdf2_would(doc, measured, kind: str, args: tuple, kwargs: dict):
        if measured is not None:
            taken[kind] += 1
            after = doc.x, doc.y, doc.page
            doc.x, doc.y = here
            assert FPDF.multi_cell(doc, *args, **kwargs) == measured
            assert (doc.x, doc.y, doc.page) == pytest.approx(after, abs=1e-9)
        return measured

    def cell(doc, kwargs, **how):
        nonlocal here
        here = doc.x, doc.y
        return as_fpdf2_would(doc, quick_cell(doc, kwargs, **how), "cells", (), kwargs)

    def paragraph(doc, args, kwargs):
        nonlocal here
        here = doc.x, doc.y
        return as_fpdf2_would(doc, quick_paragraph(doc, args, kwargs), "paragraphs", args, kwargs)

    def made(name: str) -> bytes:
        target = tmp_path / f"{name}.pdf"
        assert cli("report", "-o", str(target), "--since", since).code == 0
        return target.read_bytes()

    drawn = pdf.drawn_paragraph
    lines = []

    def by_lines(doc, args, kwargs):
        lines.append(drawn(doc, args, kwargs))
        return lines[-1]

    here = (0.0, 0.0)
    monkeypatch.setattr(pdf, "measured_only", cell)
    monkeypatch.setattr(pdf, "measured_paragraph", paragraph)
    monkeypatch.setattr(pdf, "drawn_paragraph", by_lines)
    measured = made("measured")
    monkeypatch.setattr(pdf, "measured_only", lambda doc, kwargs, **how: None)
    monkeypatch.setattr(pdf, "measured_paragraph", lambda doc, args, kwargs: None)
    monkeypatch.setattr(pdf, "drawn_paragraph", lambda doc, args, kwargs: None)
    assert made("broken") == measured
    assert taken["cells"] > 100  # most cells: dates, numbers, short words
    assert lines.count(False) > 10  # most paragraphs drawn are drawn line by line
    if since < "2026-08-23":  # a range with rows taken off: a layout only measured
        assert taken["paragraphs"] > 10


@pytest.mark.parametrize(
    ("since", "country"), [("2025-11-21", ""), ("2025-11-21", "US"), ("2026-03-15", "")]
)
def test_rows_that_surely_do_not_fit_are_not_tried(
    cli, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, since: str, country: str
) -> None:
    """Giving a session row back is not laid out when the page's end is nearer than a row
    (up to 51 sessions, A4 and Letter): the same pages, rows and bytes as laying out every
    try, and fewer layouts."""
    from diary.files.report import pdf

    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_db, copy)
    monkeypatch.setenv("DIARY_DB", str(copy))
    if country:
        with open_store(copy) as store:
            store.save_settings(Settings(country=country))
    laid = pdf._document
    layouts = []

    def counted(*args, **kwargs):
        layouts.append(args[0])
        return laid(*args, **kwargs)

    monkeypatch.setattr(pdf, "_document", counted)
    made = {}
    for mode, rule in (("every", lambda *args: False), ("sure", pdf.surely_over)):
        monkeypatch.setattr(pdf, "surely_over", rule)
        layouts.clear()
        target = tmp_path / f"{mode}.pdf"
        assert cli("report", "-o", str(target), "--since", since).code == 0
        made[mode] = (target.read_bytes(), len(layouts))
    assert made["sure"][0] == made["every"][0]
    assert made["sure"][1] < made["every"][1]
    target = tmp_path / "sure.pdf"
    assert pdf_pages(target) == 1
    shown = re.search(r"Showing the (\d+) most recent of (\d+) sessions", flat(pdf_text(target)))
    assert shown is not None and int(shown.group(1)) < int(shown.group(2))


def test_a_row_is_not_tried_only_when_it_surely_does_not_fit() -> None:
    """Only when the page's end is nearer than a row and the line under the table keeps its
    length (digits aside); not when the row would show every session (that line goes)."""
    from types import SimpleNamespace

    from diary.files.report import pdf

    def hidden(shown: int, total: int) -> SimpleNamespace:
        return SimpleNamespace(
            sessions_hidden_line=m.Report.sessions_hidden_line.fget(
                SimpleNamespace(sessions=range(shown), all_sessions=range(total))
            )
        )

    assert pdf.surely_over(hidden(6, 51), hidden(7, 51), 0.0)
    assert pdf.surely_over(hidden(6, 51), hidden(7, 51), -1.0)
    assert not pdf.surely_over(hidden(6, 51), hidden(7, 51), -5.0)  # room for a row
    assert not pdf.surely_over(hidden(9, 51), hidden(10, 51), 0.0)  # a digit more
    assert not pdf.surely_over(hidden(8, 10), hidden(9, 10), 0.0)  # "ones are" -> "one is"
    assert not pdf.surely_over(hidden(10, 11), hidden(11, 11), 0.0)  # the line goes


def test_a_pdf_is_made_without_loading_what_fpdf2_would_load_for_nothing(
    demo_db: Path, tmp_path: Path
) -> None:
    """In a fresh process: the PDF is made, with no warning, without Pillow, cryptography's
    serialization (PKCS#12), fontTools.varLib's own code, its instancer or unittest.mock
    loaded; a password-protected one is still encrypted; and each can be imported and used
    afterwards (fpdf2's own stand-ins load the real module)."""
    target, locked = tmp_path / "r.pdf", tmp_path / "locked.pdf"
    script = (
        "import sys, warnings, datetime as dt\n"
        "from pathlib import Path\n"
        "warnings.simplefilter('error')\n"
        "from diary.cli import main\n"
        f"assert main(['--db', {str(demo_db)!r}, 'report', '-o', {str(target)!r}]) == 0\n"
        "unwanted = ('PIL', 'cryptography.hazmat.primitives.serialization',\n"
        "            'fontTools.varLib.merger', 'fontTools.varLib.instancer',\n"
        "            'fontTools.designspaceLib', 'unittest.mock', 'asyncio')\n"
        "loaded = [m for m in sys.modules if m.startswith(unwanted)]\n"
        "assert not loaded, loaded\n"
        "from diary.actions.export import export_report\n"
        "from diary.store import open_store\n"
        f"with open_store(Path({str(demo_db)!r})) as store:\n"
        f"    export_report(store, Path({str(locked)!r}), None, None, 'pdf', 'pass phrase')\n"
        "import PIL.Image, cryptography.hazmat.primitives.serialization.pkcs12\n"
        "import fontTools.varLib, fpdf.fonts, fpdf.sign, unittest.mock\n"
        "assert fontTools.varLib.VariationMerger\n"
        "assert fontTools.varLib.varStore.OnlineVarStoreBuilder\n"
        "assert fpdf.fonts.instancer.instantiateVariableFont is not None\n"
        "assert fpdf.sign.patch('os.sep', '/')(lambda: 1)() == 1\n"
    )
    env = {**os.environ, "DIARY_TODAY": END.isoformat(), "TZ": "UTC"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert pdf_pages(target) == 1
    from pypdf import PdfReader

    reader = PdfReader(locked)
    assert reader.is_encrypted and not reader.decrypt("wrong")
    reader = PdfReader(locked)
    assert reader.decrypt("pass phrase")
    assert m.DISCLAIMER in " ".join(reader.pages[0].extract_text().split())


def test_the_cycle_collector_is_on_again_after_a_report(
    cli, demo_db: Path, tmp_path: Path
) -> None:
    """A report holds Python's cycle collector off while it is made, and puts it back as it
    was: on after the command, off inside an outer hold until that one ends."""
    import gc

    from diary.files.cycles import held_off

    assert gc.isenabled()
    assert cli("--db", str(demo_db), "report", "-o", str(tmp_path / "r.pdf")).code == 0
    assert gc.isenabled()
    with held_off():
        with held_off():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_export_report_for_the_app(demo_db: Path, tmp_path: Path) -> None:
    with open_store(demo_db) as store:
        line = export_report(store, tmp_path / "r.md", dt.date(2026, 10, 1), END, "md")
    assert line == f"Wrote report (md, 2026-10-01 to 2026-11-20) to {tmp_path / 'r.md'}"
    assert "2026-10-01 to 2026-11-20 (51 days)" in (tmp_path / "r.md").read_text("utf-8")


# --- empty diaries and bad input ------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_diary_gives_a_short_report(cli, db_path: Path, tmp_path: Path, fmt: str) -> None:
    open_store(db_path).close()
    target = tmp_path / f"empty.{fmt}"
    result = cli("report", "-o", str(target))
    assert result.code == 0, result.err
    text = flat(text_of(target))
    assert "No data recorded from 2026-08-23 to 2026-11-20." in text
    assert m.DISCLAIMER in text and m.CRISIS in text
    assert m.SESSIONS not in text
    if fmt == "pdf":
        assert pdf_pages(target) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_sessions_without_moods(cli, db_path: Path, tmp_path: Path, fmt: str) -> None:
    with open_store(db_path) as store:
        store.add_session(Session(started_at=at(10), route=Route.IM, dose_mg=50.0))
    target = tmp_path / f"r.{fmt}"
    assert cli("report", "-o", str(target)).code == 0
    text = flat(text_of(target))
    assert "No mood logged in this range." in text
    # the diary begins with the session on Nov 10: days are counted from it, 11 to Nov 20
    assert "0 of 11 days (counted from 2026-11-10, the first day recorded)" in text
    assert "1 in range: IM injection 1 (50 mg)" in text
    assert "not rated" in text  # a session without side-effect ratings says so


def test_missing_diary_is_not_created(cli, db_path: Path, tmp_path: Path) -> None:
    result = cli("report", "-o", str(tmp_path / "r.pdf"))
    assert result.code == 1
    assert result.err == f"diary: --db: there is no diary at {db_path}; no report was written\n"
    assert not db_path.exists() and not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("-o", "{dir}/r.pdf", "--format", "docx"), "report format (--format): 'docx'"),
        (
            ("-o", "{dir}/r.pdf", "--format", "md"),
            "report format (--format): 'md' is not accepted; expected pdf, as the file's name",
        ),
        (("-o", "{dir}/r.txt"), "output file (-o): '{dir}/r.txt'"),
        (("-o", "{dir}/folder", "--format", "pdf"), "output file (-o): '{dir}/folder'"),
        (("-o", "{dir}/folder/"), "output file (-o): '{dir}/folder/'"),
        (("-o", "{dir}/diary.db", "--format", "pdf"), "output file (-o): '{dir}/diary.db'"),
        (
            ("-o", "{dir}/r.pdf", "--since", "2026-11-10", "--until", "2026-11-01"),
            "start date (--since)",
        ),
        (("-o", "{dir}/r.pdf", "--since", "2026-13-01"), "start date (--since)"),
        (("-o", "{dir}/missing/r.pdf"), "output file (-o): '{dir}/missing/r.pdf'"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    cli, small: Path, tmp_path: Path, args: tuple[str, ...], field: str
) -> None:
    (tmp_path / "folder").mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    digest = hashlib.sha256(small.read_bytes()).hexdigest()
    result = cli("report", *(a.format(dir=tmp_path) for a in args))
    assert result.code == 2
    assert result.err.startswith("diary: " + field.format(dir=tmp_path))
    assert result.err.count("\n") == 1
    assert result.out == ""
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert hashlib.sha256(small.read_bytes()).hexdigest() == digest


# --- the model's rules for long tables ------------------------------------------------------


def test_hidden_checkins_name_every_item9_above_zero() -> None:
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=14 * i) for i in range(6)]
    rows = tuple(
        m.CheckinRow(day, phq9="10 moderate", item9="2" if i == 2 else "0")
        for i, day in enumerate(days)
    )
    built = m.Report(dt.date(2026, 1, 1), END, END, all_checkins=rows, checkin_rows=3)
    assert [r.day for r in built.checkins] == [days[0], days[4], days[5]]
    assert built.checkins_note == (
        "3 check-in days between the first and the most recent are not shown; "
        "PHQ-9 item 9 was above 0 on 2026-01-29 (2)."
    )
    assert m.Report(dt.date(2026, 1, 1), END, END, all_checkins=rows).checkins_note == ""


def test_pdf_chart_is_drawn_as_text_and_lines_without_a_warning(
    demo_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch
) -> None:
    """The chart goes into the PDF as a vector drawing: its legend and ticks are text a
    reader can search, and fpdf2 logs no complaint (it would reach the person's terminal)."""
    monkeypatch.setenv("DIARY_TODAY", END.isoformat())
    target = tmp_path / "report.pdf"
    with caplog.at_level("WARNING"), contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", str(demo_db), "report", "-o", str(target)]) == 0
    assert [record.getMessage() for record in caplog.records] == []
    text = flat(text_of(target))
    for label in ("Mood (0 worst, 10 best)", "Daily mood", "Session day", "Sep 2026", "Nov"):
        assert label in text, label


def test_chart_dates_are_whole_months_with_the_year_where_it_changes() -> None:
    from diary.files.report.chart import date_ticks

    quarter = date_ticks(dt.date(2026, 8, 23), dt.date(2026, 11, 20))
    assert [label for _, label in quarter] == ["Sep 2026", "15", "Oct", "15", "Nov", "15"]
    year = date_ticks(dt.date(2025, 11, 21), dt.date(2026, 11, 20))
    assert [label for _, label in year] == ["Dec 2025", "Feb 2026", "Apr", "Jun", "Aug", "Oct"]
    weeks = date_ticks(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [label for _, label in weeks] == ["2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"]


def test_the_baseline_before_treatment_is_named_in_a_later_range(
    cli, db_path: Path, tmp_path: Path
) -> None:
    # PHQ-9 24 on 2026-06-01, session #1 on 2026-06-03; PHQ-9 12 on 2026-11-10: the default
    # 90-day range (Aug 23 - Nov 20) holds only the latest; (12 - 24) / 24 = -50%, 12 <= 12
    with open_store(db_path) as store:
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 6, 1), (3,) * 8 + (0,)))
        store.add_session(Session(dt.datetime(2026, 6, 3, 10, tzinfo=dt.UTC), Route.IV))
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 10), (2,) * 6 + (0,) * 3))
    for fmt in FORMATS:
        target = tmp_path / f"r.{fmt}"
        assert cli("report", "-o", str(target)).code == 0
        text = flat(text_of(target))
        assert (
            "latest 12 (moderate, 2026-11-10) vs baseline 24 on 2026-06-01, before session #1: "
            "change -50%; response yes; remission no"
        ) in text, fmt


def test_a_baseline_after_treatment_began_is_defined_as_such(
    cli, db_path: Path, tmp_path: Path
) -> None:
    # session #1 on Nov 2 with no PHQ-9 before it: the baseline is the first on record
    # (20 on Nov 3), and the definitions under the overview say so, not only "before #1"
    with open_store(db_path) as store:
        store.add_session(Session(at(2), Route.IV, dose_mg=35.0))
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 3), (3,) * 6 + (1, 1, 0)))
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 19), (1,) * 8 + (0,)))
    for fmt in FORMATS:
        text = flat(text_of(report(cli, tmp_path, fmt)))
        assert (
            "latest 8 (mild, 2026-11-19) vs baseline 20 on 2026-11-03, first on record, after "
            "treatment began: change -60%; response yes; remission no"
        ) in text, fmt
        assert "Baseline: the last on or before session #1's day, else the first on record." in (
            text
        ), fmt


def test_doses_are_shown_as_recorded_not_rounded(cli, db_path: Path, tmp_path: Path) -> None:
    # 0.375 mg/kg at 80 kg (30 mg worked out), 12.345 mg, and 0.125 mg/kg without a weight:
    # each dose as typed, as diary stats --json, the CSV and diary session list give it
    # (rounded to 2 decimals they read 0.38, 12.35 and 0.12: doses that were not given)
    for at_, dose in (
        ("2026-11-02 10:00", ("--dose-mg-per-kg", "0.375", "--weight-kg", "80")),
        ("2026-11-05 10:00", ("--dose-mg", "12.345")),
        ("2026-11-08 10:00", ("--dose-mg-per-kg", "0.125")),
    ):
        assert cli("session", "add", "--at", at_, "--route", "iv", *dose).code == 0
    for fmt in FORMATS:
        text = flat(text_of(report(cli, tmp_path, fmt)))
        assert "IV infusion 3 (12.345-30 mg, 0.125-0.375 mg/kg)" in text, fmt
        for shown in ("30 mg, 0.375 mg/kg", "12.345 mg", "0.125 mg/kg"):
            assert shown in text, (fmt, shown)
        for rounded in ("0.38", "12.35", "0.12 "):
            assert rounded not in text, (fmt, rounded)
    stats = cli("stats").out
    assert " 12.345 " in stats and "12.35" not in stats


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sessions_legend_says_what_mood_change_and_hr_spo2_are(
    demo_reports: dict[str, Path], fmt: str
) -> None:
    # "+3" under "Mood change" and "71-91, 97%" under "HR, SpO2" mean nothing to a reader
    # until the legend says: the 3 days after against the 3 before; lowest-highest, lowest
    text = flat(text_of(demo_reports[fmt]))
    if fmt == "pdf":  # the narrow page: the short words, beside the days-above legend
        assert "Mood change: mean mood of the 3 days after a session minus the 3 before." in text
    else:
        assert (
            "Mood change: the mean logged mood of the 3 days after a session (up to the day "
            "before the next one) minus that of the 3 days before it."
        ) in text
        assert "HR, SpO2: the session's lowest-highest heart rate and its lowest SpO2." in text


def test_blood_pressure_marks_in_every_format(cli, db_path: Path, tmp_path: Path) -> None:
    # pre-dose 120/70; ~40 min 165/80 is 45 over (a rise); discharge 182/96 is 62 and 26 over
    # and at or above 180 (very high); a stand-alone 150/121 is very high (diastolic >= 120)
    with open_store(db_path) as store:
        store.add_session(
            Session(
                started_at=at(10),
                route=Route.IV,
                dose_mg=40.0,
                vitals=(
                    VitalReading(VitalLabel.PRE, 120, 70),
                    VitalReading(VitalLabel.FORTY, 165, 80),
                    VitalReading(VitalLabel.DISCHARGE, 182, 96),
                ),
            )
        )
        store.add_vital(VitalReading(VitalLabel.OTHER, 150, 121, taken_at=at(12, 8)))
    for fmt in FORMATS:
        text = flat(text_of(report(cli, tmp_path, fmt)))
        assert (
            "3 readings marked on 2 days (2 rise over 40/25 from pre-dose, 2 very high "
            "(180/120)): ~40 min 165/80 ↑ on 2026-11-10, discharge 182/96 ↑‼ on 2026-11-10, "
            "other 150/121 ‼ on 2026-11-12"
        ) in text, fmt
        assert "120/70 ▲" not in text  # 120/70 is below the pre-dose guide
        for legend in ("▲ above pre-dose reference", "↑ rise over 40/25 from pre-dose"):
            assert legend in text, fmt
        assert "‼ very high (180/120)" in text
        assert "esketamine label" in text and "ACC/AHA 2017" in text


def test_markdown_lines_fit_a_portal_message(
    demo_reports: dict[str, Path], cli, small: Path, tmp_path: Path
) -> None:
    for path in (demo_reports["md"], report(cli, tmp_path, "md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert max(len(line) for line in lines) <= 100, path
        assert not any(line.startswith("|") and len(line) > 100 for line in lines)


def test_a_wrapped_line_never_starts_a_new_block() -> None:
    from diary.files.report.markdown import _fit

    long = "- " + "a" * 97 + " - not a list, # not a heading"
    fitted = _fit([long], width=100)
    assert fitted[0] == "- " + "a" * 97 and len(fitted) == 2
    assert fitted[1] == "  \\- not a list, # not a heading"
    assert _fit(["b" * 99 + " # heading"]) == ["b" * 99, "\\# heading"]
    assert _fit(["| a table row " + "c" * 100]) == ["| a table row " + "c" * 100]


def test_every_format_shows_the_numbers_of_diary_stats(
    demo_db: Path, demo_reports: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIARY_TODAY", END.isoformat())
    monkeypatch.setenv("TZ", "UTC")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(demo_db), "stats", "--json", "--since", "2026-08-23"]) == 0
    figures = json.loads(out.getvalue())

    def number(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")

    def signed(value: float) -> str:
        return ("-" if value < 0 else "+") + number(abs(value))

    short = {"mood at or below baseline": "low", "next session": "next"}
    short["end of diary so far"] = "end"
    # the words a reader sees: HTML without its tags
    texts = {fmt: flat(re.sub("<[^>]+>", " ", text_of(p))) for fmt, p in demo_reports.items()}
    for fmt, text in texts.items():
        assert f"{figures['days_logged']} of {figures['days_counted']} days" in text, fmt
        mood = figures["mood"]
        assert f"whole range {number(mood['mean'])}" in text
        assert f"anxiety (0-10) mean {number(mood['anxiety_mean'])}" in text
        assert f"sleep mean {number(mood['sleep_hours_mean'])} h" in text
        course = figures["treatment"]
        assert f"started {course['first_session']} (session #1)" in text
        assert f"{course['sessions_so_far']} sessions by {END.isoformat()}" in text
        assert f"{course['days_since_last_session']} days before the range's end" in text
        checkins = figures["checkins"]
        assert f"change {signed(checkins['phq9_change_pct'])}%" in text
        for session in figures["sessions"]:
            assert session["date"] in text and f"{session['dose_mg']:g} mg" in text
            if session["change"] is not None:
                assert signed(session["change"]) in text
            days, logged = session["days_above_baseline"], session["logged_days"]
            if fmt == "pdf":
                assert f"{days} ({logged}, {short[session['ended_by']]})" in text
            elif fmt == "html":
                assert f"{days} ({logged} logged" in text
            else:
                assert f"days above pre-session mood {days} ({logged} logged" in text
        for symptom in figures["symptoms"]:
            cells = [
                symptom["label"],
                f"{symptom['sessions_affected']} of {len(figures['sessions'])}",
                number(symptom["mean_severity"]),
                str(symptom["max_severity"]),
                number(symptom["early_mean"]),
                number(symptom["recent_mean"]),
                number(symptom["median_minutes"]),
            ]
            row = md_row(*cells) if fmt == "md" else " ".join(cells)
            assert row in text, (fmt, row)


def test_the_csv_gives_the_numbers_of_diary_stats(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    monkeypatch.setenv("DIARY_TODAY", END.isoformat())
    monkeypatch.setenv("TZ", "UTC")
    span = ["--since", "2026-08-23"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(demo_db), "stats", "--json", *span]) == 0
        for name, extra in (("days.csv", []), ("sessions.csv", ["--sessions"])):
            target = str(tmp_path / name)
            assert main(["--db", str(demo_db), "export", "csv", "-o", target, *span, *extra]) == 0
    figures = json.loads(out.getvalue().split("\nWrote")[0])  # the lines after: "Wrote ..."

    def rows(name: str) -> list[dict[str, str]]:
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        return list(csv.DictReader(io.StringIO(text, newline="")))

    def cell(value: object) -> str:
        return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    sessions = rows("sessions.csv")
    assert len(sessions) == len(figures["sessions"])
    for row, session in zip(sessions, figures["sessions"], strict=True):
        for key in ("date", "number", "route", "phase", "dose_mg", "dose_mg_per_kg", "gap_days"):
            assert row[key] == cell(session[key]), key
        for key in ("same_day_as", "baseline", "after", "change", "days_above_baseline"):
            assert row[key] == cell(session[key]), key
        for key in ("logged_days", "ended_by", "burden"):
            assert row[key] == cell(session[key]), key
    days = rows("days.csv")
    assert len(days) == figures["days_in_range"]
    assert sum(1 for d in days if d["mood"]) == figures["days_logged"]
    assert sum(int(d["sessions"] or 0) for d in days) == len(figures["sessions"])
    by_day = {d["date"]: d for d in days}
    last = {c["date"]: c for c in figures["checkins"]["phq9"]}  # the last saved of a day
    for date, checkin in last.items():
        assert by_day[date]["phq9"] == str(checkin["total"])
        assert by_day[date]["phq9_item9"] == str(checkin["item9"])
    anxiety = [int(d["anxiety"]) for d in days if d["anxiety"]]
    assert round(sum(anxiety) / len(anxiety), 2) == figures["mood"]["anxiety_mean"]


def test_two_sessions_on_one_day_share_one_set_of_mood_figures(
    cli, db_path: Path, tmp_path: Path
) -> None:
    # mood 4 on Nov 7-9, 8 on Nov 11-12; sessions at 09:00 (#1) and 15:00 (#2) on Nov 10:
    # the day's figures are #2's: baseline 4, after (8 + 8) / 2 = 8, change +4, Nov 11 and 12
    # above it, then the diary ends
    with open_store(db_path) as store:
        for day, mood in ((7, 4), (8, 4), (9, 4), (11, 8), (12, 8)):
            store.save_mood(MoodEntry(dt.date(2026, 11, day), mood))
        for hour in (9, 15):
            store.add_session(Session(at(10, hour), Route.IV, dose_mg=35.0))
    for fmt in FORMATS:
        text = flat(text_of(report(cli, tmp_path, fmt)))
        assert "same day as #2" in text, fmt
        if fmt == "md":
            assert "- **2026-11-10 #1** IV infusion, –, 35 mg" in text
            assert "mood change –; days above pre-session mood same day as #2" in text
            assert "mood change +4; days above pre-session mood 2 (2 logged, diary ends)" in text
        elif fmt == "pdf":
            assert "+4 2 (2, end)" in text
        # the day between is 0 days
        assert "days between sessions 0 (median 0)" in text


def test_each_pdf_session_row_is_one_line(demo_db: Path, demo_reports: dict[str, Path]) -> None:
    lines = pdf_text(demo_reports["pdf"]).splitlines()
    rows = [line for line in lines if re.match(r"^2026-\d\d-\d\d \d+ IV infusion", line)]
    assert len(rows) == 11  # every session of the 90 days, none cut to the next page
    for row in rows:
        # date, number, route, phase, dose, three readings, HR/SpO2, change, days above, side
        # effects: all on the row's one line
        assert re.search(r"mg/kg \d+/\d+ \d+/\d+ \d+/\d+ \d+-\d+, \d+% ", row), row
        assert re.search(r"\d+ \(\d+, (next|low|end)\) ", row), row


def test_the_report_names_why_response_is_not_assessed(cli, db_path: Path, tmp_path: Path) -> None:
    # PHQ-9 8 on Nov 1 (before session #1 on Nov 2), 3 on Nov 19: a baseline below 10
    with open_store(db_path) as store:
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 1), (1,) * 8 + (0,)))
        store.add_session(Session(at(2), Route.IV, dose_mg=35.0))
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 19), (1, 1, 1) + (0,) * 6))
    for fmt in FORMATS:
        text = flat(text_of(report(cli, tmp_path, fmt)))
        assert (
            "latest 3 (minimal, 2026-11-19) vs baseline 8 on 2026-11-01, before session #1: "
            "change -62.5%; response and remission not assessed (baseline below 10)"
        ) in text, fmt
        assert "; remission " not in text  # no verdict ("...; remission yes" or "no")


def test_the_pdf_chart_has_the_html_charts_marks_in_a_few_paths() -> None:
    """For fpdf2 the daily dots come as one path of four Bezier quarters each, the session
    days' rules and marks as one path each: the same places as the HTML's circles, lines
    and polygons, and the rest of the drawing unchanged."""
    from diary.files.report.chart import KAPPA, MOOD_COLOUR, mood_chart_svg

    days = tuple(dt.date(2026, 9, 1) + dt.timedelta(days=d) for d in (0, 1, 2, 5, 9))
    series = m.MoodSeries(days, (3, 7, 7, 10, 0), (), (), (days[1],), days[0], days[-1])
    html_chart, pdf_chart = mood_chart_svg(series), mood_chart_svg(series, standalone=True)
    circles = re.findall(
        rf'<circle cx="([\d.]+)" cy="([\d.]+)" r="5.5" fill="{MOOD_COLOUR}"/>', html_chart
    )
    assert len(circles) == len(days) + 1  # and the legend's
    path = re.findall(rf'<path d="([^"]+)" fill="{MOOD_COLOUR}"/>', pdf_chart)
    assert len(path) == 1
    dots = path[0].split("Z")[:-1]
    assert len(dots) == len(days)
    for dot, (cx, cy) in zip(dots, circles, strict=False):
        numbers = [float(v) for v in re.findall(r"-?[\d.]+", dot)]
        x, y = float(cx), float(cy)
        assert numbers[:2] == pytest.approx([x + 5.5, y])
        assert numbers[2:4] == pytest.approx([x + 5.5, y + KAPPA * 5.5], abs=0.006)
        assert numbers[-2:] == pytest.approx([x + 5.5, y])
    # the session days' rules and marks: one path each, at the HTML's places
    rules = re.findall(
        r'<line x1="([\d.]+)" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)" stroke="#e9c3c2"', html_chart
    )
    assert re.findall(r"M([\d.]+) ([\d.]+)V([\d.]+)", pdf_chart) == rules
    marks = re.findall(r'<polygon points="([^"]+)" fill="#c0504d"/>', html_chart)
    drawn = re.findall(r"M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)Z", pdf_chart)
    assert [" ".join(f"{a},{b}" for a, b in zip(d[::2], d[1::2], strict=True)) for d in drawn] == (
        marks[:-1]  # the legend's mark stays a polygon
    )
    marked = r"<(path|circle|polygon) [^>]+>\n|<line [^>]*#e9c3c2[^>]*>\n"
    rest, html_rest = re.sub(marked, "", pdf_chart), re.sub(marked, "", html_chart)
    assert html_rest.split("</title>", 1)[1] == rest.split(">", 1)[1]  # the rest unchanged
