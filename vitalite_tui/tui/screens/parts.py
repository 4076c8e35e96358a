"""Screens made of parts (tabs) that one F-key each shows, from anywhere on the screen.

One mechanism for every such screen (workshop, step 2, a workshop's contents): a part is a
`ScreenPart` widget named by a `PartSpec`, whose factory imports its class only when the
screen is built; the screen shows a part, reloads it and gives it the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane, Tabs

from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.screen_part import ScreenPart

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
        from vitalite_tui.tui.help_texts import help_for

        return help_for(self.shown_part) or super().help_text()

    def action_back(self) -> None:
        part = self.shown_part
        if part is not None and part.back():
            return
        super().action_back()

    def unsaved_text(self) -> str:
        return "\n".join(text for part in self.parts.values() if (text := part.unsaved_text()))
