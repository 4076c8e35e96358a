"""A part of a screen shown by one F-key, and the mixin that lets its widgets' keys act on it.

`screens/parts.py` builds the screens made of such parts; a part itself knows only the app's
services (the store, error reporting) and its own widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from textual.containers import Vertical
from textual.widget import Widget

from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.services import AppServices, services

if TYPE_CHECKING:
    from vitalite_tui.store import Store

T = TypeVar("T")


class ScreenPart(Vertical):
    """One part of a `PartsScreen`: reads what it shows in `reload()`, when it is shown and
    when its screen comes back from a dialog or another screen."""

    @property
    def vitalite(self) -> AppServices:
        return services(self)

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

    def focus_target(self) -> Widget | None:
        """The part's main widget: the first one that can take the focus."""
        for widget in self.query("*"):
            if widget.focusable:
                return widget
        return None

    def focus_first(self) -> None:
        """Give the focus to the part's main widget."""
        target = self.focus_target()
        if target is not None:
            # At once (not after the queued keys, as `focus()` would): typing ahead lands here.
            self.screen.set_focus(target)

    def unsaved_text(self) -> str:
        """Text typed in this part that is not stored yet (asked about before leaving)."""
        return ""

    def back(self) -> bool:
        """Escape within the part (a filter cleared…); False when Escape should go back."""
        return False

    def run_part_action(self, name: str, parameters: Sequence[object]) -> None:
        getattr(self, f"action_{name}")(*parameters)


if TYPE_CHECKING:
    _KeysBase = Widget
else:
    # A plain mixin at run time: Textual takes a widget's CSS, bindings and component
    # classes from its first widget base only, which must stay the real widget class.
    _KeysBase = object


class PartKeys(_KeysBase):
    """Mixin (first base) for a widget inside a part whose bindings act on that part: action
    `part('name', …)` runs the part's `action_name` and asks its `check_action`.

    The bindings stay on the focused widget rather than on the part, so the footer and F1
    list them first, in their order, and they win over the widget's own keys (⏎).
    """

    @property
    def part(self) -> ScreenPart:
        return self.query_ancestor(ScreenPart)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "part" and parameters:
            name, *rest = parameters
            return self.part.check_action(str(name), tuple(rest))
        return super().check_action(action, parameters)

    def action_part(self, name: str, *parameters: object) -> None:
        self.part.run_part_action(name, parameters)
