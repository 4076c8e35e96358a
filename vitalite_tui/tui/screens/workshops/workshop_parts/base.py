"""What a part of one workshop's screens shares: its démarche and its workshop number."""

from __future__ import annotations

from vitalite_tui.tui.widgets.screen_part import ScreenPart


class WorkshopPart(ScreenPart):
    """A part built for one démarche and one workshop number."""

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.demarche_id = demarche_id
        self.number = number
