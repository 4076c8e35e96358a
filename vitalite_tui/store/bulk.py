"""Bulk import: many dated rows in one go (the demo), with the checks the single-row API applies.

The rows are plain dataclasses named after the tables they fill; their ids are made by the
caller (so children can point at their parents before anything is written) and their times
are given (a demo tells a story of past evenings). Everything runs inside the caller's write
transaction, or opens one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from itertools import islice
from typing import Any, TypeVar

from vitalite_tui.db.models import (
    Action,
    Attendance,
    Axis,
    BaseModel,
    CommitteeMember,
    Demarche,
    FeltRating,
    ImageChoice,
    Intention,
    Link,
    Note,
    NoteRevision,
    Participant,
    Response,
    Round,
    Scenario,
    StepRecord,
    SubGroup,
    SubGroupMember,
    Trend,
    Turn,
    Vote,
    VoteSession,
    Workshop,
    db,
    utcnow,
)
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.text import clean_line
from vitalite_tui.store.base import as_uuid, demarche_row, key, writing
from vitalite_tui.store.preparation.participants import cleaned_values as participant_values
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.questionnaire.responses import CleanSheet, definition_row, insert_sheets
from vitalite_tui.store.workshops.capture import MAX_QUESTION, clean_note_text

#: Rows per INSERT: well under SQLite's limit on bound variables (32766).
CHUNK = 500


@dataclass(kw_only=True)
class Row:
    """What every row that travels has: an id, made (and last changed) at, maybe removed at."""

    #: Left out: now, as the single-row API stamps a row.
    created_at: datetime | None = None
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    #: Left out: the row was last changed when it was made.
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    def clean(self) -> None:
        """Apply the single-row API's checks (raising `InvalidInput` as it would)."""


@dataclass(kw_only=True)
class ParticipantRow(Row):
    demarche: uuid.UUID
    number: int
    display_name: str
    college: str
    commune: str = ""
    organisation: str = ""
    consent_data: bool = False
    consent_contact: bool = False
    consent_named: bool = False

    def clean(self) -> None:
        draft = ParticipantDraft(
            self.display_name,
            College(self.college),
            self.commune,
            self.organisation,
            consent_data=self.consent_data,
            consent_named=self.consent_named,
        )
        cleaned = participant_values(draft)
        self.display_name = str(cleaned["display_name"])
        self.college = str(cleaned["college"])
        self.commune = str(cleaned["commune"])
        self.organisation = str(cleaned["organisation"])


@dataclass(kw_only=True)
class CommitteeMemberRow(Row):
    demarche: uuid.UUID
    participant: uuid.UUID | None
    name: str
    role: str = ""
    organisation: str = ""
    position: int = 0


@dataclass(kw_only=True)
class AttendanceRow(Row):
    workshop: uuid.UUID
    participant: uuid.UUID
    newcomer: bool = False


@dataclass(kw_only=True)
class SubGroupRow(Row):
    workshop: uuid.UUID
    position: int
    name: str
    theme: str = ""
    indicator: int | None = None
    animateur: str = ""


@dataclass(kw_only=True)
class SubGroupMemberRow(Row):
    subgroup: uuid.UUID
    participant: uuid.UUID
    position: int


@dataclass(kw_only=True)
class RoundRow(Row):
    subgroup: uuid.UUID
    position: int
    question: str
    timebox_minutes: int
    started_at: datetime | None = None
    ended_at: datetime | None = None
    trend: uuid.UUID | None = None

    def clean(self) -> None:
        self.question = clean_line(self.question, field="Question", max_length=MAX_QUESTION)


@dataclass(kw_only=True)
class TurnRow(Row):
    round: uuid.UUID
    participant: uuid.UUID | None
    position: int
    passed: bool = False


@dataclass(kw_only=True)
class NoteRow(Row):
    workshop: uuid.UUID
    subgroup: uuid.UUID | None
    round: uuid.UUID | None
    turn: uuid.UUID | None
    speaker: uuid.UUID | None
    text: str
    kind: str
    indicator: int | None = None
    pole: str | None = None
    trend: uuid.UUID | None = None
    axis: uuid.UUID | None = None

    def clean(self) -> None:
        self.text = clean_note_text(self.text)


