"""The seven steps' status, what a step still lacks, and step 1: the council's decision."""

from __future__ import annotations

from datetime import date
from typing import Any

from vitalite_tui.db.models import CommitteeMember, LogisticsItem, Response, StepRecord, Workshop
from vitalite_tui.domain.steps import (
    STEPS,
    Decision,
    StepProgress,
    StepStatus,
    missing_before_done,
    step,
)
from vitalite_tui.domain.text import clean_line, clean_text
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import demarche_row, writing
from vitalite_tui.store.preparation.demarche_records import Step1Record

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

    def missing(self, demarche_id: str, number: int) -> list[str]:
        """What the step still lacks before it looks finished (French; empty: nothing)."""
        return missing_before_done(self.progress(demarche_id, number))

    def progress(self, demarche_id: str, number: int) -> StepProgress:
        """What the base holds that tells whether step `number` looks finished."""
        demarche = demarche_row(demarche_id)
        if number == 1:
            record = self.step1(demarche_id)
            return StepProgress(
                1, presentation_dated=record.presentation_date is not None, decision=record.decision
            )
        if number == 2:
            items = LogisticsItem.select().where(
                (LogisticsItem.demarche == demarche) & LogisticsItem.deleted_at.is_null()
            )
            members = CommitteeMember.select().where(
                (CommitteeMember.demarche == demarche) & CommitteeMember.deleted_at.is_null()
            )
            return StepProgress(
                2,
                committee_members=members.count(),
                logistics_done=sum(1 for item in items if item.done),
                logistics_total=len(items),
                undated_workshops=_undated(demarche_id, None),
            )
        if number == 3:
            sheets = (
                Response.select()
                .where((Response.demarche == demarche) & Response.deleted_at.is_null())
                .count()
            )
            return StepProgress(3, sheets=sheets)
        return StepProgress(number, undated_workshops=_undated(demarche_id, step(number).workshop))

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


def _undated(demarche_id: str, number: int | None) -> tuple[int, ...]:
    """The démarche's workshops (or only workshop `number`) that have no date yet."""
    query = Workshop.select(Workshop.number).where(
        (Workshop.demarche == demarche_row(demarche_id))
        & Workshop.date.is_null()
        & (Workshop.session == 1)  # an extra evening is dated when added, not in step 2
    )
    if number is not None:
        query = query.where(Workshop.number == number)
    return tuple(sorted(w.number for w in query))


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
