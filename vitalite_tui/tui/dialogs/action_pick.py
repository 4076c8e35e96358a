"""Choose a kept action by its number (one key), e.g. the one a workshop-3 sub-group deepens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType

from vitalite_tui.tui.dialogs.number_pick import NumberedChoice, NumberPickDialog, digit_bindings
from vitalite_tui.tui.widgets.table import shorten

#: The line that undoes the link, after the actions.
NO_ACTION = "-"


class ActionPickDialog(NumberPickDialog):
    """Returns the id of the action chosen, or `NO_ACTION` (the last line); Escape: None."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Action {n}", "Choisir l'action retenue numéro {n}.", "pick-action"
    )

    def __init__(
        self, title: str, actions: Sequence[NumberedChoice], current: str | None = None
    ) -> None:
        numbered = [
            (action_id, shorten(f"{n} {title}", 66))
            for n, (action_id, title) in enumerate(actions, start=1)
        ]
        last = len(numbered) + 1
        numbered.append((NO_ACTION, f"{last} Aucune action (défaire le lien)"))
        super().__init__(title, numbered, current)
