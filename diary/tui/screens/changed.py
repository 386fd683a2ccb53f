"""The questions before a form's save or delete replaces or drops what is saved: when what
it saves over was changed elsewhere (a shell command, a second window) since the form
showed it (keep that, or replace it with the form), and the delete of a session."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from diary.domain import DiaryError

SESSION_CHANGED = "This session was changed elsewhere since this form showed it."
SESSION_KEPT = (
    "Not saved: the diary keeps the session as changed elsewhere; the form is as you left "
    "it (escape, then open the session again to see it)."
)


def ask_replace(
    screen: Screen, question: str, replace: Callable[[], object], kept: str | Callable[[], object]
) -> None:
    """Ask question (plain text or escaped markup); on yes call replace(); on no say kept
    (or call it), and nothing is saved."""
    from diary.tui.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            replace()
        elif callable(kept):
            kept()
        else:
            screen.notify(kept, markup=False)

    screen.app.push_screen(
        ConfirmScreen(
            question,
            yes="Replace it with this form",
            no="Keep it",
            hint="Replacing drops what was saved there.",
        ),
        answered,
    )


def ask_delete_session(screen, session_id: int) -> None:  # type: ignore[no-untyped-def]
    """Delete the session form's session after asking; the form closes, undo is offered."""
    from diary.actions.sessions import delete_session
    from diary.tui.screens.confirm import ConfirmScreen

    store = screen.app.store
    number = store.session_numbers().get(session_id, "?")

    def confirmed(yes: bool | None) -> None:
        try:
            gone = delete_session(store, session_id) if yes else None
        except DiaryError as error:
            screen.notify(f"Not deleted: {error}", severity="error", markup=False)
            return
        if gone is not None:
            screen._opened_with = screen._texts()  # nothing left to ask about
            screen.dismiss(None)
            screen.app.deleted(gone, f"session #{number}")

    session = store.session(session_id)
    question = (
        f"Delete the session of {session.started_at:%A %d %B %Y %H:%M} "
        f"({session.route.label} {session.dose_text}) with its blood pressure and side "
        "effects?"
    )
    screen.app.push_screen(ConfirmScreen(question), confirmed)
