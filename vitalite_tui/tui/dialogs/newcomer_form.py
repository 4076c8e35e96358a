"""Someone who walks in during a workshop: name, collège, commune — three fields, then Enter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.dialogs.participant_form import ParticipantFormDialog
from vitalite_tui.tui.widgets.choice import ChoiceRow


class NewcomerFormDialog(ParticipantFormDialog):
    """The participant card cut to what the door needs; the rest is filled in the registry."""

    DEFAULT_CSS = """
    NewcomerFormDialog .newcomer-hint { color: $text-muted; padding-bottom: 1; }
    """
    KEYS_HINT = "⏎ Suivant (sur la commune : valider) · F2 Valider · Échap Annuler"

    def compose_fields(self) -> ComposeResult:
        yield Static(
            "Inscrit au registre et noté présent comme nouveau venu ; le reste de sa fiche "
            "se complète ensuite dans le registre.",
            classes="newcomer-hint",
        )
        # The name, collège and commune fields of the full card, in the same order.
        fields = list(super().compose_fields())
        yield from fields[:3]

    def collect(self) -> ParticipantDraft:
        return ParticipantDraft(
            display_name=self.query_one("#name", Input).value,
            college=College(self.query_one("#college", ChoiceRow).value),
            commune=self.query_one("#commune", Input).value,
        )
