"""A trend's wording: its title (one line) and the few sentences that present it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Static, TextArea

from vitalite_tui.tui.widgets.form import Field, FormDialog, TypedTextArea
from vitalite_tui.tui.widgets.note_input import FieldInput


@dataclass(frozen=True)
class TrendDraft:
    """What the form collects (checked by the store)."""

    title: str
    description: str = ""


class TrendFormDialog(FormDialog[TrendDraft]):
    """Title, then description; in the description Enter starts a new line, F2 saves."""

    DEFAULT_CSS = """
    TrendFormDialog #trend-description { height: 7; }
    TrendFormDialog .trend-hint { color: $text-muted; }
    """
    KEYS_HINT = "⏎ Champ suivant · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: TrendDraft | None = None,
        *,
        save: Callable[[TrendDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or TrendDraft("")

    def compose_fields(self) -> ComposeResult:
        yield Field("Intitulé", FieldInput(self.draft.title, id="trend-title", compact=True))
        yield Static("Description (lue en plénière ; ⏎ va à la ligne) :", classes="trend-hint")
        yield TypedTextArea(
            self.draft.description,
            id="trend-description",
            soft_wrap=True,
            show_line_numbers=False,
        )

    def collect(self) -> TrendDraft:
        return TrendDraft(
            title=self.query_one("#trend-title", Input).value,
            description=self.query_one("#trend-description", TextArea).text,
        )
