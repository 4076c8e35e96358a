"""Messages that a part sends up to the screen around it, named for what happened."""

from __future__ import annotations

from textual.message import Message


class BarometerAsked(Message):
    """A part asked for the barometer of its démarche (the screen opens it)."""

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id
