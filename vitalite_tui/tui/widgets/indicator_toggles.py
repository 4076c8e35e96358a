"""The four indicators in a form, each ticked or not by its number key (1–4)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widget import Widget

from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.tui.widgets.typing_order import act_in_order


class IndicatorToggles(Widget, can_focus=True):
    """Two per line: « 1 [X] Sociabilité      2 [ ] Accès aux ressources ».

    Its keys act in the order typed, as in `ChoiceRow`: a key queued here after Enter moved
    the focus on (or closed the form) belongs to what has the focus now.
    """

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
                id=f"indicator-toggle-{item.number}",
                tooltip=f"Cocher ou décocher l'indicateur {item.number} ({item.short_name}).",
                show=False,
            )
            for item in INDICATORS
        ),
        Binding(
            "enter",
            "screen.advance",
            "Suivant",
            id="indicators-next",
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

    async def _on_key(self, event: events.Key) -> None:
        await act_in_order(self, event)

    def action_tick(self, number: int) -> None:
        self.chosen = self.chosen ^ {number}
