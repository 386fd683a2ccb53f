"""The sections of the PDF report, laid out top to bottom on an fpdf2 document."""

from __future__ import annotations

import io
from collections.abc import Sequence

from diary.files.report import model as m

FONT = "dejavu"
MISSING_GLYPH = "□"
BODY = 7.5
SMALL = 6.5
TABLE = 6.8
SESSION_TABLE = 6.3  # the widest table: one line per session
CELL_PAD = 0.9  # mm left and right of a table cell's text
CELL_PAD_Y = 0.35  # mm above and below it
LINE_OF = 0.45  # a table's line height, per point of its font size
HEADING = 9.5
LINE = 3.5
MARGIN = 12.0
INK = (25, 25, 25)
GREY = (95, 95, 95)
ACCENT = (31, 78, 121)
ABOVE = (176, 32, 32)
RULE = (170, 180, 190)
TINT = (234, 240, 246)
WARM = (250, 244, 232)
ROWS = (246, 247, 249)
CHART_HEIGHT = 35.0
CRISIS_TITLE = 4.4  # mm: the crisis box's title line
CRISIS_PAD_Y = 0.6  # mm above and below the crisis box's text, the last thing on the page


class PageWriter:
    """Lays the report out on an fpdf2 document, top to bottom."""

    def __init__(self, pdf, face) -> None:  # fpdf.FPDF, fpdf.fonts.FontFace
        self.pdf = pdf
        self.face = face
        self.cmap = set(pdf.fonts[FONT].cmap)
        self.replaced = False
        self.spans: dict[str, float] = {}  # heights in mm of the parts that can shrink

    def at(self) -> float:
        """How far down the document we are, in mm, counting earlier pages."""
        return (self.pdf.page - 1) * self.pdf.h + self.pdf.get_y()

    # text ------------------------------------------------------------------------------------

    def safe(self, text: str) -> str:
        """The text with characters the font lacks replaced by a visible placeholder."""
        if all(ord(ch) in self.cmap or ch in "\n" for ch in text):
            return text
        self.replaced = True
        return "".join(ch if ord(ch) in self.cmap or ch == "\n" else MISSING_GLYPH for ch in text)

    def fitted(self, items: Sequence[str], width: float) -> str:
        """As many items as fit on one line of width mm in the current font, then '+N'."""
        for count in range(len(items), 0, -1):
            rest = len(items) - count
            text = ", ".join(items[:count]) + (f" +{rest}" if rest else "")
            if self.pdf.get_string_width(self.safe(text)) <= width:
                return text
        # not even the first fits: shorten its label, keeping its severity and the count
        label, severity = items[0].rsplit(" ", 1)
        tail = f" {severity}" + (f" +{len(items) - 1}" if len(items) > 1 else "")
        while len(label) > 1:
            label = label[:-1].rstrip()
            if self.pdf.get_string_width(self.safe(f"{label}…{tail}")) <= width:
                break
        return f"{label}…{tail}"

    def style(self, size: float = BODY, bold: bool = False, colour=INK) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)
        self.pdf.set_text_color(*colour)

    def para(self, text: str, size: float = BODY, bold: bool = False, colour=INK) -> None:
        self.style(size, bold, colour)
        self.pdf.multi_cell(0, size * 0.47, self.safe(text), new_x="LMARGIN", new_y="NEXT")

    def heading(self, title: str, width: float | None = None) -> None:
        pdf = self.pdf
        x = pdf.get_x()
        pdf.ln(1.2)
        pdf.set_x(x)
        self.style(HEADING, bold=True, colour=ACCENT)
        width = width or pdf.epw
        pdf.cell(width, 4.2, title, new_x="LEFT", new_y="NEXT")
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.25)
        pdf.line(x, pdf.get_y(), x + width, pdf.get_y())
        pdf.set_x(x)
        pdf.ln(0.8)
        pdf.set_x(x)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        width: float | None = None,
        x: float | None = None,
        aligns: Sequence[str] | None = None,
        size: float = TABLE,
    ) -> None:
        """A table with a tinted header row; a cell given as a Reading is marked when above."""
        pdf, face = self.pdf, self.face
        self.style(size)
        if x is not None:
            pdf.set_x(x)
        pdf.set_fill_color(*ROWS)
        with pdf.table(
            col_widths=tuple(widths),
            width=width or pdf.epw,
            align="LEFT",
            text_align=tuple(aligns or ["LEFT"] * len(header)),
            line_height=size * LINE_OF,
            padding=(CELL_PAD_Y, CELL_PAD),
            borders_layout="HORIZONTAL_LINES",
            headings_style=face(emphasis="BOLD", color=INK, fill_color=TINT),
            cell_fill_color=ROWS,
            cell_fill_mode="ROWS",
            v_align="TOP",
        ) as table:
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.1)
            head = table.row()
            for title in header:
                head.cell(self.safe(title))
            for values in rows:
                row = table.row()
                for value in values:
                    if isinstance(value, m.Reading):
                        style = face(color=ABOVE, emphasis="BOLD") if value.above else None
                        row.cell(value.marked, style=style)
                    elif isinstance(value, m.Emphasis):
                        row.cell(self.safe(value.text), style=face(color=ABOVE, emphasis="BOLD"))
                    else:
                        row.cell(self.safe(str(value)))

    # sections --------------------------------------------------------------------------------

    def header(self, report: m.Report) -> None:
        pdf = self.pdf
        self.style(13, bold=True)
        pdf.cell(pdf.epw * 0.75, 6.5, m.TITLE)
        self.style(BODY, colour=GREY)
        pdf.cell(0, 6.5, f"Made {report.made.isoformat()}", align="R", new_x="LMARGIN")
        pdf.ln(6.5)
        who = report.name or "not given"
        self.style(BODY + 0.5)
        pdf.write(4.2, "Name: ")
        self.style(BODY + 0.5, bold=True)
        pdf.write(4.2, self.safe(who))
        self.style(BODY + 0.5)
        pdf.write(4.2, f"     Period: {report.period}")
        pdf.ln(5)
        pdf.set_fill_color(*WARM)
        self.style(BODY, bold=True)
        pdf.cell(0, 4.6, f"  {m.DISCLAIMER}  {m.NO_ADVICE}", fill=True, new_x="LMARGIN")
        pdf.ln(5)

    def overview(self, report: m.Report) -> None:
        pdf = self.pdf
        self.heading(m.OVERVIEW)
        label_width = 27.0
        for label, value in report.overview:
            self.style(BODY, bold=True)
            pdf.cell(label_width, LINE + 0.2, self.safe(label))
            self.style(BODY)
            pdf.multi_cell(0, LINE + 0.2, self.safe(value), new_x="LMARGIN", new_y="NEXT")
        for line in report.definitions:
            self.para(line, SMALL, colour=GREY)

    def mood(self, report: m.Report, chart: str | None, *, draw: bool = True) -> None:
        """The chart, or a line saying there is none; draw=False only keeps its room (a
        layout that measures, where parsing the drawing again would change nothing)."""
        self.heading(m.MOOD)
        if chart is None:
            self.para("No mood logged in this range.")
            return
        pdf = self.pdf
        if draw:
            drawing = io.BytesIO(chart.encode("utf-8"))  # the SVG drawing, as vectors and text
            pdf.image(drawing, x=pdf.l_margin, y=pdf.get_y(), w=pdf.epw, h=CHART_HEIGHT)
        pdf.set_y(pdf.get_y() + CHART_HEIGHT)
        self.para(m.MOOD_CAPTION, SMALL, colour=GREY)

    def sessions(self, report: m.Report) -> None:
        self.heading(m.SESSIONS)
        if not report.sessions:
            self.para("No sessions in this range.")
            return
        header = list(m.session_header(report.pulse))
        header[header.index("Days above pre-session mood")] = "Days above"
        # mm: date, no., route, phase, dose, three readings, [HR], mood change, days above;
        # each holds its longest text at SESSION_TABLE size plus the cell padding
        widths = [15, 6.5, 13.5, 16.5, 24, 13.5, 13.5, 15.5]  # "discharge" on one line
        if report.pulse:
            widths.append(15)
        widths += [11, 14.5]
        widths.append(self.pdf.epw - sum(widths))
        self.style(SESSION_TABLE)
        rows = []
        for r in report.sessions:
            cells = list(r.cells(report.pulse))
            cells[-2] = r.benefit_short  # the narrow column; its legend spells it out
            if r.side_effect_items:
                cells[-1] = self.fitted(r.side_effect_items, widths[-1] - 2 * CELL_PAD)
            rows.append(cells)
        aligns = ["LEFT"] * len(header)
        aligns[1] = aligns[-3] = "RIGHT"
        top = self.at()
        self.table(header, rows, widths, aligns=aligns, size=SESSION_TABLE)
        self.spans["sessions"] = self.at() - top
        notes = [m.ABOVE_LEGEND + ".", m.DAYS_ABOVE_SHORT_LEGEND]  # severity: in the header
        if report.sessions_hidden_line:
            notes.insert(0, report.sessions_hidden_line)
        self.para("  ".join(notes), SMALL, colour=GREY)

    def symptoms_and_checkins(self, report: m.Report) -> None:
        """Side effects on the left, check-ins on the right: two short tables on one band."""
        pdf = self.pdf
        gap = 5.0
        left_width = pdf.epw * 0.58
        right_width = pdf.epw - left_width - gap
        top, band_top = pdf.get_y(), self.at()
        left_x, right_x = pdf.l_margin, pdf.l_margin + left_width + gap

        pdf.set_x(left_x)
        self.heading(m.SIDE_EFFECTS, left_width)
        if report.symptoms:
            rows = [s.cells()[:-1] for s in report.symptoms]  # next morning: in a line below
            aligns = ("LEFT", *["RIGHT"] * 7)
            widths = (44.5, 13, 9, 9.5, 9, 11, 12)  # the longest built-in label on one line
            self.table(
                m.SYMPTOM_HEADER[:-1],
                rows,
                widths,
                width=left_width,
                x=left_x,
                aligns=aligns,
                size=SESSION_TABLE,
            )
        else:
            pdf.set_x(left_x)
            self.style(BODY)
            pdf.multi_cell(left_width, LINE, "No side effects rated in this range.")
        if report.symptom_note:
            self.style(SMALL, colour=GREY)
            pdf.set_x(left_x)
            pdf.multi_cell(left_width, SMALL * 0.47, self.safe(m.PDF_SYMPTOM_NOTE))
        left_bottom = pdf.get_y()
        self.spans["left"] = self.at() - band_top

        pdf.set_y(top)
        pdf.set_x(right_x)
        self.heading(m.CHECKINS, right_width)
        if report.checkins:
            header = ("Date", "PHQ-9", "Item 9", "GAD-7")
            rows = [(c.day.isoformat(), c.phq9, c.item9_cell, c.gad7) for c in report.checkins]
            aligns = ("LEFT", "LEFT", "RIGHT", "LEFT")
            widths = (16, 29, 10.5, 16.5)  # "15 moderately severe" on one line
            table_top = self.at()
            self.table(header, rows, widths, width=right_width, x=right_x, aligns=aligns)
            self.spans["checkins"] = self.at() - table_top
        else:
            pdf.set_x(right_x)
            self.style(BODY)
            pdf.multi_cell(right_width, LINE, "No check-ins in this range.")
        for line in (report.checkins_note, m.ITEM9_LEGEND if report.checkins else ""):
            if line:
                self.style(SMALL, colour=GREY)
                pdf.set_x(right_x)
                pdf.multi_cell(right_width, SMALL * 0.47, self.safe(line))
        from diary.files.report.pdf_treatment import clinic, medicines, next_morning

        medicines(self, report, right_x, right_width)
        self.spans["right"] = self.at() - band_top
        pdf.set_y(max(left_bottom, pdf.get_y()))
        next_morning(self, report)
        clinic(self, report)

    def notes(self, report: m.Report) -> None:
        pdf = self.pdf
        self.heading(m.NOTES)
        if not report.notes:
            self.para("No notes in this range.")
            return
        top = self.at()
        for note in report.notes:
            self.style(BODY, bold=True)
            pdf.cell(18, LINE, note.day.isoformat())
            self.style(BODY, colour=GREY)
            pdf.cell(16, LINE, note.source)
            self.style(BODY)
            pdf.multi_cell(0, LINE, self.safe(note.text), new_x="LMARGIN", new_y="NEXT")
        self.spans["notes"] = self.at() - top
        if report.notes_hidden_line:
            self.para(report.notes_hidden_line, SMALL, colour=GREY)

    def crisis(self, report: m.Report) -> None:
        pdf = self.pdf
        if self.replaced:
            self.para(
                f"Characters the PDF font cannot show (e.g. Chinese, Japanese, Korean, emoji) "
                f"are printed as {MISSING_GLYPH}; the HTML and Markdown reports keep them.",
                SMALL,
                colour=GREY,
            )
        pdf.ln(1.5)
        pdf.set_fill_color(*TINT)
        self.style(BODY)
        body = self.safe("  ".join(report.crisis))
        padding, line = (CRISIS_PAD_Y, 1.6), LINE + 0.3
        from fpdf import FPDF  # its own line breaking, not the report's shortcuts

        lines = FPDF.multi_cell(pdf, 0, line, body, padding=padding, dry_run=True, output="LINES")
        # the box is never split: its title never ends one page with the resources on the
        # next (fpdf2 breaks before a line whose bottom, with the padding below, is past the
        # page's end, and checks the title's cell the same way)
        if pdf.will_page_break(CRISIS_TITLE + 2 * CRISIS_PAD_Y + len(lines) * line):
            pdf.add_page()
        self.style(BODY, bold=True, colour=ACCENT)
        text = f"{m.CRISIS} ({report.crisis_checked.rstrip('.').lower()})"
        pdf.cell(0, CRISIS_TITLE, f"  {text}", fill=True, new_x="LMARGIN", new_y="NEXT")
        self.style(BODY)
        pdf.multi_cell(0, line, body, fill=True, padding=padding)
