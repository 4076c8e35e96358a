"""The records of a démarche and its steps: what the home screen, the stepper and the
démarche's commands read (kept apart from the registry's and logistics' records, so that
the first screen builds only these). Plain records: no peewee, no widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.domain.text import plural


@dataclass(frozen=True)
class DemarcheSummary:
    id: str
    territory: str
    communes: list[str]
    participant_count: int
    steps_done: int
    is_demo: bool
    created_at: datetime
    #: When it was set aside (hidden from the home list unless asked for), or None.
    archived_at: datetime | None = None


@dataclass(frozen=True)
class RemovedDemarche:
    """A removed démarche: its rows stay in the file until it is brought back."""

    id: str
    territory: str
    removed_at: datetime


@dataclass(frozen=True)
class DemarcheContents:
    """What removing a démarche takes away, for the confirmation to name."""

    participants: int
    sheets: int
    notes: int
    actions: int

    def described(self) -> str:
        """« 45 participants, 80 questionnaires, 500 notes d'atelier, 12 actions »."""
        return ", ".join(
            (
                plural(self.participants, "participant"),
                plural(self.sheets, "questionnaire"),
                plural(self.notes, "note d'atelier", "notes d'atelier"),
                plural(self.actions, "action"),
            )
        )


@dataclass(frozen=True)
class StepView:
    """One line of the stepper: status, dates and a one-line summary of what was kept."""

    number: int
    title: str
    status: StepStatus
    started_on: date | None
    done_on: date | None
    detail: str


@dataclass(frozen=True)
class Step1Record:
    presentation_date: date | None = None
    deliberation_date: date | None = None
    deliberation_ref: str = ""
    decision: Decision = Decision.PENDING
    comment: str = ""
