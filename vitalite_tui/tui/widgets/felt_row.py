"""A person's line of the felt barometer as typed, apart from the grid that shows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.store.felt.records import FeltEntry, FeltValues


def indicator_code(index: int) -> str:
    return INDICATORS[index].code


def say_values(values: Sequence[int | None]) -> str:
    """« I1 5 · I2 7 · I3 – · I4 10 »."""
    shown = ("–" if v is None else str(v) for v in values)
    return " · ".join(f"{indicator_code(i)} {v}" for i, v in enumerate(shown))


@dataclass
class FeltRow:
    """A person's line: the values on screen, and those the store holds."""

    participant_id: str
    code: str
    name: str
    college: College
    values: list[int | None]
    saved: FeltValues

    @classmethod
    def of(cls, entry: FeltEntry) -> FeltRow:
        return cls(
            entry.participant_id,
            entry.code,
            entry.name,
            entry.college,
            list(entry.values),
            entry.values,
        )

    @property
    def dirty(self) -> bool:
        """Typed (or erased) but not stored yet."""
        return tuple(self.values) != self.saved

    @property
    def missing(self) -> list[int]:
        return [index for index, value in enumerate(self.values) if value is None]

    @property
    def mark(self) -> str:
        """« * » typed not stored, « ✔ » four values stored, « … » some stored."""
        if self.dirty:
            return "*"
        given = sum(1 for value in self.saved if value is not None)
        return "✔" if given == len(self.saved) else "…" if given else " "
