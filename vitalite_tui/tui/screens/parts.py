"""Screens made of parts (tabs) that one F-key each shows, from anywhere on the screen.

One mechanism for every such screen (workshop, step 2, a workshop's contents): a part is a
`ScreenPart` widget named by a `PartSpec`, whose factory imports its class only when the
screen is built; the screen shows a part, reloads it and gives it the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane, Tabs

from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.help_texts import help_for
from vitalite_tui.tui.screens.base import BaseScreen

if TYPE_CHECKING:
    from vitalite_tui.store import Store
    from vitalite_tui.tui.app import VitaliteApp

T = TypeVar("T")


class ScreenPart(Vertical):
    """One part of a `PartsScreen`: reads what it shows in `reload()`, when it is shown and
    when its screen comes back from a dialog or another screen."""

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


P = TypeVar("P", bound=ScreenPart)


@dataclass(frozen=True)
class PartSpec(Generic[P]):
    """A part of a screen: pane id, French title, F-key, and its widget class (imported lazily)."""

    part: str
    title: str
    key: str
    widget: Callable[[], type[P]]


def part_bindings(prefix: str, parts: Sequence[PartSpec[P]]) -> list[Binding]:
    """One hidden binding per part (the tab titles already name their keys)."""
    return [
        Binding(
            spec.key,
            f"show_part('{spec.part}')",
            spec.title,
            id=f"{prefix}-{spec.part}",
            tooltip=f"Afficher la partie « {spec.title} ».",
            show=False,
        )
        for spec in parts
    ]


class PartsScreen(BaseScreen, Generic[P]):
    """A screen whose `#parts` TabbedContent is driven by F-keys, one `ScreenPart` per tab.

    A part is read once when the screen opens or comes back (`reload_parts`), and again when
    shown after another part was: what one part changes, another may show.
    """

    #: Parts that keep each other up to date (by messages) are read only when the screen
    #: opens or comes back, not each time one is shown.
    PARTS_STAY_FRESH: ClassVar[bool] = False

    def __init__(self) -> None:
        super().__init__()
        self.parts: dict[str, P] = {}
        #: The parts read since the screen was last shown (none after a dialog opens).
        self.fresh: set[str] = set()

    def compose_parts(self, specs: Sequence[PartSpec[P]], initial: str = "") -> ComposeResult:
        with TabbedContent(id="parts", initial=initial):
            for spec in specs:
                with TabPane(f"{spec.key.upper()} {spec.title}", id=spec.part):
                    widget = self.build_part(spec)
                    self.parts[spec.part] = widget
                    yield widget

    def build_part(self, spec: PartSpec[P]) -> P:
        raise NotImplementedError

    def on_mount(self) -> None:
        # Textual runs this as well as a subclass's own on_mount (no super() call needed).
        # The parts are reached by their keys: the tab bar need not take the focus.
        self.query_one("#parts Tabs", Tabs).can_focus = False

    @property
    def active_part(self) -> str:
        return self.query_one("#parts", TabbedContent).active

    @property
    def shown_part(self) -> P | None:
        return self.parts.get(self.active_part)

    def focus_part(self, part: str) -> None:
        """Focus the part just shown, read first unless it is fresh."""
        widget = self.parts.get(part)
        if widget is None:
            return
        self.reload_part(part)
        widget.focus_first()
        self.refresh_bindings()

    def reload_part(self, part: str) -> None:
        widget = self.parts.get(part)
        if widget is None or part in self.fresh:
            return
        widget.reload()
        self.fresh = {*self.fresh, part} if self.PARTS_STAY_FRESH else {part}

    def on_screen_suspend(self) -> None:
        # A dialog or another screen may change what the parts show.
        self.fresh = set()

    def on_screen_resume(self) -> None:
        self.reload_parts()

    def reload_parts(self) -> None:
        """Read again what the screen shows (opened, or back from a dialog or a screen)."""
        self.reload_part(self.active_part)

    def action_show_part(self, part: str) -> None:
        self.query_one("#parts", TabbedContent).active = part
        self.focus_part(part)

    @on(TabbedContent.TabActivated)
    def focus_active_part(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.focus_part(event.pane.id)

    def help_text(self) -> str:
        """What the part shown is for, when it says; else what the screen is for."""
        return help_for(self.shown_part) or super().help_text()

    def action_back(self) -> None:
        part = self.shown_part
        if part is not None and part.back():
            return
        super().action_back()

    def unsaved_text(self) -> str:
        return "\n".join(text for part in self.parts.values() if (text := part.unsaved_text()))
