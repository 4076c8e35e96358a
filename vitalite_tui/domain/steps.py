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


@dataclass(frozen=True)
class StepProgress:
    """What the base holds that tells whether a step looks finished (read by the store)."""

    number: int
    presentation_dated: bool = True
    decision: Decision = Decision.ADOPTED
    committee_members: int = 1
    logistics_done: int = 0
    logistics_total: int = 0
    #: Workshops of the step (all four for step 2, its own for 4–7) that have no date yet.
    undated_workshops: tuple[int, ...] = ()
    sheets: int = 1


def _numbers(numbers: tuple[int, ...]) -> str:
    """« 2 », « 2 et 3 », « 2, 3 et 4 »."""
    texts = [str(n) for n in numbers]
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} et {texts[-1]}"


def missing_before_done(progress: StepProgress) -> list[str]:
    """What is still missing before the step can be called finished, in French (empty: none).

    Marking a step finished is the facilitator's call: these are reasons to ask, not to refuse.
    """
    missing: list[str] = []
    if progress.number == 1:
        if not progress.presentation_dated:
            missing.append("la date de présentation aux élus")
        if progress.decision is Decision.PENDING:
            missing.append("la décision du conseil communautaire (en attente)")
    if progress.number == 2:
        if progress.committee_members == 0:
            missing.append("aucun membre du comité de pilotage")
        if progress.logistics_done < progress.logistics_total:
            missing.append(
                f"logistique : {progress.logistics_done} sur {progress.logistics_total} cochés"
            )
    if progress.number == 3 and progress.sheets == 0:
        missing.append("aucun questionnaire saisi")
    if progress.undated_workshops:
        several = len(progress.undated_workshops) > 1
        missing.append(
            f"{'ateliers' if several else 'atelier'} {_numbers(progress.undated_workshops)} "
            f"sans date"
        )
    return missing
