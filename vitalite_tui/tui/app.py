"""The application: global keys, the store it carries, the first screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from vitalite_tui.errors import VitaliteError
from vitalite_tui.store import Store
from vitalite_tui.tui.keys import describe_key

T = TypeVar("T")


class VitaliteApp(App[None]):
    """Vitalité sociale: the seven steps of the method, on the keyboard."""

    # The home screen's rules come with the app's: it is the root screen (`get_default_screen`),
    # and loading them with it would parse the whole stylesheet twice more at start-up.
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/home.tcss"]
    TITLE = "Vitalité sociale"
    # The command palette speaks English and needs the mouse-minded ctrl+p: off.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f1",
            "help",
            "Aide",
            id="help",
            tooltip="Toutes les touches de cet écran, en clair.",
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quitter",
            id="quit",
            tooltip="Quitter : tout ce qui est affiché comme enregistré l'est déjà.",
            priority=True,
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(self, store: Store, *, demarche_id: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.start_demarche_id = demarche_id

    def get_default_screen(self) -> Screen[Any]:
        """The home screen is the root: no empty default screen is built first."""
        from vitalite_tui.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.start_demarche_id is not None:
            from vitalite_tui.tui.screens.demarche import DemarcheScreen

            self.push_screen(DemarcheScreen(self.start_demarche_id))
        if self.store.shared:
            self.notify(
                "Cette base est déjà ouverte dans une autre fenêtre de vitalite. "
                "Rien ne se perd, mais chaque fenêtre ne voit les saisies de l'autre "
                "qu'en rouvrant l'écran.",
                title="Deuxième fenêtre",
                severity="warning",
                timeout=12,
            )
        if self.store.backup is not None:
            self.notify(
                f"Base mise à jour ; copie de sécurité : {self.store.backup}",
                title="Mise à jour",
                timeout=8,
            )

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as French speakers read them: Échap, Ctrl+Q, F1."""
        return describe_key(binding.key, binding.key_display)

    def action_help(self) -> None:
        from vitalite_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit; but never drop typed text silently (a note still in the capture line)."""
        from vitalite_tui.tui.screens.base import BaseScreen

        text = self.screen.unsaved_text() if isinstance(self.screen, BaseScreen) else ""
        if not text:
            self.exit()
            return
        from vitalite_tui.tui.dialogs.confirm import ConfirmDialog

        shown = text if len(text) <= 60 else f"{text[:57]}…"

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmDialog(
                f"« {shown} » n'est pas encore enregistré. Quitter quand même ?\n"
                "Non : revenir à la saisie, le texte est gardé."
            ),
            confirmed,
        )

    def action_help_quit(self) -> None:
        self.notify("Pour quitter : Ctrl+Q.", title="Quitter ?")

    def report(self, error: VitaliteError) -> None:
        """Show an error meant for the user; nothing typed is cleared by it."""
        # Messages quote what was typed: never read them as markup (« [ » would break it).
        self.notify(error.message, title="Attention", severity="error", timeout=8, markup=False)

    def read(self, query: Callable[[], T]) -> T | None:
        """The store's answer, or None after reporting why there is none."""
        try:
            return query()
        except VitaliteError as exc:
            self.report(exc)
            return None

    def run_safely(self, work: Callable[[], object]) -> bool:
        """Run a store call; report a French error instead of raising it."""
        try:
            work()
        except VitaliteError as exc:
            self.report(exc)
            return False
        return True
