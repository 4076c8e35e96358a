"""Yes/no question: Enter or `o` confirms, Escape or `n` cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmDialog .confirm-keys { color: $text-muted; padding-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,o", "confirm", "Oui", id="confirm", tooltip="Confirmer."),
        Binding("escape,n", "cancel", "Non", id="cancel", tooltip="Annuler, rien n'est changé."),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            yield Static("⏎/o Oui    Échap/n Non", classes="confirm-keys")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
