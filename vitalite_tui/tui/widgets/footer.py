"""The keys line at the foot of every screen, rebuilt only when what it shows changes.

Textual's `Footer` rebuilds all its keys (a dozen widgets mounted, styled and laid out again)
each time a screen says its keys may have changed: on every focus move, and after each key
that can enable or disable an action. Most of those calls change nothing on the line. On an
old laptop that is a few milliseconds of every key typed; this footer compares what it would
show with what it shows and keeps its keys when they are the same.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer that skips a rebuild which would show the same keys."""

    _shown: Hashable = None

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_line(self.screen)
        return super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Compared only for the screen on top, as drawn: a screen's keys are read through
        # the screen on top (« screen.… » actions), which may be a dialog still being built.
        if (
            self._bindings_ready
            and self._shown is not None
            and screen is self.screen
            and screen is self.app.screen
            and self._keys_line(screen) == self._shown
        ):
            return
        super().bindings_changed(screen)

    def _keys_line(self, screen: Screen[object]) -> Hashable:
        """Everything of the screen's keys that the line shows, comparable."""
        shown = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, binding.group)
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )
        return (shown, self.show_command_palette, self.compact)
