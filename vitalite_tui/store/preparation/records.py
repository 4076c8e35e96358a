"""Plain records the store hands to screens and commands: no peewee, no widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.roles import WorkshopRoles


@dataclass(frozen=True)
class ParticipantDraft:
    """What a form collects for a participant (already typed, not yet cleaned)."""

    display_name: str
    college: College
    commune: str = ""
    organisation: str = ""
    contact: str = ""
    consent_data: bool = False
    consent_contact: bool = False
    consent_named: bool = False


@dataclass(frozen=True)
class ParticipantRecord:
    id: str
    code: str  # pseudonymous code, P007
    display_name: str
    college: College
    commune: str
    organisation: str
    contact: str
    consent_data: bool
    consent_contact: bool
    consent_named: bool

    def draft(self) -> ParticipantDraft:
        return ParticipantDraft(
            display_name=self.display_name,
            college=self.college,
            commune=self.commune,
            organisation=self.organisation,
            contact=self.contact,
            consent_data=self.consent_data,
            consent_contact=self.consent_contact,
            consent_named=self.consent_named,
        )


@dataclass(frozen=True)
class CommitteeMemberRecord:
    id: str
    name: str
    role: str  # free text (« présidente du COPIL »), beside the role at each workshop
    organisation: str
    workshop_roles: WorkshopRoles = field(default_factory=dict)


@dataclass(frozen=True)
class LogisticsItemRecord:
    id: str
    label: str
    done: bool
    person: str = ""  # who sees to it
    due_on: date | None = None

    def overdue(self, today: date) -> bool:
        """Not done and its day has passed."""
        return not self.done and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class WorkshopPlan:
    number: int
    date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""


@dataclass(frozen=True)
class QuestionnaireChoice:
    code: str
    version: str
    title: str
    item_count: int = 0
