"""What screens, parts and dialogs use of the app, as one typed protocol (app.py not imported)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from textual.dom import DOMNode

from vitalite_tui.errors import VitaliteError

if TYPE_CHECKING:
    from vitalite_tui.store import Store

T = TypeVar("T")


@runtime_checkable
class AppServices(Protocol):
    """The store the app carries and its French error reporting (`VitaliteApp` has them)."""

    store: Store

    def report(self, error: VitaliteError) -> None: ...

    def read(self, query: Callable[[], T]) -> T | None: ...

    def run_safely(self, work: Callable[[], object]) -> bool: ...

    async def write_patiently(
        self,
        work: Callable[[], T],
        *,
        waiting: Callable[[bool], None] | None = None,
        kept: str = "",
    ) -> T | None: ...


@runtime_checkable
class GoesBack(Protocol):
    """A screen with its own way back (`BaseScreen.action_back`: asks first when it must)."""

    def action_back(self) -> None: ...


def services(node: DOMNode) -> AppServices:
    """The running app's services, seen from a screen, a part or a dialog."""
    app = node.app
    assert isinstance(app, AppServices)
    return app
