"""Leaving a sheet or a form still being typed: save it, discard it, or stay (Escape)."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class Leave(str, Enum):
    """What to do with the typed sheet before leaving."""

    SAVE = "save"
    DISCARD = "discard"


class UnsavedSheetDialog(ModalScreen[Leave | None]):
    """`1`/`e` saves, `2`/`a` discards, Escape stays on the sheet (None)."""

    DEFAULT_CSS = """
    UnsavedSheetDialog { align: center middle; }
    UnsavedSheetDialog > Vertical {
        width: 64; max-width: 100%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    UnsavedSheetDialog .unsaved-keys { color: $text-muted; padding-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "1,e",
            "choose('save')",
            "Enregistrer",
            id="unsaved-save",
            tooltip="Enregistrer la fiche telle quelle, puis quitter la saisie.",
        ),
        Binding(
            "2,a",
            "choose('discard')",
            "Abandonner",
            id="unsaved-discard",
            tooltip="Quitter sans enregistrer : ce qui est tapé sur cette fiche est perdu.",
        ),
        Binding(
            "escape",
            "stay",
            "Rester",
            id="unsaved-stay",
            tooltip="Revenir à la fiche, rien n'est perdu.",
        ),
    ]

    def __init__(
        self,
        question: str,
        *,
        save_label: str = "enregistrer la fiche",
        stay_label: str = "rester sur la fiche",
    ) -> None:
        super().__init__()
        self.question = question
        self.save_label = save_label
        self.stay_label = stay_label

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            yield Static(
                f"1 ou e : {self.save_label}\n2 ou a : abandonner ce qui est tapé\n"
                f"Échap : {self.stay_label}",
                classes="unsaved-keys",
                markup=False,
            )

    def action_choose(self, choice: str) -> None:
        self.dismiss(Leave(choice))

    def action_stay(self) -> None:
        self.dismiss(None)
