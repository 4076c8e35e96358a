"""The fiche action of a kept action: seven one-line fields and the indicators it should move."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.domain.charter import INDICATORS_LABEL, SHEET_TEXT_FIELDS, SheetContent
from vitalite_tui.store.charter.records import ActionSheetRecord
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.indicator_toggles import IndicatorToggles
from vitalite_tui.tui.widgets.note_input import FieldInput
from vitalite_tui.tui.widgets.table import shorten

#: What each field asks for, shown in grey while it is empty.
PLACEHOLDERS = {
    "porteur": "qui porte l'action",
    "partners": "avec qui",
    "public": "pour qui",
    "means": "moyens humains, matériels, financiers",
    "calendar": "quand, à quel rythme",
    "first_step": "la toute première chose à faire",
    "success_sign": "à quoi verra-t-on que ça marche",
}


class ActionSheetFormDialog(FormDialog[SheetContent]):
    """Fill in or change the sheet of one kept action; F2 saves it, Escape leaves it as it was."""

    DEFAULT_CSS = """
    ActionSheetFormDialog Field > .field-label { width: 18; }
    ActionSheetFormDialog .sheet-action { text-style: bold; }
    """
    KEYS_HINT = "⏎ Suivant · 1–4 Indicateurs · F2 Valider · Échap Annuler"

    def __init__(
        self,
        record: ActionSheetRecord,
        *,
        save: Callable[[SheetContent], object] | None = None,
    ) -> None:
        super().__init__("Fiche action", save=save)
        self.record = record

    def compose_fields(self) -> ComposeResult:
        yield Static(
            Text(shorten(f"Action retenue : {self.record.title}", 68)), classes="sheet-action"
        )
        content = self.record.content
        for name, label in SHEET_TEXT_FIELDS:
            yield Field(
                label,
                FieldInput(
                    content.text(name),
                    id=f"sheet-{name}",
                    placeholder=PLACEHOLDERS[name],
                    compact=True,
                ),
            )
        yield Field(INDICATORS_LABEL, IndicatorToggles(content.indicators, id="sheet-indicators"))

    def collect(self) -> SheetContent:
        texts = {
            name: self.query_one(f"#sheet-{name}", Input).value for name, _ in SHEET_TEXT_FIELDS
        }
        return SheetContent.of(texts, self.query_one("#sheet-indicators", IndicatorToggles).value)
