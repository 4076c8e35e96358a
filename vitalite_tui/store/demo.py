"""The demo démarche: a fictional rural communauté de communes to explore the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from vitalite_tui.store.records import DemoResult

if TYPE_CHECKING:
    from vitalite_tui.store import Store

DemoSize = Literal["small", "large"]


def create_demo(store: Store, size: DemoSize = "small") -> DemoResult:
    """Create the demo démarche of this size, or return the existing one (never duplicated)."""
    raise NotImplementedError("being written")
