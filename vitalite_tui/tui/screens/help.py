"""F1: every key of the screen underneath, in French, with what it does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from vitalite_tui.tui.keys import describe_key


class HelpScreen(ModalScreen[None]):
    """Lists the active bindings of the screen it was opened from."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    HelpScreen .help-title { text-style: bold; padding-bottom: 1; }
    HelpScreen .help-intro { padding-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Fermer", id="close", tooltip="Fermer l'aide."),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        intro = str(getattr(self.target, "HELP", ""))
        lines = []
        seen: set[str] = set()
        for key, active in self.target.active_bindings.items():
            binding = active.binding
            label = binding.description or binding.tooltip
            if not label or binding.system or key in seen:
                continue
            seen.add(key)
            detail = f" — {binding.tooltip}" if binding.tooltip else ""
            lines.append(f"[b]{describe_key(key, binding.key_display)}[/b]  {label}{detail}")
        with VerticalScroll():
            yield Static("Aide — touches de cet écran", classes="help-title")
            if intro:
                yield Static(intro, classes="help-intro")
            yield Static("\n".join(lines) or "Aucune touche particulière ici.")
            yield Static("\nÉchap ou F1 pour fermer.", classes="help-intro")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
