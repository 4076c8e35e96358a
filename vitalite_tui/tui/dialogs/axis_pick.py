"""Choose a work axis by its number (one key), e.g. to file a note or to rename the axis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType

from vitalite_tui.domain.text import plural
from vitalite_tui.store.felt.debrief_records import AxisRecord
from vitalite_tui.tui.dialogs.number_pick import NumberPickDialog, digit_bindings
from vitalite_tui.tui.widgets.table import shorten


def axis_choice(axis: AxisRecord, width: int = 66) -> str:
    """« 2 Rapprocher l'information… (I2) · 14 notes »: the title cut to fit `width`."""
    tag = f" (I{axis.indicator})" if axis.indicator is not None else ""
    counted = f"{tag} · {plural(axis.note_count, 'note')}"
    return shorten(axis.label, width - len(counted)) + counted


class AxisPickDialog(NumberPickDialog):
    """Returns the id of the axis chosen (digit, or ↑↓ then Enter); Escape: None."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Axe {n}", "Choisir l'axe numéro {n}.", "axis-pick"
    )

    def __init__(self, title: str, axes: Sequence[AxisRecord]) -> None:
        numbered = [axis for axis in axes if axis.number is not None]
        super().__init__(title, [(axis.id, axis_choice(axis)) for axis in numbered])
