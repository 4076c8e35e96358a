"""Who a grid calls at once, before its next key is read: typed protocols, in one place.

A grid posts messages for what can wait (`Changed`, `Said`, `Refused`). But Textual hands a
message over only after the keys already queued behind the one being handled: a line typed
ahead must be stored (or refused) before its next key moves on. For that a grid calls its
keeper (the part or screen holding it) directly, through one of these protocols, and never
the store itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from vitalite_tui.domain.colleges import College


class FeltKeeper(Protocol):
    """Stores what the felt barometer's grids typed; False (after saying why) when refused."""

    def save_felt(self, participant_id: str, values: Sequence[int | None]) -> bool:
        """A person's four values, the moment the fourth is typed (or F2)."""
        ...

    def clear_felt(self, participant_id: str) -> bool:
        """A person's values removed."""
        ...

    def sticker_counts(self, college: College | None) -> Mapping[int, Sequence[int]] | None:
        """A collège's stickers per indicator and value (None after saying why)."""
        ...

    def save_sticker_count(
        self, indicator: int, value: int, count: int, college: College | None
    ) -> bool:
        """One count of stickers, on ⏎."""
        ...


class SheetKeeper(Protocol):
    """Acts for the answer lines of a paper sheet when the cursor leaves them."""

    def sheet_typed(self) -> None:
        """The last line was just answered (the sheet may be stored, before the next key)."""
        ...

    def leave_top(self) -> None:
        """↑ or ⌫ above the first line: back to the fields above."""
        ...
