"""A blind verification being settled: the differences, the one shown, those taken anew."""

from __future__ import annotations

from dataclasses import dataclass, field

from vitalite_tui.domain.text import plural
from vitalite_tui.store.questionnaire.records import Difference
from vitalite_tui.tui.screens.questionnaire.sheet_form import difference_legend


@dataclass
class Resolution:
    """Each difference settled by one key, in order: keep the first typing or take the new."""

    differences: list[Difference]
    #: The difference shown.
    index: int = 0
    #: The differences where the new typing is taken.
    accepted: list[Difference] = field(default_factory=list)

    @property
    def current(self) -> Difference:
        return self.differences[self.index]

    def decide(self, take_new: bool) -> bool:
        """Settle the difference shown and move to the next; True once all are settled."""
        if take_new:
            self.accepted.append(self.current)
        if self.index + 1 < len(self.differences):
            self.index += 1
            return False
        return True

    def legend(self) -> str:
        return difference_legend(self.current, self.index + 1, len(self.differences))

    def summary(self, sheet_name: str) -> str:
        """« La fiche n° 12 vérifiée : 1 valeur prise de la nouvelle saisie, … »."""
        taken = len(self.accepted)
        kept = len(self.differences) - taken
        return (
            f"{sheet_name} vérifiée : "
            f"{plural(taken, 'valeur prise', 'valeurs prises')} de la nouvelle saisie, "
            f"{plural(kept, 'première saisie gardée', 'premières saisies gardées')}."
        )
