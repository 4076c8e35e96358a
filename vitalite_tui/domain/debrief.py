"""The debrief of workshop 1: which notes a set of filters keeps, and how a filter cycles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.text import matches

T = TypeVar("T")

#: The indicator filter value for notes tagged with no indicator (« sans »).
UNTAGGED = 0
#: The axis filter value for notes in no (live) axis (« sans axe »).
NO_AXIS = "-"


@dataclass(frozen=True)
class DebriefFilter:
    """What the debrief shows; None everywhere (and no text) shows every note.

    `indicator` is 1–4, or `UNTAGGED`; `axis` is an axis id, or `NO_AXIS`.
    """

    subgroup: str | None = None
    indicator: int | None = None
    pole: Pole | None = None
    kind: NoteKind | None = None
    axis: str | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        """Some notes may be hidden by this filter."""
        return self != DebriefFilter(text=self.text) or bool(self.text.strip())


def keeps(
    chosen: DebriefFilter,
    *,
    subgroup: str | None,
    indicator: int | None,
    pole: Pole | None,
    kind: NoteKind,
    axis: str | None,
    text: str,
) -> bool:
    """Whether a note with these tags passes the filter (the text accent-insensitively).

    `axis` is the id of the note's live axis (None when it has none, or its axis is removed).
    """
    if chosen.subgroup is not None and subgroup != chosen.subgroup:
        return False
    if chosen.indicator is not None and (indicator or UNTAGGED) != chosen.indicator:
        return False
    if chosen.pole is not None and pole is not chosen.pole:
        return False
    if chosen.kind is not None and kind is not chosen.kind:
        return False
    if chosen.axis is not None and (axis or NO_AXIS) != chosen.axis:
        return False
    return matches(chosen.text, text)


def next_option(options: Sequence[T], current: T) -> T:
    """The option after `current`, going round; the first one when `current` is not there.

    One key cycles a filter: « tous » → each value → « tous ».
    """
    if not options:
        raise ValueError("no option to cycle through")
    if current not in options:
        return options[0]
    return options[(list(options).index(current) + 1) % len(options)]
