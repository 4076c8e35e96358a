"""The fiche action of a kept action: seven one-line fields and the indicators it should move."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from vitalite_tui.domain.charter import INDICATORS_LABEL, SHEET_TEXT_FIELDS, SheetContent
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.store.charter_records import ActionSheetRecord
from vitalite_tui.tui.widgets.form import Field, FormDialog
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


class IndicatorToggles(Widget, can_focus=True):
    """The four indicators, each ticked or not by its number key (1–4)."""

    DEFAULT_CSS = """
    IndicatorToggles { height: 2; width: 1fr; background: $surface; }
    IndicatorToggles:focus { background-tint: $foreground 5%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(item.number),
                f"tick({item.number})",
                item.short_name,
                id=f"sheet-indicator-{item.number}",
                tooltip=f"Cocher ou décocher l'indicateur {item.number} ({item.short_name}).",
                show=False,
            )
            for item in INDICATORS
        ),
        Binding(
            "enter",
            "screen.advance",
            "Suivant",
            id="sheet-indicators-next",
            tooltip="Passer au champ suivant ; sur le dernier, valider.",
            show=False,
        ),
    ]

    chosen: reactive[frozenset[int]] = reactive(frozenset())

    def __init__(self, chosen: Iterable[int] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(IndicatorToggles.chosen, frozenset(chosen))

    @property
    def value(self) -> tuple[int, ...]:
        return tuple(sorted(self.chosen))

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for rank, item in enumerate(INDICATORS):
            # A letter in the box, not a colour: readable on a monochrome console.
            mark = "X" if item.number in self.chosen else " "
            cell = f"{item.number} [{mark}] {item.short_name}"
            style = "bold" if item.number in self.chosen else ""
            if rank % 2:
                text.append(cell, style=style)
                text.append("\n")
            else:
                text.append(cell.ljust(22), style=style)
        return text

    def action_tick(self, number: int) -> None:
        self.chosen = self.chosen ^ {number}


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
