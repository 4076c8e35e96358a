"""Choose a sub-group by its number (one key), e.g. to move someone into it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType

from vitalite_tui.store.workshops.records import SubGroupRecord
from vitalite_tui.tui.dialogs.number_pick import NumberPickDialog, digit_bindings
from vitalite_tui.tui.widgets.table import shorten


def group_choice(group: SubGroupRecord) -> str:
    """« 2  Sous-groupe 2 (11 pers.) · Perspectives / Impuissance », cut to the box."""
    theme = f" · {group.theme}" if group.theme else ""
    return shorten(f"{group.position}  {group.name} ({len(group.members)} pers.){theme}", 66)


class SubGroupPickDialog(NumberPickDialog):
    """Returns the id of the sub-group chosen (digit, or ↑↓ then Enter); Escape: None."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Sous-groupe {n}", "Choisir le sous-groupe numéro {n}.", "pick"
    )

    def __init__(
        self, title: str, groups: Sequence[SubGroupRecord], current: str | None = None
    ) -> None:
        super().__init__(title, [(group.id, group_choice(group)) for group in groups], current)
