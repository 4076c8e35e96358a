"""What a part of step 2 shares: its démarche, and the message it posts when it stores."""

from __future__ import annotations

from textual.message import Message

from vitalite_tui.tui.widgets.screen_part import ScreenPart


class Step2Stored(Message):
    """Something was stored in step 2: the step is now at least in progress."""


class Step2Part(ScreenPart):
    """A part of step 2, built for one démarche."""

    def __init__(self, demarche_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.demarche_id = demarche_id

    def stored(self) -> None:
        self.post_message(Step2Stored())
