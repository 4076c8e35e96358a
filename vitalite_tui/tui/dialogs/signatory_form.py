"""A signatory of the charter: a participant (code or name), or a name and an organisation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input

from vitalite_tui.domain.dates import format_date, parse_date
from vitalite_tui.store.charter.records import SignatoryDraft
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


class SignatoryFormDialog(FormDialog[SignatoryDraft]):
    """Add or change a signatory; the store finds the participant from what is typed."""

    DEFAULT_CSS = """
    SignatoryFormDialog #signatory-date { width: 14; }
    """
    KEYS_HINT: ClassVar[str] = "⏎ Suivant (→ prend le nom proposé) · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: SignatoryDraft,
        *,
        names: Sequence[str] = (),
        save: Callable[[SignatoryDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft
        self.names = list(names)

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        yield Field(
            "Participant",
            FieldInput(
                draft.participant,
                id="signatory-participant",
                placeholder="code P007 ou début du nom (vide : une structure)",
                suggester=SuggestFromList(self.names, case_sensitive=False),
                compact=True,
            ),
        )
        yield Field(
            "Nom",
            FieldInput(
                draft.name,
                id="signatory-name",
                placeholder="si ce n'est pas un participant",
                compact=True,
            ),
        )
        yield Field(
            "Structure",
            FieldInput(
                draft.organisation,
                id="signatory-organisation",
                placeholder="commune, association, institution",
                compact=True,
            ),
        )
        yield Field(
            "Signé le",
            FieldInput(
                format_date(draft.signed_on),
                id="signatory-date",
                placeholder="JJ/MM/AAAA",
                compact=True,
            ),
        )

    def collect(self) -> SignatoryDraft:
        return SignatoryDraft(
            participant=self.query_one("#signatory-participant", Input).value,
            name=self.query_one("#signatory-name", Input).value,
            organisation=self.query_one("#signatory-organisation", Input).value,
            signed_on=parse_date(self.query_one("#signatory-date", Input).value, field="Signé le"),
        )
