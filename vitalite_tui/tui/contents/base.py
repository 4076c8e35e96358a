"""What every part of a workshop's contents screen shares: its démarche, its store, its errors.

A part is a widget shown in one tab of `ContentsScreen` (one F-key each). It reads what it
shows from the store in `reload()`, which the screen calls when the part is shown and when
the screen comes back from a dialog or another screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.containers import Vertical

from vitalite_tui.errors import VitaliteError

if TYPE_CHECKING:
    from vitalite_tui.store import Store
    from vitalite_tui.tui.app import VitaliteApp

T = TypeVar("T")


class ContentPart(Vertical):
    """One part of a workshop's contents: built for one démarche and one workshop number."""

    #: One or two sentences for F1: what this part is for and its keys.
    HELP: ClassVar[str] = ""

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.demarche_id = demarche_id
        self.number = number

    @property
    def vitalite(self) -> VitaliteApp:
        from vitalite_tui.tui.app import VitaliteApp

        assert isinstance(self.app, VitaliteApp)
        return self.app

    @property
    def store(self) -> Store:
        return self.vitalite.store

    def report(self, error: VitaliteError) -> None:
        self.vitalite.report(error)

    def read(self, query: Callable[[], T]) -> T | None:
        """The store's answer, or None after reporting why there is none."""
        return self.vitalite.read(query)

    def run_safely(self, work: Callable[[], object]) -> bool:
        """Run a store call; report a French error instead of raising it."""
        return self.vitalite.run_safely(work)

    def reload(self) -> None:
        """Read again from the store what the part shows (on show and on return)."""

    def focus_first(self) -> None:
        """Give the focus to the part's main widget (the first one that can take it)."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def unsaved_text(self) -> str:
        """Text typed in this part that is not stored yet (asked about before leaving)."""
        return ""
