"""Screens made of parts (tabs) that one F-key each shows, from anywhere on the screen."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane, Tabs

from vitalite_tui.tui.screens.base import BaseScreen

#: A part: pane id, French title, the key that shows it.
Part = tuple[str, str, str]


def part_bindings(prefix: str, parts: Sequence[Part]) -> list[Binding]:
    """One hidden binding per part (the tab titles already name their keys)."""
    return [
        Binding(
            key,
            f"show_part('{part}')",
            title,
            id=f"{prefix}-{part}",
            tooltip=f"Afficher la partie « {title} ».",
            show=False,
        )
        for part, title, key in parts
    ]


class PartsScreen(BaseScreen):
    """A screen whose `#parts` TabbedContent is driven by F-keys; subclasses focus a part."""

    def compose_parts(self, parts: Sequence[Part], initial: str = "") -> ComposeResult:
        with TabbedContent(id="parts", initial=initial):
            for part, title, key in parts:
                with TabPane(f"{key.upper()} {title}", id=part):
                    yield from self.compose_part(part)

    def compose_part(self, part: str) -> ComposeResult:
        raise NotImplementedError

    def focus_part(self, part: str) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        # Textual runs this as well as a subclass's own on_mount (no super() call needed).
        # The parts are reached by their keys: the tab bar need not take the focus.
        self.query_one("#parts Tabs", Tabs).can_focus = False

    @property
    def active_part(self) -> str:
        return self.query_one("#parts", TabbedContent).active

    def action_show_part(self, part: str) -> None:
        self.query_one("#parts", TabbedContent).active = part
        self.focus_part(part)

    @on(TabbedContent.TabActivated)
    def focus_active_part(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.focus_part(event.pane.id)
