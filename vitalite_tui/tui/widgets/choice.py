"""A one-line choice: each option has its number key; ←/→ or the number picks at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from vitalite_tui.tui.widgets.typing_order import act_in_order

#: Number keys 1–9 pick the option of that rank.
_NUMBER_KEYS = tuple(str(n) for n in range(1, 10))


class ChoiceRow(Widget, can_focus=True):
    """Options side by side on one line, with no separate "confirm" key to forget.

    A RadioSet moves a highlight with the arrows and needs Enter to choose: in a fast form the
    highlight and the choice drift apart. Here what is highlighted is what is chosen.
    Its keys act in the order typed: a key queued here after Enter moved the focus on
    belongs to the next field (see `typing_order.py`).
    """

    DEFAULT_CSS = """
    ChoiceRow { height: 1; width: 1fr; background: $surface; }
    ChoiceRow:focus { background-tint: $foreground 5%; }
    ChoiceRow > .choice-row--chosen { text-style: bold; color: $text-accent; }
    ChoiceRow:focus > .choice-row--chosen { text-style: bold reverse; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-row--chosen"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "move(-1)",
            "Choix précédent",
            id="choice-previous",
            tooltip="Choisir l'option à gauche.",
            show=False,
        ),
        Binding(
            "right",
            "move(1)",
            "Choix suivant",
            id="choice-next",
            tooltip="Choisir l'option à droite.",
            show=False,
        ),
        *(
            Binding(
                key,
                f"pick({key})",
                f"Option {key}",
                id=f"choice-{key}",
                tooltip=f"Choisir l'option numéro {key}.",
                show=False,
            )
            for key in _NUMBER_KEYS
        ),
    ]

    index: reactive[int] = reactive(0)

    class Changed(Message):
        """The chosen option changed."""

        def __init__(self, choice: ChoiceRow, value: str) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> ChoiceRow:
            return self.choice

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str | None = None,
        *,
        id: str | None = None,
    ) -> None:
        """`options` are (value, French label) pairs, in key order."""
        super().__init__(id=id)
        if not options:
            raise ValueError("a ChoiceRow needs at least one option")
        self.options = list(options)
        values = [v for v, _ in self.options]
        self.set_reactive(ChoiceRow.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> str:
        return self.options[self.index][0]

    @value.setter
    def value(self, value: str) -> None:
        self.index = [v for v, _ in self.options].index(value)

    def render(self) -> Text:
        chosen = self.get_component_rich_style("choice-row--chosen")
        text = Text(no_wrap=True, overflow="ellipsis")
        for rank, (_, label) in enumerate(self.options):
            if rank:
                text.append("   ")
            mark = "●" if rank == self.index else "○"
            style = chosen if rank == self.index else ""
            text.append(f"{rank + 1} {mark} {label}", style=style)
        return text

    async def _on_key(self, event: events.Key) -> None:
        await act_in_order(self, event)

    def watch_index(self) -> None:
        self.post_message(self.Changed(self, self.value))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick" and parameters:
            return int(str(parameters[0])) <= len(self.options)
        return True

    def action_move(self, step: int) -> None:
        self.index = (self.index + step) % len(self.options)

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.options):
            self.index = number - 1
