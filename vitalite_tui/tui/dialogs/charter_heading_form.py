"""The charter's heading: its title, the date it was adopted and its preamble."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from vitalite_tui.domain.dates import format_date, parse_date
from vitalite_tui.store.charter.records import CharterHeading
from vitalite_tui.tui.widgets.form import Field, FormDialog, FormTextArea
from vitalite_tui.tui.widgets.note_input import FieldInput


class CharterHeadingDialog(FormDialog[CharterHeading]):
    """Change the title, the adoption date and the preamble; F2 saves, Escape cancels."""

    DEFAULT_CSS = """
    CharterHeadingDialog #charter-preamble { height: 10; }
    """
    KEYS_HINT: ClassVar[str] = "⏎ Suivant (préambule : à la ligne) · F2 Valider · Échap Annuler"

    def __init__(
        self,
        heading: CharterHeading,
        *,
        save: Callable[[CharterHeading], object] | None = None,
    ) -> None:
        super().__init__("Charte : titre et préambule", save=save)
        self.heading = heading

    def compose_fields(self) -> ComposeResult:
        yield Field("Titre", FieldInput(self.heading.title, id="charter-title", compact=True))
        yield Field(
            "Adoptée le",
            FieldInput(
                format_date(self.heading.adopted_on),
                id="charter-adopted",
                placeholder="JJ/MM/AAAA (vide : pas encore adoptée)",
                compact=True,
            ),
        )
        yield Field(
            "Préambule",
            FormTextArea(
                self.heading.preamble,
                id="charter-preamble",
                placeholder="pourquoi cette charte, qui l'a écrite, dans quel esprit",
            ),
        )

    def collect(self) -> CharterHeading:
        return CharterHeading(
            title=self.query_one("#charter-title", Input).value,
            adopted_on=parse_date(
                self.query_one("#charter-adopted", Input).value, field="Adoptée le"
            ),
            preamble=self.query_one("#charter-preamble", TextArea).text,
        )
