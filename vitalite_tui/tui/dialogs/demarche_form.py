"""The form of a démarche: its territory (the EPCI) and its communes, typed on one line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.preparation.demarches import clean_territory, required_communes
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


@dataclass(frozen=True)
class DemarcheDraft:
    """What the form collects, as typed (the store cleans and checks it)."""

    territory: str
    communes: str


class DemarcheFormDialog(FormDialog[DemarcheDraft]):
    """Territory and communes; F2 or Enter on the last field validates, Escape cancels.

    `save` (the store call) runs before the dialog closes: when it refuses, the French
    message shows under the fields and everything typed stays there.
    """

    AUTO_FOCUS = "#territory"
    DEFAULT_CSS = """
    DemarcheFormDialog .form-hint { color: $text-muted; padding: 0 0 1 16; }
    DemarcheFormDialog Field { margin-top: 1; }
    """

    def __init__(
        self,
        draft: DemarcheDraft | None = None,
        *,
        title: str = "Nouvelle démarche",
        save: Callable[[DemarcheDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=None if save is None else self.name_checked(save))
        self.draft = draft or DemarcheDraft("", "")

    def name_checked(
        self, save: Callable[[DemarcheDraft], object]
    ) -> Callable[[DemarcheDraft], object]:
        """`save`, with the focus put on the territory when the store refuses what is typed.

        Both fields have passed `collect` by then: the one rule the store adds is a name
        already taken in this base, so the fix is typed in the territory.
        """

        def save_or_point_at_the_name(draft: DemarcheDraft) -> object:
            try:
                return save(draft)
            except InvalidInput:
                self.query_one("#territory", Input).focus()
                raise

        return save_or_point_at_the_name

    def compose_fields(self) -> ComposeResult:
        yield Field(
            "Territoire",
            FieldInput(
                self.draft.territory,
                placeholder="nom de l'EPCI, par ex. CC du Val d'Orbieu",
                id="territory",
                compact=True,
            ),
        )
        yield Field(
            "Communes",
            FieldInput(
                self.draft.communes,
                placeholder="par ex. Lagrasse, Fabrezan, Ribaute",
                id="communes",
                compact=True,
            ),
        )
        yield Static("Séparées par des virgules (ou des points-virgules).", classes="form-hint")

    def collect(self) -> DemarcheDraft:
        territory = self.query_one("#territory", Input)
        communes = self.query_one("#communes", Input)
        # Each field is checked here by the store's own rules, with the focus put on the
        # one refused: the next keys then land where the fix is to be typed.
        checks: list[tuple[Input, Callable[[str], object]]] = [
            (territory, clean_territory),
            (communes, required_communes),
        ]
        for field, check in checks:
            try:
                check(field.value)
            except InvalidInput:
                field.focus()
                raise
        return DemarcheDraft(territory=territory.value, communes=communes.value)
