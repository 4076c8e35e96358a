"""The three collèges of participants and the balance of a group between them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from vitalite_tui.domain.text import plural

#: The method's cap on the number of participants of one workshop.
WORKSHOP_CAP = 50

#: How far (in share of the whole group) a collège may stray from a third before we warn.
BALANCE_TOLERANCE = 0.12

#: Below this many people a group is too small for thirds to mean anything.
BALANCE_MIN_GROUP = 6


class College(str, Enum):
    """Élus, acteurs locaux, habitants: each workshop is meant to hold a third of each."""

    ELU = "elu"
    ACTEUR = "acteur"
    HABITANT = "habitant"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def plural(self) -> str:
        return _PLURALS[self]

    @property
    def short(self) -> str:
        return _SHORT[self]


#: A person's collège, said without guessing their gender (the base does not know it).
_LABELS = {
    College.ELU: "élu·e",
    College.ACTEUR: "acteur·rice local·e",
    College.HABITANT: "habitant·e",
}
_PLURALS = {College.ELU: "élus", College.ACTEUR: "acteurs", College.HABITANT: "habitants"}
_SINGULARS = {College.ELU: "élu·e", College.ACTEUR: "acteur·rice", College.HABITANT: "habitant·e"}
_SHORT = {College.ELU: "élu", College.ACTEUR: "acteur", College.HABITANT: "hab."}


@dataclass(frozen=True)
class CollegeCounts:
    """How many people of each collège a group holds, with the warnings a facilitator needs."""

    elu: int = 0
    acteur: int = 0
    habitant: int = 0

    @classmethod
    def of(cls, colleges: Iterable[College]) -> CollegeCounts:
        counts = {college: 0 for college in College}
        for college in colleges:
            counts[College(college)] += 1
        return cls.from_mapping(counts)

    @classmethod
    def from_mapping(cls, counts: Mapping[College, int]) -> CollegeCounts:
        return cls(
            elu=counts.get(College.ELU, 0),
            acteur=counts.get(College.ACTEUR, 0),
            habitant=counts.get(College.HABITANT, 0),
        )

    def __getitem__(self, college: College) -> int:
        return int(getattr(self, College(college).value))

    @property
    def total(self) -> int:
        return self.elu + self.acteur + self.habitant

    def summary(self) -> str:
        """French one-liner: « élus 15 · acteurs 16 · habitants 15 »."""
        parts = [f"{college.plural} {self[college]}" for college in College]
        return " · ".join(parts)

    def unbalanced(self) -> list[College]:
        """Collèges whose share strays from a third by more than the tolerance."""
        if self.total < BALANCE_MIN_GROUP:
            return []
        third = 1 / 3
        return [
            college
            for college in College
            if abs(self[college] / self.total - third) > BALANCE_TOLERANCE
        ]

    def warnings(self, cap: int | None = WORKSHOP_CAP) -> list[str]:
        """French warnings: thirds far from balanced, more people than the cap."""
        messages: list[str] = []
        for college in self.unbalanced():
            share = round(100 * self[college] / self.total)
            who = plural(self[college], _SINGULARS[college], college.plural)
            messages.append(
                f"Tiers déséquilibrés : {who} sur {self.total} ({share} %), loin du tiers attendu."
            )
        if cap is not None and self.total > cap:
            messages.append(
                f"{self.total} personnes : au-delà des {cap} participants prévus par la démarche."
            )
        return messages
