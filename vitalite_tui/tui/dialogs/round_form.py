"""A new speaking round: its guiding question (required) and its timebox in minutes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.errors import InvalidInput
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


@dataclass(frozen=True)
class RoundDraft:
    """What the form collects (the question is checked by the store)."""

    question: str
    minutes: int


def parse_minutes(text: str) -> int:
    """« 25 », « 25 min »: a whole number of minutes, or a French error."""
    digits = text.strip().removesuffix("min").strip()
    if not digits.isdigit():
        raise InvalidInput(f"Durée : « {text.strip()} » n'est pas un nombre de minutes (ex. 20).")
    return int(digits)


class RoundFormDialog(FormDialog[RoundDraft]):
    """Ask the round's question and timebox; Enter walks the two fields, then starts it."""

    DEFAULT_CSS = """
    RoundFormDialog #round-minutes { width: 8; }
    RoundFormDialog .round-intro { color: $text-muted; padding-bottom: 1; }
    """
    KEYS_HINT = "⏎ Champ suivant, puis commencer · F2 Commencer · Échap Annuler"

    def __init__(
        self,
        title: str,
        minutes: int,
        *,
        intro: str = "",
        save: Callable[[RoundDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.minutes = minutes
        self.intro = intro

    def compose_fields(self) -> ComposeResult:
        if self.intro:
            yield Static(self.intro, classes="round-intro", markup=False)
        yield Field(
            "Question",
            FieldInput(
                placeholder="par ex. : Où vous retrouvez-vous avec d'autres habitants ?",
                id="round-question",
                compact=True,
            ),
        )
        yield Field(
            "Durée (min)",
            FieldInput(str(self.minutes), id="round-minutes", compact=True, max_length=3),
        )

    def collect(self) -> RoundDraft:
        return RoundDraft(
            question=self.query_one("#round-question", Input).value,
            minutes=parse_minutes(self.query_one("#round-minutes", Input).value),
        )
