"""Ctrl+F: the F-keys of the screen underneath, each reached by its number, without Fn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vitalite_tui.tui.keys import (
    TYPED_FOR_NUMBER,
    describe_key,
    function_key_number,
    number_typed,
)


@dataclass(frozen=True)
class FunctionKey:
    """An F-key the screen answers now: its number, the key and what it does."""

    number: int
    key: str
    active: ActiveBinding


def function_keys(screen: Screen[object]) -> list[FunctionKey]:
    """The F-keys `screen` answers now (as its footer and F1 read them), F1 first."""
    found: dict[int, FunctionKey] = {}
    for key, active in screen.active_bindings.items():
        number = function_key_number(key)
        # The app's own bindings carry a French tooltip; Textual's (English) do not.
        if number is None or not active.enabled or not active.binding.tooltip:
            continue
        found.setdefault(number, FunctionKey(number, key, active))
    return [found[number] for number in sorted(found)]


class FunctionKeysDialog(ModalScreen[str | None]):
    """Returns the F-key chosen (its number, or ↑↓ then ⏎); Escape: None."""

    DEFAULT_CSS = """
    FunctionKeysDialog { align: center middle; }
    FunctionKeysDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FunctionKeysDialog OptionList {
        height: auto; max-height: 16; border: none; padding: 0;
        &:focus { border: none; }
    }
    FunctionKeysDialog .pick-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Annuler",
            id="function-keys-cancel",
            tooltip="Revenir sans rien faire.",
        ),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        # Read now, while `screen` is on top: its check_action hides the keys that cannot act.
        self.keys = function_keys(screen)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Touches F sans Fn : tapez le chiffre"
            yield OptionList(
                *(
                    Option(
                        f"{TYPED_FOR_NUMBER[entry.number]}  "
                        f"{describe_key(entry.key):<4}"
                        f"{entry.active.binding.description or entry.active.binding.tooltip}",
                        id=entry.key,
                    )
                    for entry in self.keys
                ),
                id="function-keys",
            )
            if not self.keys:
                yield Static("Aucune touche F sur cet écran.")
            yield Static(
                "1–9, 0 (F10), ) (F11), = (F12) ou ↑↓ puis ⏎ · Échap Annuler",
                classes="pick-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#function-keys", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        number = number_typed(event.character)
        if number is None:
            return
        event.stop()
        event.prevent_default()
        self.choose(number)

    def choose(self, number: int) -> None:
        chosen = next((entry for entry in self.keys if entry.number == number), None)
        if chosen is None:
            self.app.bell()
            self.notify(f"F{number} ne fait rien sur cet écran.", severity="warning", timeout=3)
            return
        self.dismiss(chosen.key)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = next((entry for entry in self.keys if entry.key == event.option.id), None)
        if chosen is not None:
            self.dismiss(chosen.key)

    def action_cancel(self) -> None:
        self.dismiss(None)
