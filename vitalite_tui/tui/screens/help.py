"""F1: every key of the screen underneath, in French, with what it does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from vitalite_tui.tui.help_texts import NO_FN_KEYS, sober_note
from vitalite_tui.tui.keys import TYPED_FOR_NUMBER, describe_key, function_key_number


def key_lines(screen: Screen[object]) -> list[Content]:
    """One line per binding the screen answers now, with all its keys:
    « F2 (Ctrl+F 2) ou Ctrl+T  Passe — La personne qui a la parole passe son tour… »."""
    keys: dict[tuple[int, str], list[str]] = {}
    bindings: dict[tuple[int, str], Binding] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        # Textual's own bindings (cursor moves, focus, copy) carry English descriptions
        # and no tooltip: the app's bindings always have a French tooltip.
        if not binding.tooltip or binding.system:
            continue
        # A binding given several keys (`enter,o`, or by the user's keymap) is one line.
        group = (id(active.node), binding.id or f"{binding.action} {binding.description}")
        keys.setdefault(group, []).append(shown_keys(key, binding.key_display))
        bindings.setdefault(group, binding)
    lines = []
    for group, binding in bindings.items():
        label = binding.description or binding.tooltip
        lines.append(
            Content.assemble((" ou ".join(keys[group]), "bold"), f"  {label} — {binding.tooltip}")
        )
    return lines


def shown_keys(key: str, display: str | None) -> str:
    """`F2 (Ctrl+F 2)`: an F-key with its twin for laptops whose F-keys need Fn."""
    shown = describe_key(key, display)
    number = function_key_number(key)
    return shown if number is None else f"{shown} (Ctrl+F {TYPED_FOR_NUMBER[number]})"


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
        help_text = getattr(screen, "help_text", None)
        self.intro = help_text() if callable(help_text) else ""
        # Read now, while `screen` is still on top: its check_action then hides the keys
        # that cannot act, exactly as its footer does.
        self.lines = key_lines(screen)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("Aide — touches de cet écran", classes="help-title")
            # Why the colours are gone, if they are; then what this screen is for and its
            # keys; what holds on every screen (F-keys without Fn) after them.
            sober = getattr(self.app, "sober", None)
            if sober:
                yield Static(sober_note(sober), classes="help-intro", markup=False)
            if self.intro:
                yield Static(self.intro, classes="help-intro", markup=False)
            yield Static(Content("\n").join(self.lines) or "Aucune touche particulière ici.")
            yield Static(f"\n{NO_FN_KEYS}", classes="help-intro", markup=False)
            yield Static("\nÉchap ou F1 pour fermer.", classes="help-intro")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
