"""« Aller à la question » : a code typed (I2_V3, or its start), ⏎ goes to that line."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class QuestionCodeDialog(ModalScreen[str | None]):
    """Returns the code typed (as typed); Escape: None."""

    DEFAULT_CSS = """
    QuestionCodeDialog { align: center middle; }
    QuestionCodeDialog > Vertical {
        width: 50; max-width: 100%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    QuestionCodeDialog .code-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="code-cancel", tooltip="Rester où l'on est."),
    ]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Aller à la question"
            yield Input(placeholder="code, par exemple I2_V3", id="code", max_length=32)
            yield Static("⏎ Aller · Échap Annuler", classes="code-keys")

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    @on(Input.Submitted)
    def go(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
