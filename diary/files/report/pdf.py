"""The report as a PDF (fpdf2): one A4 or Letter page where the range allows.

Text is set in DejaVu Sans, shipped in this package (fonts/, with its licence): the page
and the chart's SVG drawing use the same face and nothing is fetched. DejaVu covers Latin,
Greek and Cyrillic; characters it lacks (Chinese, Japanese, Korean, most emoji) are printed
as a visible placeholder and a line says so; the Markdown and HTML reports keep them.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from dataclasses import replace
from pathlib import Path

from diary.domain import DiaryError
from diary.files.cycles import held_off
from diary.files.report import model as m
from diary.files.report.fpdf_import import import_fpdf
from diary.files.report.pdf_measure import drawn_paragraph, measured_only, measured_paragraph
from diary.files.report.pdf_sections import (
    BODY,
    CELL_PAD_Y,
    CHART_HEIGHT,
    CRISIS_PAD_Y,
    FONT,
    GREY,
    LINE_OF,
    MARGIN,
    SESSION_TABLE,
    SMALL,
)

# what an fpdf2 font records of the one document it draws on (the rest is the font's own)
_PER_DOCUMENT = ("i", "subset", "missing_glyphs", "biggest_size_pt")


def _add_fonts(pdf, fonts: tuple[tuple[str, Path], ...], faces: dict[str, object]) -> None:
    """Register each (style, path) font under FONT on pdf. A report lays itself out several
    times: the first layout reads the fonts (into faces) and each later one draws with a copy
    that keeps its own record of the glyphs it uses (the one written out subsets the font)."""
    for style, path in fonts:
        key = f"{FONT}{style}"
        template = faces.get(key)
        if template is None or not all(hasattr(template, name) for name in _PER_DOCUMENT):
            pdf.add_font(FONT, style, str(path))  # (an fpdf2 without them: read every time)
            faces[key] = _quick(pdf.fonts[key])
            continue
        font = copy.copy(template)
        font.i = len(pdf.fonts) + 1
        font.subset = type(template.subset)(font)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        pdf.fonts[key] = font


def _quick(font):
    """The fpdf2 font, measuring strings in one pass over their characters: line breaking
    asks for the width of every prefix of a line, and that is most of a layout's time."""
    from fpdf.fonts import TTFFont

    measured = ("cw", "is_symbol", "biggest_size_pt")  # what fpdf2's own measuring reads
    if type(font) is TTFFont and all(hasattr(font, name) for name in measured):
        font.__class__ = _quick_font_class()
    return font


@functools.cache
def _quick_font_class():
    from fpdf.fonts import TTFFont

    class QuickTTFFont(TTFFont):
        """The same widths (a sum of whole numbers, in any order the same), found with map
        rather than a generator (fpdf2's own, with text shaping or a symbol font)."""

        __slots__ = ()
        measures_quickly = True  # what pdf_measure asks before summing widths itself

        def get_text_width(self, text, font_size_pt, text_shaping_params):
            if text_shaping_params or self.is_symbol:
                return super().get_text_width(text, font_size_pt, text_shaping_params)
            if font_size_pt > self.biggest_size_pt:
                self.biggest_size_pt = font_size_pt
            units = sum(map(self.cw.__getitem__, map(ord, text)))
            return len(text), units * font_size_pt * 0.001

    return QuickTTFFont


