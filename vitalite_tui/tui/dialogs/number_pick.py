"""Choose one line of a short numbered list: its digit at once, or ↑↓ then Enter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vitalite_tui.tui import keys

#: One line: its id and the text shown (cut to the box by the caller).
NumberedChoice = tuple[str, str]


def digit_bindings(description: str, tooltip: str, id_prefix: str) -> list[BindingType]:
    """Keys 1–9 choosing the line of that number; `{n}` in the texts is the digit."""
    return keys.digit_bindings("pick({n})", description, tooltip, id_prefix, range(1, 10))


class NumberPickDialog(ModalScreen[str | None]):
    """Returns the id of the line chosen (digit, or ↑↓ then Enter); Escape: None.

    Subclasses add `digit_bindings` worded for what is listed. The `current` line is shown
    but cannot be chosen (moving someone to the group they are in).
    """

    DEFAULT_CSS = """
    NumberPickDialog { align: center middle; }
    NumberPickDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NumberPickDialog OptionList {
        height: auto; max-height: 14; border: none; padding: 0;
        &:focus { border: none; }
    }
    NumberPickDialog .pick-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="pick-cancel", tooltip="Ne rien changer."),
    ]

    def __init__(
        self, title: str, choices: Sequence[NumberedChoice], current: str | None = None
    ) -> None:
        super().__init__()
        self.pick_title = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.pick_title
            yield OptionList(
                *(
                    Option(label, id=choice_id, disabled=choice_id == self.current)
                    for choice_id, label in self.choices
                ),
                id="pick-list",
            )
            yield Static("1–9 ou ↑↓ puis ⏎ Choisir · Échap Annuler", classes="pick-keys")

    def on_mount(self) -> None:
        self.query_one("#pick-list", OptionList).focus()

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.choices) and self.choices[number - 1][0] != self.current:
            self.dismiss(self.choices[number - 1][0])
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#pick-list")
    def pick_highlighted(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
