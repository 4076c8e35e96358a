"""One timed sequence of a workshop's agenda: its label, its minutes, plenary or sub-groups."""

from __future__ import annotations

import re
from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Input

from vitalite_tui.domain.workshops import AgendaItem
from vitalite_tui.errors import InvalidInput
from vitalite_tui.tui.widgets.choice import ChoiceRow
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

#: « 20 », « 20 min », « 1h30 », « 1 h », as people write durations.
_MINUTES = re.compile(r"^\s*(\d{1,3})\s*(?:min|mn|minutes?)?\s*$", re.IGNORECASE)
_HOURS = re.compile(r"^\s*(\d{1,2})\s*h\s*(\d{1,2})?\s*$", re.IGNORECASE)

PLENARY_OPTIONS = [("oui", "oui, en plénière"), ("non", "non, en sous-groupes")]


def parse_minutes(text: str) -> int:
    """A duration typed in minutes (or hours: 1h30); a French error when it cannot be read."""
    if match := _MINUTES.match(text):
        return int(match[1])
    if match := _HOURS.match(text):
        return int(match[1]) * 60 + int(match[2] or 0)
    if not text.strip():
        raise InvalidInput("Durée : ce champ est obligatoire (en minutes, par ex. 20).")
    raise InvalidInput(f"Durée : « {text.strip()} » n'est pas un nombre de minutes (par ex. 20).")


class AgendaItemFormDialog(FormDialog[AgendaItem]):
    """Add or edit a sequence; the store checks the label and the range of minutes."""

    DEFAULT_CSS = """
    AgendaItemFormDialog #agenda-minutes { width: 12; }
    """
    KEYS_HINT = "⏎ Champ suivant · 1/2 Plénière oui/non · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        item: AgendaItem | None = None,
        *,
        save: Callable[[AgendaItem], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.item = item or AgendaItem("", 15, plenary=False)

    def compose_fields(self) -> ComposeResult:
        yield Field("Séquence", FieldInput(self.item.label, id="agenda-label", compact=True))
        yield Field(
            "Durée (min)",
            FieldInput(str(self.item.minutes), id="agenda-minutes", placeholder="20", compact=True),
        )
        yield Field(
            "Plénière",
            ChoiceRow(PLENARY_OPTIONS, "oui" if self.item.plenary else "non", id="agenda-plenary"),
        )

    def collect(self) -> AgendaItem:
        return AgendaItem(
            label=self.query_one("#agenda-label", Input).value,
            minutes=parse_minutes(self.query_one("#agenda-minutes", Input).value),
            plenary=self.query_one("#agenda-plenary", ChoiceRow).value == "oui",
        )