def font_paths() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold, shipped beside this module."""
    folder = Path(__file__).with_name("fonts")
    regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    for path in (regular, bold):
        if not path.is_file():
            raise DiaryError(f"cannot make the PDF: the font {path} is missing")
    return regular, bold


# When a long range spills onto a second page, rows come off the notes, the check-ins and
# the sessions in this order, each down to the floor given (notes and older rows go first;
# the sessions keep their rows longest).
SHRINK_ORDER = (
    ("clinic", 0),
    ("notes", 5),
    ("checkins", 6),
    ("notes", 3),
    ("checkins", 4),
    ("notes", 2),
    ("sessions", 10),
    ("sessions", 6),
    ("sessions", 4),
)
ROW_GUESS = {"sessions": 4.5, "checkins": 3.2, "notes": 3.5, "clinic": 6.0}  # mm, guessed
HIDDEN_LINE = {"sessions": 3.0, "checkins": 6.0, "notes": 3.0, "clinic": 3.0}  # "not shown"
AIM = 2.0  # mm to spare that the estimate aims for; the step-down pass settles the rest
MEASURING_HEIGHT = 3000.0
MAX_TRIES = 4
# More sessions than this never fit one page beside the rest, so a first try at the whole
# report is skipped for them (the measuring pass alone decides; the bytes are the same)
SURELY_OVER_SESSIONS = 16


def _counts(report: m.Report) -> dict[str, int]:
    return {
        "sessions": len(report.sessions),
        "checkins": len(report.checkins),
        "notes": len(report.notes),
        "clinic": len(report.clinic),
    }


def _shorter(report: m.Report, rows: dict[str, int]) -> m.Report:
    return replace(
        report,
        session_rows=rows["sessions"],
        checkin_rows=rows["checkins"],
        note_rows=rows["notes"],
        clinic_rows=rows["clinic"],
    )


def _fitted(report: m.Report, spans: dict[str, float], need: float) -> m.Report:
    """The report with as few rows taken off as the measured heights say will fit a page."""
    rows = _counts(report)
    full = {"sessions": len(report.all_sessions), "checkins": len(report.all_checkins)}
    full["notes"] = len(report.all_notes)
    full["clinic"] = len(report.all_clinic)
    # a table's height includes its header row, so it counts as one more row
    header = {"sessions": 1, "checkins": 1, "notes": 0, "clinic": 0}
    per = {
        key: spans[key] / (count + header[key]) if count and spans.get(key) else ROW_GUESS[key]
        for key, count in rows.items()
    }
    # check-in rows only save space while their column is the taller of the two
    slack = spans.get("right", 0.0) - spans.get("left", 0.0)
    for key, floor in SHRINK_ORDER:
        while need > 0 and rows[key] > floor:
            gain = per[key]
            if rows[key] == full[key]:
                gain -= HIDDEN_LINE[key]
            if key == "checkins":
                gain = min(gain, slack)
                slack -= per[key]
                if gain <= 0:
                    break
            rows[key] -= 1
            need -= gain
    return _shorter(report, rows)


def _step_down(report: m.Report) -> m.Report | None:
    """One row fewer of sessions and notes (above their floors); None when none can go."""
    rows = _counts(report)
    floors = {key: min(f for k, f in SHRINK_ORDER if k == key) for key in rows}
    changed = False
    for key in ("clinic", "sessions", "notes"):
        if rows[key] > floors[key]:
            rows[key] -= 1
            changed = True
    return _shorter(report, rows) if changed else None


def _same_room(before: str, after: str) -> bool:
    """True when after sets exactly as before: the same text but for digits (DejaVu's digits
    are all one width), so it breaks into the same lines."""
    return len(before) == len(after) and all(
        a == b or (a.isdigit() and b.isdigit()) for a, b in zip(before, after, strict=True)
    )


def surely_over(report: m.Report, longer: m.Report, bottom: float) -> bool:
    """True when longer (report with one session row more) cannot fit the page that report
    ends at bottom mm down. The row goes at the top of the table and moves everything below
    it down by at least one line of the table; the line under the table keeps its length;
    so when the page's end is nearer than that (with the crisis box's padding to spare: fpdf2
    checks its last line, not the box) another layout would only find a second page."""
    before, after = report.sessions_hidden_line, longer.sessions_hidden_line
    if not (before and after and _same_room(before, after)):
        return False
    row = SESSION_TABLE * LINE_OF + 2 * CELL_PAD_Y  # the least a row can take
    # bottom: how far past the page's end report ends, in mm (negative: short of it)
    return bottom + row > CRISIS_PAD_Y


def _document(
    report: m.Report,
    paper: str | tuple[float, float],
    chart: str | None,
    faces: dict[str, object],
    *,
    draw: bool = True,
):  # -> (FPDF, PageWriter)
    """Lay the whole report out on a new document. draw=False: a layout only measured (its
    height, its pages), never written out: the chart's room only, and a table cell that
    surely sets on one line only moves the page on (pdf_measure)."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    from diary.files.report.pdf_sections import PageWriter

    regular, bold = font_paths()
    footer_text = f"{m.DISCLAIMER}   Report for {report.period}."

    class ReportPDF(FPDF):
        only_measured = not draw  # never to be written out

        def multi_cell(self, *args, **kwargs):  # ragged right reads better than justified
            kwargs.setdefault("align", "L")
            if not args and (measured := measured_only(self, kwargs, discarded=not draw)):
                return measured  # a table cell's height, known without breaking lines
            if args and not draw and (moved := measured_paragraph(self, args, kwargs)) is not None:
                return moved  # a paragraph on a layout only measured: its lines counted
            if args and draw and (drawn := drawn_paragraph(self, args, kwargs)) is not None:
                return drawn  # drawn line by line, its lines found without fpdf2's breaker
            return super().multi_cell(*args, **kwargs)

        def footer(self) -> None:
            self.set_y(-8)
            self.set_font(FONT, "", SMALL)
            self.set_text_color(*GREY)
            self.cell(0, 4, f"{footer_text}   Page {self.page_no()} of {{nb}}", align="C")

    pdf = ReportPDF(orientation="P", unit="mm", format=paper)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    _add_fonts(pdf, (("", regular), ("B", bold)), faces)
    pdf.set_title(f"Diary report {report.period}")
    pdf.set_creator("diary")
    pdf.set_creation_date(dt.datetime.combine(report.made, dt.time(12, 0), tzinfo=dt.UTC))
    pdf.add_page()
    writer = PageWriter(pdf, FontFace)
    writer.header(report)
    if report.empty:
        writer.heading(m.OVERVIEW)
        writer.para(report.empty_line, BODY + 1, bold=True)
    else:
        writer.overview(report)
        writer.mood(report, chart, draw=draw)
        writer.sessions(report)
        writer.symptoms_and_checkins(report)
        writer.notes(report)
    writer.crisis(report)
    return pdf, writer


