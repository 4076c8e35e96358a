"""A candidate action of the vote: its title (as said in the room) and a description."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Input

from vitalite_tui.store.vote.records import CandidateDraft
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


class CandidateFormDialog(FormDialog[CandidateDraft]):
    """Add or reword a candidate; the store checks the title."""

    def __init__(
        self,
        title: str,
        draft: CandidateDraft | None = None,
        *,
        save: Callable[[CandidateDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or CandidateDraft("")

    def compose_fields(self) -> ComposeResult:
        yield Field("Intitulé", FieldInput(self.draft.title, id="candidate-title", compact=True))
        yield Field(
            "Description",
            FieldInput(self.draft.description, id="candidate-description", compact=True),
        )

    def collect(self) -> CandidateDraft:
        return CandidateDraft(
            title=self.query_one("#candidate-title", Input).value,
            description=self.query_one("#candidate-description", Input).value,
        )
