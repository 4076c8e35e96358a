"""What was kept from a workshop, in free text: read out in the recap that opens the next one."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Static, TextArea

from vitalite_tui.tui.widgets.form import FormDialog, TypedTextArea


class RecapFormDialog(FormDialog[str]):
    """A few lines of text; Enter starts a new line, F2 saves, Escape cancels."""

    AUTO_FOCUS = "#recap-text"
    DEFAULT_CSS = """
    RecapFormDialog .recap-hint { color: $text-muted; }
    RecapFormDialog #recap-text { height: 12; }
    """
    KEYS_HINT = "⏎ Nouvelle ligne · F2 Valider · Échap Annuler"

    def __init__(
        self, title: str, text: str = "", *, save: Callable[[str], object] | None = None
    ) -> None:
        super().__init__(title, save=save)
        self.text = text

    def compose_fields(self) -> ComposeResult:
        yield Static(
            "Ce qui a été retenu : décisions, idées fortes, suites. Lu aux nouveaux venus.",
            classes="recap-hint",
        )
        yield TypedTextArea(self.text, id="recap-text", soft_wrap=True, show_line_numbers=False)

    def collect(self) -> str:
        return self.query_one("#recap-text", TextArea).text