def _bytes(pdf, password: str | None) -> bytes:
    """The PDF's bytes; with a password, encrypted with AES-256 (PDF 2.0's standard handler),
    so a PDF reader asks for it before showing anything."""
    if pdf.only_measured:
        raise AssertionError("a layout laid out only to be measured is not a PDF to write")
    if password is not None:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password=password,
            user_password=password,
            encryption_method=EncryptionMethod.AES_256,
            encrypt_metadata=True,
        )
    return bytes(pdf.output())


def render_pdf(report: m.Report, paper: str = "A4", password: str | None = None) -> bytes:
    """The report as PDF bytes (password-protected when one is given); when a long range
    does not fit one page, the sessions, check-in and notes tables show fewer rows (each
    says how many it leaves out)."""
    with held_off():
        return _render_pdf(report, paper, password)


def _render_pdf(report: m.Report, paper: str, password: str | None) -> bytes:
    import_fpdf()
    from fpdf import FPDF

    size = FPDF(unit="mm", format=paper)
    if report.clinic_rows < 0 or report.change_rows < 0:  # one page: the most recent few
        report = replace(report, clinic_rows=m.CLINIC_ROWS, change_rows=m.CHANGE_ROWS)
    chart = None
    if not report.empty and report.mood is not None and report.mood.days:
        from diary.files.report.chart import mood_chart_svg

        chart = mood_chart_svg(report.mood, size.w - 2 * MARGIN, CHART_HEIGHT, standalone=True)
    faces: dict[str, object] = {}  # the fonts as read by the first layout, for the others

    def lay(report: m.Report, paper: str | tuple[float, float] = paper, *, draw: bool = True):
        return _document(report, paper, chart, faces, draw=draw)

    if len(report.all_sessions) <= SURELY_OVER_SESSIONS:
        pdf, _ = lay(report)
        if pdf.pages_count == 1:  # most ranges fit as they are: one layout, no measuring
            return _bytes(pdf, password)
    # lay it out on one very long page, which measures every part exactly (the chart's
    # room kept without drawing it: its height is fixed)
    _, writer = lay(report, (size.w, MEASURING_HEIGHT), draw=False)
    need = writer.at() - (size.h - MARGIN)
    if need > 0:
        report = _fitted(report, writer.spans, need + AIM)
    pdf, writer = lay(report)  # most often the one kept: drawn in full
    if need <= 0 and pdf.pages_count == 1:  # it fits as it is: what the first try gives
        return _bytes(pdf, password)
    # the tries below only count pages: the chart's room is kept without drawing it (its
    # height is fixed), and the one kept is drawn in full at the end
    drawn = report
    for _ in range(MAX_TRIES):
        if pdf.pages_count == 1 or (shorter := _step_down(report)) is None:
            break
        report = shorter
        pdf, writer = lay(report, draw=False)
    for _ in range(MAX_TRIES):  # the estimate errs on the safe side: give sessions back
        if pdf.pages_count != 1 or len(report.sessions) == len(report.all_sessions):
            break
        longer = replace(report, session_rows=len(report.sessions) + 1)
        if surely_over(report, longer, writer.at() - (size.h - MARGIN)):
            break  # what laying it out would find, without the layout
        tried, tried_writer = lay(longer, draw=False)
        if tried.pages_count != 1:
            break
        report, pdf, writer = longer, tried, tried_writer
    if report is not drawn:
        pdf, _ = lay(report)
    return _bytes(pdf, password)
