"""What every part of a workshop's contents screen shares: its démarche and workshop number.

A part is a `ScreenPart` shown in one tab of `ContentsScreen` (one F-key each). It reads what
it shows from the store in `reload()`, which the screen calls when the part is shown and when
the screen comes back from a dialog or another screen.
"""

from __future__ import annotations

from vitalite_tui.tui.widgets.screen_part import ScreenPart


class ContentPart(ScreenPart):
    """One part of a workshop's contents: built for one démarche and one workshop number."""

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.demarche_id = demarche_id
        self.number = number
