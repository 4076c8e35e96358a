"""The seven steps of the method and the status each one can have."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class StepStatus(str, Enum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"todo": "à faire", "in_progress": "en cours", "done": "terminée"}[self.value]

    @property
    def symbol(self) -> str:
        return {"todo": "○", "in_progress": "●", "done": "✔"}[self.value]


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    summary: str
    workshop: int | None = None

    @property
    def label(self) -> str:
        return f"{self.number}  {self.title}"


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "Présentation et validation",
        "Présentation aux élus et au technicien ; délibération du conseil communautaire.",
    ),
    Step(
        2,
        "Travaux préparatoires",
        "Comité de pilotage : planning, rôles, logistique, questionnaire.",
    ),
    Step(
        3,
        "Questionnaire de sociabilité",
        "Administration du questionnaire auprès de groupes d'habitants.",
    ),
    Step(
        4,
        "Atelier 1 · baromètre et images",
        "Baromètre de la vitalité sociale et images associées ; débriefing.",
        workshop=1,
    ),
    Step(
        5,
        "Atelier 2 · tendances",
        "Tendances, risques et opportunités ; intentions d'actions.",
        workshop=2,
    ),
    Step(
        6,
        "Atelier 3 · scénario et vote",
        "Vote sur les actions à retenir ; approfondissement en sous-groupes.",
        workshop=3,
    ),
    Step(
        7,
        "Atelier 4 · restitution, charte",
        "Restitution ouverte aux acteurs locaux ; charte de la vitalité sociale.",
        workshop=4,
    ),
)


def step(number: int) -> Step:
    if not 1 <= number <= len(STEPS):
        raise ValueError(f"step number out of range: {number}")
    return STEPS[number - 1]


class Decision(str, Enum):
    """The conseil communautaire's decision on committing to the démarche (step 1)."""

    PENDING = "pending"
    ADOPTED = "adopted"
    ADJOURNED = "adjourned"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            "pending": "en attente",
            "adopted": "adoptée",
            "adjourned": "ajournée",
            "rejected": "rejetée",
        }[self.value]
