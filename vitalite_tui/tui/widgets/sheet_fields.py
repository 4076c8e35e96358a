"""The typed fields at the top of a paper sheet: its number and the commune, with completion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Label

from vitalite_tui.domain.questionnaire_form import FieldKind, ProfileFieldSpec, QuestionnaireForm
from vitalite_tui.domain.text import fold
from vitalite_tui.tui.widgets.note_input import FieldInput


def complete_commune(text: str, communes: Sequence[str]) -> str | None:
    """The first commune that begins like `text`, accents and case aside (« fab » → Fabrezan)."""
    wanted = fold(" ".join(text.split()))
    if not wanted:
        return None
    return next((commune for commune in communes if fold(commune).startswith(wanted)), None)


class CommuneSuggester(Suggester):
    """Shows in grey the commune that Enter (or →) will take: the same rule as `complete_commune`.

    `SuggestFromList` ignores case but not accents, and Enter may come before its answer:
    the sheet screen completes with `complete_commune` itself, so what is shown is what is
    kept, however fast Enter follows.
    """

    def __init__(self, communes: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.communes = list(communes)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_commune(value, self.communes)


class SheetFieldInput(FieldInput):
    """A field above the answer lines: ⏎ or ↓ goes down (at once), ↑ goes up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "screen.advance",
            "Suivant",
            id="sheet-field-next",
            tooltip="Passer au champ suivant, puis aux réponses.",
            show=False,
        ),
        Binding(
            "up",
            "screen.field_up",
            "Précédent",
            id="sheet-field-previous",
            tooltip="Revenir au champ précédent.",
            show=False,
        ),
    ]


#: After the label of a field the definition marks required, as on the phone's form.
REQUIRED_MARK = " *"


def field_label(field: ProfileFieldSpec) -> str:
    """« Commune de résidence * »: the XLSForm requires this field, the screen says so."""
    return field.label + (REQUIRED_MARK if field.required else "")


def compose_text_field(
    form: QuestionnaireForm, index: int, field: ProfileFieldSpec
) -> ComposeResult:
    """A profile field typed as text: its label, then its input (communes are proposed)."""
    communes = form.communes if field.kind is FieldKind.COMMUNE else ()
    yield Label(field_label(field), classes="entry-label")
    yield SheetFieldInput(
        id=f"text-{index}",
        classes="text-field",
        suggester=CommuneSuggester(communes) if communes else None,
        placeholder="début du nom, puis ⏎" if communes else "",
        restrict=r"-?[0-9]*" if field.kind is FieldKind.INTEGER else None,
        compact=True,
    )
