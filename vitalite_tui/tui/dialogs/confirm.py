"""Yes/no question: `o` confirms, Escape or `n` cancels, Enter takes the safe answer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmDialog(ModalScreen[bool]):
    """A question answered by one key; True for « oui ».

    Enter means « oui » unless `enter_means_yes` is False: a question whose « oui » drops
    typed text (« Quitter sans l'enregistrer ? ») makes Enter keep it, as Enter does in
    every other question about unsaved text (« L'enregistrer comme note ? »).
    """

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmDialog .confirm-keys { color: $text-muted; padding-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "confirm", "Oui", id="confirm", tooltip="Confirmer."),
        Binding(
            "enter",
            "enter",
            "Valider",
            id="confirm-enter",
            tooltip="La réponse écrite à côté de ⏎ dans la question.",
            show=False,
        ),
        Binding("escape,n", "cancel", "Non", id="cancel", tooltip="Annuler, rien n'est changé."),
    ]

    def __init__(self, question: str, *, enter_means_yes: bool = True) -> None:
        super().__init__()
        self.question = question
        self.enter_means_yes = enter_means_yes

    def compose(self) -> ComposeResult:
        keys = "⏎/o Oui    Échap/n Non" if self.enter_means_yes else "o Oui    ⏎/Échap/n Non"
        with Vertical():
            yield Static(self.question, markup=False)
            yield Static(keys, classes="confirm-keys")

    def action_enter(self) -> None:
        self.dismiss(self.enter_means_yes)

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
