"""One choice among many shown alone on its line (a trend, an axis): ←/→ go round them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from vitalite_tui.tui.widgets.table import shorten


class CycleChoice(Widget):
    """The chosen option between ‹ ›, with its rank; ←/→ (or Espace) move to the next one.

    Made for lists too long for a `ChoiceRow` (a dozen trends): only the chosen one shows.
    `focusable=False` leaves it out of the focus chain; a key of the dialog then calls
    `cycle` (the round dialog keeps the focus on its question).
    """

    DEFAULT_CSS = """
    CycleChoice { height: 1; width: 1fr; background: $surface; }
    CycleChoice:focus { background-tint: $foreground 5%; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "cycle(-1)",
            "Précédent",
            id="cycle-previous",
            tooltip="Choisir l'option précédente.",
            show=False,
        ),
        Binding(
            "right,space",
            "cycle(1)",
            "Suivant",
            id="cycle-next",
            tooltip="Choisir l'option suivante.",
            show=False,
        ),
    ]

    index: reactive[int] = reactive(0)

    class Changed(Message):
        """The chosen option changed."""

        def __init__(self, choice: CycleChoice, value: str) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> CycleChoice:
            return self.choice

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        value: str | None = None,
        *,
        focusable: bool = True,
        id: str | None = None,
    ) -> None:
        """`options` are (value, French label) pairs, in the order the keys go round."""
        super().__init__(id=id)
        if not options:
            raise ValueError("a CycleChoice needs at least one option")
        self.can_focus = focusable
        self.options = list(options)
        values = [v for v, _ in self.options]
        self.set_reactive(CycleChoice.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> str:
        return self.options[self.index][0]

    @property
    def label(self) -> str:
        return self.options[self.index][1]

    def render(self) -> Text:
        rank = f"  {self.index + 1}/{len(self.options)}" if len(self.options) > 1 else ""
        # A long label is cut, never the marks and the rank that say it can change.
        room = self.size.width - len(rank) - 4 if self.size.width else None
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"‹ {shorten(self.label, room)} ›")
        text.append(rank, style="dim")
        return text

    def watch_index(self) -> None:
        self.post_message(self.Changed(self, self.value))

    def action_cycle(self, step: int) -> None:
        self.cycle(step)

    def cycle(self, step: int = 1) -> None:
        self.index = (self.index + step) % len(self.options)
