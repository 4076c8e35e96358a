"""A member of the comité de pilotage: name, role, organisation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input

from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


@dataclass(frozen=True)
class CommitteeDraft:
    """What the form collects (not yet cleaned: the store checks it)."""

    name: str
    role: str = ""
    organisation: str = ""


class CommitteeFormDialog(FormDialog[CommitteeDraft]):
    """Add or edit one committee member; Enter walks the fields, the last one validates."""

    def __init__(
        self,
        title: str,
        draft: CommitteeDraft | None = None,
        *,
        save: Callable[[CommitteeDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or CommitteeDraft("")

    def compose_fields(self) -> ComposeResult:
        yield Field("Nom", FieldInput(self.draft.name, id="name", compact=True))
        yield Field(
            "Rôle",
            FieldInput(
                self.draft.role, id="role", placeholder="animateur, technicien…", compact=True
            ),
        )
        yield Field(
            "Structure", FieldInput(self.draft.organisation, id="organisation", compact=True)
        )

    def collect(self) -> CommitteeDraft:
        return CommitteeDraft(
            name=self.query_one("#name", Input).value,
            role=self.query_one("#role", Input).value,
            organisation=self.query_one("#organisation", Input).value,
        )
