"""The command palette's diary commands: every screen and verb, found by its name or by any
word of what it does ("report", "mood", "export csv", "blood pressure")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits
from textual.system_commands import SystemCommandsProvider

if TYPE_CHECKING:
    from diary.tui.app import DiaryApp

WORD_MATCH = 0.5  # a hit on the words of what a command does ranks under a hit on its name


@dataclass(frozen=True, slots=True)
class Command:
    """A palette entry: its name, what it does (shown under it), more words to find it by."""

    name: str
    help: str
    words: str
    run: Callable[[], object]

    @property
    def search_text(self) -> str:
        return f"{self.name} {self.help} {self.words}".lower()


def words_match(query: str, command: Command) -> bool:
    """Every word typed is part of the command's name, help or words."""
    words = query.lower().split()
    return bool(words) and all(word in command.search_text for word in words)


def _open_export(app: DiaryApp, kind: str) -> None:
    def choose(screen: object) -> None:
        if (pick := getattr(screen, "choose", None)) is not None:
            pick(kind)

    app.go("export", then=choose)


def _open_chart(app: DiaryApp, chart: str) -> None:
    def show(screen: object) -> None:
        if (show_chart := getattr(screen, "show_chart", None)) is not None:
            show_chart(chart)

    app.go("trends", then=show)


def diary_commands(app: DiaryApp) -> list[Command]:
    """Every screen and verb of the app, in the order the palette lists them."""

    def chart(name: str) -> Callable[[], object]:
        return partial(_open_chart, app, name)

    def export(kind: str) -> Callable[[], object]:
        return partial(_open_export, app, kind)

    return [
        Command(
            "Today",
            "Log today's mood, sleep, anxiety and a note",
            "mood log daily score home",
            app.action_today,
        ),
        Command(
            "New session",
            "Record a treatment session: route, dose, blood pressure, side effects",
            "infusion injection spray ketamine esketamine bp vitals symptoms add",
            app.action_new_session,
        ),
        Command(
            "History",
            "Every day and session; open to edit or delete",
            "list past entries days sessions moods edit delete",
            partial(app.go, "history"),
        ),
        Command(
            "Trends",
            "Charts: mood, after a session, side effects, blood pressure, check-ins, pixels",
            "charts graphs plots",
            partial(app.go, "trends"),
        ),
        Command(
            "Mood chart",
            "Trends: mood by day with its 7-day mean and session days",
            "graph plot trend",
            chart("mood"),
        ),
        Command(
            "After a session chart",
            "Trends: mean mood by day before and after a session",
            "benefit lift days graph plot",
            chart("aligned"),
        ),
        Command(
            "Side effects chart",
            "Trends: each symptom's severity per session",
            "symptoms severity grid graph",
            chart("effects"),
        ),
        Command(
            "Blood pressure chart",
            "Trends: systolic and diastolic per session, flagged readings marked",
            "bp vitals graph plot",
            chart("bp"),
        ),
        Command(
            "Check-ins chart",
            "Trends: PHQ-9 and GAD-7 totals with their bands",
            "phq9 gad7 questionnaire scores graph plot",
            chart("checkins"),
        ),
        Command(
            "Year in pixels",
            "Trends: a calendar of mood over the window (30, 90, 365 or all days)",
            "calendar chart",
            chart("year"),
        ),
        Command(
            "Check-in",
            "Answer a PHQ-9 or GAD-7 questionnaire",
            "phq9 phq-9 gad7 gad-7 questionnaire depression anxiety score",
            app.action_checkin,
        ),
        Command(
            "Export",
            "Write the doctor's report or a CSV to a file",
            "save file pdf html markdown csv spreadsheet",
            export("pdf"),
        ),
        Command(
            "Report for a doctor",
            "Export: the one-page report as PDF (HTML and Markdown on the same screen)",
            "pdf html markdown appointment visit print export",
            export("pdf"),
        ),
        Command(
            "Export CSV",
            "Export: one row per day, for a spreadsheet",
            "csv spreadsheet excel days",
            export("csv"),
        ),
        Command(
            "Symptoms",
            "Add your own symptom, hide or show any",
            "side effects catalogue custom hide show add",
            partial(app.go, "symptoms"),
        ),
        Command(
            "Medicines",
            "Other medicines: what is taken today; record a start, change or stop",
            "medication drugs pills prescription antidepressant benzodiazepine dose",
            partial(app.go, "medicines"),
        ),
        Command(
            "Settings",
            "Name on reports, country for crisis resources, default weight",
            "settings name country crisis weight preferences",
            partial(app.go, "settings"),
        ),
        Command(
            "Help",
            "Every key on one screen",
            "keys shortcuts bindings",
            app.action_help,
        ),
        Command(
            "Light or dark",
            "Switch between the light and dark theme (remembered)",
            "theme colours colors contrast",
            app.action_toggle_theme,
        ),
    ]


class DiaryCommands(SystemCommandsProvider):
    """The diary's commands, matched on their name first, then on the words of what they do;
    then Textual's own (Keys, Quit, Theme...). One provider for both, so the palette always
    lists the diary's first: Textual gathers from its providers, a set, in no fixed order."""

    def _commands(self) -> list[Command]:
        return diary_commands(self.app)  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)
        async for hit in super().discover():
            yield hit

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
            elif words_match(query, command):
                yield Hit(
                    WORD_MATCH, command.name, command.run, text=command.name, help=command.help
                )
        async for hit in super().search(query):
            yield hit
