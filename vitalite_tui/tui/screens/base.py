"""What every screen of the app shares: the store, Escape to go back, error reporting."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.services import AppServices, services

if TYPE_CHECKING:
    from vitalite_tui.store import Store


T = TypeVar("T")


class BaseScreen(Screen[None]):
    """A full screen of the app. Escape goes back to the previous one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Retour", id="back", tooltip="Revenir à l'écran précédent."),
    ]

    #: While a screen that says so is open, an automatic copy of the base is made every
    #: quarter of an hour (the workshops' and the questionnaire's: see `tui/copies.py`).
    AUTOMATIC_COPIES: ClassVar[bool] = False

    @property
    def vitalite(self) -> AppServices:
        return services(self)

    @property
    def store(self) -> Store:
        return self.vitalite.store

    def help_text(self) -> str:
        """What F1 says this screen is for (a screen of parts says what its part is for)."""
        # Imported on F1 only: the texts (and the formulas they quote) are not needed to start.
        from vitalite_tui.tui.help_texts import help_for

        return help_for(self)

    def unsaved_text(self) -> str:
        """Text typed on this screen that is not stored yet (asked about before quitting)."""
        return ""

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def report(self, error: VitaliteError) -> None:
        self.vitalite.report(error)

    def read(self, query: Callable[[], T]) -> T | None:
        """The store's answer, or None after reporting why there is none."""
        return self.vitalite.read(query)

    def run_safely(self, work: Callable[[], object]) -> bool:
        """Run a store call; report a French error instead of raising it."""
        return self.vitalite.run_safely(work)
