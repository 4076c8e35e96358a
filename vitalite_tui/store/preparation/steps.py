"""Steps 1 and 2: step status, the council's decision, committee, logistics, planning."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from vitalite_tui.db.models import CommitteeMember, LogisticsItem, StepRecord, Workshop
from vitalite_tui.domain.dates import format_date
from vitalite_tui.domain.steps import STEPS, Decision, StepStatus
from vitalite_tui.domain.text import clean_line, clean_text
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import demarche_row, key, live, soft_delete, writing
from vitalite_tui.store.preparation.records import (
    CommitteeMemberRecord,
    LogisticsItemRecord,
    Step1Record,
    WorkshopPlan,
)

MAX_LINE = 120
MAX_COMMENT = 5000


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _from_iso(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def step1_from_data(data: dict[str, Any]) -> Step1Record:
    return Step1Record(
        presentation_date=_from_iso(data.get("presentation_date")),
        deliberation_date=_from_iso(data.get("deliberation_date")),
        deliberation_ref=str(data.get("deliberation_ref", "")),
        decision=Decision(data.get("decision", Decision.PENDING.value)),
        comment=str(data.get("comment", "")),
    )


def step1_detail(record: Step1Record) -> str:
    """The stepper's line for step 1: « délibération 14/03/26, n° 2026-041 »."""
    parts = []
    if record.deliberation_date:
        parts.append(f"délibération {record.deliberation_date.strftime('%d/%m/%y')}")
    if record.deliberation_ref:
        parts.append(f"n° {record.deliberation_ref}")
    if record.decision in (Decision.ADJOURNED, Decision.REJECTED):
        parts.append(record.decision.label)
    return ", ".join(parts)


class Steps:
    """Status of the seven steps: a step starts when something is saved, ends when marked."""

    @staticmethod
    def _record(demarche_id: str, number: int) -> StepRecord:
        if not 1 <= number <= len(STEPS):
            raise NotFound(f"Étape {number} inconnue.")
        demarche = demarche_row(demarche_id)
        record = StepRecord.get_or_none(
            (StepRecord.demarche == demarche) & (StepRecord.number == number)
        )
        return record if record is not None else StepRecord.create(demarche=demarche, number=number)

    def status(self, demarche_id: str, number: int) -> StepStatus:
        return StepStatus(self._record(demarche_id, number).status)

    def set_status(self, demarche_id: str, number: int, status: StepStatus) -> None:
        with writing():
            record = self._record(demarche_id, number)
            _apply_status(record, status)
            record.save()

    def touch(self, demarche_id: str, number: int) -> None:
        """Something was saved in this step: a step still to do is now in progress."""
        record = self._record(demarche_id, number)
        if record.status == StepStatus.TODO.value:
            _apply_status(record, StepStatus.IN_PROGRESS)
            record.save()

    def step1(self, demarche_id: str) -> Step1Record:
        return step1_from_data(self._record(demarche_id, 1).data)

    def save_step1(self, demarche_id: str, record: Step1Record) -> None:
        ref = clean_line(
            record.deliberation_ref, field="Référence", max_length=MAX_LINE, required=False
        )
        comment = clean_text(record.comment)
        if len(comment) > MAX_COMMENT:
            raise InvalidInput(f"Commentaire : au plus {MAX_COMMENT} caractères.")
        if (
            record.presentation_date
            and record.deliberation_date
            and record.deliberation_date < record.presentation_date
        ):
            raise InvalidInput("La délibération ne peut précéder la présentation de la démarche.")
        with writing():
            row = self._record(demarche_id, 1)
            row.data = {
                "presentation_date": _iso(record.presentation_date),
                "deliberation_date": _iso(record.deliberation_date),
                "deliberation_ref": ref,
                "decision": record.decision.value,
                "comment": comment,
            }
            if row.status == StepStatus.TODO.value:
                _apply_status(row, StepStatus.IN_PROGRESS)
            row.save()


def _apply_status(record: StepRecord, status: StepStatus) -> None:
    today = date.today()
    record.status = status.value
    if status is StepStatus.TODO:
        record.started_on = None
        record.done_on = None
        return
    if record.started_on is None:
        record.started_on = today
    record.done_on = today if status is StepStatus.DONE else None


