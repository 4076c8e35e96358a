"""What a part of one workshop's screens shares: its démarche and its evening."""

from __future__ import annotations

from vitalite_tui.domain.workshops import session_label
from vitalite_tui.tui.widgets.screen_part import ScreenPart


class WorkshopPart(ScreenPart):
    """A part built for one démarche and one evening: a workshop number and its session
    (1 for the planned evening, 2–3 for an extra one)."""

    def __init__(
        self, demarche_id: str, number: int, session: int = 1, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.demarche_id = demarche_id
        self.number = number
        self.session = session

    @property
    def label(self) -> str:
        """« Atelier 2 », « Atelier 2 bis »."""
        return session_label(self.number, self.session)