@dataclass(kw_only=True)
class NoteRevisionRow(Row):
    note: uuid.UUID
    text: str
    kind: str
    indicator: int | None = None
    pole: str | None = None

    def clean(self) -> None:
        self.text = clean_note_text(self.text)


@dataclass(kw_only=True)
class FeltRatingRow(Row):
    workshop: uuid.UUID
    participant: uuid.UUID | None
    college: str | None
    indicator: int
    value: int
    count: int = 1


@dataclass(kw_only=True)
class ImageChoiceRow(Row):
    workshop: uuid.UUID
    participant: uuid.UUID | None
    note: uuid.UUID | None
    card: str
    indicator: int | None = None
    pole: str | None = None
    why: str = ""


@dataclass(kw_only=True)
class AxisRow(Row):
    demarche: uuid.UUID
    workshop: uuid.UUID | None
    title: str
    description: str = ""
    indicator: int | None = None
    position: int = 0


@dataclass(kw_only=True)
class IntentionRow(Row):
    demarche: uuid.UUID
    workshop: uuid.UUID | None
    subgroup: uuid.UUID | None
    trend: uuid.UUID | None
    axis: uuid.UUID | None
    title: str
    description: str = ""
    indicators: list[int] = field(default_factory=list)
    status: str = "proposed"


@dataclass(kw_only=True)
class LinkRow(Row):
    demarche: uuid.UUID
    source_type: str
    source_id: uuid.UUID
    target_type: str
    target_id: uuid.UUID


@dataclass(kw_only=True)
class ScenarioRow(Row):
    demarche: uuid.UUID
    indicator: int | None
    text: str = ""


@dataclass(kw_only=True)
class ActionRow(Row):
    demarche: uuid.UUID
    title: str
    description: str = ""
    indicators: list[int] = field(default_factory=list)
    status: str = "candidate"
    kept: bool = False
    position: int = 0
    merged_into: uuid.UUID | None = None


@dataclass(kw_only=True)
class VoteSessionRow(Row):
    workshop: uuid.UUID
    round_number: int = 1
    dots_per_participant: int = 3
    max_per_action: int = 2
    hide_results: bool = False
    keep_count: int | None = None
    weight_colleges: bool = False
    closed_at: datetime | None = None


@dataclass(kw_only=True)
class VoteRow(Row):
    session: uuid.UUID
    action: uuid.UUID
    participant: uuid.UUID | None
    college: str | None
    dots: int
    source: str = "ballot"


#: The table each kind of row fills.
TABLES: dict[type[Row], type[BaseModel]] = {
    ParticipantRow: Participant,
    CommitteeMemberRow: CommitteeMember,
    AttendanceRow: Attendance,
    SubGroupRow: SubGroup,
    SubGroupMemberRow: SubGroupMember,
    RoundRow: Round,
    TurnRow: Turn,
    NoteRow: Note,
    NoteRevisionRow: NoteRevision,
    FeltRatingRow: FeltRating,
    ImageChoiceRow: ImageChoice,
    AxisRow: Axis,
    IntentionRow: Intention,
    LinkRow: Link,
    ScenarioRow: Scenario,
    ActionRow: Action,
    VoteSessionRow: VoteSession,
    VoteRow: Vote,
}

R = TypeVar("R", bound=Row)


def _values(row: Row, now: datetime) -> dict[str, Any]:
    values = {f.name: getattr(row, f.name) for f in fields(row)}
    values["created_at"] = row.created_at or now
    values["updated_at"] = row.updated_at or values["created_at"]
    return values


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _read(row_type: type[R], model: type[BaseModel], query: Any) -> list[R]:
    """Rows of `model` read back as `row_type` (the columns it names)."""
    names = [f.name for f in fields(row_type)]
    columns = [getattr(model, name) for name in names]
    return [row_type(**dict(zip(names, found, strict=True))) for found in query(columns).tuples()]