class Committee:
    """The comité de pilotage and each member's role."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def all(self, demarche_id: str) -> list[CommitteeMemberRecord]:
        demarche = demarche_row(demarche_id)
        rows = (
            CommitteeMember.select()
            .where((CommitteeMember.demarche == demarche) & CommitteeMember.deleted_at.is_null())
            .order_by(CommitteeMember.position, CommitteeMember.created_at)
        )
        return [CommitteeMemberRecord(key(r), r.name, r.role, r.organisation) for r in rows]

    @staticmethod
    def _clean(name: str, role: str, organisation: str) -> tuple[str, str, str]:
        return (
            clean_line(name, field="Nom", max_length=MAX_LINE),
            clean_line(role, field="Rôle", max_length=MAX_LINE, required=False),
            clean_line(organisation, field="Structure", max_length=MAX_LINE, required=False),
        )

    def add(self, demarche_id: str, name: str, role: str = "", organisation: str = "") -> str:
        name, role, organisation = self._clean(name, role, organisation)
        with writing():
            demarche = demarche_row(demarche_id)
            position = CommitteeMember.select().where(CommitteeMember.demarche == demarche).count()
            row = CommitteeMember.create(
                demarche=demarche,
                name=name,
                role=role,
                organisation=organisation,
                position=position,
            )
            self._steps.touch(demarche_id, 2)
        return key(row)

    def update(self, member_id: str, name: str, role: str = "", organisation: str = "") -> None:
        name, role, organisation = self._clean(name, role, organisation)
        with writing():
            row = live(CommitteeMember, member_id, "Membre du comité")
            row.name, row.role, row.organisation = name, role, organisation
            row.save()

    def remove(self, member_id: str) -> None:
        with writing():
            soft_delete(live(CommitteeMember, member_id, "Membre du comité"))


class Logistics:
    """The preparation checklist, prefilled with what an evening workshop needs."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def all(self, demarche_id: str) -> list[LogisticsItemRecord]:
        demarche = demarche_row(demarche_id)
        rows = (
            LogisticsItem.select()
            .where((LogisticsItem.demarche == demarche) & LogisticsItem.deleted_at.is_null())
            .order_by(LogisticsItem.position, LogisticsItem.created_at)
        )
        return [LogisticsItemRecord(key(r), r.label, r.done) for r in rows]

    def add(self, demarche_id: str, label: str) -> str:
        text = clean_line(label, field="Élément", max_length=MAX_LINE)
        with writing():
            demarche = demarche_row(demarche_id)
            position = LogisticsItem.select().where(LogisticsItem.demarche == demarche).count()
            row = LogisticsItem.create(demarche=demarche, label=text, position=position)
        return key(row)

    def toggle(self, item_id: str) -> bool:
        """Tick or untick; returns the new state."""
        with writing():
            row = live(LogisticsItem, item_id, "Élément de logistique")
            row.done = not row.done
            row.save()
            self._steps.touch(str(row.demarche_id), 2)
        return bool(row.done)

    def rename(self, item_id: str, label: str) -> None:
        text = clean_line(label, field="Élément", max_length=MAX_LINE)
        with writing():
            row = live(LogisticsItem, item_id, "Élément de logistique")
            row.label = text
            row.save()

    def remove(self, item_id: str) -> None:
        with writing():
            soft_delete(live(LogisticsItem, item_id, "Élément de logistique"))


class Planning:
    """Date, times and place planned for each of the four workshops."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    @staticmethod
    def _row(demarche_id: str, number: int) -> Workshop:
        if number not in WORKSHOP_NUMBERS:
            raise NotFound(f"Atelier {number} inconnu (1 à 4).")
        demarche = demarche_row(demarche_id)
        row = Workshop.get_or_none((Workshop.demarche == demarche) & (Workshop.number == number))
        return row if row is not None else Workshop.create(demarche=demarche, number=number)

    def all(self, demarche_id: str) -> list[WorkshopPlan]:
        return [self.get(demarche_id, number) for number in WORKSHOP_NUMBERS]

    def get(self, demarche_id: str, number: int) -> WorkshopPlan:
        row = self._row(demarche_id, number)
        return WorkshopPlan(number, row.date, row.start_time, row.end_time, row.place)

    def save(self, demarche_id: str, plan: WorkshopPlan) -> list[str]:
        """Save one workshop's plan; returns warnings (saved anyway), in French."""
        place = clean_line(plan.place, field="Lieu", max_length=MAX_LINE, required=False)
        if plan.start_time and plan.end_time and plan.end_time <= plan.start_time:
            raise InvalidInput(f"Atelier {plan.number} : la fin doit suivre le début.")
        with writing():
            row = self._row(demarche_id, plan.number)
            row.date = plan.date
            row.start_time = plan.start_time
            row.end_time = plan.end_time
            row.place = place
            row.save()
            self._steps.touch(demarche_id, 2)
        return self.order_warnings(demarche_id)

    def order_warnings(self, demarche_id: str) -> list[str]:
        """Workshops planned out of order (1 after 2…): allowed, but worth a word."""
        dated = [(p.number, p.date) for p in self.all(demarche_id) if p.date]
        return [
            f"L'atelier {n2} ({format_date(d2)}) tombe avant l'atelier {n1} ({format_date(d1)})."
            for (n1, d1), (n2, d2) in pairwise(dated)
            if d2 < d1
        ]