def unfinished_key(import_key: str) -> str:
    """The key of a démarche whose import is still being written (or was cut short)."""
    return f"{import_key}-unfinished"


class BulkImport:
    """Writes many rows at once; reads back the rows a later step of an import builds on."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction around many calls: all of the import is written, or none."""
        with writing():
            yield

    def insert(self, rows: Sequence[Row]) -> int:
        """Check and insert rows of one kind in chunks; returns how many.

        Foreign keys are checked at commit, not row by row: a row may point at one of a
        later chunk (an action merged into another further down the list).
        """
        if not rows:
            return 0
        kind = type(rows[0])
        if any(type(row) is not kind for row in rows):
            raise TypeError("one kind of row per insert")
        for row in rows:
            row.clean()
        model = TABLES[kind]
        with writing():
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            now = utcnow()
            for chunk in _chunks(_values(row, now) for row in rows):
                model.insert_many(chunk).execute()
        return len(rows)

    # ------------------------------------------------------------ démarches made by an import

    def imported(self, import_key: str) -> str | None:
        """The live démarche an earlier import with this key made, if any."""
        row = Demarche.get_or_none(
            (Demarche.demo_key == import_key) & Demarche.deleted_at.is_null()
        )
        return key(row) if row is not None else None

    def mark_imported(self, demarche_id: str, import_key: str) -> None:
        """Give a new démarche its import key; a removed démarche that had it lets it go."""
        with writing():
            for gone in Demarche.select().where(
                (Demarche.demo_key == import_key) & Demarche.deleted_at.is_null(False)
            ):
                gone.demo_key = f"{import_key}-removed-{key(gone)}"
                gone.save()
            Demarche.update(demo_key=import_key).where(
                Demarche.id == as_uuid(demarche_id)
            ).execute()

    def start_import(self, demarche_id: str, import_key: str) -> None:
        """Mark a new démarche as an import still being written, over several transactions.

        Its key is `unfinished_key(import_key)`: `imported` does not find it. A build cut
        short earlier (killed, a full disk) left one: it is removed first, as if by hand.
        """
        with writing():
            self.drop_unfinished(import_key)
            self.mark_imported(demarche_id, unfinished_key(import_key))

    def finish_import(self, demarche_id: str, import_key: str, territory: str) -> None:
        """The import is whole: the démarche takes its key and its own name."""
        with writing():
            self.mark_imported(demarche_id, import_key)
            Demarche.update(territory=territory).where(
                Demarche.id == as_uuid(demarche_id)
            ).execute()

    def drop_unfinished(self, import_key: str) -> None:
        """Remove (softly) what a build of `import_key` cut short left, and free its key."""
        unfinished = unfinished_key(import_key)
        now = utcnow()
        with writing():
            for left in Demarche.select().where(Demarche.demo_key == unfinished):
                Demarche.update(
                    demo_key=f"{unfinished}-removed-{key(left)}",
                    deleted_at=left.deleted_at or now,
                    updated_at=now,
                ).where(Demarche.id == left.id).execute()

    # ------------------------------------------------------------ dated changes

    def date_step(
        self,
        demarche_id: str,
        number: int,
        started: date,
        done: date | None,
        comment: str | None = None,
    ) -> None:
        """A step's calendar dates (and comment) as they were, not today's."""
        values: dict[Any, Any] = {StepRecord.started_on: started, StepRecord.done_on: done}
        if comment is not None:
            values[StepRecord.comment] = comment
        StepRecord.update(values).where(
            (StepRecord.demarche == as_uuid(demarche_id)) & (StepRecord.number == number)
        ).execute()

    def recap(self, workshop_id: uuid.UUID, text: str, written: datetime) -> None:
        """What a workshop kept, written at `written`."""
        Workshop.update(recap=text, updated_at=written).where(Workshop.id == workshop_id).execute()

    def sheets(self, demarche_id: str, sheets: Sequence[CleanSheet]) -> None:
        """Checked questionnaire sheets, typed in when they were collected (not today)."""
        with writing():
            demarche = demarche_row(demarche_id)
            ids = insert_sheets(demarche, definition_row(demarche), sheets)
            Response.update(
                created_at=Response.collected_at, updated_at=Response.collected_at
            ).where(Response.id.in_([as_uuid(i) for i in ids])).execute()

    def arrange_trends(self, demarche_id: str, order: Sequence[str], presented: set[str]) -> None:
        """Catalogue trends by code: `order` first, the `presented` ones selected."""
        rows = list(
            Trend.select(Trend.id, Trend.code)
            .where((Trend.demarche == as_uuid(demarche_id)) & Trend.code.is_null(False))
            .order_by(Trend.position)
        )
        ranked = sorted(rows, key=lambda r: order.index(r.code) if r.code in order else len(order))
        for position, row in enumerate(ranked):
            Trend.update(selected=row.code in presented, position=position).where(
                Trend.id == row.id
            ).execute()

    def round_trend(self, subgroup_id: uuid.UUID, trend_id: uuid.UUID) -> None:
        """A sub-group's rounds, and the notes said in them, were on this trend."""
        Round.update(trend=trend_id).where(Round.subgroup == subgroup_id).execute()
        Note.update(trend=trend_id).where(
            (Note.subgroup == subgroup_id) & Note.round.is_null(False)
        ).execute()

    def file_notes(self, axis_id: uuid.UUID, note_ids: Sequence[uuid.UUID]) -> None:
        """Notes filed in an axis; they keep their `updated_at` (filing is not editing)."""
        Note.update(axis=axis_id).where(Note.id.in_(list(note_ids))).execute()

    def keep_actions(self, action_ids: Sequence[uuid.UUID], status: str) -> None:
        Action.update(kept=True, status=status).where(Action.id.in_(list(action_ids))).execute()

    # ------------------------------------------------------------ rows read back

    def workshop_ids(self, demarche_id: str) -> dict[int, uuid.UUID]:
        """The démarche's workshops by number."""
        rows = Workshop.select(Workshop.number, Workshop.id).where(
            Workshop.demarche == as_uuid(demarche_id)
        )
        return {row.number: row.id for row in rows}

    def notes(self, workshop_id: uuid.UUID) -> list[NoteRow]:
        """The workshop's live notes, oldest first."""
        return _read(
            NoteRow,
            Note,
            lambda columns: (
                Note.select(*columns)
                .where((Note.workshop == workshop_id) & Note.deleted_at.is_null())
                .order_by(Note.created_at)
            ),
        )

    def note_count(self, demarche_id: str) -> int:
        """Live notes of every workshop of the démarche."""
        count: int = (
            Note.select()
            .join(Workshop)
            .where((Workshop.demarche == as_uuid(demarche_id)) & Note.deleted_at.is_null())
            .count()
        )
        return count

    def subgroups(self, workshop_id: uuid.UUID) -> list[SubGroupRow]:
        """The workshop's sub-groups in their order."""
        return _read(
            SubGroupRow,
            SubGroup,
            lambda columns: (
                SubGroup.select(*columns)
                .where(SubGroup.workshop == workshop_id)
                .order_by(SubGroup.position)
            ),
        )

    def axes(self, demarche_id: str) -> list[AxisRow]:
        """The démarche's live axes in their order."""
        return _read(
            AxisRow,
            Axis,
            lambda columns: (
                Axis.select(*columns)
                .where((Axis.demarche == as_uuid(demarche_id)) & Axis.deleted_at.is_null())
                .order_by(Axis.position)
            ),
        )

    def intentions(self, demarche_id: str) -> list[IntentionRow]:
        """The démarche's live intentions as written, oldest first."""
        return _read(
            IntentionRow,
            Intention,
            lambda columns: (
                Intention.select(*columns)
                .where(
                    (Intention.demarche == as_uuid(demarche_id)) & Intention.deleted_at.is_null()
                )
                .order_by(Intention.created_at, Intention.id)
            ),
        )
